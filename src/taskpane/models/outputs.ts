/** What the Rollup and Reviews views say once their sheets are written, and which sheet they show. */
import type { Period } from "../../core/model";
import type { WriteResult } from "../../core/plan";

/** A written output: the sheet to show and the sentence to say. */
export interface Shown {
  sheet: string | undefined;
  message: string;
}

/**
 * The rollup sheet and the sentence about it.
 *
 * @example
 * rollupWritten({ period: q3, written: { names: { rollup: "Rollup 2026-Q3" } } })
 * // { sheet: "Rollup 2026-Q3", message: 'The rollup of 2026-Q3 is on the sheet "Rollup 2026-Q3".' }
 */
export function rollupWritten(done: { period: Period; written: WriteResult }): Shown {
  const name = done.written.names.rollup ?? Object.values(done.written.names)[0];
  return { sheet: name, message: `The rollup of ${done.period.label} is on the sheet "${name}".` };
}

/**
 * Why nothing was rolled up for a quarter with no data.
 *
 * @example
 * nothingToRollUp(q1) // "Nothing to roll up: there are no key results or KPI readings in 2019-Q1, so no sheet was written."
 */
export function nothingToRollUp(period: Period): string {
  return `Nothing to roll up: there are no key results or KPI readings in ${period.label}, so no sheet was written.`;
}

/**
 * The index of the reviews and the sentence about them.
 *
 * @example
 * reviewsWritten({ period: y2026, reviews: 2, written: { names: { index: "Reviews 2026" } } })
 * // { sheet: "Reviews 2026", message: 'Wrote 2 reviews for 2026; the index is on "Reviews 2026".' }
 */
export function reviewsWritten(done: { period: Period; reviews: number; written: WriteResult }): Shown {
  const name = done.written.names.index ?? Object.values(done.written.names)[0];
  return { sheet: name, message: `Wrote ${done.reviews} ${done.reviews === 1 ? "review" : "reviews"} for ${done.period.label}; the index is on "${name}".` };
}
