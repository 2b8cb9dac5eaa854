/**
 * The one place where Excel's custom-function arguments become clean values, and
 * failed outcomes become cell errors. Excel passes every argument declared as a
 * matrix as rows of cells: numbers (dates are serial numbers), text, booleans, and
 * `""` or `null` for blanks; an omitted optional argument arrives as `null` or
 * `undefined`. Function bodies only ever see numbers, ISO dates and known words.
 */
import { excerpt } from "../core/values";
import { serialToIso, dayNumber } from "../core/dates";
import type { Commitment, Direction, IsoDate, KeyResultType } from "../core/model";
import { fail, ok, type Failure, type Outcome } from "../core/outcome";
import type { Settings } from "../core/settings";

/** What one cell of a result holds: a value, or an error with its message. */
export type CellResult = number | string | CustomFunctions.Error;

const BLANK_WORDS = new Set(["n/a", "na", "-", "—", "–", "none", "null"]);
const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9 };

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function isCellError(cell: unknown): cell is CustomFunctions.Error {
  return typeof cell === "object" && cell !== null && "code" in cell;
}

function describe(cell: unknown): string {
  if (isCellError(cell)) return String(cell.code);
  // A cell can hold 32,767 characters; an error message quotes only the start.
  return typeof cell === "string" ? `"${excerpt(cell)}"` : String(cell);
}

/**
 * A number from a cell: `45%` is 0.45, `1,200` is 1200 (`1.200,5` with a comma
 * decimal separator), `$3.2k` is 3200, TRUE is 1; a blank or `n/a` is `null`.
 *
 * @example
 * toNumber("45%", ".") // ok, 0.45
 * toNumber("lots", ".") // fails: "lots" is not a number
 */
export function toNumber(cell: unknown, decimalSeparator: Settings["decimalSeparator"] = "."): Outcome<number | null> {
  if (isBlank(cell)) return ok(null);
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? ok(cell === 0 ? 0 : cell) : fail("not-a-number", `${cell} is not a finite number.`);
  }
  if (typeof cell === "boolean") return ok(cell ? 1 : 0);
  if (typeof cell !== "string") return fail("not-a-number", `${describe(cell)} is not a number.`);
  const text = cell.trim();
  if (BLANK_WORDS.has(text.toLowerCase())) return ok(null);
  const parsed = parseNumberText(text, decimalSeparator);
  return parsed === null ? fail("not-a-number", `"${excerpt(text)}" is not a number.`) : ok(parsed);
}

function parseNumberText(text: string, decimalSeparator: "." | ","): number | null {
  const thousands = decimalSeparator === "." ? "," : ".";
  let body = text.replace(/\s/g, "");
  // Accounting style: (1,200) is -1200.
  let sign = 1;
  const parens = /^\((.*)\)$/.exec(body);
  if (parens) {
    sign = -1;
    body = parens[1];
  }
  if (body.startsWith("-")) {
    sign = -sign;
    body = body.slice(1);
  } else if (body.startsWith("+")) {
    body = body.slice(1);
  }
  body = body.replace(/^[$€£¥]/, "");
  let factor = 1;
  if (body.endsWith("%")) {
    factor = 0.01;
    body = body.slice(0, -1);
  } else {
    const suffix = /(k|m|bn)$/i.exec(body);
    if (suffix) {
      factor = SUFFIXES[suffix[1].toLowerCase()];
      body = body.slice(0, -suffix[1].length);
    }
  }
  const groups = body.split(thousands);
  // A thousands separator must split digits into groups of three: "1,2" is not 12.
  if (groups.length > 1 && groups.slice(1).some((g, i) => (i === groups.length - 2 ? g.split(decimalSeparator)[0] : g).length !== 3)) {
    return null;
  }
  const plain = groups.join("").replace(decimalSeparator, ".");
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return null;
  const value = sign * Number(plain) * factor;
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/**
 * A date from a cell: a serial number as Excel passes dates, or ISO text; blank is `null`.
 *
 * @example
 * toDate(46204) // ok, "2026-07-01"
 * toDate("2026-07-01") // ok, "2026-07-01"
 */
export function toDate(cell: unknown): Outcome<IsoDate | null> {
  if (isBlank(cell)) return ok(null);
  if (typeof cell === "number") {
    const iso = serialToIso(cell);
    return iso === null ? fail("bad-period", `${cell} is not a date Excel knows.`) : ok(iso);
  }
  if (typeof cell === "string" && dayNumber(cell.trim()) !== null) return ok(cell.trim());
  return fail("bad-period", `${describe(cell)} is not a date.`);
}

/** Lower-case words of a text cell, with runs of spaces, dashes, slashes and underscores as one space. */
function word(cell: unknown): string | null {
  if (isBlank(cell)) return "";
  return typeof cell === "string" ? cell.trim().toLowerCase().replace(/[\s_/-]+/g, " ") : null;
}

const TYPES: Record<string, KeyResultType> = {
  increase: "increase",
  decrease: "decrease",
  reduce: "decrease",
  milestone: "milestone",
  binary: "binary",
  "yes no": "binary",
  maintain: "maintain",
};

/**
 * A key result type; blank means increase, whose formula also serves decreasing metrics.
 *
 * @example
 * toKeyResultType("Decrease") // ok, "decrease"
 */
export function toKeyResultType(cell: unknown): Outcome<KeyResultType> {
  const w = word(cell);
  if (w === "") return ok("increase");
  const type = w === null ? undefined : TYPES[w];
  return type ? ok(type) : fail("bad-type", `${describe(cell)} is not a key result type: use increase, decrease, milestone, binary or maintain.`);
}

/**
 * A commitment; blank means aspirational.
 *
 * @example
 * toCommitment("Committed") // ok, "committed"
 */
export function toCommitment(cell: unknown): Outcome<Commitment> {
  const w = word(cell);
  if (w === "" || w === "aspirational") return ok("aspirational");
  if (w === "committed") return ok("committed");
  return fail("bad-commitment", `${describe(cell)} is not a commitment: use aspirational or committed.`);
}

const DIRECTIONS: Record<string, Direction> = {
  higher: "higher",
  "higher is better": "higher",
  up: "higher",
  increase: "higher",
  lower: "lower",
  "lower is better": "lower",
  down: "lower",
  decrease: "lower",
  band: "band",
  range: "band",
};

/**
 * A KPI direction; blank is `null` (read from the order of floor and target).
 *
 * @example
 * toDirection("Lower is better") // ok, "lower"
 */
export function toDirection(cell: unknown): Outcome<Direction | null> {
  const w = word(cell);
  if (w === "") return ok(null);
  const direction = w === null ? undefined : DIRECTIONS[w];
  return direction ? ok(direction) : fail("bad-direction", `${describe(cell)} is not a direction: use higher, lower or band.`);
}

const DONE_WORDS: Record<string, number> = { yes: 1, y: 1, done: 1, true: 1, no: 0, n: 0, "not done": 0, false: 0 };

/**
 * The current value of a binary key result: yes/done/TRUE is 1, no/FALSE is 0, or a number.
 *
 * @example
 * toDone("Done") // ok, 1
 */
export function toDone(cell: unknown, decimalSeparator: Settings["decimalSeparator"] = "."): Outcome<number | null> {
  const w = word(cell);
  if (w !== null && w in DONE_WORDS) return ok(DONE_WORDS[w]);
  return toNumber(cell, decimalSeparator);
}

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
  return arg.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/**
 * All cells of an argument, row by row.
 *
 * @example
 * cellsOf([[1, 2], [3, 4]]) // [1, 2, 3, 4]
 */
export function cellsOf(arg: unknown): unknown[] {
  return toMatrix(arg).flat();
}

/**
 * Applies `each` cell by cell over arguments of matching shapes, as Excel's own
 * functions do: a single cell, a single row or a single column is repeated
 * across the others; a cell beyond a smaller argument's edge is `#N/A`.
 *
 * @example
 * mapCells([[[1], [2]], [[10]]], ([a, b]) => Number(a) + Number(b)) // [[11], [12]]
 */
export function mapCells(args: unknown[], each: (cells: unknown[]) => CellResult): CellResult[][] {
  const matrices = args.map(toMatrix);
  // Loops rather than Math.max(...): a whole-column range has 1,048,576 rows, too many to spread into a call.
  let rows = 0;
  let cols = 0;
  for (const m of matrices) {
    if (m.length > rows) rows = m.length;
    for (const r of m) if (r.length > cols) cols = r.length;
  }
  const out: CellResult[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellResult[] = [];
    for (let c = 0; c < cols; c++) {
      const cells: unknown[] = [];
      let outside = false;
      for (const m of matrices) {
        const row = m.length === 1 ? m[0] : m[r];
        const width = row ? row.length : 0;
        if (!row || (width !== 1 && c >= width)) {
          outside = true;
          break;
        }
        cells.push(width === 1 ? row[0] : row[c]);
      }
      line.push(outside ? new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "The ranges have different sizes.") : each(cells));
    }
    out.push(line);
  }
  return out;
}

/**
 * The cell error a failed outcome becomes: `#VALUE!` or `#NUM!` with its message.
 *
 * @example
 * toCellError(fail("target-equals-start", "Target equals start.", "#NUM!")).code // "#NUM!"
 */
export function toCellError(failure: Failure): CustomFunctions.Error {
  const code = failure.excel === "#NUM!" ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, failure.message);
}

/**
 * Today's date where the workbook is open (local time, as Excel's TODAY()).
 *
 * @example
 * localToday(new Date(2026, 6, 1, 23, 30)) // "2026-07-01"
 */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Converts every cell, stopping at the first that fails.
 *
 * @example
 * allOf([1, "2"], (c) => toNumber(c)) // ok, [1, 2]
 */
export function allOf<T>(cells: readonly unknown[], convert: (cell: unknown) => Outcome<T>): Outcome<T[]> {
  const out: T[] = [];
  for (const cell of cells) {
    const converted = convert(cell);
    if (!converted.ok) return converted;
    out.push(converted.value);
  }
  return ok(out);
}
