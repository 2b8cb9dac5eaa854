/**
 * The custom functions' range form on a column of key results: each function
 * called once with whole 100,000-row ranges, as Excel calls it for a spilling
 * formula such as `=ALTITUDE.OKRSCORE(J2:J100001, K2:K100001, L2:L100001)`.
 * Prints one JSON line: milliseconds per function.
 *
 * Usage: tsx bench/functions.ts <rows>
 */
import { installCustomFunctionsStub } from "./custom-functions-stub";
import { prng } from "./generate";
import { timedAsync } from "./measure";

export interface FunctionsResult {
  rows: number;
  ms: Record<string, number>;
  /** Cells that came back as errors, per function (a sanity check that the work was real). */
  errors: Record<string, number>;
}

function column<T>(rows: number, cell: (i: number) => T): T[][] {
  return Array.from({ length: rows }, (_, i) => [cell(i)]);
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2]);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`usage: functions.ts <rows>, got ${process.argv[2]}`);
  const isError = installCustomFunctionsStub();
  // Imported after the stub exists: the module registers its functions on load.
  const fn = await import("../src/functions/functions");
  const random = prng(7);
  const start = column(rows, () => Math.round(random() * 100));
  const target = column(rows, (i) => start[i][0] + 10 + Math.round(random() * 50));
  const current = column(rows, (i) => (random() < 0.1 ? "" : start[i][0] + Math.round(random() * 60)));
  const types = column(rows, (i) => (i % 3 === 0 ? "" : "increase"));
  const scores = column(rows, () => random());
  const commitments = column(rows, (i) => (i % 5 === 0 ? "committed" : "aspirational"));
  const periodStart = column(rows, () => 46204);
  const periodEnd = column(rows, () => 46295);
  const asOf = column(rows, () => 46249);
  const floor = column(rows, () => 40);
  const kpiTarget = column(rows, () => 60);
  const actual = column(rows, () => Math.round(random() * 100));
  const readings = Array.from({ length: rows }, () => [Math.round(random() * 100), Math.round(random() * 100), Math.round(random() * 100)]);
  const weights = column(rows, () => 1 + Math.floor(random() * 3));
  const ratings = column(rows, () => 1 + Math.floor(random() * 5));

  const calls: Record<string, () => Promise<unknown>> = {
    OKRSCORE: () => fn.okrScore(start, target, current, types),
    OBJECTIVESCORE: () => fn.objectiveScoreFn(scores, weights),
    OKRGRADE: () => fn.okrGrade(scores, commitments),
    OKRPACE: () => fn.okrPace(scores, periodStart, periodEnd, asOf),
    KPISTATUS: () => fn.kpiStatusFn(actual, floor, kpiTarget),
    KPITREND: () => fn.kpiTrendFn(readings),
    KRASCORE: () => fn.kraScoreFn(ratings, weights),
  };
  const result: FunctionsResult = { rows, ms: {}, errors: {} };
  for (const [name, call] of Object.entries(calls)) {
    const { value, ms } = await timedAsync(call);
    result.ms[name] = ms;
    const cells = Array.isArray(value) ? value.flat() : [value];
    result.errors[name] = cells.filter(isError).length;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`functions bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
