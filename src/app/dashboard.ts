/**
 * The Overview's dashboard: the figures of one quarter (objectives by grade,
 * average score by team, pace, KPI health) and the findings by severity, each
 * with the rows of the user's sheets behind it, so a door can show a chart and
 * take the user to those rows. Computed from a loaded workbook; a view only draws it.
 */
import { nameKey, type ScoredKpi, type ScoredObjective } from "../core/analyse";
import { parseA1, rangeA1 } from "../core/address";
import type { Finding, Grade, KpiStatus, Pace, Period, Severity, SheetData } from "../core/model";
import { comparePeriods } from "../core/periods";
import { periodWithin } from "../core/rollup";
import { gradeOf } from "../core/scoring";
import { latestQuarter, type LoadedWorkbook } from "../workbook/use-cases";

/** How a figure reads: the same meaning as the status colours on the sheets. */
export type Tone = "good" | "warning" | "bad" | "info" | "neutral";

/** A rectangle of one sheet behind a figure, e.g. rows 5 to 7 of OKRs as `A5:L7`. */
export interface Area {
  sheet: string;
  address: string;
}

/** The rows (or, for findings, the cells) a figure was computed from. */
export interface Behind {
  /** How many records: key results, KPI readings or findings. */
  count: number;
  /** Contiguous areas, by sheet in sheet order, top to bottom. Excel selects one at a time. */
  areas: Area[];
}

export interface Figure {
  /** Stable within its chart: the grade, pace, status, severity or team. */
  key: string;
  label: string;
  /** A count, or an average score 0–1 for teams. */
  value: number;
  /** The value as shown: `3` or `58%`. */
  text: string;
  tone: Tone;
  behind: Behind;
}

export type ChartId = "grades" | "teams" | "pace" | "kpis" | "findings";

export interface DashboardChart {
  id: ChartId;
  title: string;
  /** What a count counts, e.g. `objectives`; `null` for averages. */
  unit: string | null;
  figures: Figure[];
  /** What to say instead of a chart when there is nothing to draw. */
  empty: string | null;
  /** One sentence with every figure, for screen readers. */
  summary: string;
}

export interface Dashboard {
  /** The quarter shown; `null` when the workbook has none. */
  period: Period | null;
  /** Every quarter that can be shown, latest first. */
  periods: Period[];
  objectives: number;
  keyResults: number;
  /** Mean of the objectives' scores; `null` when none is scored. */
  averageScore: number | null;
  charts: DashboardChart[];
}

export interface DashboardOptions {
  /** A quarter label such as `2026-Q3`; the latest quarter with key results when omitted or not found. */
  period?: string;
}

const GRADE_TONES = { Green: "good", Yellow: "warning", Red: "bad" } satisfies Record<Grade, Tone>;
const PACE_TONES = { Done: "info", "On track": "good", "At risk": "warning", Behind: "bad" } satisfies Record<Pace, Tone>;
const KPI_TONES = { "On target": "good", Watch: "warning", Breach: "bad", "Above ceiling": "info", "No data": "neutral" } satisfies Record<KpiStatus, Tone>;
const SEVERITY_TONES = { error: "bad", warning: "warning", info: "info" } satisfies Record<Severity, Tone>;
const SEVERITY_LABELS = { error: "Errors", warning: "Warnings", info: "Notes" } satisfies Record<Severity, string>;

/**
 * The dashboard of a loaded workbook for one quarter (the latest by default).
 *
 * @example
 * const dashboard = computeDashboard(loaded, { period: "2026-Q3" });
 * dashboard.charts[0].figures.map((f) => [f.label, f.value]) // [["Green", 2], ["Yellow", 2], ["Red", 1]]
 */
export function computeDashboard(loaded: LoadedWorkbook, options: DashboardOptions = {}): Dashboard {
  const periods = quarters(loaded);
  const wanted = options.period ? periods.find((p) => p.label === options.period) : undefined;
  const latest = latestQuarter(loaded.parsed);
  const period = wanted ?? (latest && periods.find((p) => p.label === latest.label)) ?? periods[0] ?? null;
  const objectives = period ? loaded.analysis.objectives.filter((o) => periodWithin(o.period, period)) : [];
  const readings = period ? loaded.analysis.kpis.filter((k) => periodWithin(k.record.period, period)) : [];
  const scores = objectives.map((o) => o.score).filter((s): s is number => s !== null);
  const rows = new RowAreas(loaded.sheets);
  const label = period?.label ?? "the workbook";
  const noObjectives = period ? `No objectives in ${label}.` : "No quarter found in the OKR or KPI sheets.";

  const charts: DashboardChart[] = [
    counted(
      "grades",
      "Objectives by grade",
      "objectives",
      noObjectives,
      (["Green", "Yellow", "Red"] as const).map((g) => figureOf(g, g, GRADE_TONES[g], objectives.filter((o) => o.grade === g), rows)),
      objectives.length === 0,
    ),
    teamsChart(objectives, loaded, rows, noObjectives),
    counted("pace", "Pace", "objectives", noObjectives, (["Done", "On track", "At risk", "Behind"] as const).map((p) =>
      figureOf(p, p, PACE_TONES[p], objectives.filter((o) => o.pace === p), rows),
    ), objectives.length === 0),
    counted("kpis", "KPI health", "readings", period ? `No KPI readings in ${label}.` : "No quarter found.", (["Breach", "Watch", "On target", "Above ceiling", "No data"] as const).map((s) =>
      kpiFigure(s, readings.filter((k) => (k.status ?? "No data") === s), rows),
    ), readings.length === 0),
    counted("findings", "Findings by severity (all sheets)", "findings", "No findings: every check passed.", (["error", "warning", "info"] as const).map((s) =>
      findingFigure(s, loaded.findings.filter((f) => f.severity === s)),
    ), loaded.findings.length === 0),
  ];

  return {
    period,
    periods,
    objectives: objectives.length,
    keyResults: objectives.reduce((n, o) => n + o.keyResults.length, 0),
    averageScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    charts,
  };
}

/** Quarters of the key results and KPI readings, latest first. */
function quarters(loaded: LoadedWorkbook): Period[] {
  const byLabel = new Map<string, Period>();
  for (const k of loaded.parsed.keyResults) if (k.period?.kind === "quarter") byLabel.set(k.period.label, k.period);
  for (const k of loaded.parsed.kpis) if (k.period?.kind === "quarter") byLabel.set(k.period.label, k.period);
  return [...byLabel.values()].sort((a, b) => comparePeriods(b, a));
}

function counted(id: ChartId, title: string, unit: string, emptyText: string, figures: Figure[], empty: boolean): DashboardChart {
  const summary = empty ? emptyText : `${title}: ${figures.map((f) => `${f.label} ${f.text}`).join(", ")}.`;
  return { id, title, unit, figures, empty: empty ? emptyText : null, summary };
}

function figureOf(key: string, label: string, tone: Tone, objectives: ScoredObjective[], rows: RowAreas): Figure {
  const records = objectives.flatMap((o) => o.keyResults.map((k) => k.record));
  return { key, label, value: objectives.length, text: String(objectives.length), tone, behind: rows.behind(records) };
}

function kpiFigure(status: KpiStatus, readings: ScoredKpi[], rows: RowAreas): Figure {
  return { key: status, label: status, value: readings.length, text: String(readings.length), tone: KPI_TONES[status], behind: rows.behind(readings.map((k) => k.record)) };
}

function findingFigure(severity: Severity, findings: Finding[]): Figure {
  return {
    key: severity,
    label: SEVERITY_LABELS[severity],
    value: findings.length,
    text: String(findings.length),
    tone: SEVERITY_TONES[severity],
    behind: { count: findings.length, areas: cellAreas(findings) },
  };
}

/** A team as the rollup names it: company objectives without a team read "Company". */
function teamOf(o: ScoredObjective): string {
  const team = o.team.trim();
  if (team) return team;
  return o.level === "company" ? "Company" : "(no team)";
}

function teamsChart(objectives: ScoredObjective[], loaded: LoadedWorkbook, rows: RowAreas, emptyText: string): DashboardChart {
  const teams = new Map<string, { name: string; list: ScoredObjective[] }>();
  for (const o of objectives) {
    const key = nameKey(teamOf(o));
    const team = teams.get(key) ?? { name: teamOf(o), list: [] };
    team.list.push(o);
    teams.set(key, team);
  }
  const figures = [...teams.entries()].map(([key, { name, list }]) => {
    const scores = list.map((o) => o.score).filter((s): s is number => s !== null);
    const average = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    const tone: Tone = average === null ? "neutral" : GRADE_TONES[gradeOf(average, "aspirational", loaded.settings.grades)];
    return {
      key,
      label: name,
      value: average ?? 0,
      text: average === null ? "not scored" : `${Math.round(average * 100)}%`,
      tone,
      behind: rows.behind(list.flatMap((o) => o.keyResults.map((k) => k.record))),
    };
  });
  const empty = figures.length === 0;
  return {
    id: "teams",
    title: "Average score by team",
    unit: null,
    figures,
    empty: empty ? emptyText : null,
    summary: empty ? emptyText : `Average score by team: ${figures.map((f) => `${f.label} ${f.text}`).join(", ")}.`,
  };
}

/** The rows of records as areas spanning the columns each sheet was read over. */
class RowAreas {
  private readonly columns = new Map<string, { first: number; last: number }>();
  private readonly order = new Map<string, number>();

  constructor(sheets: readonly SheetData[]) {
    sheets.forEach((sheet, i) => {
      const width = sheet.values.reduce((max, row) => Math.max(max, row.length), 0);
      this.columns.set(sheet.name, { first: sheet.origin.col, last: sheet.origin.col + Math.max(1, width) - 1 });
      this.order.set(sheet.name, i);
    });
  }

  behind(records: ReadonlyArray<{ sheet: string; row: number }>): Behind {
    const bySheet = new Map<string, number[]>();
    for (const r of records) {
      const list = bySheet.get(r.sheet) ?? [];
      list.push(r.row);
      bySheet.set(r.sheet, list);
    }
    const sheets = [...bySheet.keys()].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
    const areas: Area[] = [];
    for (const sheet of sheets) {
      const span = this.columns.get(sheet) ?? { first: 0, last: 0 };
      for (const [top, bottom] of runs(bySheet.get(sheet) ?? [])) {
        areas.push({ sheet, address: rangeA1({ row: top - 1, col: span.first, rows: bottom - top + 1, cols: span.last - span.first + 1 }) });
      }
    }
    return { count: records.length, areas };
  }
}

/** Sorted, distinct numbers as runs of consecutive ones: [5, 6, 9] → [[5, 6], [9, 9]]. */
function runs(numbers: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const result: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = result[result.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else result.push([n, n]);
  }
  return result;
}

/** Each finding's cell as its own area, in sheet order; a finding about a whole sheet has none. */
function cellAreas(findings: readonly Finding[]): Area[] {
  const seen = new Set<string>();
  const areas: Area[] = [];
  for (const f of findings) {
    const at = parseA1(f.cell);
    const key = `${f.sheet}\u0000${f.cell}`;
    if (!at || f.sheet === "" || seen.has(key)) continue;
    seen.add(key);
    areas.push({ sheet: f.sheet, address: f.cell });
  }
  return areas;
}
