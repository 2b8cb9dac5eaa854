/** Whether lone lines between the rows (`Objective 2: …`, `Finance`) are headings naming what the rows below belong to, or notes. */
import { Switch } from "@fluentui/react-components";
import type { MappingDraft } from "./draft";

const NAMED: Readonly<Record<string, string>> = { okr: "objective", kpi: "area" };

export function HeadingRows({ draft }: { draft: MappingDraft }) {
  const named = NAMED[draft.mapping.kind];
  if (!named || named in draft.mapping.columns) return null;
  return (
    <Switch
      checked={draft.mapping.arrangement.headingRows}
      onChange={(_, data) => draft.arrange({ headingRows: data.checked })}
      label={`Lone lines between the rows are headings: each names the ${named} of the rows below it (a header repeated under a heading is skipped)`}
    />
  );
}
