/**
 * Loading a workbook: every visible sheet and the stored state, parsed, scored
 * and checked as of a date. Every other use case starts here.
 */
import type { Analysis } from "../core/analyse";
import { analyse } from "../core/analyse";
import { checkWorkbook } from "../core/checks";
import { todayIso } from "../core/dates";
import type { Finding, IsoDate, ParsedWorkbook, SheetData } from "../core/model";
import { startParse, type WorkbookParse } from "../core/parse";
import { withDefaults, type Settings } from "../core/settings";
import type { NumberLocale, StoredState, WorkbookPort } from "../workbook/port";
import { fail, type Failure } from "./messages";

/** A workbook read, parsed, scored and checked as of a date. */
export interface LoadedWorkbook {
  /** The cells as read; empty when loaded with `keepSheets: false`. */
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
  /**
   * `false` reads and parses the sheets one at a time, letting each sheet's cells go
   * once it is parsed (`sheets` is then empty): a batch run that only writes outputs
   * needs the records, and a million rows of cells are a large share of its memory.
   * It asks the port for each sheet separately (a request per sheet, which a file
   * reader does anyway). Kept by default, for views that show the rows.
   */
  keepSheets?: boolean;
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
  const keep = options.keepSheets !== false;
  const [sheets, state] = keep ? await Promise.all([port.readSheets(), port.readState()]) : [[], await port.readState()];
  let locale: NumberLocale | null = null;
  if (usesHostLocale(state) && port.numberLocale) locale = await port.numberLocale();
  const settings = settingsWith(state, locale);
  const parse = startParse({ settings, mappings: state.mappings, asOf });
  if (keep) addAll(parse, sheets);
  // One sheet's cells at a time: each is garbage once parsed, before the next is read.
  else for (const name of await port.sheetNames()) addAll(parse, await port.readSheets([name]));
  const parsed = parse.finish();
  // What was wrong with the stored state is shown first, with the data's problems.
  if (state.problems?.length) parsed.problems = state.problems.concat(parsed.problems);
  const analysis = analyse(parsed, settings, asOf);
  const findings = checkWorkbook(parsed, analysis, { settings, asOf });
  return { sheets, state, settings, parsed, analysis, findings };
}

/**
 * Parses sheets just read. A function of its own, not a loop in the caller: a loop
 * over an awaited array inside an async function leaves the array in the suspended
 * frame until the next value overwrites it, keeping a sheet's cells through the next read.
 */
function addAll(parse: WorkbookParse, sheets: readonly SheetData[]): void {
  for (const sheet of sheets) parse.add(sheet);
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
 * stored settings say how decimals are written. {@link loadWorkbook} and the
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
 * The failure to report when no sheet of the workbook was recognised, else `null`.
 *
 * @example
 * missingGoalSheets(loaded)?.code // "no-goal-sheets"
 */
export function missingGoalSheets(loaded: LoadedWorkbook): Failure | null {
  return loaded.parsed.sheets.length > 0 ? null : fail({ code: "no-goal-sheets", notRead: loaded.parsed.notRead });
}
