/**
 * Cell storage for the in-memory Excel host: one array per used row, keyed by
 * row index, so a million-row sheet costs what its data costs and an empty
 * sheet costs nothing. Formulas and number formats live in their own sparse
 * maps because most cells have neither.
 */
import type { Rect } from "./address";

/** What a cell holds, as `Range.values` reports it. */
export type CellValue = string | number | boolean;

type Row<T> = Array<T | undefined>;

export class Grid {
  private readonly values = new Map<number, Row<CellValue>>();
  private readonly formulas = new Map<number, Row<string>>();
  private readonly formats = new Map<number, Row<string>>();
  /** Cells typed with a leading apostrophe: the text is the value, the apostrophe a hidden prefix. */
  private readonly prefixes = new Map<number, Row<true>>();

  value(row: number, col: number): CellValue | undefined {
    return this.values.get(row)?.[col];
  }

  formula(row: number, col: number): string | undefined {
    return this.formulas.get(row)?.[col];
  }

  /** The cell's number format, `General` when none was set. */
  format(row: number, col: number): string {
    return this.formats.get(row)?.[col] ?? "General";
  }

  /** True when the cell's text was typed after an apostrophe. */
  prefixed(row: number, col: number): boolean {
    return this.prefixes.get(row)?.[col] === true;
  }

  setValue(row: number, col: number, value: CellValue | undefined, prefixed = false): void {
    put(this.values, row, col, value === "" ? undefined : value);
    put(this.formulas, row, col, undefined);
    put(this.prefixes, row, col, prefixed && value !== undefined ? true : undefined);
  }

  setFormula(row: number, col: number, formula: string): void {
    put(this.values, row, col, undefined);
    put(this.formulas, row, col, formula);
    put(this.prefixes, row, col, undefined);
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
          put(this.prefixes, r, c, undefined);
        }
        if (what !== "contents") put(this.formats, r, c, undefined);
      }
    }
  }

  /** Rewrites every formula on the sheet (references moving with inserted cells). */
  mapFormulas(rewrite: (formula: string, row: number, col: number) => string): void {
    for (const [row, cells] of this.formulas) {
      for (let c = 0; c < cells.length; c++) {
        const formula = cells[c];
        if (formula !== undefined) cells[c] = rewrite(formula, row, c);
      }
    }
  }

  /** Moves every cell of the rect's columns, from its first row down, `rect.rows` rows lower (an insertion). */
  shiftDown(rect: Rect): void {
    const used = this.usedRect(false);
    if (!used) return;
    for (let r = used.row + used.rows - 1; r >= rect.row; r--) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const formula = this.formula(r, c);
        const value = this.value(r, c);
        const prefixed = this.prefixed(r, c);
        const format = this.format(r, c);
        if (formula !== undefined) this.setFormula(r + rect.rows, c, formula);
        else this.setValue(r + rect.rows, c, value, prefixed);
        this.setFormat(r + rect.rows, c, format);
        this.clear({ row: r, col: c, rows: 1, cols: 1 }, "all");
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
