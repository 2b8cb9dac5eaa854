/**
 * `altitude`: the add-in's use cases on .xlsx files, for batch runs, automation
 * and trying Altitude without Excel. This module only reads arguments, calls the
 * use cases over the file adapter and prints; the input file is never written.
 *
 * Exit codes: 0 done; 1 `check` found errors; 2 unusable input or arguments
 * (one line on stderr); 3 an unexpected internal failure.
 */
import { promises as fs, readFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { WorkbookError, type StoredState } from "../workbook/port";
import {
  buildRollup,
  checkGoals,
  dayNumber,
  describe,
  loadWorkbook,
  missingGoalSheets,
  selectReviewsOfTeams,
  todayIso,
  writeReviewSheets,
  writeReviews,
  type Failure,
  type PeopleNotReviewed,
  type RunOptions,
} from "../app";
import { safeFilePart, uniqueNames } from "./file-names";
import { checkOutput, claimTemp, releaseTemp, removeLiveTemps, removeStaleTemps } from "../workbook/output-file";
import { openXlsx, type XlsxWorkbook } from "../workbook/xlsx";
import { NewXlsxWorkbook, relativeFileUri } from "../workbook/xlsx-new";
import { writeJson } from "./json-out";
import { findingsJson, findingsText, notReadReport, notReadText, scoreReport, scoreText } from "./report";
import { visible } from "./terminal";

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

/** One line on stderr; what it quotes from the workbook (sheet, people, messages) is shown with controls escaped. */
function errLine(io: Io, text: string): void {
  io.err(`${visible(text)}\n`);
}

/** Progress lines for `rollup` and `review` on stderr, when the Io asks for them. */
function progressOf(io: Io, file: string): Pick<RunOptions, "onPhase" | "onProgress"> {
  if (!io.progress) return {};
  return {
    onPhase: (p) => io.err(p.phase === "reading" ? `Reading ${path.basename(file)}…\n` : `Writing ${p.sheets} ${p.sheets === 1 ? "sheet" : "sheets"}…\n`),
    onProgress: (p) => io.err(`  ${p.done}/${p.total} ${visible(p.sheet)}\n`),
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
  force: { type: "boolean" },
  people: { type: "string" },
  team: { type: "string" },
  split: { type: "string" },
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
    usage: "altitude rollup <file.xlsx> [--period 2026-Q3] [-o out.xlsx] [--force] [--as-of YYYY-MM-DD]",
    options: ["as-of", "period", "output", "force"],
    run: rollup,
  },
  review: {
    summary: "write a copy with review summaries, one sheet per person (latest year by default)",
    usage: 'altitude review <file.xlsx> [--period 2026] [--people "A,B"] [--team T] [-o out.xlsx | --split DIR] [--force] [--as-of YYYY-MM-DD]',
    options: ["as-of", "period", "output", "split", "force", "people", "team"],
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
  -o, --output FILE   where to write the copy (default: beside the input); an
                      existing file is refused unless --force, and anything
                      that is not a regular file (device, pipe) always
  --split DIR         review: one workbook per team in DIR, holding only that
                      team's index sheet and a sheet per person; links to
                      source cells open the input file
  --force             replace an existing (writable, regular) output file
  --people "A,B"      review only these people (each one not found is named)
  --team T            review only this team's people; with --people, the
                      people named who are in this team

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
      errLine(io, `altitude: ${error.message}`);
      return EXIT.unusable;
    }
    const message = error instanceof Error ? error.message : String(error);
    errLine(io, `altitude: internal error: ${message.split("\n")[0]}`);
    return EXIT.internal;
  }
}

/** Exit codes of a run stopped by a signal, as shells report them (128 + the signal's number). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * On SIGINT or SIGTERM, removes this process's unfinished temporary outputs and
 * exits with the code shells use for that signal (130, 143).
 *
 * @example
 * removeTempsOnSignals();
 */
export function removeTempsOnSignals(): void {
  for (const signal of Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>) {
    process.once(signal, () => {
      removeLiveTemps();
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}

/**
 * The `altitude` executable: runs {@link main} on the process's arguments, and on
 * SIGINT or SIGTERM removes the unfinished temporary output before exiting.
 *
 * @example
 * runProcess(process.argv.slice(2));
 */
export function runProcess(argv: string[]): void {
  removeTempsOnSignals();
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UnusableInput(`${argumentProblem(error)}; see altitude --help`);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const [name, file, ...extra] = positionals;
  if (values.help || name === "help") {
    io.out(HELP);
    return EXIT.ok;
  }
  if (name === undefined) throw new UnusableInput(`missing a command (${Object.keys(COMMANDS).join(", ")}); see altitude --help`);
  if (!isCommand(name)) throw new UnusableInput(`unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(", ")}; see altitude --help`);
  const command: Command = COMMANDS[name];
  if (file === undefined) throw new UnusableInput(`missing the workbook: ${command.usage}`);
  if (extra.length > 0) throw new UnusableInput(`unexpected argument "${extra[0]}": ${command.usage}`);
  for (const option of Object.keys(values) as OptionName[]) {
    if (!command.options.includes(option)) throw new UnusableInput(`--${option} does not apply to ${name}: ${command.usage}`);
  }
  return command.run(file, values, io);
}

/** One line for what `parseArgs` refused, naming the option as typed. */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error && typeof error === "object" && "code" in error ? error.code : undefined;
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /argument missing/.test(message) ? `${option} needs a value` : `${option} takes no value`;
  }
  return message.split("\n")[0];
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

/** How the CLI words a use case that did not run: with the file, or the flag that would help. */
function unusable(file: string, failure: Failure): never {
  if (failure.code === "no-goal-sheets") throw new UnusableInput(`nothing to read in "${file}": ${failure.message}`);
  if (failure.code === "no-period") throw new UnusableInput(`${failure.message}; give one with --period`);
  throw new UnusableInput(failure.message);
}

async function score(file: string, values: Values, io: Io): Promise<number> {
  const asOf = asOfOf(values);
  const loaded = await loadWorkbook(await openXlsx(file), { asOf, keepSheets: false });
  const missing = missingGoalSheets(loaded);
  if (missing) unusable(file, missing);
  const report = scoreReport(loaded);
  if (values.json) jsonLine(report, io);
  else io.out(scoreText(report));
  return EXIT.ok;
}

/** `--json` output in pieces, as `JSON.stringify(value, null, 2)` and a newline: a million key results are more than one string can hold. */
function jsonLine(value: unknown, io: Io): void {
  writeJson(value, (piece) => io.out(piece));
  io.out("\n");
}

/**
 * What was wrong with the settings or mappings stored in the workbook, as warning
 * lines on stderr, for the commands whose output has no place for problems
 * (`score` lists them with the others).
 */
function warnAboutState(state: StoredState, io: Io): void {
  for (const p of state.problems ?? []) errLine(io, `altitude: warning: ${p.sheet}!${p.cell}: ${p.message}`);
}

async function check(file: string, values: Values, io: Io): Promise<number> {
  const done = await checkGoals(await openXlsx(file), { asOf: asOfOf(values), keepSheets: false });
  if (!done.ok) unusable(file, done);
  warnAboutState(done.loaded.state, io);
  const notRead = notReadReport(done.loaded.parsed);
  if (values.json) jsonLine({ findings: findingsJson(done.findings), ...notRead }, io);
  else io.out(`${notReadText(notRead)}\n${findingsText(done.findings)}`);
  return done.findings.some((f) => f.severity === "error") ? EXIT.errorFindings : EXIT.ok;
}

/** `<input>-rollup-2026-Q3.xlsx` beside the input. */
function defaultOutput(file: string, what: string, label: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}-${what}-${label}.xlsx`);
}

/** The input is never an output, even with --force; then the output rules of {@link checkOutput}. */
async function checkTarget(input: string, out: string, values: Values): Promise<void> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  if ((await real(input)) === (await real(out))) {
    throw new UnusableInput(`will not overwrite the input file "${out}"; choose another output name`);
  }
  await checkOutput(out, { force: values.force });
}

/**
 * Writes the copy to `out` once the output is known to be allowed (checked again
 * here: a file may have appeared while the workbook was read), after removing the
 * temporary files interrupted runs left beside it.
 */
async function save(book: XlsxWorkbook, input: string, out: string, values: Values, io: Io): Promise<void> {
  await checkTarget(input, out, values);
  const stale = await removeStaleTemps(path.resolve(out));
  if (stale.length > 0) {
    errLine(io, `altitude: removed ${stale.length} unfinished file${stale.length === 1 ? "" : "s"} left by an interrupted run (${stale.join(", ")})`);
  }
  await book.saveAs(out);
}

async function rollup(file: string, values: Values, io: Io): Promise<number> {
  const asOf = asOfOf(values);
  // Refused before the (possibly long) read, not after it.
  if (values.output !== undefined) await checkTarget(file, values.output, values);
  const book = await openXlsx(file);
  const done = await buildRollup(book, { period: values.period, asOf, keepSheets: false, ...progressOf(io, file) });
  if (!done.ok) unusable(file, done);
  warnAboutState(done.loaded.state, io);
  const out = values.output ?? defaultOutput(file, "rollup", done.period.label);
  await save(book, file, out, values, io);
  io.out(`${visible(`Wrote the ${done.period.label} rollup to "${out}" (sheet "${Object.values(done.written.names).join('", "')}").`)}\n`);
  return EXIT.ok;
}

/** The people named with --people who got no review, in one line; `null` when there are none. */
function missedPeople(missed: PeopleNotReviewed, team: string | undefined, label: string): string | null {
  const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
  const parts: string[] = [];
  if (missed.notFound.length) parts.push(`no KRAs, key results or KPIs for ${quoted(missed.notFound)} in ${label}`);
  if (missed.notInTeam.length) parts.push(`${quoted(missed.notInTeam)} ${missed.notInTeam.length === 1 ? "is" : "are"} not in the team "${team}"`);
  return parts.length ? `${parts.join("; ")}; reviewed the others` : null;
}

function peopleOf(values: Values): string[] | undefined {
  const people = values.people
    ?.split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (people?.length === 0) throw new UnusableInput(`--people names no one; give names separated by commas, e.g. --people "Ana López,Ben Okafor"`);
  return people;
}

async function review(file: string, values: Values, io: Io): Promise<number> {
  const asOf = asOfOf(values);
  const people = peopleOf(values);
  if (values.split !== undefined && values.output !== undefined) {
    throw new UnusableInput("give either -o (one workbook) or --split DIR (one workbook per team), not both");
  }
  if (values.split !== undefined) return reviewSplit(file, values.split, { asOf, people }, values, io);
  if (values.output !== undefined) await checkTarget(file, values.output, values);
  const book = await openXlsx(file);
  // A batch run has no one to ask: very many sheets are written, said before they are.
  const done = await writeReviews(book, {
    period: values.period,
    keepSheets: false,
    people,
    team: values.team,
    asOf,
    ...progressOf(io, file),
    allowManySheets: true,
    onManySheets: (sheets) => errLine(io, `altitude: ${describe({ code: "many-sheets", sheets })} (--split DIR writes one workbook per team)`),
  });
  if (!done.ok) unusable(file, done);
  warnAboutState(done.state, io);
  const out = values.output ?? defaultOutput(file, "review", done.period.label);
  await save(book, file, out, values, io);
  const missed = missedPeople(done.missed, values.team, done.period.label);
  if (missed) errLine(io, `altitude: warning: ${missed}`);
  const count = done.reviews.length;
  // --people with --team reviews the people named who are in that team.
  const who = values.people !== undefined && values.team !== undefined ? ` (of the people named, those in the team "${values.team}")` : "";
  io.out(`${visible(`Wrote ${count} review summar${count === 1 ? "y" : "ies"}${who} for ${done.period.label} to "${out}" (index sheet "${done.written.names.index}").`)}\n`);
  return EXIT.ok;
}

/** The folder `--split` writes into: created when missing, refused when it is something else. */
async function splitFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    const code = error && typeof error === "object" && "code" in error ? String(error.code) : "Unknown";
    throw new UnusableInput(code === "EEXIST" || code === "ENOTDIR" ? `--split "${dir}" is not a folder` : `cannot create the folder "${dir}" (${code})`);
  }
  if (!(await fs.stat(dir)).isDirectory()) throw new UnusableInput(`--split "${dir}" is not a folder`);
}

/**
 * `review --split DIR`: one new workbook per team holding only that team's index
 * and person sheets (no other team's reviews, nothing of the input), whose links
 * to source cells open the input file at that cell. All or nothing: every
 * workbook is written to a temporary file first and they are renamed into place
 * together; an existing file is refused before anything is written.
 */
async function reviewSplit(file: string, dir: string, options: { asOf: string; people?: string[] }, values: Values, io: Io): Promise<number> {
  await splitFolder(dir);
  // The workbook opened here is not kept: only the reviews are needed from now on.
  const chosen = await selectReviewsOfTeams(await openXlsx(file), { ...options, period: values.period, team: values.team, keepSheets: false });
  if (!chosen.ok) unusable(file, chosen);
  warnAboutState(chosen.state, io);
  const label = chosen.period.label;
  const teams = chosen.teams;
  const sizes = teams.map((t) => t.reviews.length);
  const base = safeFilePart(path.parse(file).name, "workbook");
  const names = uniqueNames(teams.map((t) => `${base}-review-${label}-${safeFilePart(t.team)}`));
  const targets = names.map((name) => path.join(dir, `${name}.xlsx`));
  for (const target of targets) await checkTarget(file, target, values);
  const stale = await removeStaleTemps(targets.map((target) => path.resolve(target)));
  if (stale.length > 0) errLine(io, `altitude: removed ${stale.length} unfinished file${stale.length === 1 ? "" : "s"} left by an interrupted run`);

  // Every team's workbook sits in DIR, so one relative link reaches the input from each.
  const input = relativeFileUri(dir, file);
  const temps: string[] = [];
  try {
    for (let i = 0; i < teams.length; i++) {
      const book = new NewXlsxWorkbook(input);
      await writeReviewSheets(book, teams[i].reviews, chosen.period);
      // Written: letting the team's reviews go leaves the collector less to walk for every team after it.
      teams[i].reviews = [];
      const temp = claimTemp(path.resolve(targets[i]));
      temps.push(temp);
      await book.saveAs(temp);
    }
    for (let i = 0; i < temps.length; i++) {
      await fs.rename(temps[i], targets[i]);
      releaseTemp(temps[i]);
    }
  } finally {
    for (const temp of temps) {
      await fs.rm(temp, { force: true });
      releaseTemp(temp);
    }
  }

  const missed = missedPeople(chosen.missed, values.team, label);
  if (missed) errLine(io, `altitude: warning: ${missed}`);
  const people = chosen.people;
  const lines = [
    `Wrote ${teams.length} review workbook${teams.length === 1 ? "" : "s"} for ${label} (${people} ${people === 1 ? "person" : "people"}) to "${dir}", one per team, each holding only that team's reviews (an index sheet and a sheet per person) with links to the source cells in "${file}":`,
    ...teams.map((t, i) => `  ${t.team}: "${path.basename(targets[i])}" (${sizes[i]} ${sizes[i] === 1 ? "person" : "people"})`),
  ];
  io.out(`${lines.map(visible).join("\n")}\n`);
  return EXIT.ok;
}
