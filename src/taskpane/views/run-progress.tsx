/**
 * Progress of a long use case: a bar with a sentence screen readers hear (the
 * phase, then sheets written of the total) and a Stop button while the work can
 * still stop cleanly (nothing stays written when it is stopped).
 */
import { useCallback, useRef, useState } from "react";
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../../core/plan";
import type { Phase } from "../../workbook/use-cases";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1, minWidth: 0 },
});

export interface RunTracker {
  phase: Phase | null;
  progress: Progress | null;
  /** Options to hand to the use case: phase and progress reports, and the stop signal. */
  start(): { onPhase(phase: Phase): void; onProgress(progress: Progress): void; signal: AbortSignal };
  stop(): void;
}

/** Tracks one run at a time: a new run forgets the last one's progress. */
export function useRunTracker(): RunTracker {
  const [phase, setPhase] = useState<Phase | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const start = useCallback(() => {
    controller.current = new AbortController();
    setPhase(null);
    setProgress(null);
    return { onPhase: setPhase, onProgress: setProgress, signal: controller.current.signal };
  }, []);
  const stop = useCallback(() => controller.current?.abort(), []);
  return { phase, progress, start, stop };
}

/** The sentence for where a run stands. */
export function progressText(phase: Phase | null, progress: Progress | null): string {
  if (progress) return `Wrote ${progress.done} of ${progress.total} sheets (${progress.sheet})`;
  if (phase?.phase === "writing") return `Writing ${phase.sheets} ${phase.sheets === 1 ? "sheet" : "sheets"}…`;
  return "Reading the workbook…";
}

export function RunProgress({ tracker, busy }: { tracker: RunTracker; busy: boolean }) {
  const styles = useStyles();
  if (!busy) return null;
  const { phase, progress } = tracker;
  const text = progressText(phase, progress);
  // Before every sheet is written the work can still stop without leaving anything behind.
  const stoppable = !progress || progress.done < progress.total;
  return (
    <div className={styles.row}>
      <Field className={styles.bar} validationMessage={text} validationState="none" aria-live="polite">
        <ProgressBar value={progress ? progress.done / Math.max(1, progress.total) : undefined} aria-label="Progress" />
      </Field>
      {stoppable && (
        <Button size="small" onClick={tracker.stop}>
          Stop
        </Button>
      )}
    </div>
  );
}

/** A bar for work that runs as one request and cannot stop part-way (a table conversion), with what it is doing. */
export function BusyBar({ text }: { text: string | null }) {
  if (text === null) return null;
  return (
    <Field validationMessage={text} validationState="none" aria-live="polite">
      <ProgressBar aria-label="Progress" />
    </Field>
  );
}
