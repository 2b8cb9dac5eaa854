/**
 * Running a use case that writes new sheets from a view: phase and progress
 * while it writes (with Stop), then the new sheet shown and the workbook read again.
 */
import type { Failure, RunOptions } from "../../../app";
import { useAction, type ActionState } from "../../app/feedback";
import { useHost, useWorkbook } from "../../app/host";
import { useRunTracker, type RunTracker } from "./use-run-tracker";

export interface OutputRun {
  action: ActionState;
  tracker: RunTracker;
  /**
   * Runs `work` with the progress options to hand to the use case; it returns the
   * sheet to show and the sentence to say, or the failure. Stopping reads as an outcome, not an error.
   */
  run(work: (options: Pick<RunOptions, "onPhase" | "onProgress" | "signal">) => Promise<{ sheet: string | undefined; message: string } | Failure>): Promise<void>;
}

/**
 * One output-writing run at a time for a view, with its feedback and progress.
 *
 * @example
 * const { action, tracker, run } = useOutputRun();
 * void run(async (progress) => {
 *   const done = await buildRollup(port, { period, ...progress });
 *   return done.ok ? rollupWritten(done) : done;
 * }); // while writing: tracker.progress; then the new sheet is selected and action says the message
 */
export function useOutputRun(): OutputRun {
  const { editor } = useHost();
  const { reload } = useWorkbook();
  const action = useAction();
  const tracker = useRunTracker();
  const run: OutputRun["run"] = (work) =>
    action.run(async () => {
      const done = await work(tracker.start());
      if ("ok" in done && done.code === "cancelled") return done.message;
      if ("ok" in done) throw new Error(done.message);
      if (done.sheet) await editor.select(done.sheet, "A1");
      await reload();
      return done.message;
    });
  return { action, tracker, run };
}
