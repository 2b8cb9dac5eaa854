/**
 * Running a use case that writes new sheets from a view: progress while it
 * writes, then the new sheet shown and the workbook read again.
 */
import { useState } from "react";
import type { Progress } from "../../core/plan";
import { useAction, type ActionState } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";

export interface OutputRun {
  action: ActionState;
  progress: Progress | null;
  /** Runs `work`, which reports progress and returns the sheet to show and the sentence to say, */
  run(work: (onProgress: (progress: Progress) => void) => Promise<{ sheet: string | undefined; message: string }>): Promise<void>;
}

export function useOutputRun(): OutputRun {
  const { editor } = useHost();
  const { reload } = useWorkbook();
  const action = useAction();
  const [progress, setProgress] = useState<Progress | null>(null);
  const run: OutputRun["run"] = (work) =>
    action.run(async () => {
      setProgress(null);
      const done = await work(setProgress);
      if (done.sheet) await editor.select(done.sheet, "A1");
      await reload();
      return done.message;
    });
  return { action, progress, run };
}
