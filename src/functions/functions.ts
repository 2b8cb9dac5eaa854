/**
 * The ALTITUDE.* custom functions for Excel. Each takes single cells or whole
 * ranges (declared as matrices) and, given ranges, returns one result per row or
 * cell that spills. Each wrapper only hands its arguments, the workbook's
 * settings and today's date to the host-neutral function (compute.ts) and turns
 * its cell errors into `CustomFunctions.Error`. The JSDoc tags below generate
 * functions.json.
 */
import { type Cell, type Grid } from "./cells";
import {
  kpiStatusOf,
  kpiTrendOf,
  kraScoreOf,
  localToday,
  objectiveScoreOf,
  okrGrade as okrGradeOf,
  okrPace as okrPaceOf,
  okrScore as okrScoreOf,
  type FunctionContext,
} from "./compute";
import { functionSettings } from "./settings-store";
import { readSettingsFromWorkbook } from "./workbook-settings";

/** What one cell of an Excel result holds (the signatures below spell it out: the metadata generator reads only literal types). */
type ExcelCell = number | string | CustomFunctions.Error;

/** The workbook's settings (read from the workbook on the first calculation) and today. */
async function context(): Promise<FunctionContext> {
  return { settings: await functionSettings(), today: localToday() };
}

/**
 * A neutral cell as Excel shows it: an error becomes `#VALUE!` or `#N/A`, the only
 * codes whose message Excel shows ("Handle and return errors from your custom function",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 */
function toExcel(cell: Cell): number | string | CustomFunctions.Error {
  if (typeof cell !== "object") return cell;
  const code = cell.error === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, cell.message);
}

function toExcelGrid(grid: Grid): Array<Array<number | string | CustomFunctions.Error>> {
  const out: ExcelCell[][] = new Array(grid.length);
  for (let r = 0; r < grid.length; r++) out[r] = grid[r].map(toExcel);
  return out;
}

/**
 * Scores a key result from 0 to 1 as (current − start) ÷ (target − start), so increasing and decreasing metrics both work. A blank current scores 0. Whole columns compute their filled rows. A row with an error cell gives #N/A naming the argument.
 * @customfunction OKRSCORE
 * @param start Baseline value at the start of the period (blank counts as 0).
 * @param target Value the key result aims for.
 * @param current Latest value; blank means no check-in yet; yes/done and TRUE count as 1.
 * @param [type] increase (default), decrease, milestone, binary, maintain (at least the target) or maintain below (at most the target).
 * @param [cap] Highest score allowed; above 1 allows over-achievement (default from the workbook's settings).
 * @returns The score, one per row or cell when given ranges.
 * @example =ALTITUDE.OKRSCORE(47, 31, 39, "decrease") // 0.5
 */
export async function okrScore(start: unknown[][], target: unknown[][], current: unknown[][], type?: unknown[][], cap?: unknown[][]): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return toExcelGrid(okrScoreOf(start, target, current, type, cap, await context()));
}

/**
 * An objective's score: the weighted mean of its key results' scores, each capped at 1. An error cell among the scores or weights gives #N/A naming the cell.
 * @customfunction OBJECTIVESCORE
 * @param scores The key results' scores; blank cells are skipped.
 * @param [weights] One weight per score (blank: equal weights).
 * @returns The objective's score from 0 to 1.
 * @example =ALTITUDE.OBJECTIVESCORE({0.5;1}, {1;3}) // 0.875
 */
export async function objectiveScoreFn(scores: unknown[][], weights?: unknown[][]): Promise<number | string | CustomFunctions.Error> {
  return toExcel(objectiveScoreOf(scores, weights, await context())[0][0]);
}

/**
 * The grade of a score: Green, Yellow or Red by the workbook's bands. A blank score gives an empty cell; an error cell gives #N/A.
 * @customfunction OKRGRADE
 * @param score Score from 0 to 1.
 * @param [commitment] aspirational (default) or committed.
 * @returns Green, Yellow or Red, one per row or cell when given ranges.
 * @example =ALTITUDE.OKRGRADE(0.75, "committed") // "Yellow"
 */
export async function okrGrade(score: unknown[][], commitment?: unknown[][]): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return toExcelGrid(okrGradeOf(score, commitment, await context()));
}

/**
 * Pace of a score against the share of the period elapsed: Done, On track, At risk or Behind. A blank score gives an empty cell; an error cell gives #N/A.
 * @customfunction OKRPACE
 * @param score Score from 0 to 1.
 * @param period_start First day of the period.
 * @param period_end Last day of the period.
 * @param [as_of] Date to judge on (default today; pass TODAY() to recalculate daily).
 * @returns Done, On track, At risk or Behind, one per row or cell when given ranges.
 * @example =ALTITUDE.OKRPACE(0.3, DATE(2026,7,1), DATE(2026,9,30), DATE(2026,8,15)) // "Behind"
 */
export async function okrPace(score: unknown[][], period_start: unknown[][], period_end: unknown[][], as_of?: unknown[][]): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return toExcelGrid(okrPaceOf(score, period_start, period_end, as_of, await context()));
}

/**
 * A KPI's status against its floor, target and optional ceiling: Breach, Watch, On target, Above ceiling or No data. An error cell gives #N/A naming the argument.
 * @customfunction KPISTATUS
 * @param actual Latest reading; blank means No data.
 * @param floor Lowest acceptable value (highest, when lower is better).
 * @param target Value aimed for; leave blank with a floor and ceiling for a band.
 * @param [ceiling] Value beyond which the KPI overshoots.
 * @param [direction] higher, lower or band (default: from the order of floor and target).
 * @returns The status, one per row or cell when given ranges.
 * @example =ALTITUDE.KPISTATUS(92, 85, 95) // "Watch"
 */
export async function kpiStatusFn(actual: unknown[][], floor: unknown[][], target: unknown[][], ceiling?: unknown[][], direction?: unknown[][]): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return toExcelGrid(kpiStatusOf(actual, floor, target, ceiling, direction, await context()));
}

/**
 * A KPI's trend from its last two readings: Improving, Declining or Flat. A single row or column is one KPI's history; a block is one KPI per row. For a band, moving toward the middle of floor and ceiling is improving. #N/A readings are skipped like blanks; other error readings give #N/A.
 * @customfunction KPITREND
 * @param values Readings, oldest first; blanks and #N/A are skipped.
 * @param [direction] higher (default), lower or band, one per row for a block.
 * @param [floor] For a band: its lower edge, one per row for a block.
 * @param [ceiling] For a band: its upper edge, one per row for a block.
 * @returns The trend, one per row for a block.
 * @example =ALTITUDE.KPITREND({80,84,83}) // "Declining"
 */
export async function kpiTrendFn(values: unknown[][], direction?: unknown[][], floor?: unknown[][], ceiling?: unknown[][]): Promise<Array<Array<number | string | CustomFunctions.Error>>> {
  return toExcelGrid(kpiTrendOf(values, direction, floor, ceiling, await context()));
}

/**
 * A person's KRA score: Σ(weight × rating) ÷ Σ weight on the workbook's rating scale. Weights may be written 40, 40% or 0.4. An error cell gives #N/A naming the cell.
 * @customfunction KRASCORE
 * @param ratings One rating per area; blank areas are left out.
 * @param weights One weight per area.
 * @returns The weighted rating.
 * @example =ALTITUDE.KRASCORE({4;3}, {60%;40%}) // 3.6
 */
export async function kraScoreFn(ratings: unknown[][], weights: unknown[][]): Promise<number | string | CustomFunctions.Error> {
  return toExcel(kraScoreOf(ratings, weights, await context())[0][0]);
}

// In Excel the functions read the workbook's settings themselves; elsewhere they use the ones handed over.
if (typeof Excel !== "undefined") readSettingsFromWorkbook(Excel);

if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("OKRSCORE", okrScore);
  CustomFunctions.associate("OBJECTIVESCORE", objectiveScoreFn);
  CustomFunctions.associate("OKRGRADE", okrGrade);
  CustomFunctions.associate("OKRPACE", okrPace);
  CustomFunctions.associate("KPISTATUS", kpiStatusFn);
  CustomFunctions.associate("KPITREND", kpiTrendFn);
  CustomFunctions.associate("KRASCORE", kraScoreFn);
}
