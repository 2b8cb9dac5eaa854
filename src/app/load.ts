/**
 * Loading a workbook: every visible sheet and the stored state, parsed, scored
 * and checked as of a date. Every other use case starts here.
 */
import type { Analysis } from "../core/analyse";
import { analyse } from "../core/analyse";
import { checkWorkbook } from "../core/checks";
import { todayIso } from "../core/dates";
import type { Finding, IsoDate, ParsedWorkbook, SheetData } from "../core/model";
import { parseWorkbook } from "../core/parse";
import { withDefaults, type Settings } from "../core/settings";
import type { StoredState, WorkbookPort } from "../workbook/port";
import { fail, type Failure } from "./messages";

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
  const settings = withDefaults(state.settings);
  // Numbers typed as text ("1.200,5") follow the host's locale unless the workbook's settings say otherwise.
  if (state.settings?.decimalSeparator === undefined && port.numberLocale) {
    const locale = await port.numberLocale();
    if (locale) settings.decimalSeparator = locale.decimalSeparator;
  }
  const parsed = parseWorkbook(sheets, { settings, mappings: state.mappings, asOf });
  const analysis = analyse(parsed, settings, asOf);
  const findings = checkWorkbook(parsed, analysis, { settings, asOf });
  return { sheets, state, settings, parsed, analysis, findings };
}

/**
 * The failure to report when no sheet of the workbook was recognised, else `null`.
 *
 * @example
 * missingGoalSheets(loaded)?.code // "no-goal-sheets"
 */
export function missingGoalSheets(loaded: LoadedWorkbook): Failure | null {
  return loaded.parsed.sheets.length > 0 ? null : fail({ code: "no-goal-sheets" });
}
