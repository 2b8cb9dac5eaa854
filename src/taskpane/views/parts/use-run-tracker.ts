/** Phase and progress of one long run at a time, and the signal that stops it. */
import { useCallback, useRef, useState } from "react";
import type { Phase } from "../../../app";
import type { Progress } from "../../../core/plan";

export interface RunTracker {
  phase: Phase | null;
  progress: Progress | null;
  /** Options to hand to the use case: phase and progress reports, and the stop signal. */
  start(): { onPhase(phase: Phase): void; onProgress(progress: Progress): void; signal: AbortSignal };
  stop(): void;
}

/**
 * Tracks one run at a time: a new run forgets the last one's progress.
 *
 * @example
 * const tracker = useRunTracker();
 * const options = tracker.start(); // hand to the use case
 * tracker.stop() // options.signal.aborted is true
 */
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
