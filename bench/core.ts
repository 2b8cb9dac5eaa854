/**
 * One size of the core benchmark, run in its own process so its peak memory is
 * its own: generate a workbook, then time parsing, scoring and checking, and the
 * rollup and reviews (figures and sheet plans). Prints one JSON line.
 *
 * Usage: tsx bench/core.ts <key result rows>
 */
import { analyse } from "../src/core/analyse";
import { checkWorkbook } from "../src/core/checks";
import { parseWorkbook } from "../src/core/parse";
import { computeReviews } from "../src/core/review";
import { computeRollup } from "../src/core/rollup";
import { planRollup } from "../src/core/rollup-sheet";
import { planReviews } from "../src/core/review-sheets";
import { makePeriod } from "../src/core/periods";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { generateWorkbook } from "./generate";
import { HeapSampler, timed } from "./measure";

export interface CoreResult {
  rows: number;
  people: number;
  /** Rows across all four sheets. */
  totalRows: number;
  generateMs: number;
  parseMs: number;
  scoreMs: number;
  checkMs: number;
  rollupMs: number;
  reviewsMs: number;
  planRollupMs: number;
  planReviewsMs: number;
  /** The same phases in CPU time (see `timed`). */
  cpu: { parseMs: number; scoreMs: number; checkMs: number; rollupMs: number; reviewsMs: number; planRollupMs: number; planReviewsMs: number };
  reviews: number;
  findings: number;
  problems: number;
  peakHeapMb: number;
  maxRssMb: number;
}

const AS_OF = "2026-08-15";

function main(): void {
  const rows = Number(process.argv[2]);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`usage: core.ts <rows>, got ${process.argv[2]}`);
  const heap = new HeapSampler();
  const settings = DEFAULT_SETTINGS;
  const collect = (globalThis as { gc?: () => void }).gc;
  const phase = <T>(work: () => T) => {
    collect?.();
    const result = timed(work);
    heap.sample();
    return result;
  };
  const generated = phase(() => generateWorkbook(rows));
  const book = generated.value;
  const parsed = phase(() => parseWorkbook(book.sheets, { settings }));
  const analysis = phase(() => analyse(parsed.value, settings, AS_OF));
  const findings = phase(() => checkWorkbook(parsed.value, analysis.value, { settings, asOf: AS_OF }));
  const rollup = phase(() => computeRollup(analysis.value, findings.value, { period: makePeriod("quarter", 2026, 3)!, settings }));
  const reviews = phase(() => computeReviews(analysis.value, findings.value, { period: makePeriod("year", 2026, 1)!, settings }));
  const rollupPlan = phase(() => planRollup(rollup.value));
  const reviewPlan = phase(() => planReviews(reviews.value, { period: makePeriod("year", 2026, 1)! }));
  // Keep the plans alive until the memory figures are read.
  if (rollupPlan.value.sheets.length === 0 || reviewPlan.value.sheets.length === 0) throw new Error("empty plan");
  const result: CoreResult = {
    rows,
    people: book.people,
    totalRows: rows + book.kpiRows + book.kraRows + book.checkInRows,
    generateMs: generated.ms,
    parseMs: parsed.ms,
    scoreMs: analysis.ms,
    checkMs: findings.ms,
    rollupMs: rollup.ms,
    reviewsMs: reviews.ms,
    planRollupMs: rollupPlan.ms,
    planReviewsMs: reviewPlan.ms,
    cpu: {
      parseMs: parsed.cpuMs,
      scoreMs: analysis.cpuMs,
      checkMs: findings.cpuMs,
      rollupMs: rollup.cpuMs,
      reviewsMs: reviews.cpuMs,
      planRollupMs: rollupPlan.cpuMs,
      planReviewsMs: reviewPlan.cpuMs,
    },
    reviews: reviews.value.length,
    findings: findings.value.length,
    problems: parsed.value.problems.length + analysis.value.problems.length,
    peakHeapMb: heap.peakMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
