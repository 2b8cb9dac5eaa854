/** Where a long run (a rollup, reviews) stands, as the progress bar says it. */
import type { Phase } from "../../app";
import type { Progress } from "../../core/plan";

/**
 * The sentence for where a run stands.
 *
 * @example
 * progressText(null, { done: 2, total: 5, sheet: "Ana López 2026" }) // "Wrote 2 of 5 sheets (Ana López 2026)"
 */
export function progressText(phase: Phase | null, progress: Progress | null): string {
  if (progress) return `Wrote ${progress.done} of ${progress.total} sheets (${progress.sheet})`;
  if (phase?.phase === "writing") return `Writing ${phase.sheets} ${phase.sheets === 1 ? "sheet" : "sheets"}…`;
  return "Reading the workbook…";
}

/**
 * How far the bar is filled (0–1), or `undefined` for a bar that only says it is busy.
 *
 * @example
 * progressShare({ done: 1, total: 4, sheet: "Reviews 2026" }) // 0.25
 */
export function progressShare(progress: Progress | null): number | undefined {
  return progress ? progress.done / Math.max(1, progress.total) : undefined;
}

/**
 * Whether the run can still stop without leaving anything behind: until every sheet is written.
 *
 * @example
 * canStop({ done: 3, total: 3, sheet: "Rollup 2026-Q3" }) // false
 */
export function canStop(progress: Progress | null): boolean {
  return !progress || progress.done < progress.total;
}
