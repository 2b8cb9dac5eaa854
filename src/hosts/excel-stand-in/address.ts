/**
 * A1 notation as Excel reads and reports it: `F12`, `A1:C3`, `A:C`, `2:5`,
 * `'My sheet'!B2`. The host keeps its own copy of these rules so that a
 * mistake in the add-in's address code cannot hide itself in the tests.
 */

/** Rows and columns of a worksheet (Excel specifications and limits). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A zero-based rectangle. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * The letters of a zero-based column.
 *
 * @example
 * columnLetter(0) // "A"
 * columnLetter(27) // "AB"
 */
export function columnLetter(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A cell's A1 address from its zero-based row and column.
 *
 * @example
 * a1(11, 5) // "F12"
 */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function cell(text: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!match) return null;
  const col = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  return row >= 0 ? { row, col } : null;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/**
 * Parses `A1`, `A1:C3`, `A:C`, `2:5`, optionally after `Sheet!` or `'My sheet'!`.
 * Returns null when the text is not an address inside the sheet.
 *
 * @example
 * parseRange("'My sheet'!B2:C4") // { row: 1, col: 1, rows: 3, cols: 2 }
 * parseRange("A:B") // { row: 0, col: 0, rows: 1048576, cols: 2 }
 * parseRange("A0") // null
 */
export function parseRange(address: string): Rect | null {
  const bang = address.lastIndexOf("!");
  const text = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const [first, second = first] = text.split(":");
  const columns = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d{1,7})$/;
  if (columns.test(first) && columns.test(second)) {
    const a = columnIndex(first.replace("$", ""));
    const b = columnIndex(second.replace("$", ""));
    const rect = { row: 0, col: Math.min(a, b), rows: MAX_ROWS, cols: Math.abs(b - a) + 1 };
    return inBounds(rect) ? rect : null;
  }
  if (rows.test(first) && rows.test(second)) {
    const a = Number(first.replace("$", "")) - 1;
    const b = Number(second.replace("$", "")) - 1;
    if (a < 0 || b < 0) return null;
    const rect = { row: Math.min(a, b), col: 0, rows: Math.abs(b - a) + 1, cols: MAX_COLS };
    return inBounds(rect) ? rect : null;
  }
  const a = cell(first);
  const b = cell(second);
  if (!a || !b) return null;
  const rect = {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
  return inBounds(rect) ? rect : null;
}

/**
 * Whether a rectangle lies inside a worksheet and holds at least one cell.
 *
 * @example
 * inBounds({ row: 0, col: 16383, rows: 1, cols: 1 }) // true
 * inBounds({ row: 0, col: 16383, rows: 1, cols: 2 }) // false
 */
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

/**
 * A sheet name as Excel writes it in an address: quoted when it is not a plain identifier.
 *
 * @example
 * quoteSheet("OKRs") // "OKRs"
 * quoteSheet("Bob's goals") // "'Bob''s goals'"
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * The address Excel reports for a range.
 *
 * @example
 * rangeAddress("Sheet1", { row: 0, col: 0, rows: 3, cols: 3 }) // "Sheet1!A1:C3"
 * rangeAddress("Rollup 2026-Q3", { row: 1, col: 1, rows: 1, cols: 1 }) // "'Rollup 2026-Q3'!B2"
 */
export function rangeAddress(sheet: string, rect: Rect): string {
  const start = a1(rect.row, rect.col);
  const end = a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1);
  return `${quoteSheet(sheet)}!${rect.rows === 1 && rect.cols === 1 ? start : `${start}:${end}`}`;
}

/**
 * True when the two rectangles share a cell.
 *
 * @example
 * overlaps({ row: 0, col: 0, rows: 2, cols: 2 }, { row: 1, col: 1, rows: 1, cols: 1 }) // true
 * overlaps({ row: 0, col: 0, rows: 2, cols: 2 }, { row: 0, col: 2, rows: 1, cols: 1 }) // false
 */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
