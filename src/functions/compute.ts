/**
 * The seven Altitude functions, host-neutral: each takes its arguments as a host
 * passes them (a bare value or rows of cells), the workbook's settings and
 * today's date, and returns rows of numbers, text and cell errors. Excel
 * (`functions.ts`) and Google Sheets wrap these; neither adds a rule of its own.
 *
 * Error cells among the arguments (`#N/A`, `#DIV/0!` …):
 * - per-row functions (OKRSCORE, OKRGRADE, OKRPACE, KPISTATUS) give `#N/A` on
 *   that row, naming the argument that holds the error;
 * - OBJECTIVESCORE and KRASCORE give `#N/A` naming the cell: an objective or a
 *   person cannot be scored while one of its parts cannot be read;
 * - KPITREND skips a `#N/A` reading as a missing one (as Excel's charts leave a
 *   gap for it) and gives `#N/A` for any other error reading.
 */
import type { IsoDate } from "../core/model";
import type { Outcome } from "../core/outcome";
import { COMMITMENT_WORDS, DIRECTION_WORDS, STATED_TYPE_WORDS } from "../core/parse/words";
import { gradeOf, kpiDirection, kpiStatus, kpiTrend, kraScore, objectiveScore, paceOf, scoreKeyResult } from "../core/scoring";
import type { Settings } from "../core/settings";
import { isExcelError } from "../core/values";
import {
  cellsOf,
  cellsTogether,
  errorCellIn,
  hostCell,
  isEmptyCell,
  mapCells,
  readDate,
  readNumber,
  readNumberOrYesNo,
  readWord,
  rowsToCompute,
  toMatrix,
} from "./arguments";
import { naError, valueError, type Cell, type Grid } from "./cells";

/** What every function reads besides its arguments. */
export interface FunctionContext {
  settings: Settings;
  /** The day OKRPACE judges on when no as-of date is given. */
  today: IsoDate;
}

const TYPES = "increase, decrease, milestone, binary, maintain or maintain below";
const COMMITMENTS = "aspirational or committed";
const DIRECTIONS = "higher, lower or band";

/**
 * Today's date where the workbook is open (local time, as Excel's TODAY()).
 *
 * @example
 * localToday(new Date(2026, 6, 1, 23, 30)) // "2026-07-01"
 */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function settle<T extends number | string>(outcome: Outcome<T>): Cell {
  return outcome.ok ? outcome.value : valueError(outcome.message);
}

/**
 * OKRSCORE: a key result's score, one per row of ranges.
 *
 * @example
 * okrScore(47, 31, 39, "decrease", null, context) // [[0.5]]
 */
export function okrScore(start: unknown, target: unknown, current: unknown, type: unknown, cap: unknown, context: FunctionContext): Grid {
  const { settings } = context;
  const names = ["Start", "Target", "Current", "Type", "Cap"];
  return mapCells([start, target, current, type, cap], (cells) => {
    const broken = errorCellIn(cells, names);
    if (broken) return broken;
    const [s, t, c, ty, cp] = cells;
    const kind = readWord(ty, STATED_TYPE_WORDS, "Type", TYPES);
    const from = readNumber(s, "Start", settings);
    const to = readNumberOrYesNo(t, "Target", settings);
    const now = readNumberOrYesNo(c, "Current", settings);
    const limit = readNumber(cp, "Cap", settings);
    if (!kind.ok) return kind.error;
    if (!from.ok) return from.error;
    if (!to.ok) return to.error;
    if (!now.ok) return now.error;
    if (!limit.ok) return limit.error;
    const scored = scoreKeyResult(
      { type: kind.value?.type ?? "increase", start: from.value, target: to.value, current: now.value, direction: kind.value?.direction },
      limit.value ?? settings.scoreCap,
    );
    return scored.ok ? scored.value.score : valueError(scored.message);
  });
}

/**
 * OBJECTIVESCORE: the weighted mean of key results' scores, each capped at 1.
 *
 * @example
 * objectiveScoreOf([[1], [0]], [[3], [1]], context) // [[0.75]]
 */
export function objectiveScoreOf(scores: unknown, weights: unknown, context: FunctionContext): Grid {
  const weighted = weights !== null && weights !== undefined;
  const [scoreCells, weightCells = []] = cellsTogether(weighted ? [scores, weights] : [scores]);
  if (weighted && weightCells.length !== scoreCells.length) {
    return [[valueError(`There are ${scoreCells.length} scores but ${weightCells.length} weights.`)]];
  }
  const kept: number[] = [];
  const keptWeights: Array<number | null> = [];
  for (let i = 0; i < scoreCells.length; i++) {
    if (isEmptyCell(scoreCells[i]) && (!weighted || isEmptyCell(weightCells[i]))) continue;
    const broken = errorCellIn(weighted ? [scoreCells[i], weightCells[i]] : [scoreCells[i]], [`Scores, cell ${i + 1},`, `Weights, cell ${i + 1},`]);
    if (broken) return [[broken]];
    const score = readNumber(scoreCells[i], `Scores, cell ${i + 1}`, context.settings);
    if (!score.ok) return [[score.error]];
    const weight = weighted ? readNumber(weightCells[i], `Weights, cell ${i + 1}`, context.settings) : { ok: true as const, value: null };
    if (!weight.ok) return [[weight.error]];
    if (score.value === null) continue;
    kept.push(score.value);
    keptWeights.push(weight.value);
  }
  return [[settle(objectiveScore(kept, weighted ? keptWeights : undefined))]];
}

/**
 * OKRGRADE: Green, Yellow or Red by the workbook's bands; a blank score stays blank.
 *
 * @example
 * okrGrade([[0.39], [0.7]], null, context) // [["Red"], ["Green"]]
 */
export function okrGrade(score: unknown, commitment: unknown, context: FunctionContext): Grid {
  const { settings } = context;
  return mapCells([score, commitment], (cells) => {
    const broken = errorCellIn(cells, ["Score", "Commitment"]);
    if (broken) return broken;
    const value = readNumber(cells[0], "Score", settings);
    const kind = readWord(cells[1], COMMITMENT_WORDS, "Commitment", COMMITMENTS);
    if (!value.ok) return value.error;
    if (!kind.ok) return kind.error;
    return value.value === null ? "" : gradeOf(value.value, kind.value ?? "aspirational", settings.grades);
  });
}

/**
 * OKRPACE: Done, On track, At risk or Behind against the share of the period elapsed.
 *
 * @example
 * okrPace(0.5, 46204, 46295, 46249, context) // [["On track"]]
 */
export function okrPace(score: unknown, periodStart: unknown, periodEnd: unknown, asOf: unknown, context: FunctionContext): Grid {
  const { settings } = context;
  return mapCells([score, periodStart, periodEnd, asOf], (cells) => {
    const broken = errorCellIn(cells, ["Score", "Period start", "Period end", "As of"]);
    if (broken) return broken;
    const value = readNumber(cells[0], "Score", settings);
    const start = readDate(cells[1], "Period start", settings);
    const end = readDate(cells[2], "Period end", settings);
    const on = readDate(cells[3], "As of", settings);
    if (!value.ok) return value.error;
    if (!start.ok) return start.error;
    if (!end.ok) return end.error;
    if (!on.ok) return on.error;
    if (start.value === null || end.value === null) return valueError("The period needs a start and an end date.");
    if (value.value === null) return "";
    return settle(paceOf(value.value, start.value, end.value, on.value ?? context.today, settings.pace));
  });
}

/**
 * KPISTATUS: Breach, Watch, On target, Above ceiling or No data.
 *
 * @example
 * kpiStatusOf(38, 45, 30, null, null, context) // [["Watch"]]
 */
export function kpiStatusOf(actual: unknown, floor: unknown, target: unknown, ceiling: unknown, direction: unknown, context: FunctionContext): Grid {
  const { settings } = context;
  return mapCells([actual, floor, target, ceiling, direction], (cells) => {
    const broken = errorCellIn(cells, ["Actual", "Floor", "Target", "Ceiling", "Direction"]);
    if (broken) return broken;
    const a = readNumber(cells[0], "Actual", settings);
    const f = readNumber(cells[1], "Floor", settings);
    const t = readNumber(cells[2], "Target", settings);
    const c = readNumber(cells[3], "Ceiling", settings);
    const d = readWord(cells[4], DIRECTION_WORDS, "Direction", DIRECTIONS);
    if (!a.ok) return a.error;
    if (!f.ok) return f.error;
    if (!t.ok) return t.error;
    if (!c.ok) return c.error;
    if (!d.ok) return d.error;
    return settle(kpiStatus({ actual: a.value, floor: f.value, target: t.value, ceiling: c.value, direction: d.value }));
  });
}

/** One reading of a KPI's series: a number, a blank, or the error it gives. */
function readingsOf(cells: readonly unknown[], context: FunctionContext): Array<number | null> | Cell {
  const readings: Array<number | null> = new Array(cells.length);
  for (let k = 0; k < cells.length; k++) {
    if (isEmptyCell(cells[k])) {
      readings[k] = null;
      continue;
    }
    const raw = hostCell(cells[k]);
    if (typeof raw === "string" && isExcelError(raw)) {
      const code = raw.trim().toUpperCase();
      // #N/A is a reading that is not there (a lookup found no value for the period): skipped like a blank.
      if (code === "#N/A") {
        readings[k] = null;
        continue;
      }
      return naError(`Values, reading ${k + 1}, holds ${code}.`);
    }
    const value = readNumber(cells[k], `Values, reading ${k + 1}`, context.settings);
    if (!value.ok) return value.error;
    readings[k] = value.value;
  }
  return readings;
}

/**
 * KPITREND: Improving, Declining or Flat from the last two readings. A single
 * row or column is one KPI's history; a block is one KPI per row. For a band,
 * moving toward the middle of its floor and ceiling is improving.
 *
 * @example
 * kpiTrendOf([[40, 38]], "lower", null, null, context) // [["Improving"]]
 * kpiTrendOf([[230, 227]], "band", 224, 228, context) // [["Improving"]]
 */
export function kpiTrendOf(values: unknown, direction: unknown, floor: unknown, ceiling: unknown, context: FunctionContext): Grid {
  const { settings } = context;
  const rows = toMatrix(values);
  const single = rows.length === 1 || rows.every((r) => r.length <= 1);
  const series = single ? cellsTogether([values]) : rows.slice(0, Math.max(1, rowsToCompute([rows])));
  const per = (arg: unknown) => {
    const cells = cellsOf(arg);
    return (i: number) => (cells.length === 1 ? cells[0] : cells[i]);
  };
  const directionOf = per(direction);
  const floorOf = per(floor);
  const ceilingOf = per(ceiling);
  const out: Grid = new Array(series.length);
  for (let i = 0; i < series.length; i++) out[i] = [trendOf(series[i], directionOf(i), floorOf(i), ceilingOf(i), context, settings)];
  return out;
}

function trendOf(cells: readonly unknown[], direction: unknown, floor: unknown, ceiling: unknown, context: FunctionContext, settings: Settings): Cell {
  const broken = errorCellIn([direction, floor, ceiling], ["Direction", "Floor", "Ceiling"]);
  if (broken) return broken;
  const stated = readWord(direction, DIRECTION_WORDS, "Direction", DIRECTIONS);
  const lo = readNumber(floor, "Floor", settings);
  const hi = readNumber(ceiling, "Ceiling", settings);
  if (!stated.ok) return stated.error;
  if (!lo.ok) return lo.error;
  if (!hi.ok) return hi.error;
  const readings = readingsOf(cells, context);
  if (!Array.isArray(readings)) return readings;
  const read = stated.value ?? kpiDirection({ actual: null, floor: lo.value, target: null, ceiling: hi.value }) ?? "higher";
  if (read !== "band") return kpiTrend(readings, read);
  if (lo.value === null || hi.value === null) {
    return valueError('A band\'s trend needs its floor and ceiling: KPITREND(values, "band", floor, ceiling).');
  }
  return kpiTrend(readings, "band", (lo.value + hi.value) / 2);
}

/**
 * KRASCORE: Σ(weight × rating) ÷ Σ weight on the workbook's rating scale.
 *
 * @example
 * kraScoreOf([[4], [3], [5]], [[40], [30], [30]], context) // [[4]]
 */
export function kraScoreOf(ratings: unknown, weights: unknown, context: FunctionContext): Grid {
  const { settings } = context;
  const [ratingCells, weightCells] = cellsTogether([ratings, weights]);
  const rated: Array<number | null> = new Array(ratingCells.length);
  const weighed: Array<number | null> = new Array(weightCells.length);
  for (let i = 0; i < Math.max(ratingCells.length, weightCells.length); i++) {
    if (isEmptyCell(ratingCells[i]) && isEmptyCell(weightCells[i])) {
      if (i < ratingCells.length) rated[i] = null;
      if (i < weightCells.length) weighed[i] = null;
      continue;
    }
    const broken = errorCellIn([ratingCells[i], weightCells[i]], [`Ratings, cell ${i + 1},`, `Weights, cell ${i + 1},`]);
    if (broken) return [[broken]];
    if (i < ratingCells.length) {
      const rating = readNumber(ratingCells[i], `Ratings, cell ${i + 1}`, settings);
      if (!rating.ok) return [[rating.error]];
      rated[i] = rating.value;
    }
    if (i < weightCells.length) {
      const weight = readNumber(weightCells[i], `Weights, cell ${i + 1}`, settings);
      if (!weight.ok) return [[weight.error]];
      weighed[i] = weight.value;
    }
  }
  const result = kraScore(rated, weighed, settings.rating);
  return [[result.ok ? result.value.score : valueError(result.message)]];
}
