/**
 * The quarterly rollup: company, team and objective figures for one quarter,
 * KPI health, change against the previous quarter, graduation and OKR
 * candidates and finding counts (`computeRollup`), and the sheet that shows
 * them (`planRollup`). Both are pure; a writer carries the plan out.
 */
import { parseA1 } from "./address";
import { isGraduationCandidate } from "./checks/rules";
import type { Analysis, ScoredKpi, ScoredObjective } from "./analyse";
import { nameKey } from "./analyse";
import { compareText, groupBy } from "./collections";
import { addDays } from "./dates";
import type { Finding, Grade, IsoDate, KpiStatus, Pace, Period, Problem, Severity } from "./model";
import { parsePeriod, previousPeriod } from "./periods";
import type { OutputPlan, PlanValue } from "./plan";
import { gradeOf, paceOf } from "./scoring";
import type { Settings } from "./settings";
import { keyResultSource, kpiSource, objectiveSource, sourceText, type SourceCell } from "./sources";
import {
  GRADE_COLOURS,
  KPI_STATUS_COLOURS,
  PACE_COLOURS,
  PERCENT,
  PERCENT_CHANGE,
  SheetLayout,
  type KeyValue,
} from "./layout";

const GRADES: readonly Grade[] = ["Green", "Yellow", "Red"];

/** Chart colours of the grades, in `GRADES` order: a Green slice must look green. */
const GRADE_CHART_COLOURS: Record<Grade, string> = { Green: "#63BE7B", Yellow: "#FFD966", Red: "#F8696B" };
const PACES: readonly Pace[] = ["Done", "On track", "At risk", "Behind"];
const KPI_STATUSES: readonly KpiStatus[] = ["On target", "Watch", "Breach", "Above ceiling", "No data"];

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
  /** Why the period could not be used (the rollup is then empty). */
  problems: Problem[];
}

export interface RollupOptions {
  /** A quarter label such as `2026-Q3`. */
  period: string;
  settings: Settings;
}

const SEVERITY_ORDER: Severity[] = ["info", "warning", "error"];

/**
 * The period a label names: as the data labels it when any record uses it (so a
 * fiscal quarter keeps its dates), else read as `2026-Q3`, `Q3 2026`, `2026-H1`,
 * `2026-07` or `2026` on the calendar, or as a fiscal period (`FY2027`, `FY27 Q2`)
 * of a year starting in `fiscalYearStartMonth`. `null` when the label is none of these.
 *
 * @example
 * periodFromLabel("Q3 2026") // { label: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" }
 * periodFromLabel("FY2027", undefined, 4) // { label: "FY2027", kind: "year", start: "2026-04-01", end: "2027-03-31" }
 * periodFromLabel("soon") // null
 */
export function periodFromLabel(label: string, analysis?: Analysis, fiscalYearStartMonth = 1): Period | null {
  const known = analysis ? knownPeriods(analysis).find((p) => p.label.toLowerCase() === label.trim().toLowerCase()) : undefined;
  if (known) return known;
  const text = label.trim().toUpperCase().replace(/\s+/g, " ");
  if (text.startsWith("FY")) {
    const fiscal = parsePeriod(text, { fiscalYearStartMonth });
    return fiscal.ok ? fiscal.value : null;
  }
  const yearFirst = /^(\d{4})[- ]?Q([1-4])$/.exec(text);
  const quarterFirst = /^Q([1-4])[- ]?(\d{4})$/.exec(text);
  const quarter = yearFirst ? { y: yearFirst[1], q: yearFirst[2] } : quarterFirst ? { y: quarterFirst[2], q: quarterFirst[1] } : null;
  if (quarter) {
    const [y, q] = [Number(quarter.y), Number(quarter.q)];
    return calendarPeriod(`${y}-Q${q}`, "quarter", y, (q - 1) * 3 + 1, 3);
  }
  const half = /^(\d{4})-H([12])$/.exec(text);
  if (half) return calendarPeriod(`${half[1]}-H${half[2]}`, "half", Number(half[1]), half[2] === "1" ? 1 : 7, 6);
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    return calendarPeriod(`${month[1]}-${month[2]}`, "month", Number(month[1]), Number(month[2]), 1);
  }
  const yearOnly = /^(\d{4})$/.exec(text);
  if (yearOnly) return calendarPeriod(yearOnly[1], "year", Number(yearOnly[1]), 1, 12);
  return null;
}

function calendarPeriod(label: string, kind: Period["kind"], year: number, firstMonth: number, months: number): Period {
  const pad = (n: number) => String(n).padStart(2, "0");
  const start = `${year}-${pad(firstMonth)}-01`;
  const end = new Date(Date.UTC(year, firstMonth - 1 + months, 0)).toISOString().slice(0, 10);
  return { label, kind, start, end };
}

function knownPeriods(analysis: Analysis): Period[] {
  const periods: Array<Period | null> = [
    ...analysis.keyResults.map((k) => k.record.period),
    ...analysis.kpis.map((k) => k.record.period),
    ...analysis.kras.map((k) => k.period),
  ];
  return periods.filter((p): p is Period => p !== null);
}

/**
 * Whether `inner` lies within `outer` (a month or quarter within its year, a period within itself).
 *
 * @example
 * periodWithin({ label: "2026-08", kind: "month", start: "2026-08-01", end: "2026-08-31" },
 *   { label: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" }) // true
 */
export function periodWithin(inner: Period | null, outer: Period): boolean {
  return inner !== null && inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * The quarter just before one: the same length of time ending the day before it starts,
 * labelled as the data labels it when any record falls in it.
 *
 * @example
 * previousQuarter({ label: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" }).label // "2026-Q2"
 */
export function previousQuarter(period: Period, analysis?: Analysis): Period {
  const end = addDays(period.start, -1) ?? period.start;
  const [y, m] = [Number(period.start.slice(0, 4)), Number(period.start.slice(5, 7))];
  const startMonth = m - 3 < 1 ? m + 9 : m - 3;
  const startYear = m - 3 < 1 ? y - 1 : y;
  const start = `${startYear}-${String(startMonth).padStart(2, "0")}-01`;
  const known = analysis ? knownPeriods(analysis).find((p) => p.start === start && p.end === end) : undefined;
  if (known) return known;
  const q = Math.floor((startMonth - 1) / 3) + 1;
  return { label: `${startYear}-Q${q}`, kind: "quarter", start, end };
}

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
  return findings.filter((f) => {
    const cell = parseA1(f.cell);
    if (!cell) return true;
    const row = cell.row + 1;
    return inside.get(f.sheet)?.has(row) === true || outside.get(f.sheet)?.has(row) !== true;
  });
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
 * const rollup = computeRollup(analyse(parsed, DEFAULT_SETTINGS, "2026-08-15"), findings, { period: "2026-Q3", settings: DEFAULT_SETTINGS });
 * rollup.headline.averageScore // e.g. 0.5
 * rollup.teams.map((t) => t.team) // e.g. ["People", "Sales"]
 */
export function computeRollup(analysis: Analysis, findings: Finding[], options: RollupOptions): Rollup {
  const { settings } = options;
  const resolved = periodFromLabel(options.period, analysis, settings.fiscalYearStartMonth);
  const problems: Problem[] = [];
  if (!resolved) {
    problems.push({
      code: "bad-period",
      message: `"${options.period}" is not a quarter such as 2026-Q3.`,
      sheet: "",
      cell: "",
      severity: "error",
    });
  }
  // An unusable label yields an empty rollup that says why, rather than an exception.
  const period = resolved ?? { label: options.period, kind: "quarter", start: "9999-12-31", end: "0000-01-01" };
  const asOf = analysis.asOf;

  const objectives = objectivesIn(analysis, period);
  const keyResults = objectives.flatMap((o) => o.keyResults);
  const scores = objectives.map((o) => o.score).filter((s): s is number => s !== null);
  const averageScore = mean(scores);
  const noCheckIn = keyResults.filter((k) => k.noCheckIn).length;

  // A rollup of a year, half or month compares with the whole period before it, not with a quarter.
  const prevPeriod = resolved ? (period.kind === "quarter" ? previousQuarter(period, analysis) : previousPeriod(period)) : null;
  const prevObjectives = prevPeriod ? objectivesIn(analysis, prevPeriod) : [];
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
      prevPeriod && prevObjectives.length
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
    okrCandidates: resolved ? okrCandidatesOf(analysis.kpis, period) : [],
    findings: findingCounts(resolved ? findingsOfPeriod(findings, analysis, period) : findings),
    problems,
  };
}

export interface PlanRollupOptions {
  /** Sheet key, `rollup` by default. */
  key?: string;
}

/**
 * The rollup sheet, `Rollup 2026-Q3`: title, headline figures, grade and pace
 * distributions, team and objective tables, KPI health, breaching KPIs, graduation
 * and OKR candidates and finding counts, with status colours and two charts.
 *
 * @example
 * const plan = planRollup(rollup);
 * plan.sheets[0].name // "Rollup 2026-Q3"
 */
export function planRollup(rollup: Rollup, options: PlanRollupOptions = {}): OutputPlan {
  const label = rollup.period.label;
  const layout = new SheetLayout(options.key ?? "rollup", `Rollup ${label}`);
  const noKeyResults = `No key results in ${label}.`;
  const h = rollup.headline;

  layout.title(`Quarterly rollup ${label}`);
  layout.subtitle(`As of ${rollup.asOf} · Generated by Altitude`);
  for (const p of rollup.problems) layout.note(p.message);

  layout.heading("Headline");
  const figures: KeyValue[] = [
    { label: "Objectives", value: h.objectives },
    { label: "Key results", value: h.keyResults },
    { label: "Average objective score", value: h.averageScore, format: PERCENT },
  ];
  if (rollup.previous) {
    figures.push({ label: `Change since ${rollup.previous.period.label}`, value: rollup.previous.change, format: PERCENT_CHANGE });
  }
  figures.push({ label: "Key results with no check-in", value: h.noCheckInShare, format: PERCENT });
  layout.keyValues(figures);

  layout.heading("Grade distribution (objectives)");
  const gradeTable = layout.table(
    { name: "RollupGrades", headers: ["Grade", "Objectives"], rows: h.objectives ? GRADES.map((g) => [g, h.grades[g]]) : [] },
    noKeyResults,
  );
  layout.colourColumn(gradeTable, 0, GRADE_COLOURS);
  if (gradeTable) layout.chart({
      chartType: "doughnut",
      title: "Objectives by grade",
      data: gradeTable,
      row: gradeTable.row,
      pointColors: GRADES.map((g) => GRADE_CHART_COLOURS[g]),
    });

  layout.heading("Pace distribution (objectives)");
  const paceTable = layout.table(
    { name: "RollupPace", headers: ["Pace", "Objectives"], rows: h.objectives ? PACES.map((p) => [p, h.paces[p]]) : [] },
    noKeyResults,
  );
  layout.colourColumn(paceTable, 0, PACE_COLOURS);

  layout.heading("Teams");
  const prev = rollup.previous ? ` since ${rollup.previous.period.label}` : "";
  const teamTable = layout.table(
    {
      name: "RollupTeams",
      headers: ["Team", "Average score", "Grade", "Pace", "Objectives", "Key results", `Change${prev}`],
      rows: rollup.teams.map((t) => [t.team, t.averageScore, t.grade, t.pace, t.objectives, t.keyResults, t.change]),
      columnFormats: [null, PERCENT, null, null, "0", "0", PERCENT_CHANGE],
    },
    noKeyResults,
  );
  layout.colourColumn(teamTable, 2, GRADE_COLOURS);
  layout.colourColumn(teamTable, 3, PACE_COLOURS);
  if (teamTable) {
    // Team names and their scores only: the first two columns, header included.
    layout.chart({ chartType: "column", title: "Average score by team", data: { ...teamTable, cols: 2 }, row: teamTable.row });
  }

  layout.heading("Objectives");
  const objectiveTable = layout.table(
    {
      name: "RollupObjectives",
      headers: ["Team", "Objective", "Owners", "Score", "Grade", "Pace", "Key results", "Source"],
      rows: rollup.objectives.map((o) => [o.team, o.objective, o.owners.join(", "), o.score, o.grade, o.pace, o.keyResults, sourceText(o.source)]),
      columnFormats: [null, null, null, PERCENT, null, null, "0", null],
    },
    noKeyResults,
  );
  layout.sourceLinks(objectiveTable, 7, rollup.objectives.map((o) => o.source));
  layout.colourColumn(objectiveTable, 4, GRADE_COLOURS);
  layout.colourColumn(objectiveTable, 5, PACE_COLOURS);

  layout.heading("KPI health");
  const readings = KPI_STATUSES.reduce((n, s) => n + rollup.kpiHealth[s], 0);
  const healthTable = layout.table(
    { name: "RollupKpiHealth", headers: ["Status", "Readings"], rows: readings ? KPI_STATUSES.map((s) => [s, rollup.kpiHealth[s]]) : [] },
    `No KPI readings in ${label}.`,
  );
  layout.colourColumn(healthTable, 0, KPI_STATUS_COLOURS);

  layout.heading("KPIs below their floor");
  const breachTable = layout.table(
    {
      name: "RollupBreaches",
      headers: ["KPI", "Area", "Owner", "Period", "Actual", "Floor", "Target", "Unit", "Source"],
      rows: rollup.breaches.map((b) => [b.kpi, b.area, b.owner, b.period, b.actual, b.floor, b.target, b.unit, sourceText(b.source)]),
    },
    `No KPI breached its floor in ${label}.`,
  );
  layout.sourceLinks(breachTable, 8, rollup.breaches.map((b) => b.source));

  layout.heading("Graduation candidates (key results that reached their target)");
  const graduationTable = layout.table(
    {
      name: "RollupGraduation",
      headers: ["Team", "Objective", "Key result", "Owner", "Score", "Source"],
      rows: rollup.graduation.map((g) => [g.team, g.objective, g.keyResult, g.owner, g.score, sourceText(g.source)]),
      columnFormats: [null, null, null, null, PERCENT, null],
    },
    `No key result reached its target in ${label}.`,
  );
  layout.sourceLinks(graduationTable, 5, rollup.graduation.map((g) => g.source));

  layout.heading("OKR candidates (KPIs in breach two periods running)");
  const candidateTable = layout.table(
    {
      name: "RollupOkrCandidates",
      headers: ["KPI", "Area", "Owner", "Periods in breach", "Source"],
      rows: rollup.okrCandidates.map((c) => [c.kpi, c.area, c.owner, c.periods.join(", "), sourceText(c.source)]),
    },
    "No KPI breached its floor in consecutive periods.",
  );
  layout.sourceLinks(candidateTable, 4, rollup.okrCandidates.map((c) => c.source));

  layout.heading("Findings by rule");
  layout.table(
    {
      name: "RollupFindings",
      headers: ["Rule", "Severity", "Findings"],
      rows: rollup.findings.map((f) => [f.rule, f.severity, f.count] satisfies PlanValue[]),
    },
    "No findings.",
  );

  return { sheets: [layout.build({ freeze: { rows: 2, cols: 0 } })], activate: layout.key };
}
