/**
 * What the CLI prints: the `score` report as one JSON object (the shape DESIGN.md
 * promises scripts) and as readable aligned tables, and the `check` findings.
 */
import type { Finding } from "../core/model";
import { maxOf, rowSpans, type LoadedWorkbook } from "../app";
import { visible } from "./terminal";

export interface ScoreReport {
  keyResults: Array<{
    sheet: string;
    row: number;
    period: string | null;
    team: string;
    owner: string;
    objective: string;
    keyResult: string;
    type: string;
    start: number | null;
    target: number | null;
    current: number | null;
    weight: number | null;
    score: number | null;
    grade: string | null;
    pace: string | null;
  }>;
  objectives: Array<{
    period: string | null;
    team: string;
    objective: string;
    score: number | null;
    grade: string | null;
    keyResults: number;
  }>;
  kpis: Array<{
    sheet: string;
    row: number;
    kpi: string;
    owner: string;
    period: string | null;
    actual: number | null;
    floor: number | null;
    target: number | null;
    ceiling: number | null;
    direction: string | null;
    status: string | null;
    trend: string;
  }>;
  kras: Array<{
    employee: string;
    period: string | null;
    score: number | null;
    label: string;
    weightTotal: number;
    /** Each area with its weight in percent and its rating (given or derived). */
    areas: Array<{ area: string; weight: number | null; rating: number | null }>;
  }>;
  problems: Array<{ sheet: string; cell: string; code: string; message: string }>;
  /** Rows read but not turned into records (summary rows, headings, notes), with why. */
  skipped: NotReadReport["skipped"];
  /** Sheets not read at all, with why. */
  unrecognised: NotReadReport["unrecognised"];
}

/** What was not read, and why: nothing is dropped without a word. */
export interface NotReadReport {
  skipped: Array<{ sheet: string; rows: number[]; reason: string }>;
  unrecognised: Array<{ sheet: string; reason: string }>;
}

/**
 * The rows and sheets of a workbook that were not read, with their reasons.
 *
 * @example
 * notReadReport(parsed).skipped[0] // { sheet: "KPIs", rows: [14], reason: "summary row (Total)" }
 */
export function notReadReport(parsed: LoadedWorkbook["parsed"]): NotReadReport {
  return {
    skipped: parsed.skipped.map(({ sheet, rows, reason }) => ({ sheet, rows: [...rows], reason })),
    unrecognised: parsed.notRead.map(({ sheet, reason }) => ({ sheet, reason })),
  };
}

/**
 * The not-read report as text: one line per sheet not read and per reason rows were skipped.
 *
 * @example
 * notReadText({ skipped: [{ sheet: "KPIs", rows: [14, 15], reason: "summary row (Total)" }], unrecognised: [] })
 * // "Not read\n\nKPIs rows 14, 15: summary row (Total)\n"
 */
export function notReadText(report: NotReadReport): string {
  const lines = [
    ...report.unrecognised.map((u) => `${u.sheet}: not read, ${u.reason}`),
    ...report.skipped.map((s) => `${s.sheet} ${s.rows.length === 1 ? "row" : "rows"} ${rowSpans(s.rows)}: ${s.reason}`),
  ];
  // Sheet names and reasons quote the user's cells: shown with control characters escaped.
  return `Not read\n\n${lines.length ? lines.map(visible).join("\n") : "Every row with content was read."}\n`;
}

/**
 * Every parsed record with its computed figures, and every problem, as plain data.
 *
 * @example
 * scoreReport(loaded).keyResults[0].score // 0.5
 */
export function scoreReport(loaded: LoadedWorkbook): ScoreReport {
  const { analysis, parsed } = loaded;
  return {
    keyResults: analysis.keyResults.map(({ record: r, score, grade, pace }) => ({
      sheet: r.sheet,
      row: r.row,
      period: r.period?.label ?? null,
      team: r.team,
      owner: r.owner,
      objective: r.objective,
      keyResult: r.keyResult,
      type: r.type,
      start: r.start,
      target: r.target,
      current: r.current,
      weight: r.weight,
      score,
      grade,
      pace,
    })),
    objectives: analysis.objectives.map((o) => ({
      period: o.period?.label ?? null,
      team: o.team,
      objective: o.objective,
      score: o.score,
      grade: o.grade,
      keyResults: o.keyResults.length,
    })),
    kpis: analysis.kpis.map(({ record: r, direction, status, trend }) => ({
      sheet: r.sheet,
      row: r.row,
      kpi: r.kpi,
      owner: r.owner,
      period: r.period?.label ?? null,
      actual: r.actual,
      floor: r.floor,
      target: r.target,
      ceiling: r.ceiling,
      direction,
      status,
      trend,
    })),
    kras: analysis.kras.map((k) => ({
      employee: k.employee,
      period: k.period?.label ?? null,
      score: k.score,
      label: k.label,
      weightTotal: k.weightTotal,
      areas: k.areas.map((a) => ({ area: a.record.area, weight: a.weightPercent, rating: a.rating })),
    })),
    problems: [...parsed.problems, ...analysis.problems].map((p) => ({ sheet: p.sheet, cell: p.cell, code: p.code, message: p.message })),
    ...notReadReport(parsed),
  };
}

/**
 * A number for reading: at most `digits` decimals, no trailing zeros; blank for `null`.
 *
 * @example
 * readable(0.6363636) // "0.64"
 * readable(45) // "45"
 */
export function readable(n: number | null, digits = 2): string {
  if (n === null) return "";
  const text = n.toFixed(digits).replace(/\.?0+$/, "");
  return text === "-0" ? "0" : text;
}

/**
 * Columns padded to their widest cell, with a header and a rule under it. Cell
 * text is shown with its control characters escaped (see {@link visible}).
 *
 * @example
 * table(["A", "Bee"], [["1", "2"]]) // "A  Bee\n-  ---\n1  2"
 */
export function table(headers: string[], cells: string[][]): string {
  const rows = cells.map((row) => row.map(visible));
  const widths = headers.map((h, c) => Math.max(h.length, maxOf(rows, (r) => (r[c] ?? "").length, 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function section(title: string, headers: string[], rows: string[][], empty: string): string {
  return `${title}\n\n${rows.length ? table(headers, rows) : empty}\n`;
}

/**
 * The score report as aligned tables, one section per kind of record.
 *
 * @example
 * process.stdout.write(scoreText(scoreReport(loaded)));
 */
export function scoreText(report: ScoreReport): string {
  const parts = [
    section(
      "Key results",
      ["Row", "Period", "Team", "Key result", "Owner", "Type", "Start", "Target", "Current", "Score", "Grade", "Pace"],
      report.keyResults.map((k) => [
        `${k.sheet} ${k.row}`,
        k.period ?? "",
        k.team,
        k.keyResult,
        k.owner,
        k.type,
        readable(k.start, 4),
        readable(k.target, 4),
        readable(k.current, 4),
        readable(k.score),
        k.grade ?? "",
        k.pace ?? "",
      ]),
      "No key results.",
    ),
    section(
      "Objectives",
      ["Period", "Team", "Objective", "KRs", "Score", "Grade"],
      report.objectives.map((o) => [o.period ?? "", o.team, o.objective, String(o.keyResults), readable(o.score), o.grade ?? ""]),
      "No objectives.",
    ),
    section(
      "KPIs",
      ["Row", "KPI", "Owner", "Period", "Actual", "Floor", "Target", "Ceiling", "Status", "Trend"],
      report.kpis.map((k) => [
        `${k.sheet} ${k.row}`,
        k.kpi,
        k.owner,
        k.period ?? "",
        readable(k.actual, 4),
        readable(k.floor, 4),
        readable(k.target, 4),
        readable(k.ceiling, 4),
        k.status ?? "",
        k.trend,
      ]),
      "No KPIs.",
    ),
    section(
      "KRAs",
      ["Employee", "Period", "Areas", "Weights", "Score", "Label"],
      report.kras.map((k) => [k.employee, k.period ?? "", String(k.areas.length), `${readable(k.weightTotal, 1)}%`, readable(k.score), k.label]),
      "No KRAs.",
    ),
    section(
      "Problems",
      ["Cell", "Code", "Message"],
      report.problems.map((p) => [`${p.sheet}!${p.cell}`, p.code, p.message]),
      "No problems.",
    ),
    notReadText(report),
  ];
  return parts.join("\n");
}

/**
 * Findings, one block each (where, severity and rule; the message; the fix), then a one-line count.
 *
 * @example
 * findingsText([]) // "No findings.\n"
 */
export function findingsText(findings: Finding[]): string {
  if (findings.length === 0) return "No findings.\n";
  const where = findings.map((f) => visible(`${f.sheet}!${f.cell}`));
  const width = maxOf(where, (w) => w.length, 0);
  const blocks = findings.map((f, i) => `${where[i].padEnd(width)}  ${f.severity.padEnd(7)}  ${f.rule}\n  ${visible(f.message)}\n  Fix: ${visible(f.fix)}\n`);
  const count = (severity: Finding["severity"], word: string, plural: string) => {
    const n = findings.filter((f) => f.severity === severity).length;
    return `${n} ${n === 1 ? word : plural}`;
  };
  const total = `${findings.length} finding${findings.length === 1 ? "" : "s"}`;
  return `${blocks.join("\n")}\n${total}: ${count("error", "error", "errors")}, ${count("warning", "warning", "warnings")}, ${count("info", "note", "notes")}\n`;
}

/**
 * Findings as plain data for `check --json`.
 *
 * @example
 * findingsJson(findings)[0].rule // "status-quo"
 */
export function findingsJson(findings: Finding[]): Array<Pick<Finding, "sheet" | "cell" | "severity" | "rule" | "message" | "fix" | "code">> {
  return findings.map(({ sheet, cell, severity, rule, code, message, fix }) => ({ sheet, cell, severity, rule, code, message, fix }));
}
