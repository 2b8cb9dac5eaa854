/**
 * Rollup: choose a quarter and write its rollup onto a new sheet, then show it.
 */
import { Body1, Button } from "@fluentui/react-components";
import { runRollup } from "../../workbook/use-cases";
import { ActionMessages, useAction } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import { PeriodField, Section, distinctPeriods, useLayoutStyles, useOutputPeriod } from "./common";
import { RunProgress, useRunTracker } from "./run-progress";

export function RollupView() {
  const layout = useLayoutStyles();
  const { port, editor, asOf } = useHost();
  const { loaded, reload } = useWorkbook();
  const action = useAction();
  const { periodFrom, choose } = useOutputPeriod("rollup");
  const tracker = useRunTracker();
  if (!loaded) return null;
  const quarters = distinctPeriods([...loaded.parsed.keyResults.map((k) => k.period), ...loaded.parsed.kpis.map((k) => k.period)]).filter((p) => p.kind === "quarter");
  if (quarters.length === 0) return <Body1>No quarter was found in the OKR or KPI sheets, so there is nothing to roll up yet.</Body1>;
  const period = periodFrom(quarters);

  const build = () =>
    action.run(async () => {
      const done = await runRollup(port, { period, asOf, ...tracker.start() });
      // Stopping is the user's choice, not a failure: it reads as the outcome.
      if (!done.ok && done.code === "cancelled") return done.message;
      if (!done.ok) throw new Error(done.message);
      const name = done.written.names.rollup ?? Object.values(done.written.names)[0];
      if (name) await editor.select(name, "A1");
      await reload();
      return `The rollup of ${done.period.label} is on the sheet "${name}".`;
    });

  return (
    <Section title="Quarterly rollup">
      <Body1>Company, team and objective scores, grade and pace, KPI health and candidates for a quarter, on a new sheet with charts.</Body1>
      <PeriodField label="Quarter" periods={quarters} value={period} onChoose={choose} />
      <div className={layout.actions}>
        <Button appearance="primary" onClick={() => void build()} disabled={action.busy}>
          Build rollup
        </Button>
      </div>
      <RunProgress tracker={tracker} busy={action.busy} />
      <ActionMessages state={action} />
    </Section>
  );
}
