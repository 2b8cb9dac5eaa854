/** Whether lone lines between the rows (`Objective 2: …`, `Finance`) are headings naming what the rows below belong to, or notes. */
import { Switch } from "@fluentui/react-components";
import { HEADING_FIELD } from "../../../app";
import type { MappingDraft } from "./draft";

export function HeadingRows({ draft }: { draft: MappingDraft }) {
  const named = HEADING_FIELD[draft.mapping.kind];
  if (!named || named in draft.mapping.columns) return null;
  return (
    <Switch
      checked={draft.mapping.arrangement.headingRows}
      onChange={(_, data) => draft.arrange({ headingRows: data.checked })}
      label={`Lone lines between the rows are headings: each names the ${named} of the rows below it (a header repeated under a heading is skipped)`}
    />
  );
}
