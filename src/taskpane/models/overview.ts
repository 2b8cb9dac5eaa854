/** The Overview's list of recognised sheets, one card each, worked out from the loaded workbook. */
import { SHEET_KINDS, comparePeriods, type LoadedWorkbook } from "../../app";
import type { ParsedWorkbook, Period } from "../../core/model";

/** Below this recognition confidence the pane asks the user to confirm the columns. */
export const CONFIRM_BELOW = 0.6;

/** What the card of one recognised sheet says. */
export interface SheetCard {
  name: string;
  /** The kind as people read it: `OKRs`, `KPIs` … */
  kind: string;
  rows: number;
  /** `2026-Q3`, or `2 periods: 2026-Q3, 2026-Q2`; `null` when the records carry none. */
  periods: string | null;
  /** Data problems and findings on the sheet. */
  problems: number;
  /** Recognised with low confidence or with something to ask: the card offers to check the columns. */
  unsure: boolean;
  /** What recognition is unsure of, in plain words (two header rows, two name columns, months with no year). */
  doubts: string[];
}

/**
 * Distinct periods, latest first.
 *
 * @example
 * distinctPeriods([q2, null, q3, q2]).map((p) => p.label) // ["2026-Q3", "2026-Q2"]
 */
export function distinctPeriods(periods: Array<Period | null>): Period[] {
  const byLabel = new Map<string, Period>();
  for (const p of periods) if (p) byLabel.set(p.label, p);
  return [...byLabel.values()].sort((a, b) => comparePeriods(b, a));
}

/**
 * The periods of the records read from one sheet, latest first.
 *
 * @example
 * periodsOfSheet(loaded.parsed, "OKRs").map((p) => p.label) // ["2026-Q3", "2026-Q2"]
 */
export function periodsOfSheet(parsed: ParsedWorkbook, sheet: string): Period[] {
  const on = <T extends { sheet: string; period: Period | null }>(records: T[]) => records.filter((r) => r.sheet === sheet).map((r) => r.period);
  return distinctPeriods([...on(parsed.keyResults), ...on(parsed.kpis), ...on(parsed.kras)]);
}

/**
 * One card per recognised sheet, in the workbook's order.
 *
 * @example
 * sheetCards(loaded)[0] // { name: "OKRs", kind: "OKRs", rows: 12, periods: "2026-Q3", problems: 0, unsure: false, doubts: [] }
 */
export function sheetCards(loaded: Pick<LoadedWorkbook, "parsed" | "analysis" | "findings">): SheetCard[] {
  const { parsed, analysis, findings } = loaded;
  const count = (items: ReadonlyArray<{ sheet: string }>, sheet: string) => items.filter((p) => p.sheet === sheet).length;
  return parsed.sheets.map((sheet) => {
    const periods = periodsOfSheet(parsed, sheet.name).map((p) => p.label);
    return {
      name: sheet.name,
      kind: SHEET_KINDS[sheet.kind].label,
      rows: sheet.rowCount,
      periods: periods.length === 0 ? null : periods.length === 1 ? periods[0] : `${periods.length} periods: ${periods.join(", ")}`,
      problems: count(parsed.problems, sheet.name) + count(analysis.problems, sheet.name) + count(findings, sheet.name),
      // Recognition that is unsure asks: the card says what it guessed and opens the Map view on it.
      unsure: sheet.confidence < CONFIRM_BELOW || (sheet.doubts?.length ?? 0) > 0,
      doubts: (sheet.doubts ?? []).map((d) => d.message),
    };
  });
}

/**
 * `1 problem`, `3 problems`.
 *
 * @example
 * problemsText(1) // "1 problem"
 */
export function problemsText(count: number): string {
  return `${count} ${count === 1 ? "problem" : "problems"}`;
}
