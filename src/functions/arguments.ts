/**
 * The custom functions' arguments as a host passes them, read by the one value
 * converter (`src/core/values.ts`), so a cell means the same in a formula as in
 * a sheet. This module only adapts what hosts pass:
 * - a range arrives as rows of cells, a single cell as rows of one cell (Excel)
 *   or as the bare value (Google Sheets); an omitted argument as `null` or `undefined`;
 * - a blank cell is `""` or `null`; a date is a serial number (Excel) or a `Date` (Sheets);
 * - a cell holding a data type (a formatted number, a linked entity) arrives as an
 *   object with its `basicValue`, since functions.json sets `allowCustomDataForDataTypeAny`
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts);
 * - an error cell arrives as an error object, since functions.json sets
 *   `allowErrorForDataTypeAny` (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json).
 * Readers name the argument in their messages and never throw.
 */
import type { IsoDate, RawCell } from "../core/model";
import { wordKey } from "../core/parse/reader";
import { excerpt, isExcelError, toDate, toNumber, toNumberOrYesNo, toText, type CellValue, type ValueOptions } from "../core/values";
import { naError, valueError, type Cell, type CellError, type Grid } from "./cells";

/** A converted argument cell: its value (`null` when blank) or the cell error it gives. */
export type Read<T> = { ok: true; value: T | null } | { ok: false; error: CellError };

/** Excel's error codes by the `errorType` of an error data type (Excel.ErrorCellValueType). */
const ERROR_TYPES: Readonly<Record<string, string>> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  Na: "#N/A",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/** Marks a host value no converter can read (an image, a record without a basic value). */
const UNREADABLE = Symbol("unreadable");

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A host's cell as a sheet cell: a data type gives its basic value, an error
 * object its code (`"#N/A"`), a `Date` its ISO day, a blank `""`.
 *
 * @example
 * hostCell({ type: "Double", basicValue: 40 }) // 40
 * hostCell({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }) // "#N/A"
 * hostCell(null) // ""
 */
export function hostCell(cell: unknown): RawCell | typeof UNREADABLE {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") return cell;
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? UNREADABLE : `${cell.getFullYear()}-${pad(cell.getMonth() + 1)}-${pad(cell.getDate())}`;
  }
  if (typeof cell !== "object") return UNREADABLE;
  const { type, basicValue, errorType, code } = cell as { type?: unknown; basicValue?: unknown; errorType?: unknown; code?: unknown };
  if (type === "Error") {
    if (typeof basicValue === "string" && basicValue.startsWith("#")) return basicValue;
    return (typeof errorType === "string" && ERROR_TYPES[errorType]) || "#VALUE!";
  }
  // A CustomFunctions.Error handed on as an argument carries its code.
  if (typeof code === "string" && code.startsWith("#")) return code;
  if (typeof basicValue === "number" || typeof basicValue === "string" || typeof basicValue === "boolean") return basicValue;
  return UNREADABLE;
}

function unreadable(name: string): CellError {
  return valueError(`${name} holds a value that is not a number, text or date.`);
}

/** The cell error a converter's problem gives: an error cell is `#N/A` naming the argument, anything else `#VALUE!`. */
function problemOf<T>(name: string, converted: CellValue<T>): Read<T> {
  if (converted.ok) return converted;
  if (converted.code === "excel-error") return { ok: false, error: naError(`${name} holds ${converted.text}.`) };
  return { ok: false, error: valueError(`${name}: ${converted.message}.`) };
}

/**
 * The error an error cell among a row's arguments gives (`#N/A` naming the first
 * such argument), or `null` when none holds one. An error in the data is the
 * cause to show, ahead of any other problem of the row.
 *
 * @example
 * errorCellIn(["", { type: "Error", basicValue: "#DIV/0!" }], ["Start", "Target"]) // #N/A "Target holds #DIV/0!."
 */
export function errorCellIn(cells: readonly unknown[], names: readonly string[]): CellError | null {
  for (let i = 0; i < cells.length; i++) {
    const raw = hostCell(cells[i]);
    if (typeof raw === "string" && isExcelError(raw)) return naError(`${names[i]} holds ${raw.trim().toUpperCase()}.`);
  }
  return null;
}

/**
 * An argument cell read as a number (`45%` is 0.45, `$3.2k` is 3200, `tbd` is blank).
 *
 * @example
 * readNumber("1,200", "Target") // ok, 1200
 * readNumber("lots", "Current") // #VALUE! 'Current: "lots" is not a number.'
 */
export function readNumber(cell: unknown, name: string, options: ValueOptions = {}): Read<number> {
  const raw = hostCell(cell);
  if (raw === UNREADABLE) return { ok: false, error: unreadable(name) };
  return problemOf(name, toNumber(raw, undefined, options));
}

/**
 * An argument cell read as a number or a yes/no answer (TRUE and `done` are 1), as a key result's Target and Current are in a sheet.
 *
 * @example
 * readNumberOrYesNo(true, "Current") // ok, 1
 */
export function readNumberOrYesNo(cell: unknown, name: string, options: ValueOptions = {}): Read<number> {
  const raw = hostCell(cell);
  if (raw === UNREADABLE) return { ok: false, error: unreadable(name) };
  const converted = toNumberOrYesNo(raw, undefined, options);
  return problemOf(name, converted.ok ? { ok: true, value: converted.value } : converted);
}

/**
 * An argument cell read as a date: a serial number, ISO or written-out text, or a `Date`.
 *
 * @example
 * readDate(46204, "Period start") // ok, "2026-07-01"
 */
export function readDate(cell: unknown, name: string, options: ValueOptions = {}): Read<IsoDate> {
  const raw = hostCell(cell);
  if (raw === UNREADABLE) return { ok: false, error: unreadable(name) };
  return problemOf(name, toDate(raw, undefined, options));
}

/**
 * An argument cell read as one of a vocabulary's words (the same words a sheet's column takes).
 *
 * @example
 * readWord("Lower is better", DIRECTION_WORDS, "Direction", "higher, lower or band") // ok, "lower"
 */
export function readWord<T>(cell: unknown, words: ReadonlyMap<string, T>, name: string, expected: string): Read<T> {
  const raw = hostCell(cell);
  if (raw === UNREADABLE) return { ok: false, error: unreadable(name) };
  const text = toText(raw);
  if (!text.ok) return problemOf(name, text);
  if (text.value === null) return { ok: true, value: null };
  const found = words.get(wordKey(text.value));
  if (found !== undefined) return { ok: true, value: found };
  return { ok: false, error: valueError(`${name} "${excerpt(text.value)}" is not recognised: use ${expected}.`) };
}

/** Bound once: a global looked up a million times costs more than the check itself in some runtimes (jest's vm sandbox). */
const isRow: (value: unknown) => value is unknown[] = Array.isArray;

/**
 * An argument as rows of cells: an omitted one is one blank cell, a bare value one cell.
 *
 * @example
 * toMatrix(null) // [[null]]
 * toMatrix(5) // [[5]]
 */
export function toMatrix(arg: unknown): unknown[][] {
  if (arg === null || arg === undefined) return [[null]];
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return [[null]];
  // Excel always passes rows of cells: use them as they are rather than copy a million rows.
  let r = 0;
  while (r < arg.length && isRow(arg[r])) r++;
  if (r === arg.length) return arg as unknown[][];
  const rows: unknown[][] = new Array(arg.length);
  for (let i = 0; i < arg.length; i++) {
    const row: unknown = arg[i];
    rows[i] = isRow(row) ? row : [row];
  }
  return rows;
}


/**
 * Whether a host cell is empty (nothing written, or only spaces). Words such as
 * `tbd` are not empty: someone wrote them, so their row is computed.
 *
 * @example
 * isEmptyCell("  ") // true
 * isEmptyCell("tbd") // false
 */
export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function rowIsEmpty(row: readonly unknown[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isEmptyCell(row[c])) return false;
  return true;
}

/**
 * How many rows of ranges to compute: up to the last row that is filled in any
 * argument of more than one row, so a whole column (`H:H`, 1,048,576 rows) gives
 * one result per filled row rather than a million blanks. Single-row arguments
 * repeat down the others and do not count.
 *
 * @example
 * rowsToCompute([[[1], [2], [""], [""]], [[5]]]) // 2
 */
export function rowsToCompute(matrices: ReadonlyArray<readonly (readonly unknown[])[]>): number {
  let rows = 0;
  for (const m of matrices) if (m.length > rows) rows = m.length;
  if (rows <= 1) return rows;
  let filled = 0;
  for (const m of matrices) {
    if (m.length <= 1) continue;
    let last = m.length;
    while (last > filled && rowIsEmpty(m[last - 1])) last--;
    if (last > filled) filled = last;
  }
  return filled;
}

const SIZE_MISMATCH = "The ranges have different sizes: this cell has no value in one of them.";

/**
 * Applies `each` cell by cell over arguments of matching shapes, as Excel's own
 * functions do: a single cell, a single row or a single column is repeated
 * across the others; a cell beyond a smaller argument's edge is `#N/A`. Rows
 * after the last filled one are left out; when no row is filled the result is
 * one blank cell.
 *
 * @example
 * mapCells([[[1], [2]], [[10]]], ([a, b]) => Number(a) + Number(b)) // [[11], [12]]
 */
export function mapCells(args: readonly unknown[], each: (cells: unknown[]) => Cell): Grid {
  const matrices = args.map(toMatrix);
  const rows = rowsToCompute(matrices);
  if (rows === 0) return [[""]];
  let cols = 0;
  for (const m of matrices) {
    for (let r = 0; r < m.length && r < rows; r++) if (m[r].length > cols) cols = m[r].length;
  }
  const out: Grid = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line: Cell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const cells: unknown[] = new Array(matrices.length);
      let outside = false;
      for (let i = 0; i < matrices.length; i++) {
        const m = matrices[i];
        const row = m.length === 1 ? m[0] : m[r];
        const width = row ? row.length : 0;
        if (!row || (width !== 1 && c >= width)) {
          outside = true;
          break;
        }
        cells[i] = width === 1 ? row[0] : row[c];
      }
      line[c] = outside ? naError(SIZE_MISMATCH) : each(cells);
    }
    out[r] = line;
  }
  return out;
}

/**
 * All cells of an argument, row by row.
 *
 * @example
 * cellsOf([[1, 2], [3, 4]]) // [1, 2, 3, 4]
 * cellsOf(undefined) // []
 */
export function cellsOf(arg: unknown): unknown[] {
  if (arg === null || arg === undefined) return [];
  return flatten(toMatrix(arg), Number.POSITIVE_INFINITY);
}

function countCells(m: readonly (readonly unknown[])[]): number {
  let count = 0;
  for (let r = 0; r < m.length; r++) count += m[r].length;
  return count;
}

/** One past the last filled cell of a matrix, counting cells row by row. */
function filledCells(m: readonly (readonly unknown[])[]): number {
  let r = m.length - 1;
  while (r >= 0 && rowIsEmpty(m[r])) r--;
  if (r < 0) return 0;
  let before = 0;
  for (let i = 0; i < r; i++) before += m[i].length;
  let c = m[r].length - 1;
  while (c >= 0 && isEmptyCell(m[r][c])) c--;
  return before + c + 1;
}

function flatten(m: readonly (readonly unknown[])[], limit: number): unknown[] {
  const out: unknown[] = [];
  for (let r = 0; r < m.length && out.length < limit; r++) {
    const row = m[r];
    for (let c = 0; c < row.length && out.length < limit; c++) out.push(row[c]);
  }
  return out;
}

/**
 * The cells of ranges that pair up cell by cell (scores and their weights), each
 * row by row, without the positions after the last one filled in any of them, so
 * whole columns read as their filled cells. Ranges with different numbers of
 * cells are read whole, for the caller to report.
 *
 * @example
 * cellsTogether([[[0.5], [0.7], [""]], [[1], [""], [""]]]) // [[0.5, 0.7], [1, ""]]
 */
export function cellsTogether(args: readonly unknown[]): unknown[][] {
  const matrices = args.map(toMatrix);
  const count = countCells(matrices[0] ?? []);
  let paired = true;
  for (const m of matrices) if (countCells(m) !== count) paired = false;
  let end = paired ? 0 : Number.POSITIVE_INFINITY;
  if (paired) for (const m of matrices) end = Math.max(end, filledCells(m));
  return matrices.map((m) => flatten(m, end));
}
