/**
 * Every door end to end, as a user runs it: the real CLI started as a child
 * process on a generated .xlsx file (`score`, `check`, `rollup`, `review` into one
 * workbook, and `review --split` into one workbook per team), each timed (elapsed
 * and CPU) with its peak resident memory from `/usr/bin/time -v`, next to a bare
 * ExcelJS streaming read of the same file measured in the same run.
 * Prints one JSON line.
 *
 * Usage: tsx bench/doors.ts <keyResults> [--repeat N]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureBenchFile } from "./xlsx-files";

export interface DoorRun {
  /** Elapsed milliseconds of the whole process, start-up included. */
  ms: number;
  /** CPU milliseconds of the process (user and system, every thread): what other work on the machine disturbs least. */
  cpuMs: number;
  maxRssMb: number;
  exitCode: number;
  error?: string;
}

export interface DoorsResult {
  keyResults: number;
  fileMb: number;
  bare: DoorRun;
  /** Altitude's own reader alone, no parsing: what it costs against the bare ExcelJS read. */
  reader: DoorRun;
  doors: Record<"score" | "check" | "rollup" | "review", DoorRun>;
  /** `review --split DIR` for everyone: a workbook per team holding only that team's reviews. */
  split: DoorRun;
}

const ROOT = path.resolve(__dirname, "..");
const AS_OF = "2026-08-15";

/** Runs `node args…` under `/usr/bin/time -v`, output thrown away, and reads its wall time and peak RSS. */
function measure(args: string[]): DoorRun {
  const run = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "ignore", "pipe"] });
  const stderr = run.stderr ?? "";
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const code = /Exit status: (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuMs = user && system ? Math.round((Number(user[1]) + Number(system[1])) * 1000) : NaN;
  const ms = wall ? ((Number(wall[1] ?? 0) * 60 + Number(wall[2])) * 60 + Number(wall[3])) * 1000 : NaN;
  // A child killed by a signal (out of memory, or stopped) has no exit code of its own worth reading.
  const signal = /Command terminated by signal (\d+)/.exec(stderr);
  const exitCode = signal ? 128 + Number(signal[1]) : code ? Number(code[1]) : (run.status ?? -1);
  const failure = stderr.split("\n").find((line) => line.startsWith("altitude:") || line.startsWith("bare-read:"));
  const error = signal ? `killed by signal ${signal[1]}` : failure;
  return { ms, cpuMs, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, exitCode, ...(exitCode > 1 && error ? { error } : {}) };
}

/** The run least disturbed by other work on the machine: the one that took least CPU. */
function best(runs: DoorRun[]): DoorRun {
  return runs.reduce((a, b) => (b.exitCode <= 1 && (a.exitCode > 1 || b.cpuMs < a.cpuMs) ? b : a));
}

async function main(): Promise<void> {
  const keyResults = Number(process.argv[2]);
  if (!Number.isInteger(keyResults) || keyResults <= 0) throw new Error(`usage: doors.ts <keyResults>, got ${process.argv[2]}`);
  const repeatAt = process.argv.indexOf("--repeat");
  const repeat = repeatAt > 0 ? Math.max(1, Number(process.argv[repeatAt + 1])) : 1;
  const file = await ensureBenchFile(keyResults);
  const cli = path.join(ROOT, "bin", "altitude.js");
  if (!existsSync(path.join(ROOT, "lib", "cli", "main.js"))) throw new Error("the CLI is not built; run npm run prepare");
  const out = mkdtempSync(path.join(os.tmpdir(), "altitude-doors-"));
  try {
    const times = <T>(n: number, f: () => T) => Array.from({ length: n }, f);
    const bare = best(times(repeat, () => measure([path.join(__dirname, "bare-read.js"), file])));
    const reader = best(times(repeat, () => measure([path.join(__dirname, "adapter-read.js"), file])));
    const doors = {
      score: best(times(repeat, () => measure([cli, "score", file, "--as-of", AS_OF, "--json"]))),
      check: best(times(repeat, () => measure([cli, "check", file, "--as-of", AS_OF, "--json"]))),
      rollup: best(times(repeat, () => measure([cli, "rollup", file, "--as-of", AS_OF, "--period", "2026-Q3", "-o", path.join(out, `rollup-${Math.random()}.xlsx`)]))),
      review: best(times(repeat, () => measure([cli, "review", file, "--as-of", AS_OF, "--period", "2026", "-o", path.join(out, `review-${Math.random()}.xlsx`)]))),
    };
    const split = best(
      times(repeat, () => {
        const dir = path.join(out, `split-${Math.random()}`);
        const run = measure([cli, "review", file, "--as-of", AS_OF, "--period", "2026", "--split", dir]);
        rmSync(dir, { recursive: true, force: true });
        return run;
      }),
    );
    const { size } = statSync(file);
    const result: DoorsResult = { keyResults, fileMb: size / 1_000_000, bare, reader, doors, split };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`doors bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
