/**
 * What the preview's grid shows in a cell, as Excel would: a value under its
 * number format, the colour a conditional format gives it, where a link inside
 * the workbook goes, and how far the grid reaches.
 */
import { parseA1, serialToIso } from "../../app";
import type { RawCell } from "../../core/model";
import { parseRange, type FakeSheetView, type HyperlinkState } from "../../hosts/excel-stand-in";

/** The grid stops here, however large the sheet: it is a preview, not a spreadsheet. */
export const MAX_ROWS = 200;
export const MAX_COLS = 30;

export interface Colours {
  fill: string;
  color: string;
}

/** A rectangle of 0-based rows and columns. */
type Rect = { row: number; col: number; rows: number; cols: number };

function contains(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

/**
 * How a value shows under its number format: percentages, dates and rounded numbers.
 *
 * @example
 * displayValue(0.035, "0.0%") // "3.5%"
 * displayValue(46249, "yyyy-mm-dd") // "2026-08-15"
 */
export function displayValue(value: RawCell, format: string): string {
  if (typeof value !== "number") return typeof value === "boolean" ? String(value).toUpperCase() : value;
  if (format.includes("%")) {
    const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  if (/y|d{1,2}|mmm/i.test(format) && !/^0/.test(format)) return serialToIso(value) ?? String(value);
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}

/**
 * The sheet and cell a link inside the workbook points at: `'Rollup 2026-Q3'!A1`,
 * `OKRs!E10` or `#'OKRs'!E10`; `null` for a web address.
 *
 * @example
 * linkTarget({ documentReference: "'Team OKRs'!E10" }) // { sheet: "Team OKRs", cell: "E10" }
 */
export function linkTarget(link: HyperlinkState): { sheet: string; cell: string } | null {
  const reference = (link.documentReference ?? "").replace(/^#/, "");
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]+)\$?(\d+)$/i.exec(reference);
  if (!match) return null;
  return { sheet: (match[1] ?? match[2]).replace(/''/g, "'"), cell: `${match[3].toUpperCase()}${match[4]}` };
}

/**
 * The colours an "equals text" conditional format gives a cell (0-based row and column), if any.
 *
 * @example
 * colourOf(rollupSheet, 5, 2, "Green") // { fill: "#C6EFCE", color: "#006100" }
 */
export function colourOf(sheet: Pick<FakeSheetView, "conditionalFormats">, row: number, col: number, value: RawCell): Colours | null {
  for (const format of sheet.conditionalFormats) {
    const rect = parseRange(format.address);
    if (!rect || !contains(rect, row, col)) continue;
    const formula = typeof format.rule?.formula1 === "string" ? format.rule.formula1 : "";
    const wanted = /^="(.*)"$/.exec(formula)?.[1]?.replace(/""/g, '"');
    if (wanted !== undefined && String(value) === wanted && format.fill) return { fill: format.fill, color: format.fontColor ?? "inherit" };
  }
  return null;
}

/**
 * How many rows and columns the grid shows: the used range, reaching further for
 * the charts that float beyond it (as in Excel), within the preview's limits.
 *
 * @example
 * gridSize({ used: { row: 0, col: 0, rows: 12, cols: 8 }, charts: [] }) // { rows: 12, cols: 8 }
 */
export function gridSize(sheet: Pick<FakeSheetView, "used" | "charts">): { rows: number; cols: number } {
  const used = sheet.used;
  if (!used) return { rows: 0, cols: 0 };
  let rows = used.row + used.rows;
  let cols = used.col + used.cols;
  for (const chart of sheet.charts) {
    const end = parseA1(chart.position?.end ?? chart.position?.start ?? "");
    if (!end) continue;
    rows = Math.max(rows, end.row + 1);
    cols = Math.max(cols, end.col + 1);
  }
  return { rows: Math.min(MAX_ROWS, rows), cols: Math.min(MAX_COLS, cols) };
}

/**
 * Whether a cell (0-based) is a table's header cell, for every table of the sheet.
 *
 * @example
 * tableHeaders({ tables: [{ address: "A4:C9" }] })(3, 1) // true
 */
export function tableHeaders(sheet: { tables: ReadonlyArray<{ address: string }> }): (row: number, col: number) => boolean {
  const headers = sheet.tables.map((t) => parseRange(t.address)).filter((rect) => rect !== null);
  return (row, col) => headers.some((rect) => row === rect.row && col >= rect.col && col < rect.col + rect.cols);
}

/**
 * Whether a cell (0-based) lies in the selection.
 *
 * @example
 * isSelected({ row: 9, col: 4, rows: 1, cols: 1 }, 9, 4) // true
 */
export function isSelected(selection: Rect | null, row: number, col: number): boolean {
  return selection !== null && contains(selection, row, col);
}
