/**
 * Checks: the goal-quality findings and the data problems, grouped by rule and
 * then by sheet. Choosing one selects its cell in the grid.
 */
import { Accordion, Body1, Button } from "@fluentui/react-components";
import { ActionMessages, useAction } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import { checksSummary, groupChecks, type CheckItem } from "../models/checks";
import { CheckGroupItem } from "./checks/CheckGroupItem";
import { Section, useLayoutStyles } from "./common";

export function Checks() {
  const layout = useLayoutStyles();
  const { editor } = useHost();
  const { loaded, loading, reload } = useWorkbook();
  const action = useAction();
  if (!loaded) return null;
  const groups = groupChecks(loaded.findings, [...loaded.parsed.problems, ...loaded.analysis.problems]);

  const select = (item: CheckItem) =>
    void action.run(async () => {
      await editor.select(item.sheet, item.cell);
      return null;
    });

  return (
    <Section title="Checks">
      <div className={layout.actions}>
        <Body1>{checksSummary(groups)}</Body1>
        <Button size="small" onClick={() => void reload()} disabled={loading}>
          {loading ? "Checking…" : "Check again"}
        </Button>
      </div>
      <ActionMessages state={action} />
      <Accordion multiple collapsible defaultOpenItems={groups.slice(0, 1).map((g) => g.id)}>
        {groups.map((g) => (
          <CheckGroupItem key={g.id} group={g} onSelect={select} />
        ))}
      </Accordion>
    </Section>
  );
}
