/**
 * The seven functions as Google Sheets custom functions: thin wrappers over the
 * host-neutral implementation (`src/functions/compute.ts`) that Excel wraps too,
 * so a formula gives the same result in both editions.
 *
 * What Sheets does differently (https://developers.google.com/apps-script/guides/sheets/functions):
 * - a range argument arrives as rows of values and a single cell as the value
 *   itself; dates arrive as `Date` objects, turned here into serial numbers in
 *   the spreadsheet's time zone so the neutral code reads them as it reads Excel's;
 * - an error is shown by throwing: "#ERROR!" with the message in the cell's note.
 *   Sheets has no error value per cell inside a spilled result, so there an error
 *   cell shows as text that starts with its code (`#VALUE! Target equals start`);
 * - a custom function may read the spreadsheet but not change it, so the settings
 *   come from Altitude's state sheet, read once per calculation.
 */
import type { Cell, Grid } from "../functions/cells";
import {
  kpiStatusOf,
  kpiTrendOf,
  kraScoreOf,
  objectiveScoreOf,
  okrGrade as okrGradeOf,
  okrPace as okrPaceOf,
  okrScore as okrScoreOf,
  type FunctionContext,
} from "../functions/compute";
import { withDefaults } from "../core/settings";
import { dateToSerial, isDate, SheetsWorkbook } from "./adapter";
import type { FormatDate, SheetsApp } from "./api";

/** What a Sheets custom function receives for one argument. */
export type SheetsArgument = unknown;
/** What it returns: one value, or rows of values that spill. */
export type SheetsResult = number | string | Array<Array<number | string>>;

/** The services the functions read: the spreadsheet (read only) and date formatting. */
export interface FunctionServices {
  app: SheetsApp;
  formatDate: FormatDate;
  /** Now, for OKRPACE without an as-of date. */
  now?: () => Date;
}

/**
 * The message Sheets shows for an error cell inside a spilled result.
 *
 * @example
 * errorText({ error: "na", message: "Current holds #N/A." }) // "#N/A Current holds #N/A."
 */
export function errorText(cell: Exclude<Cell, number | string>): string {
  return `${cell.error === "na" ? "#N/A" : "#VALUE!"} ${cell.message}`;
}

/**
 * A neutral result as Sheets shows it: a single error throws (Sheets shows
 * `#ERROR!` and the message); inside a range an error shows as its text.
 *
 * @example
 * toSheets([[0.5]]) // 0.5
 * toSheets([[0.5], [1]]) // [[0.5], [1]]
 */
export function toSheets(grid: Grid): SheetsResult {
  if (grid.length === 1 && grid[0].length === 1) {
    const cell = grid[0][0];
    if (typeof cell === "object") throw new Error(cell.message);
    return cell;
  }
  const out: Array<Array<number | string>> = new Array(grid.length);
  for (let r = 0; r < grid.length; r++) out[r] = grid[r].map((cell) => (typeof cell === "object" ? errorText(cell) : cell));
  return out;
}

/**
 * The functions over one set of services; the server file exposes each as a global.
 *
 * @example
 * const { OKRSCORE } = sheetsFunctions({ app: SpreadsheetApp, formatDate: Utilities.formatDate });
 * OKRSCORE(47, 31, 39, "decrease") // 0.5
 */
export function sheetsFunctions(services: FunctionServices) {
  const book = new SheetsWorkbook(services.app, services.formatDate);
  let timeZone: string | null = null;
  const zone = () => (timeZone ??= services.app.getActiveSpreadsheet().getSpreadsheetTimeZone());

  const context = (): FunctionContext => {
    const now = services.now?.() ?? new Date();
    const today = services.formatDate(now, zone(), "yyyy-MM-dd");
    return { settings: withDefaults(book.readState().settings), today };
  };

  /** Dates become serial numbers in the spreadsheet's time zone, inside ranges too. */
  const arg = (value: SheetsArgument): unknown => {
    if (isDate(value)) return dateToSerial(value, zone(), services.formatDate);
    if (!Array.isArray(value)) return value;
    let hasDate = false;
    for (const row of value) if (Array.isArray(row) && row.some(isDate)) hasDate = true;
    if (!hasDate) return value;
    return value.map((row: unknown) => (Array.isArray(row) ? row.map((v) => (isDate(v) ? dateToSerial(v, zone(), services.formatDate) : v)) : row));
  };

  return {
    OKRSCORE: (start: SheetsArgument, target: SheetsArgument, current: SheetsArgument, type?: SheetsArgument, cap?: SheetsArgument) =>
      toSheets(okrScoreOf(arg(start), arg(target), arg(current), arg(type), arg(cap), context())),
    OBJECTIVESCORE: (scores: SheetsArgument, weights?: SheetsArgument) => toSheets(objectiveScoreOf(arg(scores), arg(weights), context())),
    OKRGRADE: (score: SheetsArgument, commitment?: SheetsArgument) => toSheets(okrGradeOf(arg(score), arg(commitment), context())),
    OKRPACE: (score: SheetsArgument, periodStart: SheetsArgument, periodEnd: SheetsArgument, asOf?: SheetsArgument) =>
      toSheets(okrPaceOf(arg(score), arg(periodStart), arg(periodEnd), arg(asOf), context())),
    KPISTATUS: (actual: SheetsArgument, floor: SheetsArgument, target: SheetsArgument, ceiling?: SheetsArgument, direction?: SheetsArgument) =>
      toSheets(kpiStatusOf(arg(actual), arg(floor), arg(target), arg(ceiling), arg(direction), context())),
    KPITREND: (values: SheetsArgument, direction?: SheetsArgument, floor?: SheetsArgument, ceiling?: SheetsArgument) =>
      toSheets(kpiTrendOf(arg(values), arg(direction), arg(floor), arg(ceiling), context())),
    KRASCORE: (ratings: SheetsArgument, weights: SheetsArgument) => toSheets(kraScoreOf(arg(ratings), arg(weights), context())),
  };
}

export type SheetsFunctionName = keyof ReturnType<typeof sheetsFunctions>;
