/**
 * Starter sheets the task pane inserts: an OKR, KPI, KRA or Check-ins sheet as an
 * Excel table with example rows, with headers Altitude recognises.
 */
import { isoToSerial } from "./dates";
import type { IsoDate, Period, SheetKind } from "./model";
import type { Block, LaidOutPlan, PlanValue } from "./plan";
import { COMMITMENT_CHOICES, DIRECTION_CHOICES, TYPE_CHOICES } from "./tables";

export const TEMPLATE_HEADERS = {
  okr: ["Period", "Level", "Team", "Objective", "Objective ID", "Parent ID", "Key Result", "Owner", "Type", "Start", "Target", "Current", "Weight", "Confidence", "Commitment", "Due"],
  kpi: ["KPI", "Area", "Owner", "Data source", "Frequency", "Unit", "Floor", "Target", "Ceiling", "Direction", "Period", "Actual"],
  kra: ["Employee", "Role", "Manager", "Review period", "Area", "Weight", "Measure", "Target", "Actual", "Rating"],
  checkins: ["Date", "Key result", "Value", "Confidence", "Comment"],
} as const satisfies Record<SheetKind, readonly string[]>;

const SHEET_NAMES = { okr: "OKRs", kpi: "KPIs", kra: "KRAs", checkins: "Check-ins" } as const satisfies Record<SheetKind, string>;

/**
 * The plan of one starter sheet for a quarter (OKRs, KPIs, check-ins) or its year (KRAs).
 *
 * @example
 * planTemplate("okr", { label: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" }).sheets[0].name // "OKRs"
 */
export function planTemplate(kind: SheetKind, quarter: Period): LaidOutPlan {
  const headers = [...TEMPLATE_HEADERS[kind]];
  const rows = exampleRows(kind, quarter);
  const formats = columnFormats(kind);
  const validations = validationsFor(kind, rows.length);
  return {
    sheets: [
      {
        key: kind,
        name: SHEET_NAMES[kind],
        columnWidths: headers.map((h) => Math.max(12, Math.min(40, h.length + 4, widest(rows, headers.indexOf(h)) + 2))),
        freeze: { rows: 1, cols: 0 },
        blocks: [
          { kind: "table", at: { row: 0, col: 0 }, name: `Altitude_${SHEET_NAMES[kind].replace(/\W/g, "")}`, headers, rows, columnFormats: formats, style: "TableStyleMedium2" },
          ...validations,
        ],
      },
    ],
  };
}

function widest(rows: PlanValue[][], col: number): number {
  return rows.reduce((max, row) => Math.max(max, String(row[col] ?? "").length), 0);
}

function serial(iso: IsoDate): number {
  return isoToSerial(iso) ?? 0;
}

function exampleRows(kind: SheetKind, q: Period): PlanValue[][] {
  const p = q.label;
  const year = q.start.slice(0, 4);
  switch (kind) {
    case "okr":
      return [
        [p, "team", "People", "Make People a place people stay", "P1", "", "Reduce regretted churn from 4.2% to 2.8%", "Ana López", "decrease", 0.042, 0.028, 0.035, 1, 7, "aspirational", null],
        [p, "team", "People", "", "", "", "Raise manager effectiveness from 6.9 to 8.0", "Ben Okafor", "increase", 6.9, 8, 7.6, 1, 6, "aspirational", null],
        [p, "team", "Talent", "Hire faster without lowering the bar", "T1", "", "Cut the sales hiring cycle from 47 to 31 days", "Chloé Martin", "decrease", 47, 31, 39, 2, 5, "committed", null],
        [p, "team", "Talent", "", "", "", "Launch structured interviews for every role", "Chloé Martin", "binary", 0, 1, 0, 1, 8, "committed", serial(q.end)],
      ];
    case "kpi":
      return [
        ["Time to hire", "Talent acquisition", "Chloé Martin", "ATS export", "Monthly", "days", 45, 30, null, "lower", p, 38],
        ["Offer acceptance rate", "Talent acquisition", "Chloé Martin", "ATS export", "Monthly", "%", 0.7, 0.85, null, "higher", p, 0.82],
        ["Engagement score", "People", "Ana López", "Pulse survey", "Quarterly", "points", 6.5, 7.5, 9, "higher", p, 7.1],
      ];
    case "kra":
      return [
        ["Ana López", "HR Business Partner", "Dana Reyes", year, "Talent retention", 40, "Regretted attrition", null, null, 4],
        ["Ana López", "HR Business Partner", "Dana Reyes", year, "Manager coaching", 30, "Managers coached", 20, 18, null],
        ["Ana López", "HR Business Partner", "Dana Reyes", year, "Workforce planning", 30, "Plans delivered on time", null, null, 5],
      ];
    case "checkins":
      return [
        [serial(q.start) + 30, "Reduce regretted churn from 4.2% to 2.8%", 0.038, 6, "Exit interviews under way"],
        [serial(q.start) + 45, "Reduce regretted churn from 4.2% to 2.8%", 0.035, 7, "Stay interviews helping"],
      ];
  }
}

function columnFormats(kind: SheetKind): Array<string | null> {
  switch (kind) {
    case "okr":
      return [null, null, null, null, null, null, null, null, null, "General", "General", "General", "0", "0", null, "yyyy-mm-dd"];
    case "kpi":
      return [null, null, null, null, null, null, "General", "General", "General", null, null, "General"];
    case "kra":
      return [null, null, null, "@", null, "0", null, "General", "General", "0"];
    case "checkins":
      return ["yyyy-mm-dd", null, "General", "0", null];
  }
}

function validationsFor(kind: SheetKind, rows: number): Block[] {
  const span = Math.max(rows, 200);
  const list = (col: number, choices: string[]) => ({ kind: "validation" as const, range: { row: 1, col, rows: span, cols: 1 }, list: choices });
  if (kind === "okr") return [list(8, TYPE_CHOICES), list(14, COMMITMENT_CHOICES)];
  if (kind === "kpi") return [list(9, DIRECTION_CHOICES)];
  return [];
}
