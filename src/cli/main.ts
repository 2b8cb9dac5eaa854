/**
 * `altitude`: the add-in's use cases on .xlsx files, for batch runs, automation
 * and trying Altitude without Excel. This module only reads arguments, calls the
 * use cases over the file adapter and prints; the input file is never written.
 *
 * Exit codes: 0 done; 1 `check` found errors; 2 unusable input or arguments
 * (one line on stderr); 3 an unexpected internal failure.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { dayNumber, todayIso } from "../core/dates";
import { WorkbookError } from "../workbook/port";
import { loadWorkbook, missingGoalSheets, runChecks, runReviews, runRollup, type RunOptions, type UseCaseFailure } from "../workbook/use-cases";
import { openXlsx } from "../workbook/xlsx";
import { findingsJson, findingsText, scoreReport, scoreText } from "./report";

/** Where the CLI writes; the process streams by default, replaceable in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether to report progress on stderr: only when a person watches it (a terminal), never into a pipe or a log. */
  progress?: boolean;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  progress: process.stderr.isTTY === true,
};

/** Progress lines for `rollup` and `review` on stderr, when the Io asks for them. */
function progressOf(io: Io, file: string): Pick<RunOptions, "onPhase" | "onProgress"> {
  if (!io.progress) return {};
  return {
    onPhase: (p) => io.err(p.phase === "reading" ? `Reading ${path.basename(file)}…\n` : `Writing ${p.sheets} ${p.sheets === 1 ? "sheet" : "sheets"}…\n`),
    onProgress: (p) => io.err(`  ${p.done}/${p.total} ${p.sheet}\n`),
  };
}

export const EXIT = { ok: 0, errorFindings: 1, unusable: 2, internal: 3 } as const;

/** A wrong command line or an unusable input: reported as one line, exit 2. */
class UnusableInput extends Error {}

const OPTIONS = {
  "as-of": { type: "string" },
  json: { type: "boolean" },
  period: { type: "string" },
  output: { type: "string", short: "o" },
  people: { type: "string" },
  team: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

type OptionName = keyof typeof OPTIONS;
type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

interface Command {
  summary: string;
  usage: string;
  options: readonly OptionName[];
  run(file: string, values: Values, io: Io): Promise<number>;
}

const COMMANDS = {
  score: {
    summary: "print every key result, objective, KPI and KRA with its figures, and every problem",
    usage: "altitude score <file.xlsx> [--as-of YYYY-MM-DD] [--json]",
    options: ["as-of", "json"],
    run: score,
  },
  check: {
    summary: "print the goal-quality findings; exit 1 when any is an error",
    usage: "altitude check <file.xlsx> [--as-of YYYY-MM-DD] [--json]",
    options: ["as-of", "json"],
    run: check,
  },
  rollup: {
    summary: "write a copy with the quarterly rollup sheet (latest quarter by default)",
    usage: "altitude rollup <file.xlsx> [--period 2026-Q3] [-o out.xlsx] [--as-of YYYY-MM-DD]",
    options: ["as-of", "period", "output"],
    run: rollup,
  },
  review: {
    summary: "write a copy with review summaries, one sheet per person (latest year by default)",
    usage: 'altitude review <file.xlsx> [--period 2026] [--people "A,B"] [--team T] [-o out.xlsx] [--as-of YYYY-MM-DD]',
    options: ["as-of", "period", "output", "people", "team"],
    run: review,
  },
} satisfies Record<string, Command>;

type CommandName = keyof typeof COMMANDS;

function isCommand(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

const HELP = `altitude — score and check OKR, KPI and KRA sheets in .xlsx workbooks

Usage:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join("\n")}
  altitude --help | --version

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(7)} ${c.summary}`)
  .join("\n")}

Options:
  --as-of YYYY-MM-DD  date progress and pace are measured at (default: today, UTC)
  --json              print one JSON object instead of tables
  --period P          quarter (2026-Q3) for rollup, year (2026) for review
  -o, --output FILE   where to write the copy (default: beside the input)
  --people "A,B"      review only these people
  --team T            review only this team's people

The input workbook is never changed. Exit codes: 0 done, 1 check found errors,
2 unusable input or arguments, 3 internal error.
`;

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit code.
 *
 * @example
 * process.exitCode = await main(["score", "goals.xlsx", "--json"]);
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UnusableInput || error instanceof WorkbookError) {
      io.err(`altitude: ${error.message}\n`);
      return EXIT.unusable;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`altitude: internal error: ${message.split("\n")[0]}\n`);
    return EXIT.internal;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UnusableInput(`${error instanceof Error ? error.message : String(error)}; see altitude --help`);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const [name, file, ...extra] = positionals;
  if (values.help || name === "help" || name === undefined) {
    if (name === undefined && !values.help) {
      io.err(HELP);
      return EXIT.unusable;
    }
    io.out(HELP);
    return EXIT.ok;
  }
  if (!isCommand(name)) throw new UnusableInput(`unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(", ")}`);
  const command: Command = COMMANDS[name];
  if (file === undefined) throw new UnusableInput(`missing the workbook: ${command.usage}`);
  if (extra.length > 0) throw new UnusableInput(`unexpected argument "${extra[0]}": ${command.usage}`);
  for (const option of Object.keys(values) as OptionName[]) {
    if (!command.options.includes(option)) throw new UnusableInput(`--${option} does not apply to ${name}: ${command.usage}`);
  }
  return command.run(file, values, io);
}

function packageVersion(): string {
  // Two levels up from both src/cli (tests) and lib/cli (built) is the package root.
  const pkg: unknown = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
  return pkg && typeof pkg === "object" && "version" in pkg && typeof pkg.version === "string" ? pkg.version : "unknown";
}

function asOfOf(values: Values): string {
  const given = values["as-of"];
  if (given === undefined) return todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || dayNumber(given) === null) {
    throw new UnusableInput(`--as-of "${given}" is not a date written YYYY-MM-DD`);
  }
  return given;
}

function unusable(file: string, failure: UseCaseFailure): never {
  throw new UnusableInput(failure.code === "no-goal-sheets" ? `nothing to read in "${file}": ${failure.message}` : failure.message);
}

async function score(file: string, values: Values, io: Io): Promise<number> {
  const asOf = asOfOf(values);
  const loaded = await loadWorkbook(await openXlsx(file), { asOf });
  const missing = missingGoalSheets(loaded);
  if (missing) unusable(file, missing);
  const report = scoreReport(loaded);
  io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : scoreText(report));
  return EXIT.ok;
}

async function check(file: string, values: Values, io: Io): Promise<number> {
  const done = await runChecks(await openXlsx(file), { asOf: asOfOf(values) });
  if (!done.ok) unusable(file, done);
  io.out(values.json ? `${JSON.stringify({ findings: findingsJson(done.findings) }, null, 2)}\n` : findingsText(done.findings));
  return done.findings.some((f) => f.severity === "error") ? EXIT.errorFindings : EXIT.ok;
}

/** `<input>-rollup-2026-Q3.xlsx` beside the input. */
function defaultOutput(file: string, what: string, label: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}-${what}-${label}.xlsx`);
}

async function rollup(file: string, values: Values, io: Io): Promise<number> {
  const asOf = asOfOf(values);
  const book = await openXlsx(file);
  const done = await runRollup(book, { period: values.period, asOf, ...progressOf(io, file) });
  if (!done.ok) unusable(file, done);
  const out = values.output ?? defaultOutput(file, "rollup", done.period.label);
  await book.saveAs(out);
  io.out(`Wrote the ${done.period.label} rollup to "${out}" (sheet "${Object.values(done.written.names).join('", "')}").\n`);
  return EXIT.ok;
}

async function review(file: string, values: Values, io: Io): Promise<number> {
  const asOf = asOfOf(values);
  const people = values.people
    ?.split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const book = await openXlsx(file);
  const done = await runReviews(book, { period: values.period, people, team: values.team, asOf, ...progressOf(io, file) });
  if (!done.ok) unusable(file, done);
  const out = values.output ?? defaultOutput(file, "review", done.period.label);
  await book.saveAs(out);
  if (done.warning) io.err(`altitude: ${done.warning}\n`);
  const count = done.reviews.length;
  io.out(`Wrote ${count} review summar${count === 1 ? "y" : "ies"} for ${done.period.label} to "${out}" (index sheet "${done.written.names.index}").\n`);
  return EXIT.ok;
}
