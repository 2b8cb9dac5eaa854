/**
 * Rollup: choose a quarter and write its rollup onto a new sheet, then show it.
 */
import { Body1, Button } from "@fluentui/react-components";
import { buildRollup, type Failure } from "../../app";
import { ActionMessages } from "../app/feedback";
import { useHost } from "../app/host";
import { PeriodField, Section, useLayoutStyles, useOutputPeriod } from "./common";
import { RunProgress } from "./run-progress";
import { useOutputRun } from "./use-output-run";

/** How the pane words a rollup that was not written. */
function rollupFailure(failure: Failure): string {
  return failure.code === "no-data" ? `Nothing to roll up: there are no key results or KPI readings in ${failure.period.label}, so no sheet was written.` : failure.message;
}

export function RollupView() {
  const layout = useLayoutStyles();
  const { port, asOf } = useHost();
  const { periods, period, choose } = useOutputPeriod("rollup");
  const { action, progress, run } = useOutputRun();
  if (!period) return <Body1>No quarter was found in the OKR or KPI sheets, so there is nothing to roll up yet.</Body1>;

  const build = () =>
    run(async (onProgress) => {
      const done = await buildRollup(port, { period, asOf, onProgress });
      if (!done.ok) throw new Error(rollupFailure(done));
      const name = done.written.names.rollup ?? Object.values(done.written.names)[0];
      return { sheet: name, message: `The rollup of ${done.period.label} is on the sheet "${name}".` };
    });

  return (
    <Section title="Quarterly rollup">
      <Body1>Company, team and objective scores, grade and pace, KPI health and candidates for a quarter, on a new sheet with charts.</Body1>
      <PeriodField label="Quarter" periods={periods} value={period.label} onChoose={choose} />
      <div className={layout.actions}>
        <Button appearance="primary" onClick={() => void build()} disabled={action.busy}>
          Build rollup
        </Button>
      </div>
      <RunProgress progress={progress} busy={action.busy} />
      <ActionMessages state={action} />
    </Section>
  );
}
