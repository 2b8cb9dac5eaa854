/**
 * Evaluates, for the browser preview and the in-memory Excel host, the formulas
 * Altitude itself writes when it converts a sheet to a table: `=ALTITUDE.OKRSCORE(
 * I4,J4,K4,H4)`, `=ALTITUDE.OKRPACE(P4,DATE(2026,7,1),DATE(2026,9,30))`, and the
 * lookups over a table's own columns that Trend and Person score make with `LET`,
 * `FILTER`, `XLOOKUP`, `MAX`, `IF`, `IFERROR`, `OR`, `AND`, `ISNUMBER` and `CHOOSE`
 * (structured references are turned into A1 ranges by the host before this runs).
 * The custom functions call the host-neutral functions the Excel wrappers call, so
 * the preview shows what Excel would. Values follow Excel's rules where the
 * formulas rely on them ("Calculation operators and precedence",
 * https://support.microsoft.com/en-us/office/calculation-operators-and-precedence-in-excel-48be406d-4975-4d31-b2b8-7af9e0e2878a):
 * a blank cell is 0 beside a number and "" beside text, numbers sort before text
 * before TRUE/FALSE, text compares ignoring case, and arrays of different sizes
 * are widened (a single row or column repeats; cells beyond either are `#N/A`).
 * Any other function reads as `#NAME?`, as an unknown function does in Excel.
 */
import { isoToSerial, parseA1 } from "../../app";
import type { RawCell } from "../../core/model";
import type { Grid } from "../../functions/cells";
import { kpiStatusOf, kpiTrendOf, kraScoreOf, localToday, objectiveScoreOf, okrGrade, okrPace, okrScore, type FunctionContext } from "../../functions/compute";
import { getFunctionSettings } from "../../functions/settings-store";

/** An Excel error value (`#N/A`, `#VALUE!`, `#CALC!` …), carried through operators as Excel does. */
class XlError {
  constructor(readonly code: string) {}
}

/** One value: `null` is a blank cell. */
type Scalar = number | string | boolean | null | XlError;
type Matrix = Scalar[][];
type Value = Scalar | Matrix;

type Node =
  | { kind: "literal"; value: Scalar }
  | { kind: "array"; rows: Node[][] }
  | { kind: "range"; top: number; left: number; rows: number; cols: number; single: boolean }
  | { kind: "name"; name: string }
  | { kind: "call"; name: string; args: Array<Node | null> }
  | { kind: "negate"; operand: Node }
  | { kind: "binary"; op: string; left: Node; right: Node };

/** The host-neutral functions, called as Excel would with the settings the pane handed over. */
const FUNCTIONS: Record<string, (args: unknown[][][], context: FunctionContext) => Grid> = {
  OKRSCORE: (a, c) => okrScore(a[0], a[1], a[2], a[3], a[4], c),
  OBJECTIVESCORE: (a, c) => objectiveScoreOf(a[0], a[1], c),
  OKRGRADE: (a, c) => okrGrade(a[0], a[1], c),
  OKRPACE: (a, c) => okrPace(a[0], a[1], a[2], a[3], c),
  KPISTATUS: (a, c) => kpiStatusOf(a[0], a[1], a[2], a[3], a[4], c),
  KPITREND: (a, c) => kpiTrendOf(a[0], a[1], a[2], a[3], c),
  KRASCORE: (a, c) => kraScoreOf(a[0], a[1], c),
};

/** Reads a cell's value (a formula cell reads as it evaluates). */
export type CellReader = (sheet: string, row: number, col: number) => RawCell;

/** Formulas being evaluated, to stop at a circular reference as Excel does. */
const evaluating = new Set<string>();

/**
 * The value a formula shows on `sheet`.
 *
 * @example
 * evaluateFormula('="Flat"', "KPIs", read) // "Flat"
 */
export function evaluateFormula(formula: string, sheet: string, read: CellReader, at = ""): RawCell {
  const key = `${sheet}!${at}`;
  if (at && evaluating.has(key)) return "#REF!";
  if (at) evaluating.add(key);
  try {
    const parser = new Parser(formula.replace(/^=/, ""));
    const tree = parser.expression();
    if (!parser.done()) return "#NAME?";
    return shown(new Evaluator(sheet, read).value(tree, new Map()));
  } catch {
    return "#NAME?";
  } finally {
    if (at) evaluating.delete(key);
  }
}

/** What a cell shows: the first value of an array, a blank as 0, an error as its code. */
function shown(value: Value): RawCell {
  const first = Array.isArray(value) ? (value[0]?.[0] ?? null) : value;
  if (first === null) return 0;
  if (first instanceof XlError) return first.code;
  return first;
}

class Parser {
  private index = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    this.space();
    return this.index >= this.text.length;
  }

  expression(): Node {
    return this.comparison();
  }

  private comparison(): Node {
    let left = this.concatenation();
    for (;;) {
      const op = this.take(["<=", ">=", "<>", "=", "<", ">"]);
      if (!op) return left;
      left = { kind: "binary", op, left, right: this.concatenation() };
    }
  }

  private concatenation(): Node {
    let left = this.additive();
    while (this.take(["&"])) left = { kind: "binary", op: "&", left, right: this.additive() };
    return left;
  }

  private additive(): Node {
    let left = this.multiplicative();
    for (;;) {
      const op = this.take(["+", "-"]);
      if (!op) return left;
      left = { kind: "binary", op, left, right: this.multiplicative() };
    }
  }

  private multiplicative(): Node {
    let left = this.unary();
    for (;;) {
      const op = this.take(["*", "/"]);
      if (!op) return left;
      left = { kind: "binary", op, left, right: this.unary() };
    }
  }

  private unary(): Node {
    if (this.take(["-"])) return { kind: "negate", operand: this.unary() };
    if (this.take(["+"])) return this.unary();
    return this.primary();
  }

  private primary(): Node {
    this.space();
    const ch = this.text[this.index];
    if (ch === '"') return { kind: "literal", value: this.string() };
    if (ch === "{") return this.array();
    if (ch === "(") {
      this.index++;
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    if (ch === "#") {
      const code = /^#[A-Z/0!?]+[!?A]?/.exec(this.text.slice(this.index))?.[0];
      if (!code) throw new Error("bad error literal");
      this.index += code.length;
      return { kind: "literal", value: new XlError(code) };
    }
    if (/[\d.]/.test(ch ?? "")) return { kind: "literal", value: this.number() };
    const name = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(this.text.slice(this.index))?.[0];
    if (!name) throw new Error("unexpected input");
    this.index += name.length;
    this.space();
    if (this.text[this.index] === "(") return this.call(name.toUpperCase());
    const upper = name.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return { kind: "literal", value: upper === "TRUE" };
    const first = parseA1(name);
    if (!first) return { kind: "name", name: name.toLowerCase() };
    if (this.text[this.index] !== ":") return { kind: "range", top: first.row, left: first.col, rows: 1, cols: 1, single: true };
    this.index++;
    const end = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(this.text.slice(this.index))?.[0];
    const last = end ? parseA1(end) : null;
    if (!end || !last) throw new Error("bad range");
    this.index += end.length;
    const top = Math.min(first.row, last.row);
    const left = Math.min(first.col, last.col);
    return { kind: "range", top, left, rows: Math.abs(last.row - first.row) + 1, cols: Math.abs(last.col - first.col) + 1, single: false };
  }

  private call(name: string): Node {
    this.index++;
    const args: Array<Node | null> = [];
    this.space();
    if (this.text[this.index] === ")") {
      this.index++;
      return { kind: "call", name, args };
    }
    for (;;) {
      this.space();
      const ch = this.text[this.index];
      args.push(ch === "," || ch === ")" ? null : this.expression());
      this.space();
      const next = this.text[this.index++];
      if (next === ")") return { kind: "call", name, args };
      if (next !== ",") throw new Error("expected , or )");
    }
  }

  private string(): string {
    let out = "";
    this.index++;
    for (;;) {
      const ch = this.text[this.index++];
      if (ch === undefined) throw new Error("unterminated text");
      if (ch === '"') {
        if (this.text[this.index] !== '"') return out;
        this.index++;
      }
      out += ch;
    }
  }

  private number(): number {
    const match = /^\d*\.?\d+(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.index));
    if (!match) throw new Error("bad number");
    this.index += match[0].length;
    return Number(match[0]);
  }

  /** `{1,2;3,4}`: commas between columns, semicolons between rows. */
  private array(): Node {
    this.index++;
    const rows: Node[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.expression());
      this.space();
      const next = this.text[this.index++];
      if (next === "}") return { kind: "array", rows };
      if (next === ";") rows.push([]);
      else if (next !== ",") throw new Error("expected , ; or }");
    }
  }

  private take(ops: string[]): string | null {
    this.space();
    const found = ops.find((op) => this.text.startsWith(op, this.index));
    if (found) this.index += found.length;
    return found ?? null;
  }

  private expect(ch: string): void {
    this.space();
    if (this.text[this.index] !== ch) throw new Error(`expected ${ch}`);
    this.index++;
  }

  private space(): void {
    while (this.text[this.index] === " ") this.index++;
  }
}

class Evaluator {
  constructor(
    private readonly sheet: string,
    private readonly read: CellReader,
  ) {}

  value(node: Node, names: Map<string, Value>): Value {
    switch (node.kind) {
      case "literal":
        return node.value;
      case "array":
        return node.rows.map((row) => row.map((cell) => firstOf(this.value(cell, names))));
      case "range": {
        const cells: Matrix = Array.from({ length: node.rows }, (_, r) => Array.from({ length: node.cols }, (__, c) => cellValue(this.read(this.sheet, node.top + r, node.left + c))));
        return node.single ? cells[0][0] : cells;
      }
      case "name": {
        const bound = names.get(node.name);
        return bound === undefined ? new XlError("#NAME?") : bound;
      }
      case "negate":
        return lift(this.value(node.operand, names), 0, (x) => arithmetic("-", 0, x));
      case "binary":
        return lift(this.value(node.left, names), this.value(node.right, names), (a, b) => operate(node.op, a, b));
      case "call":
        return this.call(node.name, node.args, names);
    }
  }

  private call(name: string, args: Array<Node | null>, names: Map<string, Value>): Value {
    const arg = (i: number): Value => {
      const node = args[i];
      return node ? this.value(node, names) : null;
    };
    switch (name) {
      case "LET": {
        const scope = new Map(names);
        for (let i = 0; i + 1 < args.length; i += 2) {
          const named = args[i];
          if (named?.kind !== "name") return new XlError("#VALUE!");
          const bound = args[i + 1];
          scope.set(named.name, bound ? this.value(bound, scope) : null);
        }
        const last = args[args.length - 1];
        return last && args.length % 2 === 1 ? this.value(last, scope) : new XlError("#VALUE!");
      }
      case "IF": {
        const condition = arg(0);
        if (Array.isArray(condition)) return lift3(condition, arg(1), args.length > 2 ? arg(2) : false, pick);
        const truth = truthOf(condition);
        if (truth instanceof XlError) return truth;
        if (truth) return arg(1);
        return args.length > 2 ? arg(2) : false;
      }
      case "IFERROR":
        return lift(arg(0), arg(1), (v, fallback) => (v instanceof XlError ? fallback : v));
      case "ISNUMBER":
        return lift(arg(0), 0, (v) => typeof v === "number");
      case "OR":
      case "AND": {
        const truths: boolean[] = [];
        for (let i = 0; i < args.length; i++) {
          for (const v of flat(arg(i))) {
            if (v instanceof XlError) return v;
            if (typeof v === "boolean" || typeof v === "number") truths.push(v !== 0 && v !== false);
          }
        }
        if (truths.length === 0) return new XlError("#VALUE!");
        return name === "OR" ? truths.includes(true) : !truths.includes(false);
      }
      case "MAX": {
        let max: number | null = null;
        for (let i = 0; i < args.length; i++) {
          for (const v of flat(arg(i))) {
            if (v instanceof XlError) return v;
            if (typeof v === "number" && (max === null || v > max)) max = v;
          }
        }
        return max ?? 0;
      }
      case "FILTER":
        return filter(arg(0), arg(1), args.length > 2 ? arg(2) : undefined);
      case "XLOOKUP":
        return xlookup(arg(0), arg(1), arg(2), args.length > 3 ? arg(3) : undefined);
      case "CHOOSE": {
        const index = arg(0);
        const chosen = (i: Scalar): Scalar => {
          if (i instanceof XlError) return i;
          const n = typeof i === "number" ? Math.trunc(i) : NaN;
          return n >= 1 && n < args.length ? firstOf(arg(n)) : new XlError("#VALUE!");
        };
        return Array.isArray(index) ? index.map((row) => row.map(chosen)) : chosen(index);
      }
      case "DATE": {
        const [y, m, d] = [0, 1, 2].map((i) => firstOf(arg(i)));
        const serial = isoToSerial(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
        return serial ?? new XlError("#VALUE!");
      }
      default: {
        const fn = name.startsWith("ALTITUDE.") ? FUNCTIONS[name.slice("ALTITUDE.".length)] : undefined;
        if (!fn) return new XlError("#NAME?");
        // Trailing blank optional arguments are left out, as Excel passes them.
        const given = args.map((_, i) => asArgument(arg(i)));
        while (given.length > 0 && args[given.length - 1] === null) given.pop();
        const grid = fn(given, { settings: getFunctionSettings(), today: localToday() });
        const out: Matrix = grid.map((row) => row.map((cell) => (typeof cell === "object" && cell !== null ? new XlError(cell.error === "na" ? "#N/A" : "#VALUE!") : cell)));
        return out.length === 1 && out[0].length === 1 ? out[0][0] : out;
      }
    }
  }
}

/** A cell as a value: an empty cell is blank, an error's text is that error. */
function cellValue(raw: RawCell): Scalar {
  if (raw === "" || raw === null) return null;
  if (typeof raw === "string" && /^#(N\/A|VALUE!|REF!|NAME\?|DIV\/0!|NUM!|NULL!|CALC!|SPILL!)$/.test(raw)) return new XlError(raw);
  return raw;
}

/** An argument as a custom function receives it: always a 2-D array, blanks as null, errors as their codes. */
function asArgument(value: Value): unknown[][] {
  const matrix = Array.isArray(value) ? value : [[value]];
  return matrix.map((row) => row.map((v) => (v instanceof XlError ? v.code : v)));
}

function firstOf(value: Value): Scalar {
  return Array.isArray(value) ? (value[0]?.[0] ?? null) : value;
}

function flat(value: Value): Scalar[] {
  if (!Array.isArray(value)) return [value];
  const out: Scalar[] = [];
  for (const row of value) for (const v of row) out.push(v);
  return out;
}

/** Applies `f` cell by cell, widening arrays as Excel does; two scalars give a scalar. */
function lift(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!Array.isArray(a) && !Array.isArray(b)) return f(a, b);
  return widen([a, b], (cells) => f(cells[0], cells[1]));
}

function lift3(a: Value, b: Value, c: Value, f: (x: Scalar, y: Scalar, z: Scalar) => Scalar): Value {
  return widen([a, b, c], (cells) => f(cells[0], cells[1], cells[2]));
}

function widen(values: Value[], f: (cells: Scalar[]) => Scalar): Matrix {
  const matrices = values.map((v) => (Array.isArray(v) ? v : [[v]]));
  let rows = 0;
  let cols = 0;
  for (const m of matrices) {
    rows = Math.max(rows, m.length);
    cols = Math.max(cols, m[0]?.length ?? 0);
  }
  const at = (m: Matrix, r: number, c: number): Scalar => {
    const row = m.length === 1 ? m[0] : m[r];
    if (!row) return new XlError("#N/A");
    const v = row.length === 1 ? row[0] : row[c];
    return v === undefined ? new XlError("#N/A") : v;
  };
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (__, c) => f(matrices.map((m) => at(m, r, c)))));
}

function pick(condition: Scalar, yes: Scalar, no: Scalar): Scalar {
  const truth = truthOf(condition);
  if (truth instanceof XlError) return truth;
  return truth ? yes : no;
}

function truthOf(v: Scalar): boolean | XlError {
  if (v instanceof XlError) return v;
  if (typeof v === "string") return new XlError("#VALUE!");
  return v !== null && v !== 0 && v !== false;
}

function operate(op: string, a: Scalar, b: Scalar): Scalar {
  if (a instanceof XlError) return a;
  if (b instanceof XlError) return b;
  if (op === "&") return textOf(a) + textOf(b);
  if (op === "+" || op === "-" || op === "*" || op === "/") return arithmetic(op, a, b);
  const order = compare(a, b);
  switch (op) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    default:
      return order >= 0;
  }
}

function arithmetic(op: string, a: Scalar, b: Scalar): Scalar {
  const x = numberOf(a);
  const y = numberOf(b);
  if (x instanceof XlError) return x;
  if (y instanceof XlError) return y;
  if (op === "+") return x + y;
  if (op === "-") return x - y;
  if (op === "*") return x * y;
  return y === 0 ? new XlError("#DIV/0!") : x / y;
}

function numberOf(v: Scalar): number | XlError {
  if (v instanceof XlError) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : new XlError("#VALUE!");
}

function textOf(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Excel's order: numbers, then text (ignoring case), then FALSE and TRUE; a blank is 0, "" or FALSE beside the other. */
function compare(a: Scalar, b: Scalar): number {
  const blankAs = (other: Scalar): Scalar => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") {
    const [p, q] = [x.toLowerCase(), y.toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const [p, q] = [Number(x), Number(y)];
  return p < q ? -1 : p > q ? 1 : 0;
}

/**
 * FILTER(array, include, [if_empty]): the rows (or columns) whose include value is true;
 * a blank cell comes back as 0, and nothing found is `#CALC!` without if_empty
 * (https://support.microsoft.com/en-us/office/filter-function-f4f7cb66-82eb-4767-8f7c-4877ad80c759).
 */
function filter(array: Value, include: Value, ifEmpty: Value | undefined): Value {
  const source = Array.isArray(array) ? array : [[array]];
  const keys = Array.isArray(include) ? include : [[include]];
  const byRow = keys.length === source.length && (keys[0]?.length ?? 0) === 1;
  const byCol = keys.length === 1 && (keys[0]?.length ?? 0) === (source[0]?.length ?? 0);
  if (!byRow && !byCol) return new XlError("#VALUE!");
  const kept: Matrix = [];
  if (byRow) {
    for (let r = 0; r < source.length; r++) {
      const truth = truthOf(keys[r][0]);
      if (truth instanceof XlError) return truth;
      if (truth) kept.push(source[r].map((v) => v ?? 0));
    }
  } else {
    const columns = keys[0].map((k, c) => ({ truth: truthOf(k), c }));
    const broken = columns.find((k) => k.truth instanceof XlError);
    if (broken) return broken.truth as XlError;
    const chosen = columns.filter((k) => k.truth === true).map((k) => k.c);
    if (chosen.length > 0) for (const row of source) kept.push(chosen.map((c) => row[c] ?? 0));
  }
  if (kept.length === 0) return ifEmpty === undefined ? new XlError("#CALC!") : ifEmpty;
  return kept;
}

/**
 * XLOOKUP(lookup, lookup_array, return_array, [if_not_found]): the first exact match
 * from the top; the result is the cell itself, so a blank one stays blank
 * (https://support.microsoft.com/en-us/office/xlookup-function-b7fd680e-6d10-43e6-84f9-88eae8bf5929).
 */
function xlookup(lookup: Value, within: Value, from: Value, notFound: Value | undefined): Value {
  const wanted = firstOf(lookup);
  if (wanted instanceof XlError) return wanted;
  const keys = flat(within);
  const results = flat(from);
  if (keys.length !== results.length) return new XlError("#VALUE!");
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key instanceof XlError) continue;
    if (key !== null && compare(key, wanted) === 0) return results[i];
  }
  return notFound === undefined ? new XlError("#N/A") : notFound;
}
