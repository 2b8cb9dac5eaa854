/**
 * A1-style cell addresses. Rows and columns are zero-based in code and shown
 * one-based, lettered, to the user.
 */

/**
 * The letters of a zero-based column index.
 *
 * @example
 * columnLetter(0) // "A"
 * columnLetter(27) // "AB"
 */
export function columnLetter(col: number): string {
  let n = Math.floor(col) + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The A1 address of a zero-based row and column.
 *
 * @example
 * a1(11, 5) // "F12"
 */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/**
 * The A1 address of a rectangle given its zero-based top-left corner and size.
 *
 * @example
 * rangeA1({ row: 0, col: 0, rows: 2, cols: 3 }) // "A1:C2"
 */
export function rangeA1(r: RangeRef): string {
  const rows = Math.max(1, r.rows);
  const cols = Math.max(1, r.cols);
  const start = a1(r.row, r.col);
  return rows === 1 && cols === 1 ? start : `${start}:${a1(r.row + rows - 1, r.col + cols - 1)}`;
}

/**
 * Parses an A1 address (`F12`, `$F$12`) into zero-based row and column.
 *
 * @example
 * parseA1("F12") // { row: 11, col: 5 }
 * parseA1("12F") // null
 */
export function parseA1(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(match[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/**
 * A sheet name quoted for use in a formula or reference when it needs quoting.
 *
 * @example
 * quoteSheet("OKRs") // "OKRs"
 * quoteSheet("Rollup 2026-Q3") // "'Rollup 2026-Q3'"
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A rectangle on a sheet: zero-based top-left corner and its size in cells. */
export interface RangeRef {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Row numbers as a reader writes them: runs of consecutive rows shortened.
 *
 * @example
 * rowSpans([1, 2, 5, 7, 8]) // "1–2, 5, 7–8"
 */
export function rowSpans(rows: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j;
  }
  return parts.join(", ");
}
