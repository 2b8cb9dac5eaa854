/**
 * Rollup: choose a quarter and write its rollup onto a new sheet, then show it.
 */
import { Body1, Button } from "@fluentui/react-components";
import { buildRollup, fail } from "../../app";
import { ActionMessages } from "../app/feedback";
import { useHost } from "../app/host";
import { nothingToRollUp, rollupWritten } from "../models/outputs";
import { Section, useLayoutStyles } from "./common";
import { PeriodField } from "./parts/PeriodField";
import { RunProgress } from "./parts/RunProgress";
import { useOutputPeriod } from "./parts/use-output-period";
import { useOutputRun } from "./parts/use-output-run";

export function RollupView() {
  const layout = useLayoutStyles();
  const { port, asOf } = useHost();
  const { periods, period, choose } = useOutputPeriod("rollup");
  const { action, tracker, run } = useOutputRun();
  if (!period) return <Body1>No quarter was found in the OKR or KPI sheets, so there is nothing to roll up yet.</Body1>;

  const build = () =>
    run(async (progress) => {
      const done = await buildRollup(port, { period, asOf, ...progress });
      if (!done.ok && done.code === "no-data") return { ...fail(done), message: nothingToRollUp(done.period) };
      return done.ok ? rollupWritten(done) : done;
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
      <RunProgress tracker={tracker} busy={action.busy} />
      <ActionMessages state={action} />
    </Section>
  );
}
