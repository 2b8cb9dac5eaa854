/**
 * The use cases every door runs — task pane, ribbon and CLI — over any workbook
 * port: load and score a workbook, run the checks, write a quarterly rollup or
 * review summaries. Nothing here knows about Office, files or the screen; a
 * door only chooses the port, the options and how to show the result.
 */
import type { Analysis } from "../core/analyse";
import { analyse } from "../core/analyse";
import { checkWorkbook } from "../core/checks";
import { todayIso } from "../core/dates";
import type { Finding, IsoDate, ParsedWorkbook, Period, SheetData } from "../core/model";
import { parseWorkbook } from "../core/parse";
import { comparePeriods, parsePeriod } from "../core/periods";
import type { OutputPlan, Progress, WriteResult } from "../core/plan";
import { computeReviews, planReviews, reviewSheetCountWarning, type Review } from "../core/review";
import { computeRollup, planRollup, type Rollup } from "../core/rollup";
import { withDefaults, type Settings } from "../core/settings";
import type { NumberLocale, StoredState, WorkbookPort } from "./port";

/** A workbook read, parsed, scored and checked as of a date. */
export interface LoadedWorkbook {
  sheets: SheetData[];
  state: StoredState;
  settings: Settings;
  parsed: ParsedWorkbook;
  analysis: Analysis;
  findings: Finding[];
}

export interface LoadOptions {
  /** The date progress and pace are measured at; today (UTC) when omitted. */
  asOf?: IsoDate;
}

/** Why a use case could not run: a plain message a door shows as is. */
export interface UseCaseFailure {
  ok: false;
  code: "no-goal-sheets" | "bad-period" | "no-period" | "period-unusable" | "no-people" | "cancelled";
  message: string;
}

/** Whether numbers typed as text follow the host's locale: the stored settings do not say how decimals are written. */
function usesHostLocale(state: StoredState): boolean {
  return state.settings?.decimalSeparator === undefined;
}

/** The stored settings over the defaults, with the host's decimal separator where they do not give one. */
function settingsWith(state: StoredState, locale: NumberLocale | null): Settings {
  const settings = withDefaults(state.settings);
  if (usesHostLocale(state) && locale) settings.decimalSeparator = locale.decimalSeparator;
  return settings;
}

/**
 * The settings a workbook calculates with: the stored ones over the defaults,
 * and numbers typed as text (`1.200,5`) following the host's locale unless the
 * stored settings say how decimals are written. The task pane's load and the
 * custom functions both decide here.
 *
 * @example
 * const settings = await settingsOf(port); // reads the stored state, and the locale when needed
 */
export async function settingsOf(port: Pick<WorkbookPort, "readState" | "numberLocale">): Promise<Settings> {
  const state = await port.readState();
  return settingsWith(state, usesHostLocale(state) && port.numberLocale ? await port.numberLocale() : null);
}

/**
 * Reads every visible sheet and the stored settings and mappings, then parses,
 * scores and checks them.
 *
 * @example
 * const { analysis, findings } = await loadWorkbook(port, { asOf: "2026-08-15" });
 */
export async function loadWorkbook(port: WorkbookPort, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const asOf = options.asOf ?? todayIso();
  const [sheets, state] = await Promise.all([port.readSheets(), port.readState()]);
  let locale: NumberLocale | null = null;
  if (usesHostLocale(state) && port.numberLocale) locale = await port.numberLocale();
  const settings = settingsWith(state, locale);
  const parsed = parseWorkbook(sheets, { settings, mappings: state.mappings, asOf });
  const analysis = analyse(parsed, settings, asOf);
  const findings = checkWorkbook(parsed, analysis, { settings, asOf });
  return { sheets, state, settings, parsed, analysis, findings };
}

/**
 * The latest quarter any key result belongs to, or `null` when there is none.
 *
 * @example
 * latestQuarter(parsed)?.label // "2026-Q3"
 */
export function latestQuarter(parsed: ParsedWorkbook): Period | null {
  return latest(parsed.keyResults.map((k) => k.period).filter((p): p is Period => p?.kind === "quarter"));
}

/**
 * The latest review year: of the KRAs when there are any, else the year of the latest key result.
 *
 * @example
 * latestYear(parsed)?.label // "2026"
 */
export function latestYear(parsed: ParsedWorkbook): Period | null {
  const kraYears = parsed.kras.map((k) => k.period).filter((p): p is Period => p?.kind === "year");
  const fromKras = latest(kraYears);
  if (fromKras) return fromKras;
  const lastKeyResult = latest(parsed.keyResults.map((k) => k.period).filter((p): p is Period => p !== null));
  if (!lastKeyResult) return null;
  const year = parsePeriod(lastKeyResult.start.slice(0, 4));
  return year.ok ? year.value : null;
}

function latest(periods: Period[]): Period | null {
  return periods.reduce<Period | null>((best, p) => (best === null || comparePeriods(p, best) > 0 ? p : best), null);
}

/** A period given by the user, in any form `parsePeriod` reads, or the default when omitted. */
function choosePeriod(
  given: string | undefined,
  fallback: Period | null,
  settings: Settings,
  what: string,
): { ok: true; period: Period } | UseCaseFailure {
  if (given === undefined || given.trim() === "") {
    if (fallback) return { ok: true, period: fallback };
    return { ok: false, code: "no-period", message: `no ${what} found in the workbook; give one with --period` };
  }
  const read = parsePeriod(given, { fiscalYearStartMonth: settings.fiscalYearStartMonth });
  if (!read.ok || read.value === null) {
    return { ok: false, code: "bad-period", message: `"${given}" is not a period (try 2026-Q3, Q3 2026 or 2026)` };
  }
  return { ok: true, period: read.value };
}

/**
 * The failure to report when no sheet of the workbook was recognised, else `null`.
 *
 * @example
 * missingGoalSheets(loaded)?.code // "no-goal-sheets"
 */
export function missingGoalSheets(loaded: LoadedWorkbook): UseCaseFailure | null {
  if (loaded.parsed.sheets.length > 0) return null;
  return {
    ok: false,
    code: "no-goal-sheets",
    message: "no sheet looks like an OKR, KPI, KRA or Check-ins sheet (no recognisable header row in the first 10 rows)",
  };
}

/** Where a long use case stands: reading the workbook, then writing its sheets. */
export type Phase = { phase: "reading" } | { phase: "writing"; sheets: number };

export interface RunOptions extends LoadOptions {
  /** Called after each new sheet is written. */
  onProgress?: (progress: Progress) => void;
  /** Called as the work moves from one phase to the next. */
  onPhase?: (phase: Phase) => void;
  /**
   * Stops the work when aborted: before writing, or between sheets while writing, in which
   * case the adapter removes the sheets written so far (a write is all or nothing).
   */
  signal?: AbortSignal;
}

/** Thrown from the progress callback to stop a write; the adapter then removes what it wrote. */
class Cancelled extends Error {}

const CANCELLED: UseCaseFailure = { ok: false, code: "cancelled", message: "Stopped before anything was written." };

/** Writes a plan unless the work is cancelled, in which case nothing stays written. */
async function writeCancellable(port: WorkbookPort, plan: OutputPlan, options: RunOptions): Promise<WriteResult | UseCaseFailure> {
  if (options.signal?.aborted) return CANCELLED;
  options.onPhase?.({ phase: "writing", sheets: plan.sheets.length });
  try {
    return await port.writeSheets(plan, {
      onProgress: (progress) => {
        if (options.signal?.aborted) throw new Cancelled("cancelled");
        options.onProgress?.(progress);
      },
    });
  } catch (error) {
    if (error instanceof Cancelled || options.signal?.aborted) return CANCELLED;
    throw error;
  }
}

function isFailure(value: WriteResult | UseCaseFailure): value is UseCaseFailure {
  return "ok" in value && value.ok === false;
}

export interface RollupOptions extends RunOptions {
  /** A quarter such as `2026-Q3`; the latest quarter in the workbook when omitted. */
  period?: string;
}

export interface RollupDone {
  ok: true;
  period: Period;
  rollup: Rollup;
  /** Final sheet names by plan key. */
  written: WriteResult;
  loaded: LoadedWorkbook;
}

/**
 * Writes the quarterly rollup of a period (the latest quarter found by default) onto a new sheet.
 *
 * @example
 * const done = await runRollup(port, { period: "2026-Q3" });
 * if (done.ok) done.written.names.rollup // "Rollup 2026-Q3"
 */
export async function runRollup(port: WorkbookPort, options: RollupOptions = {}): Promise<RollupDone | UseCaseFailure> {
  options.onPhase?.({ phase: "reading" });
  const loaded = await loadWorkbook(port, options);
  const unusable = missingGoalSheets(loaded);
  if (unusable) return unusable;
  const chosen = choosePeriod(options.period, latestQuarter(loaded.parsed), loaded.settings, "quarter");
  if (!chosen.ok) return chosen;
  const rollup = computeRollup(loaded.analysis, loaded.findings, { period: chosen.period.label, settings: loaded.settings });
  if (rollup.problems.length > 0) return { ok: false, code: "period-unusable", message: rollup.problems[0].message };
  const written = await writeCancellable(port, planRollup(rollup), options);
  if (isFailure(written)) return written;
  return { ok: true, period: rollup.period, rollup, written, loaded };
}

export interface ReviewOptions extends RunOptions {
  /** A review year such as `2026` (or a quarter); the latest year in the workbook when omitted. */
  period?: string;
  /** Only these people (names as written, any case). */
  people?: string[];
  /** Only the people of this team. */
  team?: string;
  /**
   * Asked before writing very many sheets, with the warning to show; writing goes
   * ahead when it resolves true. Without it, writing goes ahead and the warning is returned.
   */
  confirm?: (warning: string) => boolean | Promise<boolean>;
}

export interface ReviewsDone {
  ok: true;
  period: Period;
  reviews: Review[];
  /** The warning about the number of sheets written, when there were very many; else `null`. */
  warning: string | null;
  written: WriteResult;
  loaded: LoadedWorkbook;
}

/**
 * Writes the review summaries of a year (the latest found by default): an index
 * sheet with a link to one sheet per person.
 *
 * @example
 * const done = await runReviews(port, { period: "2026", people: ["Ana López"] });
 * if (done.ok) done.written.names.index // "Reviews 2026"
 */
export async function runReviews(port: WorkbookPort, options: ReviewOptions = {}): Promise<ReviewsDone | UseCaseFailure> {
  options.onPhase?.({ phase: "reading" });
  const loaded = await loadWorkbook(port, options);
  const unusable = missingGoalSheets(loaded);
  if (unusable) return unusable;
  const chosen = choosePeriod(options.period, latestYear(loaded.parsed), loaded.settings, "review year");
  if (!chosen.ok) return chosen;
  const label = chosen.period.label;
  const reviews = computeReviews(loaded.analysis, loaded.findings, {
    period: label,
    people: options.people,
    team: options.team,
    settings: loaded.settings,
  });
  if (reviews.length === 0) {
    const who = options.people?.length ? options.people.map((p) => `"${p}"`).join(", ") : options.team ? `the team "${options.team}"` : "anyone";
    return { ok: false, code: "no-people", message: `no KRAs, key results or KPIs for ${who} in ${label}` };
  }
  // The index sheet comes on top of one sheet per person.
  const warning = reviewSheetCountWarning(reviews.length + 1);
  if (warning && options.confirm && !(await options.confirm(warning))) {
    return { ok: false, code: "cancelled", message: "Review summaries were not written." };
  }
  const written = await writeCancellable(port, planReviews(reviews, { period: label }), options);
  if (isFailure(written)) return written;
  return { ok: true, period: chosen.period, reviews, warning, written, loaded };
}

export interface ChecksDone {
  ok: true;
  findings: Finding[];
  loaded: LoadedWorkbook;
}

/**
 * Runs the goal-quality checks over every recognised sheet.
 *
 * @example
 * const done = await runChecks(port, { asOf: "2026-08-15" });
 * if (done.ok) done.findings.filter((f) => f.severity === "error").length
 */
export async function runChecks(port: WorkbookPort, options: LoadOptions = {}): Promise<ChecksDone | UseCaseFailure> {
  const loaded = await loadWorkbook(port, options);
  const unusable = missingGoalSheets(loaded);
  if (unusable) return unusable;
  return { ok: true, findings: loaded.findings, loaded };
}
