/**
 * `npm run bench`: runs every benchmark in its own process, prints one table
 * and the targets with PASS or MISS, and writes bench/results.json.
 * Exits 1 when a target is missed.
 *
 * Options: `--sizes 1000,10000` to run fewer core sizes; `--doors 10000,100000`
 * to run the CLI end to end on fewer generated .xlsx files (`--doors none` for
 * none); `--repeat N` runs of each core size up to 100,000 rows and of each door
 * up to 100,000, keeping the fastest (the machine is shared, so the fastest run
 * is the one least disturbed); `--report` prints the figures of bench/results.json
 * again without measuring, and `--add-doors FILE` adds door runs measured on their
 * own (the lines `tsx bench/doors.ts N` prints), e.g. a long run at Excel's row limit.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { CoreResult } from "./core";
import type { DoorRun, DoorsResult } from "./doors";
import type { ExcelResult, Traffic } from "./excel";
import type { ExcelTextResult } from "./excel-text";
import type { FunctionsResult } from "./functions";
import { maxOf, minOf } from "../src/core/collections";

const HEAP_MB = 20480;
const DEFAULT_SIZES = [1_000, 10_000, 100_000, 1_000_000];
/** Key results of the generated .xlsx files the CLI runs on: up to one sheet at Excel's row limit. */
const DEFAULT_DOOR_SIZES = [10_000, 100_000, 1_048_575];
/** Excel's whole column. */
const WHOLE_COLUMN = 1_048_576;
const TEXT_ROWS = 20_000;
const GB = 1024;
const NAIVE_SIZES = [1_000, 10_000];
const MB = 1_000_000;
const CHUNK_BYTES = 4 * MB;

function child<T>(script: string, args: string[]): T {
  const tsx = require.resolve("tsx/cli");
  // --expose-gc lets each phase start from a collected heap, so no phase pays for the garbage of the one before.
  const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "--expose-gc", tsx, path.join(__dirname, script), ...args], {
    encoding: "utf8",
    maxBuffer: 64 * MB,
  });
  if (result.status !== 0) throw new Error(`${script} ${args.join(" ")} failed:\n${result.stderr}`);
  const line = result.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as T;
}

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

const fmt = {
  n: (x: number) => x.toLocaleString("en-US"),
  ms: (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("en-US")),
  mb: (x: number) => (x / MB).toFixed(2),
};

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, c) => Math.max(h.length, maxOf(rows, (r) => r[c].length, 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ")} |`;
  return [line(headers), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

interface Target {
  name: string;
  figure: string;
  met: boolean;
}

/** Round trips that carried no bulk data: these must not grow with the rows. */
function fixedTrips(t: Traffic): number {
  return t.roundTrips - t.chunks;
}

const psc = (t: CoreResult["cpu"]) => t.parseMs + t.scoreMs + t.checkMs;
const rr = (t: CoreResult["cpu"]) => t.rollupMs + t.reviewsMs + t.planRollupMs + t.planReviewsMs;
/** Elapsed (wall-clock) figures: what a user waits for, and what the targets are about. */
const pscWall = (r: CoreResult) => r.parseMs + r.scoreMs + r.checkMs;
const rrWall = (r: CoreResult) => r.rollupMs + r.reviewsMs + r.planRollupMs + r.planReviewsMs;
const wallTotal = (r: CoreResult) => pscWall(r) + rrWall(r);

/** Every figure of a run, as bench/results.json keeps them. */
interface Results {
  node: string;
  repeat: number;
  sizes: number[];
  core: CoreResult[];
  functions: FunctionsResult;
  wholeColumn: FunctionsResult;
  excel: ExcelResult[];
  excelText: ExcelTextResult;
  doors: DoorsResult[];
}

const RESULTS_FILE = path.join(__dirname, "results.json");

function main(): void {
  const { values } = parseArgs({
    options: { sizes: { type: "string" }, doors: { type: "string" }, repeat: { type: "string", default: "3" }, report: { type: "boolean" }, "add-doors": { type: "string" } },
  });
  // --report prints the last run's figures again; --add-doors FILE adds door runs measured on their own (doors.ts output lines).
  const results = values.report ? (JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Results) : measureAll(values);
  if (values["add-doors"]) {
    for (const line of readFileSync(values["add-doors"], "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const added = JSON.parse(line) as DoorsResult;
      results.doors = results.doors.filter((d) => d.keyResults !== added.keyResults).concat(added).sort((a, b) => a.keyResults - b.keyResults);
    }
  }
  report(results);
}

function measureAll(values: { sizes?: string; doors?: string; repeat?: string }): Results {
  const sizes = values.sizes ? values.sizes.split(",").map(Number) : DEFAULT_SIZES;
  const doorSizes = values.doors === "none" ? [] : values.doors ? values.doors.split(",").map(Number) : DEFAULT_DOOR_SIZES;
  const repeat = Math.max(1, Number(values.repeat ?? 3));

  const core: CoreResult[] = sizes.map((rows) => {
    const runs = rows <= 100_000 ? repeat : 1;
    const results = Array.from({ length: runs }, (_, i) => {
      progress(`core: ${fmt.n(rows)} key results (run ${i + 1} of ${runs})`);
      return child<CoreResult>("core.ts", [String(rows)]);
    });
    return results.reduce((best, r) => (wallTotal(r) < wallTotal(best) ? r : best));
  });
  const functionRows = 100_000;
  progress(`functions: ${fmt.n(functionRows)} rows`);
  const functions = child<FunctionsResult>("functions.ts", [String(functionRows)]);
  progress(`functions: whole column (${fmt.n(WHOLE_COLUMN)} rows)`);
  const wholeColumn = child<FunctionsResult>("functions.ts", [String(WHOLE_COLUMN)]);
  progress(`excel: text-heavy sheet of ${fmt.n(TEXT_ROWS)} rows`);
  const excelText = child<ExcelTextResult>("excel-text.ts", [String(TEXT_ROWS)]);
  const doors: DoorsResult[] = doorSizes.map((keyResults) => {
    progress(`doors: the CLI on ${fmt.n(keyResults)} key results (.xlsx)`);
    return child<DoorsResult>("doors.ts", [String(keyResults), "--repeat", String(keyResults <= 100_000 ? repeat : 1)]);
  });
  const excel: ExcelResult[] = sizes.map((rows) => {
    progress(`excel: ${fmt.n(rows)} key results`);
    return child<ExcelResult>("excel.ts", NAIVE_SIZES.includes(rows) ? [String(rows), "--naive"] : [String(rows)]);
  });
  return { node: process.version, repeat, sizes, core, functions, wholeColumn, excel, excelText, doors };
}

function report(results: Results): void {
  const { core, functions, wholeColumn, excel, excelText, doors } = results;
  const repeat = results.repeat ?? 1;
  const out: string[] = [];
  out.push(`Node ${results.node ?? process.version}.`);
  out.push(`Altitude benchmarks on generated workbooks. Elapsed (wall-clock) milliseconds, each phase starting from a`);
  out.push(`collected heap; CPU milliseconds of the process (all threads, garbage collection included) in brackets.`);
  out.push(`Best of ${repeat} runs up to 100,000 rows, one run above; every run in a fresh process (no warm-up).`, "");
  out.push(
    table(
      ["key results", "all rows", "people", "parse", "score", "check", "parse+score+check", "rollup", "reviews", "sheet plans", "rollup+reviews", "peak heap MB", "max RSS MB"],
      core.map((r) => [
        fmt.n(r.rows),
        fmt.n(r.totalRows),
        fmt.n(r.people),
        fmt.ms(r.parseMs),
        fmt.ms(r.scoreMs),
        fmt.ms(r.checkMs),
        `${fmt.ms(pscWall(r))} (${fmt.ms(psc(r.cpu))})`,
        fmt.ms(r.rollupMs),
        fmt.ms(r.reviewsMs),
        fmt.ms(r.planRollupMs + r.planReviewsMs),
        `${fmt.ms(rrWall(r))} (${fmt.ms(rr(r.cpu))})`,
        Math.round(r.peakHeapMb).toLocaleString("en-US"),
        Math.round(r.maxRssMb).toLocaleString("en-US"),
      ]),
    ),
    "",
  );
  out.push(`Custom functions, range form over ${fmt.n(functions.rows)} rows (ms per call):`, "");
  out.push(table(Object.keys(functions.ms), [Object.values(functions.ms).map(fmt.ms)]), "");
  out.push(`The same over a whole column (${fmt.n(wholeColumn.rows)} rows, ms per call):`, "");
  out.push(table(Object.keys(wholeColumn.ms), [Object.values(wholeColumn.ms).map(fmt.ms)]), "");

  if (doors.length) {
    const door = (run: DoorRun, bare: DoorRun) =>
      run.exitCode > 1
        ? `FAILED (${run.error ?? `exit ${run.exitCode}`})`
        : `${fmt.ms(run.ms)} (${fmt.ms(run.cpuMs)}) / ${Math.round(run.maxRssMb)} · ${(run.cpuMs / bare.cpuMs).toFixed(2)}x`;
    out.push(
      "Every door end to end: the CLI as a child process on a generated .xlsx file; elapsed ms (CPU ms) / peak RSS MB,",
      "then the CPU time as a ratio to a bare ExcelJS streaming read of the same file in the same run:",
      "",
    );
    out.push(
      table(
        ["key results", "file MB", "bare ExcelJS read", "Altitude reader alone", "score", "check", "rollup", "review (one workbook)", "review --split"],
        doors.map((d) => [
          fmt.n(d.keyResults),
          d.fileMb.toFixed(1),
          `${fmt.ms(d.bare.ms)} (${fmt.ms(d.bare.cpuMs)}) / ${Math.round(d.bare.maxRssMb)}`,
          door(d.reader, d.bare),
          door(d.doors.score, d.bare),
          door(d.doors.check, d.bare),
          door(d.doors.rollup, d.bare),
          door(d.doors.review, d.bare),
          door(d.split, d.bare),
        ]),
      ),
      "",
    );
  }
  out.push(
    `Excel adapter on a text-heavy sheet (${fmt.n(excelText.rows)} rows, ${fmt.n(excelText.textChars)} characters): ${excelText.roundTrips} round trips, ` +
      `${fmt.mb(excelText.averageBytesPerRequest)} MB per data request on average, largest response ${fmt.mb(excelText.largestResponseBytes)} MB` +
      `${excelText.error ? `; FAILED: ${excelText.error}` : ""}.`,
    "",
  );

  const steps = ["read", "convert", "rollup", "reviews"] as const;
  out.push("Excel round trips (recording in-memory Excel): trips (of which bulk-data chunks), largest request / largest accepted response in MB:", "");
  out.push(
    table(
      ["key results", ...steps.flatMap((s) => [`${s} trips`, `${s} req/resp MB`])],
      excel.map((r) => [
        fmt.n(r.rows),
        ...steps.flatMap((s) => [
          r[s].error ? `FAILED` : `${r[s].roundTrips} (${r[s].chunks})`,
          `${fmt.mb(r[s].largestRequestBytes)} / ${fmt.mb(r[s].largestResponseBytes)}`,
        ]),
      ]),
    ),
    "",
  );
  for (const r of excel) for (const s of steps) if (r[s].error) out.push(`  ${fmt.n(r.rows)} rows, ${s}: ${r[s].error}`);
  out.push(`Reviews are written for at most ${fmt.n(maxOf(excel, (r) => r.reviews.people, 0))} people at every size.`, "");

  const naive = excel.filter((r) => r.naive);
  if (naive.length) {
    out.push("Against a naive script (one round trip per row to read, per cell to write the rollup):", "");
    out.push(
      table(
        ["key results", "read trips naive / Altitude", "ratio", "read ms naive / Altitude", "write trips naive / Altitude", "ratio"],
        naive.map((r) => {
          const n = r.naive!;
          return [
            fmt.n(r.rows),
            `${fmt.n(n.read.roundTrips)} / ${r.read.roundTrips}`,
            `${Math.round(n.read.roundTrips / r.read.roundTrips)}x`,
            `${fmt.ms(n.read.ms)} / ${fmt.ms(r.read.ms)} (${(n.read.ms / r.read.ms).toFixed(1)}x)`,
            `${fmt.n(n.write.roundTrips)} / ${r.rollup.roundTrips}`,
            `${Math.round(n.write.roundTrips / r.rollup.roundTrips)}x`,
          ];
        }),
      ),
      "",
      "The in-memory host answers a round trip in microseconds; Excel takes milliseconds (tens on the web), so",
      "real time ratios follow the round-trip ratios, not the in-memory times.",
      "",
    );
  }

  const at = (rows: number) => core.find((r) => r.rows === rows);
  const targets: Target[] = [];
  const hundredK = at(100_000);
  if (hundredK) {
    const figure = (wall: number, cpu: number) => `${fmt.ms(wall)} ms (${fmt.ms(cpu)} ms CPU)`;
    targets.push({
      name: "100,000 key results parsed, scored and checked < 1 s",
      figure: figure(pscWall(hundredK), psc(hundredK.cpu)),
      met: pscWall(hundredK) < 1000,
    });
    targets.push({
      name: `rollup and all reviews for ${fmt.n(hundredK.people)} people < 2 s`,
      figure: figure(rrWall(hundredK), rr(hundredK.cpu)),
      met: rrWall(hundredK) < 2000,
    });
  }
  const base = excel[0];
  if (base) {
    // Trips without cell data may rise once a sheet needs chunking (a refused whole read, one dimensions
    // load per sheet), but must not grow with the rows after that: compare the two largest sizes.
    const [second, last] = excel.slice(-2);
    let growth = 0;
    if (excel.length >= 2) for (const s of steps) growth = Math.max(growth, fixedTrips(last[s]) - fixedTrips(second[s]));
    const perChunk = excel.flatMap((r) => steps.filter((s) => r[s].chunks > 1).map((s) => r[s].bytesMoved / r[s].chunks));
    const smallest = minOf(perChunk, (n) => n, 0);
    targets.push({
      name: "round trips constant in rows (chunks aside)",
      figure: `trips without cell data: ${steps.map((s) => `${s} ${excel.map((r) => fixedTrips(r[s])).join("/")}`).join(", ")}; chunks average >= ${fmt.mb(smallest)} MB`,
      met: growth <= 0,
    });
    const largest = maxOf(excel.flatMap((r) => steps.map((s) => r[s].largestRequestBytes)), (n) => n, 0);
    targets.push({ name: "no request above 4 MB", figure: `largest ${fmt.mb(largest)} MB`, met: largest <= CHUNK_BYTES });
    const failed = excel.flatMap((r) => steps.filter((s) => r[s].error).map((s) => `${fmt.n(r.rows)} ${s}`));
    targets.push({ name: "every Excel step completes", figure: failed.length ? `failed: ${failed.join(", ")}` : "all", met: failed.length === 0 });
  }
  const small = at(10_000);
  const large = at(1_000_000);
  if (small && large) {
    const growth = (f: (r: CoreResult) => number) => f(large) / f(small) / (large.rows / small.rows);
    const first = growth(pscWall);
    const second = growth(rrWall);
    targets.push({
      name: "near-linear growth 10,000 -> 1,000,000 (time per row at most 2x)",
      figure: `parse+score+check ${first.toFixed(2)}x, rollup+reviews ${second.toFixed(2)}x per row`,
      met: first <= 2 && second <= 2,
    });
  }
  const doorsAt = (keyResults: number) => doors.find((d) => d.keyResults === keyResults);
  const hundred = doorsAt(100_000);
  if (hundred) {
    // Ratios of CPU time measured in the same run: other work on a shared machine stretches elapsed time far more.
    const ratio = hundred.doors.score.cpuMs / hundred.bare.cpuMs;
    targets.push({
      name: "score on 100,000 key results <= 1.5x a bare ExcelJS read (CPU)",
      figure: `${ratio.toFixed(2)}x (${fmt.ms(hundred.doors.score.cpuMs)} / ${fmt.ms(hundred.bare.cpuMs)} ms; elapsed ${(hundred.doors.score.ms / hundred.bare.ms).toFixed(2)}x)`,
      met: ratio <= 1.5,
    });
    const rollupRatio = hundred.doors.rollup.cpuMs / hundred.doors.score.cpuMs;
    targets.push({ name: "rollup <= 2x score (100,000 key results, CPU)", figure: `${rollupRatio.toFixed(2)}x (elapsed ${(hundred.doors.rollup.ms / hundred.doors.score.ms).toFixed(2)}x)`, met: rollupRatio <= 2 });
    const split = hundred.split;
    targets.push({
      name: "review --split for 5,000 people <= 30 s (100,000 key results)",
      figure: `${fmt.ms(split.ms)} ms elapsed (${fmt.ms(split.cpuMs)} ms CPU)`,
      met: split.exitCode <= 1 && split.ms <= 30_000,
    });
  }
  const limit = doorsAt(1_048_575);
  if (limit) {
    const runs: Array<[string, DoorRun]> = [...Object.entries(limit.doors), ["split", limit.split]];
    const failed = runs.filter(([, r]) => r.exitCode > 1).map(([name]) => name);
    targets.push({ name: "1,048,575 key results: every door completes", figure: failed.length ? `failed: ${failed.join(", ")}` : "all", met: failed.length === 0 });
    let peak = 0;
    for (const [, r] of runs) peak = Math.max(peak, r.maxRssMb);
    targets.push({ name: "1,048,575 key results: peak RSS <= 3 GB", figure: `${(peak / GB).toFixed(2)} GB`, met: peak <= 3 * GB });
    if (hundred) {
      const growthOf = (name: string, r: DoorRun) => r.cpuMs / (name === "split" ? hundred.split : hundred.doors[name as keyof DoorsResult["doors"]]).cpuMs;
      const growth = runs.map(([name, r]) => `${name} ${growthOf(name, r).toFixed(1)}x`);
      let worst = 0;
      for (const [name, r] of runs) worst = Math.max(worst, growthOf(name, r));
      targets.push({ name: "1,048,575 key results: CPU time <= 12x the 100,000 figure", figure: growth.join(", "), met: worst <= 12 });
    }
  }
  targets.push({ name: "whole-column custom functions complete", figure: `${Object.values(wholeColumn.errors).every((e) => e < wholeColumn.rows) ? "all" : "some failed"}`, met: Object.keys(wholeColumn.ms).length === 7 });
  targets.push({ name: "Excel adapter reads a text-heavy sheet under the 5 MB cap", figure: excelText.error ?? `largest response ${fmt.mb(excelText.largestResponseBytes)} MB`, met: !excelText.error });
  out.push("Targets:", "");
  out.push(table(["target", "measured", ""], targets.map((t) => [t.name, t.figure, t.met ? "PASS" : "MISS"])));
  process.stdout.write(`${out.join("\n")}\n`);

  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
  progress(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  if (targets.some((t) => !t.met)) process.exitCode = 1;
}

main();
