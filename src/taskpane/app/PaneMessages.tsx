/** What the pane says above any view: a ribbon command's notice, and a workbook that could not be read. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { PaneNotice } from "../../commands/navigation";

export function PaneMessages({ notice, error }: { notice: PaneNotice | null; error: string | null }) {
  return (
    <>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} data-testid="ribbon-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
