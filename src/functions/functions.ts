/**
 * The ALTITUDE.* custom functions. Each takes single cells or whole ranges
 * (declared as matrices) and, given ranges, returns one result per row or cell
 * that spills. Bodies stay thin: convert the arguments (arguments.ts), call the
 * core rule, and turn a failed outcome into #VALUE! or #NUM! with its message.
 * The JSDoc tags below generate functions.json.
 */
import { fail, type Outcome } from "../core/outcome";
import { gradeOf, kpiStatus, kpiTrend, kraScore, objectiveScore, paceOf, scoreKeyResult } from "../core/scoring";
import {
  allOf,
  cellsOf,
  localToday,
  mapCells,
  toCellError,
  toCommitment,
  toDate,
  toDirection,
  toDone,
  toStatedType,
  toMatrix,
  toNumber,
  type CellResult,
} from "./arguments";
import { getFunctionSettings } from "./settings-store";

function settle<T extends number | string>(outcome: Outcome<T>): CellResult {
  return outcome.ok ? outcome.value : toCellError(outcome);
}

/**
 * Scores a key result from 0 to 1 as (current − start) ÷ (target − start), so increasing and decreasing metrics both work. A blank current scores 0.
 * @customfunction OKRSCORE
 * @param start Baseline value at the start of the period (blank counts as 0).
 * @param target Value the key result aims for.
 * @param current Latest value; blank means no check-in yet.
 * @param [type] increase (default), decrease, milestone, binary, maintain (at least the target) or maintain below (at most the target).
 * @param [cap] Highest score allowed; above 1 allows over-achievement (default from the workbook's settings).
 * @returns The score, one per row or cell when given ranges.
 */
export function okrScore(
  start: unknown[][],
  target: unknown[][],
  current: unknown[][],
  type?: unknown[][],
  cap?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  const settings = getFunctionSettings();
  const sep = settings.decimalSeparator;
  return mapCells([start, target, current, type, cap], ([s, t, c, ty, cp]) => {
    const kind = toStatedType(ty);
    if (!kind.ok) return toCellError(kind);
    const numbers = allOf([s, t], (cell) => toNumber(cell, sep));
    const now = kind.value.type === "binary" ? toDone(c, sep) : toNumber(c, sep);
    const limit = toNumber(cp, sep);
    if (!numbers.ok) return toCellError(numbers);
    if (!now.ok) return toCellError(now);
    if (!limit.ok) return toCellError(limit);
    const [startValue, targetValue] = numbers.value;
    const scored = scoreKeyResult(
      { type: kind.value.type, start: startValue, target: targetValue, current: now.value, direction: kind.value.direction },
      limit.value ?? settings.scoreCap,
    );
    return scored.ok ? scored.value.score : toCellError(scored);
  });
}

/**
 * An objective's score: the weighted mean of its key results' scores, each capped at 1.
 * @customfunction OBJECTIVESCORE
 * @param scores The key results' scores; blank cells are skipped.
 * @param [weights] One weight per score (blank: equal weights).
 * @returns The objective's score from 0 to 1.
 */
export function objectiveScoreFn(scores: unknown[][], weights?: unknown[][]): number | CustomFunctions.Error {
  const sep = getFunctionSettings().decimalSeparator;
  const scoreCells = cellsOf(scores);
  const weightCells = weights === null || weights === undefined ? null : cellsOf(weights);
  if (weightCells && weightCells.length !== scoreCells.length) {
    return toCellError(fail("weights-length", `There are ${scoreCells.length} scores but ${weightCells.length} weights.`));
  }
  const values = allOf(scoreCells, (cell) => toNumber(cell, sep));
  const given = allOf(weightCells ?? [], (cell) => toNumber(cell, sep));
  if (!values.ok) return toCellError(values);
  if (!given.ok) return toCellError(given);
  const kept = values.value.flatMap((v, i) => (v === null ? [] : [i]));
  const result = objectiveScore(
    kept.map((i) => values.value[i] as number),
    weightCells ? kept.map((i) => given.value[i]) : undefined,
  );
  return result.ok ? result.value : toCellError(result);
}

/**
 * The grade of a score: Green, Yellow or Red by the workbook's bands. A blank score gives an empty cell.
 * @customfunction OKRGRADE
 * @param score Score from 0 to 1.
 * @param [commitment] aspirational (default) or committed.
 * @returns Green, Yellow or Red, one per row or cell when given ranges.
 */
export function okrGrade(score: unknown[][], commitment?: unknown[][]): Array<Array<number | string | CustomFunctions.Error>> {
  const settings = getFunctionSettings();
  return mapCells([score, commitment], ([s, c]) => {
    const value = toNumber(s, settings.decimalSeparator);
    const kind = toCommitment(c);
    if (!value.ok) return toCellError(value);
    if (!kind.ok) return toCellError(kind);
    return value.value === null ? "" : gradeOf(value.value, kind.value, settings.grades);
  });
}

/**
 * Pace of a score against the share of the period elapsed: Done, On track, At risk or Behind. A blank score gives an empty cell.
 * @customfunction OKRPACE
 * @param score Score from 0 to 1.
 * @param period_start First day of the period.
 * @param period_end Last day of the period.
 * @param [as_of] Date to judge on (default today; pass TODAY() to recalculate daily).
 * @returns Done, On track, At risk or Behind, one per row or cell when given ranges.
 */
export function okrPace(
  score: unknown[][],
  period_start: unknown[][],
  period_end: unknown[][],
  as_of?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  const settings = getFunctionSettings();
  const today = localToday();
  return mapCells([score, period_start, period_end, as_of], ([s, ps, pe, ao]) => {
    const value = toNumber(s, settings.decimalSeparator);
    const dates = allOf([ps, pe, ao], toDate);
    if (!value.ok) return toCellError(value);
    if (!dates.ok) return toCellError(dates);
    const [start, end, asOf] = dates.value;
    if (start === null || end === null) return toCellError(fail("bad-period", "The period needs a start and an end date."));
    if (value.value === null) return "";
    return settle(paceOf(value.value, start, end, asOf ?? today, settings.pace));
  });
}

/**
 * A KPI's status against its floor, target and optional ceiling: Breach, Watch, On target, Above ceiling or No data.
 * @customfunction KPISTATUS
 * @param actual Latest reading; blank means No data.
 * @param floor Lowest acceptable value (highest, when lower is better).
 * @param target Value aimed for; leave blank with a floor and ceiling for a band.
 * @param [ceiling] Value beyond which the KPI overshoots.
 * @param [direction] higher, lower or band (default: from the order of floor and target).
 * @returns The status, one per row or cell when given ranges.
 */
export function kpiStatusFn(
  actual: unknown[][],
  floor: unknown[][],
  target: unknown[][],
  ceiling?: unknown[][],
  direction?: unknown[][],
): Array<Array<number | string | CustomFunctions.Error>> {
  const sep = getFunctionSettings().decimalSeparator;
  return mapCells([actual, floor, target, ceiling, direction], ([a, f, t, c, d]) => {
    const numbers = allOf([a, f, t, c], (cell) => toNumber(cell, sep));
    const dir = toDirection(d);
    if (!numbers.ok) return toCellError(numbers);
    if (!dir.ok) return toCellError(dir);
    const [actualValue, floorValue, targetValue, ceilingValue] = numbers.value;
    return settle(
      kpiStatus({ actual: actualValue, floor: floorValue, target: targetValue, ceiling: ceilingValue, direction: dir.value }),
    );
  });
}

/**
 * A KPI's trend from its last two readings: Improving, Declining or Flat. A single row or column is one KPI's history; a block of several rows and columns is one KPI per row.
 * @customfunction KPITREND
 * @param values Readings, oldest first; blanks are skipped.
 * @param [direction] higher (default) or lower is better, one per row for a block.
 * @returns The trend, one per row for a block.
 */
export function kpiTrendFn(values: unknown[][], direction?: unknown[][]): Array<Array<number | string | CustomFunctions.Error>> {
  const sep = getFunctionSettings().decimalSeparator;
  const rows = toMatrix(values);
  const series = rows.length === 1 || rows.every((r) => r.length === 1) ? [rows.flat()] : rows;
  const directions = cellsOf(direction);
  return series.map((readings, i) => {
    const dir = toDirection(directions.length === 1 ? directions[0] : directions[i]);
    if (!dir.ok) return [toCellError(dir)];
    if (dir.value === "band") {
      return [toCellError(fail("bad-direction", "KPITREND reads higher or lower is better; a band has no single direction."))];
    }
    const numbers = allOf(readings, (cell) => toNumber(cell, sep));
    return [numbers.ok ? kpiTrend(numbers.value, dir.value ?? "higher") : toCellError(numbers)];
  });
}

/**
 * A person's KRA score: Σ(weight × rating) ÷ Σ weight on the workbook's rating scale. Weights may be written 40, 40% or 0.4.
 * @customfunction KRASCORE
 * @param ratings One rating per area; blank areas are left out.
 * @param weights One weight per area.
 * @returns The weighted rating.
 */
export function kraScoreFn(ratings: unknown[][], weights: unknown[][]): number | CustomFunctions.Error {
  const settings = getFunctionSettings();
  const ratingCells = allOf(cellsOf(ratings), (cell) => toNumber(cell, settings.decimalSeparator));
  const weightCells = allOf(cellsOf(weights), (cell) => toNumber(cell, settings.decimalSeparator));
  if (!ratingCells.ok) return toCellError(ratingCells);
  if (!weightCells.ok) return toCellError(weightCells);
  const result = kraScore(ratingCells.value, weightCells.value, settings.rating);
  return result.ok ? result.value.score : toCellError(result);
}

if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("OKRSCORE", okrScore);
  CustomFunctions.associate("OBJECTIVESCORE", objectiveScoreFn);
  CustomFunctions.associate("OKRGRADE", okrGrade);
  CustomFunctions.associate("OKRPACE", okrPace);
  CustomFunctions.associate("KPISTATUS", kpiStatusFn);
  CustomFunctions.associate("KPITREND", kpiTrendFn);
  CustomFunctions.associate("KRASCORE", kraScoreFn);
}
