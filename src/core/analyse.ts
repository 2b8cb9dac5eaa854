/**
 * Computes every figure for a parsed workbook: key result scores, grades and
 * pace; objectives; KPI status and trend; each person's KRA score. The CLI's
 * `score`, the rollup, the reviews and the task pane all read this one result.
 */
import { excerpt } from "./values";
import type {
  Direction,
  Grade,
  IsoDate,
  KeyResultRecord,
  KpiRecord,
  KpiStatus,
  KraRecord,
  Pace,
  ParsedWorkbook,
  Period,
  Problem,
  Trend,
} from "./model";
import {
  deriveRating,
  gradeOf,
  kpiDirection,
  kpiStatus,
  kpiTrend,
  kraScore,
  objectiveScore,
  expectedProgress,
  paceFor,
  scoreKeyResult,
  weightsAsPercent,
} from "./scoring";
import { compareText, groupBy, nameKey, nameKeys } from "./collections";

export { nameKey, nameKeys } from "./collections";
import { maintainDirection } from "./parse/words";
import type { Settings } from "./settings";

export interface ScoredKeyResult {
  record: KeyResultRecord;
  /** 0–cap, or `null` when the numbers cannot be scored (see `problem`). */
  score: number | null;
  /** True when there is no current value yet (score 0, reported as such). */
  noCheckIn: boolean;
  grade: Grade | null;
  pace: Pace | null;
}

/** An objective: the fields its key result rows share, taken from its first row, and its figures. */
export interface ScoredObjective extends Pick<KeyResultRecord, "period" | "level" | "team" | "objective" | "objectiveId" | "parentId" | "commitment"> {
  /** Stable key: period, team and objective (ID or text). */
  key: string;
  /** Owners of its key results, distinct, in sheet order. */
  owners: string[];
  sheet: string;
  /** Row of its first key result. */
  row: number;
  keyResults: ScoredKeyResult[];
  /** Weighted mean of the scorable key results, each capped at 1; `null` when none is scorable. */
  score: number | null;
  grade: Grade | null;
  pace: Pace | null;
  /** The weakest key result's pace: an objective is only as on track as its worst key result. */
  weakestPace: Pace | null;
}

export interface ScoredKpi {
  record: KpiRecord;
  direction: Direction | null;
  status: KpiStatus | null;
  /** Against the same KPI's previous period reading. */
  trend: Trend;
}

export interface ScoredKraArea {
  record: KraRecord;
  /** Weight in percent. */
  weightPercent: number | null;
  /** The rating given, or one derived from actual ÷ target. */
  rating: number | null;
  derived: boolean;
}

export interface ScoredKra {
  employee: string;
  role: string;
  manager: string;
  period: Period | null;
  sheet: string;
  row: number;
  areas: ScoredKraArea[];
  score: number | null;
  label: string;
  /** Sum of weights in percent; 100 means complete. */
  weightTotal: number;
}

export interface Analysis {
  asOf: IsoDate;
  keyResults: ScoredKeyResult[];
  objectives: ScoredObjective[];
  kpis: ScoredKpi[];
  kras: ScoredKra[];
  /** Scoring problems (e.g. target equal to start), located at their cells. */
  problems: Problem[];
}

const PACE_ORDER: Pace[] = ["Behind", "At risk", "On track", "Done"];


/**
 * Scores everything in a parsed workbook as of a date.
 *
 * @example
 * const analysis = analyse(parsed, DEFAULT_SETTINGS, "2026-08-15");
 * analysis.objectives[0].score // e.g. 0.5
 */
export function analyse(parsed: ParsedWorkbook, settings: Settings, asOf: IsoDate): Analysis {
  const problems: Problem[] = [];
  const keyResults = parsed.keyResults.map((record) => scoreOne(record, settings, asOf, problems));
  return {
    asOf,
    keyResults,
    objectives: groupObjectives(keyResults, settings, asOf, problems),
    kpis: scoreKpis(parsed.kpis, problems),
    kras: scoreKras(parsed.kras, settings, problems),
    problems,
  };
}

function scoreOne(record: KeyResultRecord, settings: Settings, asOf: IsoDate, problems: Problem[]): ScoredKeyResult {
  const direction = record.type === "maintain" ? (record.direction ?? maintainDirection(record.keyResult)) : "higher";
  const outcome = scoreKeyResult(
    { type: record.type, start: record.start, target: record.target, current: record.current, direction },
    settings.scoreCap,
  );
  if (!outcome.ok) {
    const cell = record.cells.target ?? record.cells.keyResult ?? record.cells.current ?? `A${record.row}`;
    problems.push({ code: outcome.code, message: `${outcome.message} (key result "${excerpt(record.keyResult)}")`, sheet: record.sheet, cell, severity: "error" });
    return { record, score: null, noCheckIn: false, grade: null, pace: null };
  }
  const { score, noCheckIn } = outcome.value;
  return {
    record,
    score,
    noCheckIn,
    grade: gradeOf(score, record.commitment, settings.grades),
    pace: paceInPeriod(score, record.period, record.due, asOf, settings),
  };
}

function paceInPeriod(score: number, period: Period | null, due: IsoDate | null, asOf: IsoDate, settings: Settings): Pace | null {
  if (!period) return null;
  const expected = due === null ? expectedOfPeriod(period, asOf) : expectedBy(period.start, due, asOf);
  return expected === null ? null : paceFor(score, expected, settings.pace);
}

/** Expected progress of a period at a date; thousands of key results share a few periods, so each is worked out once. */
function expectedBy(start: IsoDate, end: IsoDate, asOf: IsoDate): number | null {
  const key = `${start}|${end}|${asOf}`;
  let expected = EXPECTED.get(key);
  if (expected === undefined) {
    const outcome = expectedProgress(start, end, asOf);
    expected = outcome.ok ? outcome.value : null;
    if (EXPECTED.size >= 10_000) EXPECTED.clear();
    EXPECTED.set(key, expected);
  }
  return expected;
}

const EXPECTED = new Map<string, number | null>();

/** The same for a whole period: records of a sheet share one Period object per label, so the object itself is the key. */
function expectedOfPeriod(period: Period, asOf: IsoDate): number | null {
  let byDate = EXPECTED_OF_PERIOD.get(period);
  if (!byDate) EXPECTED_OF_PERIOD.set(period, (byDate = new Map()));
  let expected = byDate.get(asOf);
  if (expected === undefined) byDate.set(asOf, (expected = expectedBy(period.start, period.end, asOf)));
  return expected;
}

/** Weakly held, so periods of workbooks no longer in use are let go. */
const EXPECTED_OF_PERIOD = new WeakMap<Period, Map<IsoDate, number | null>>();

function groupObjectives(keyResults: ScoredKeyResult[], settings: Settings, asOf: IsoDate, problems: Problem[]): ScoredObjective[] {
  // Team and objective texts repeat down the sheet (filled down): reduce each distinct text once.
  const keyOf = nameKeys();
  // Rows of one objective usually follow each other: while nothing that makes the key differs,
  // the row joins the previous row's group without its key being built or looked up again.
  // Groups keep the order in which their keys first appear, and each group its rows' order.
  const groups = new Map<string, ScoredKeyResult[]>();
  let last: KeyResultRecord | null = null;
  let group: ScoredKeyResult[] = [];
  for (let i = 0; i < keyResults.length; i++) {
    const r = keyResults[i].record;
    const same =
      last !== null &&
      last.sheet === r.sheet &&
      last.period === r.period &&
      last.team === r.team &&
      (last.objectiveId || last.objective) === (r.objectiveId || r.objective);
    if (!same) {
      const key = `${r.sheet}\u0000${r.period?.label ?? ""}\u0000${keyOf(r.team)}\u0000${keyOf(r.objectiveId || r.objective)}`;
      const found = groups.get(key);
      if (found) group = found;
      else groups.set(key, (group = []));
    }
    group.push(keyResults[i]);
    last = r;
  }
  const objectives: ScoredObjective[] = [];
  groups.forEach((krs, key) => {
    const first = krs[0].record;
    // One pass over the key results gathers what the objective needs: there are tens of thousands of objectives.
    const scores: number[] = [];
    const weights: Array<number | null> = [];
    const owners: string[] = [];
    const ownerKeys = new Set<string>();
    let weakest: Pace | null = null;
    for (let i = 0; i < krs.length; i++) {
      const k = krs[i];
      if (k.score !== null) {
        scores.push(k.score);
        weights.push(k.record.weight);
      }
      if (k.pace !== null && (weakest === null || PACE_ORDER.indexOf(k.pace) < PACE_ORDER.indexOf(weakest))) weakest = k.pace;
      const owner = k.record.owner;
      if (owner.length > 0) {
        const ownerKey = nameKey(owner);
        if (!ownerKeys.has(ownerKey)) {
          ownerKeys.add(ownerKey);
          owners.push(owner);
        }
      }
    }
    const combined = scores.length ? objectiveScore(scores, weights) : null;
    const score = combined && combined.ok ? combined.value : null;
    if (combined && !combined.ok) {
      problems.push({
        code: combined.code,
        message: `${combined.message} (objective "${excerpt(first.objective || first.objectiveId)}")`,
        sheet: first.sheet,
        cell: first.cells.weight ?? first.cells.objective ?? first.cells.keyResult ?? `A${first.row}`,
        severity: "error",
      });
    }
    const commitment = first.commitment;
    objectives.push({
      key,
      period: first.period,
      level: first.level,
      team: first.team,
      objective: first.objective,
      objectiveId: first.objectiveId,
      parentId: first.parentId,
      commitment,
      owners,
      sheet: first.sheet,
      row: first.row,
      keyResults: krs,
      score,
      grade: score === null ? null : gradeOf(score, commitment, settings.grades),
      pace: score === null ? null : paceInPeriod(score, first.period, null, asOf, settings),
      weakestPace: weakest,
    });
  });
  return objectives;
}

function scoreKpis(kpis: KpiRecord[], problems: Problem[]): ScoredKpi[] {
  // Trend compares each reading with the same KPI's previous period.
  // Readings are kept by index: records as map keys would each need a hidden identity hash.
  // A KPI's readings usually follow each other: the key is built again only when the name or owner changes.
  let last: KpiRecord | null = null;
  let lastKey = "";
  const series = groupBy(
    kpis.map((_, i) => i),
    (i) => {
      const k = kpis[i];
      if (last === null || last.kpi !== k.kpi || last.owner !== k.owner) lastKey = `${nameKey(k.kpi)}\u0000${nameKey(k.owner)}`;
      last = k;
      return lastKey;
    },
  );
  const previous: Array<KpiRecord | undefined> = new Array(kpis.length);
  for (const list of series.values()) {
    const ordered = list
      .filter((i) => kpis[i].period)
      .sort((a, b) => compareText(kpis[a].period!.start, kpis[b].period!.start) || kpis[a].row - kpis[b].row);
    for (let i = 1; i < ordered.length; i++) previous[ordered[i]] = kpis[ordered[i - 1]];
  }
  return kpis.map((record, index) => {
    const input = { actual: record.actual, floor: record.floor, target: record.target, ceiling: record.ceiling, direction: record.direction };
    const direction = kpiDirection(input);
    const status = kpiStatus(input);
    if (!status.ok) {
      problems.push({
        code: status.code,
        message: `${status.message} (KPI "${excerpt(record.kpi)}")`,
        sheet: record.sheet,
        cell: record.cells.floor ?? record.cells.kpi ?? `A${record.row}`,
        severity: "error",
      });
    }
    const prev = previous[index];
    // The band's edges as its status reads them: a stated band may use the target for either edge.
    const lo = record.floor ?? record.target;
    const hi = record.ceiling ?? record.target;
    const middle = lo !== null && hi !== null ? (lo + hi) / 2 : undefined;
    return {
      record,
      direction,
      status: status.ok ? status.value : null,
      trend: prev ? kpiTrend([prev.actual, record.actual], direction ?? "higher", middle) : "Flat",
    };
  });
}

function scoreKras(kras: KraRecord[], settings: Settings, problems: Problem[]): ScoredKra[] {
  const people = groupBy(kras, (k) => `${nameKey(k.employee)}\u0000${k.period?.label ?? ""}`);
  const result: ScoredKra[] = [];
  for (const records of people.values()) {
    const first = records[0];
    const percents = kraWeightsAsPercent(records);
    const areas: ScoredKraArea[] = records.map((record, i) => {
      const derived = record.rating === null ? deriveRating(record.actual, record.target, settings.ratingBands, record.lowerIsBetter ? "lower" : "higher") : null;
      return { record, weightPercent: percents[i], rating: record.rating ?? derived, derived: record.rating === null && derived !== null };
    });
    const outcome = kraScore(
      areas.map((a) => a.rating),
      areas.map((a) => a.weightPercent),
      settings.rating,
    );
    if (!outcome.ok && outcome.code !== "empty") {
      const at = culprit(areas, outcome.code, settings) ?? first;
      const cell = outcome.code === "negative-weight" || outcome.code === "weights-overflow" ? at.cells.weight : at.cells.rating;
      problems.push({
        code: outcome.code,
        message: `${outcome.message} (KRAs of ${excerpt(first.employee)})`,
        sheet: at.sheet,
        cell: cell ?? at.cells.employee ?? `A${at.row}`,
        severity: "error",
      });
    }
    result.push({
      employee: first.employee,
      role: first.role,
      manager: first.manager,
      period: first.period,
      sheet: first.sheet,
      row: first.row,
      areas,
      score: outcome.ok ? outcome.value.score : null,
      label: outcome.ok ? outcome.value.label : "",
      weightTotal: percents.reduce<number>((acc, w) => acc + (w ?? 0), 0),
    });
  }
  return result;
}

/**
 * One person's KRA weights in percent: points against a stated whole are shares
 * of it (5 of 20 points is 25%); others as `weightsAsPercent` reads them. A sheet
 * with no weight column at all weights every area the same.
 */
function kraWeightsAsPercent(records: readonly KraRecord[]): Array<number | null> {
  if (records.every((r) => r.weight === null && r.cells.weight === undefined)) return records.map(() => 100 / records.length);
  const written = weightsAsPercent(records.map((r) => (r.weightOutOf === undefined ? r.weight : null)));
  return records.map((r, i) => (r.weightOutOf !== undefined && r.weight !== null ? (r.weight / r.weightOutOf) * 100 : written[i]));
}

/** The area whose rating or weight made a person's KRA score fail, so the problem points at its cell. */
function culprit(areas: readonly ScoredKraArea[], code: string, settings: Settings): KraRecord | undefined {
  const { min, max } = settings.rating;
  const bad = (a: ScoredKraArea): boolean => {
    if (code === "negative-weight") return a.weightPercent !== null && a.weightPercent < 0;
    if (code === "out-of-range") return a.rating !== null && (a.rating < min || a.rating > max);
    return a.rating !== null && !Number.isFinite(a.rating);
  };
  return areas.find(bad)?.record;
}
