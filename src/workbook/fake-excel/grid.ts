/**
 * Cell storage for the in-memory Excel host: one array per used row, keyed by
 * row index, so a million-row sheet costs what its data costs and an empty
 * sheet costs nothing. Formulas and number formats live in their own sparse
 * maps because most cells have neither.
 */
import type { RawCell } from "../../core/model";
import { a1, parseA1, quoteSheet } from "../../core/address";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A zero-based rectangle. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

type Row<T> = Array<T | undefined>;

export class Grid {
  private readonly values = new Map<number, Row<RawCell>>();
  private readonly formulas = new Map<number, Row<string>>();
  private readonly formats = new Map<number, Row<string>>();

  value(row: number, col: number): RawCell | undefined {
    return this.values.get(row)?.[col];
  }

  formula(row: number, col: number): string | undefined {
    return this.formulas.get(row)?.[col];
  }

  /** The cell's number format, `General` when none was set. */
  format(row: number, col: number): string {
    return this.formats.get(row)?.[col] ?? "General";
  }

  setValue(row: number, col: number, value: RawCell | undefined): void {
    put(this.values, row, col, value === "" ? undefined : value);
    put(this.formulas, row, col, undefined);
  }

  setFormula(row: number, col: number, formula: string): void {
    put(this.values, row, col, undefined);
    put(this.formulas, row, col, formula);
  }

  setFormat(row: number, col: number, format: string): void {
    put(this.formats, row, col, format === "General" ? undefined : format);
  }

  clear(rect: Rect, what: "all" | "contents" | "formats"): void {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        if (what !== "formats") {
          put(this.values, r, c, undefined);
          put(this.formulas, r, c, undefined);
        }
        if (what !== "contents") put(this.formats, r, c, undefined);
      }
    }
  }

  /** The smallest rectangle holding every value or formula (and every format unless `valuesOnly`). */
  usedRect(valuesOnly: boolean): Rect | null {
    const maps = valuesOnly ? [this.values, this.formulas] : [this.values, this.formulas, this.formats];
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const map of maps) {
      for (const [row, cells] of map) {
        for (let c = 0; c < cells.length; c++) {
          if (cells[c] === undefined) continue;
          top = Math.min(top, row);
          bottom = Math.max(bottom, row);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
      }
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

function put<T>(map: Map<number, Row<T>>, row: number, col: number, value: T | undefined): void {
  let cells = map.get(row);
  if (value === undefined) {
    if (!cells || cells[col] === undefined) return;
    cells[col] = undefined;
    if (cells.every((cell) => cell === undefined)) map.delete(row);
    return;
  }
  if (!cells) {
    cells = [];
    map.set(row, cells);
  }
  while (cells.length < col) cells.push(undefined);
  cells[col] = value;
}

/**
 * Parses `A1`, `A1:C3`, `A:C`, `2:5`, optionally after `Sheet!` or `'My sheet'!`.
 * Returns null when the text is not an address.
 */
export function parseRange(address: string): Rect | null {
  const bang = address.lastIndexOf("!");
  const text = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const [first, second = first] = text.split(":");
  const columns = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d{1,7})$/;
  if (columns.test(first) && columns.test(second)) {
    const a = parseA1(`${first.replace("$", "")}1`);
    const b = parseA1(`${second.replace("$", "")}1`);
    if (!a || !b) return null;
    return { row: 0, col: Math.min(a.col, b.col), rows: MAX_ROWS, cols: Math.abs(b.col - a.col) + 1 };
  }
  if (rows.test(first) && rows.test(second)) {
    const a = Number(first.replace("$", "")) - 1;
    const b = Number(second.replace("$", "")) - 1;
    if (a < 0 || b < 0) return null;
    return { row: Math.min(a, b), col: 0, rows: Math.abs(b - a) + 1, cols: MAX_COLS };
  }
  const a = parseA1(first);
  const b = parseA1(second);
  if (!a || !b) return null;
  const rect = {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
  return inBounds(rect) ? rect : null;
}

export function inBounds(rect: Rect): boolean {
  return (
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLS
  );
}

/** The address Excel reports for a range: `Sheet1!A1:C3`, `'Rollup 2026-Q3'!B2`. */
export function rangeAddress(sheet: string, rect: Rect): string {
  const start = a1(rect.row, rect.col);
  const end = a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1);
  return `${quoteSheet(sheet)}!${rect.rows === 1 && rect.cols === 1 ? start : `${start}:${end}`}`;
}

/** True when the two rectangles share a cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
