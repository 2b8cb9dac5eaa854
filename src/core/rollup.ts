/**
 * The quarterly rollup's figures: company, team and objective scores for one
 * period, KPI health, change against the previous period, graduation and OKR
 * candidates and finding counts. Pure figures only: the sheet that shows them
 * is laid out by `rollup-sheet.ts`.
 */
import { isGraduationCandidate } from "./checks/rules";
import type { Analysis, ScoredKpi, ScoredObjective } from "./analyse";
import { nameKey } from "./analyse";
import { compareText, groupBy } from "./collections";
import type { Finding, Grade, IsoDate, KpiStatus, Pace, Period, Severity } from "./model";
import { periodWithin, previousPeriod } from "./periods";
import { gradeOf, paceOf } from "./scoring";
import type { Settings } from "./settings";
import { keyResultSource, kpiSource, objectiveSource, type SourceCell } from "./sources";

/** Grades, paces and KPI statuses in the order a rollup counts and shows them. */
export const GRADES: readonly Grade[] = ["Green", "Yellow", "Red"];
export const PACES: readonly Pace[] = ["Done", "On track", "At risk", "Behind"];
export const KPI_STATUSES: readonly KpiStatus[] = ["On target", "Watch", "Breach", "Above ceiling", "No data"];

export interface RollupHeadline {
  objectives: number;
  keyResults: number;
  /** Mean of the objectives' scores; `null` when no objective could be scored. */
  averageScore: number | null;
  /** Objectives by grade. */
  grades: Record<Grade, number>;
  /** Objectives by pace. */
  paces: Record<Pace, number>;
  /** Key results with no check-in yet. */
  noCheckIn: number;
  /** `noCheckIn ÷ keyResults`; `null` when there are no key results. */
  noCheckInShare: number | null;
}

export interface RollupTeam {
  team: string;
  objectives: number;
  keyResults: number;
  averageScore: number | null;
  grade: Grade | null;
  pace: Pace | null;
  /** Change of the average score against the previous quarter, when the team had scored objectives then. */
  change: number | null;
}

export interface RollupObjective {
  team: string;
  objective: string;
  owners: string[];
  score: number | null;
  grade: Grade | null;
  pace: Pace | null;
  keyResults: number;
  /** The first key result's row, and how many rows the score comes from. */
  source: SourceCell;
}

export interface RollupKpiReading {
  kpi: string;
  area: string;
  owner: string;
  period: string;
  actual: number | null;
  floor: number | null;
  target: number | null;
  ceiling: number | null;
  unit: string;
  /** The reading's Actual cell. */
  source: SourceCell;
}

export interface GraduationCandidate {
  team: string;
  objective: string;
  keyResult: string;
  owner: string;
  /** Score as computed (above 1 when over-achievement is allowed). */
  score: number;
  source: SourceCell;
}

export interface OkrCandidate {
  kpi: string;
  area: string;
  owner: string;
  /** Labels of the consecutive periods in breach, oldest first. */
  periods: string[];
  /** The first reading of the run in breach, and how many readings the run has. */
  source: SourceCell;
}

export interface FindingCount {
  rule: string;
  /** The most severe severity among its findings. */
  severity: Severity;
  count: number;
}

export interface Rollup {
  period: Period;
  asOf: IsoDate;
  headline: RollupHeadline;
  teams: RollupTeam[];
  objectives: RollupObjective[];
  kpiHealth: Record<KpiStatus, number>;
  /** KPI readings of the quarter below their floor. */
  breaches: RollupKpiReading[];
  /** The previous quarter, when any objective of it exists. */
  previous: { period: Period; averageScore: number | null; change: number | null } | null;
  graduation: GraduationCandidate[];
  okrCandidates: OkrCandidate[];
  findings: FindingCount[];
}

export interface RollupOptions {
  /** The period rolled up: a quarter as a rule, or a half, month or year. */
  period: Period;
  settings: Settings;
}

const SEVERITY_ORDER: Severity[] = ["info", "warning", "error"];

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function countBy<K extends string>(keys: readonly K[], items: ReadonlyArray<K | null>): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const item of items) if (item !== null) counts[item] += 1;
  return counts;
}

/** The team an objective belongs to, as shown: company objectives without a team read "Company". */
function teamOf(o: ScoredObjective): string {
  const team = o.team.trim();
  if (team) return team;
  return o.level === "company" ? "Company" : "(no team)";
}

function objectivesIn(analysis: Analysis, period: Period): ScoredObjective[] {
  return analysis.objectives.filter((o) => periodWithin(o.period, period));
}

function teamAverages(objectives: ScoredObjective[]): Map<string, { name: string; objectives: ScoredObjective[]; average: number | null }> {
  const teams = groupBy(objectives, (o) => nameKey(teamOf(o)));
  // A team is shown under the spelling of its first objective.
  return new Map(
    [...teams].map(([key, list]) => [
      key,
      { name: teamOf(list[0]), objectives: list, average: mean(list.map((o) => o.score).filter((s): s is number => s !== null)) },
    ]),
  );
}

function paceAt(score: number | null, period: Period, asOf: IsoDate, settings: Settings): Pace | null {
  if (score === null) return null;
  const outcome = paceOf(score, period.start, period.end, asOf, settings.pace);
  return outcome.ok ? outcome.value : null;
}

function reading(k: ScoredKpi): RollupKpiReading {
  const r = k.record;
  return {
    kpi: r.kpi,
    area: r.area,
    owner: r.owner,
    period: r.period?.label ?? "",
    actual: r.actual,
    floor: r.floor,
    target: r.target,
    ceiling: r.ceiling,
    unit: r.unit,
    source: kpiSource(k),
  };
}

/** KPIs whose readings breached in two or more consecutive periods, the run touching `period`. */
function okrCandidatesOf(kpis: ScoredKpi[], period: Period): OkrCandidate[] {
  const series = groupBy(
    kpis.filter((k) => k.record.period && k.record.period.end <= period.end),
    (k) => `${nameKey(k.record.kpi)}\u0000${nameKey(k.record.owner)}`,
  );
  const candidates: OkrCandidate[] = [];
  for (const list of series.values()) {
    const ordered = [...list].sort((a, b) => compareText(a.record.period!.start, b.record.period!.start));
    let best: ScoredKpi[] = [];
    let run: ScoredKpi[] = [];
    for (const k of ordered) {
      run = k.status === "Breach" ? [...run, k] : [];
      if (run.length >= 2 && run.some((r) => periodWithin(r.record.period, period)) && run.length >= best.length) best = run;
    }
    if (best.length >= 2) {
      const last = best[best.length - 1].record;
      candidates.push({
        kpi: last.kpi,
        area: last.area,
        owner: last.owner,
        periods: best.map((k) => k.record.period!.label),
        source: { ...kpiSource(best[0]), rows: best.length },
      });
    }
  }
  return candidates;
}

/**
 * The findings a quarter's rollup counts: all but those located on a key result
 * or KPI row of another period, so last quarter's findings do not inflate this one's.
 */
function findingsOfPeriod(findings: Finding[], analysis: Analysis, period: Period): Finding[] {
  // Rows by sheet, as numbers: no key string is built per record.
  const inside = new Map<string, Set<number>>();
  const outside = new Map<string, Set<number>>();
  const within = new Map<Period, boolean>();
  const place = (sheet: string, row: number, when: Period | null) => {
    if (!when) return;
    let fits = within.get(when);
    if (fits === undefined) within.set(when, (fits = periodWithin(when, period)));
    const rows = fits ? inside : outside;
    let set = rows.get(sheet);
    if (!set) rows.set(sheet, (set = new Set()));
    set.add(row);
  };
  for (const { record } of analysis.keyResults) place(record.sheet, record.row, record.period);
  for (const { record } of analysis.kpis) place(record.sheet, record.row, record.period);
  return findings.filter((f) => inside.get(f.sheet)?.has(f.row) === true || outside.get(f.sheet)?.has(f.row) !== true);
}

function findingCounts(findings: Finding[]): FindingCount[] {
  const counts = new Map<string, FindingCount>();
  for (const f of findings) {
    const entry = counts.get(f.rule) ?? { rule: f.rule, severity: f.severity, count: 0 };
    entry.count += 1;
    if (SEVERITY_ORDER.indexOf(f.severity) > SEVERITY_ORDER.indexOf(entry.severity)) entry.severity = f.severity;
    counts.set(f.rule, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/**
 * Every figure of a quarter's rollup. Objectives and key results count when their
 * period lies in the quarter; a KPI reading counts when its period is the quarter
 * or a month inside it. Pace is read at `analysis.asOf`.
 *
 * @example
 * const rollup = computeRollup(analyse(parsed, DEFAULT_SETTINGS, "2026-08-15"), findings, { period: makePeriod("quarter", 2026, 3)!, settings: DEFAULT_SETTINGS });
 * rollup.headline.averageScore // e.g. 0.5
 * rollup.teams.map((t) => t.team) // e.g. ["People", "Sales"]
 */
export function computeRollup(analysis: Analysis, findings: Finding[], options: RollupOptions): Rollup {
  const { settings, period } = options;
  const asOf = analysis.asOf;

  const objectives = objectivesIn(analysis, period);
  const keyResults = objectives.flatMap((o) => o.keyResults);
  const scores = objectives.map((o) => o.score).filter((s): s is number => s !== null);
  const averageScore = mean(scores);
  const noCheckIn = keyResults.filter((k) => k.noCheckIn).length;

  // A rollup of a year, half or month compares with the whole period before it, not with a quarter.
  const prevPeriod = previousPeriod(period);
  const prevObjectives = objectivesIn(analysis, prevPeriod);
  const prevAverage = mean(prevObjectives.map((o) => o.score).filter((s): s is number => s !== null));
  const prevTeams = teamAverages(prevObjectives);

  const teams: RollupTeam[] = [...teamAverages(objectives).entries()].map(([key, t]) => {
    const before = prevTeams.get(key)?.average ?? null;
    return {
      team: t.name,
      objectives: t.objectives.length,
      keyResults: t.objectives.reduce((n, o) => n + o.keyResults.length, 0),
      averageScore: t.average,
      grade: t.average === null ? null : gradeOf(t.average, "aspirational", settings.grades),
      pace: paceAt(t.average, period, asOf, settings),
      change: t.average !== null && before !== null ? t.average - before : null,
    };
  });

  const kpisInPeriod = analysis.kpis.filter((k) => periodWithin(k.record.period, period));

  return {
    period,
    asOf,
    headline: {
      objectives: objectives.length,
      keyResults: keyResults.length,
      averageScore,
      grades: countBy(GRADES, objectives.map((o) => o.grade)),
      paces: countBy(PACES, objectives.map((o) => o.pace)),
      noCheckIn,
      noCheckInShare: keyResults.length ? noCheckIn / keyResults.length : null,
    },
    teams,
    objectives: objectives.map((o) => ({
      team: teamOf(o),
      objective: o.objective,
      owners: o.owners,
      score: o.score,
      grade: o.grade,
      pace: o.pace,
      keyResults: o.keyResults.length,
      source: objectiveSource(o),
    })),
    // A reading that could not be assessed (no floor or target) counts as No data.
    kpiHealth: countBy(KPI_STATUSES, kpisInPeriod.map((k) => k.status ?? "No data")),
    breaches: kpisInPeriod.filter((k) => k.status === "Breach").map(reading),
    previous:
      prevObjectives.length
        ? { period: prevPeriod, averageScore: prevAverage, change: averageScore !== null && prevAverage !== null ? averageScore - prevAverage : null }
        : null,
    graduation: keyResults
      .filter(isGraduationCandidate)
      .map((k) => ({
        team: k.record.team.trim() || (k.record.level === "company" ? "Company" : "(no team)"),
        objective: k.record.objective,
        keyResult: k.record.keyResult,
        owner: k.record.owner,
        score: k.score ?? 1,
        source: keyResultSource(k),
      })),
    okrCandidates: okrCandidatesOf(analysis.kpis, period),
    findings: findingCounts(findingsOfPeriod(findings, analysis, period)),
  };
}


/**
 * Whether a rollup found anything to show: a key result or a KPI reading in its period.
 *
 * @example
 * rollupHasData(computeRollup(analysis, [], { period: makePeriod("quarter", 2019, 1)!, settings })) // false
 */
export function rollupHasData(rollup: Rollup): boolean {
  return rollup.headline.keyResults > 0 || KPI_STATUSES.some((s) => rollup.kpiHealth[s] > 0);
}
