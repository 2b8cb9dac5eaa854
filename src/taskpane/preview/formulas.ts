/**
 * Evaluates, for the browser preview, the formulas Altitude itself writes when it
 * converts a sheet to a table: `=ALTITUDE.OKRSCORE(I4,J4,K4,H4)`, `=ALTITUDE.OKRPACE(
 * P4,DATE(2026,7,1),DATE(2026,9,30))`, `=ALTITUDE.KPITREND(CHOOSE({1,2},K3,K7))`,
 * `="Flat"`. It calls the host-neutral functions the Excel wrappers call, so the
 * preview shows what Excel would. Anything else reads as `#NAME?`, as an unknown function does in Excel.
 */
import { isoToSerial, parseA1 } from "../../app";
import type { RawCell } from "../../core/model";
import type { Grid } from "../../functions/cells";
import { kpiStatusOf, kpiTrendOf, kraScoreOf, localToday, objectiveScoreOf, okrGrade, okrPace, okrScore, type FunctionContext } from "../../functions/compute";
import { getFunctionSettings } from "../../functions/settings-store";

type Matrix = unknown[][];
type Value = RawCell | Matrix | undefined;

/** The host-neutral functions, called as Excel would with the settings the pane handed over. */
const FUNCTIONS: Record<string, (args: Matrix[], context: FunctionContext) => Grid> = {
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
    const parser = new Parser(formula.replace(/^=/, ""), sheet, read);
    const value = parser.expression();
    if (!parser.done()) return "#NAME?";
    return toCell(value);
  } catch {
    return "#NAME?";
  } finally {
    if (at) evaluating.delete(key);
  }
}

/** A neutral result as Excel shows it: a cell error becomes its code (`#VALUE!` or `#N/A`). */
function shownAsExcel(grid: Grid): Matrix {
  return grid.map((row) => row.map((cell) => (typeof cell === "object" ? (cell.error === "na" ? "#N/A" : "#VALUE!") : cell)));
}

function toCell(value: Value): RawCell {
  if (value === undefined) return "";
  if (Array.isArray(value)) return toCell(value[0]?.[0] as Value);
  return value;
}

class Parser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly sheet: string,
    private readonly read: CellReader,
  ) {}

  done(): boolean {
    this.space();
    return this.index >= this.text.length;
  }

  expression(): Value {
    this.space();
    const ch = this.text[this.index];
    if (ch === '"') return this.string();
    if (ch === "{") return this.array();
    if (/[-\d.]/.test(ch ?? "")) return this.number();
    const name = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(this.text.slice(this.index))?.[0];
    if (!name) throw new Error("unexpected input");
    this.index += name.length;
    this.space();
    if (this.text[this.index] === "(") return this.call(name.toUpperCase());
    return this.reference(name);
  }

  private call(name: string): Value {
    this.index++;
    const args: Value[] = [];
    this.space();
    if (this.text[this.index] === ")") this.index++;
    else {
      for (;;) {
        this.space();
        const ch = this.text[this.index];
        args.push(ch === "," || ch === ")" ? undefined : this.expression());
        this.space();
        const next = this.text[this.index++];
        if (next === ")") break;
        if (next !== ",") throw new Error("expected , or )");
      }
    }
    if (name === "DATE") {
      const [y, m, d] = args.map((a) => Number(toCell(a)));
      const serial = isoToSerial(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
      return serial ?? "#VALUE!";
    }
    if (name === "CHOOSE") return [args.slice(1).map((a) => toCell(a))];
    const fn = name.startsWith("ALTITUDE.") ? FUNCTIONS[name.slice("ALTITUDE.".length)] : undefined;
    if (!fn) return "#NAME?";
    // Trailing blank optional arguments are left out, as Excel passes them.
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    return shownAsExcel(fn(args.map(asMatrix), { settings: getFunctionSettings(), today: localToday() }));
  }

  private reference(start: string): Value {
    const first = parseA1(start);
    if (!first) throw new Error("not a reference");
    if (this.text[this.index] !== ":") return this.read(this.sheet, first.row, first.col);
    this.index++;
    const end = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(this.text.slice(this.index))?.[0];
    const last = end ? parseA1(end) : null;
    if (!end || !last) throw new Error("bad range");
    this.index += end.length;
    const rows = Math.abs(last.row - first.row) + 1;
    const cols = Math.abs(last.col - first.col) + 1;
    const top = Math.min(first.row, last.row);
    const left = Math.min(first.col, last.col);
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (__, c) => this.read(this.sheet, top + r, left + c)));
  }

  private string(): Value {
    let out = "";
    this.index++;
    for (;;) {
      const ch = this.text[this.index++];
      if (ch === undefined) throw new Error("unterminated text");
      if (ch === '"') {
        if (this.text[this.index] === '"') {
          out += '"';
          this.index++;
          continue;
        }
        return out;
      }
      out += ch;
    }
  }

  private number(): Value {
    const match = /^-?\d*\.?\d+(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.index));
    if (!match) throw new Error("bad number");
    this.index += match[0].length;
    return Number(match[0]);
  }

  private array(): Value {
    this.index++;
    const row: RawCell[] = [];
    for (;;) {
      row.push(toCell(this.expression()));
      const next = this.text[this.index++];
      if (next === "}") return [row];
      if (next !== ",") throw new Error("expected , or }");
    }
  }

  private space(): void {
    while (this.text[this.index] === " ") this.index++;
  }
}

function asMatrix(value: Value): Matrix {
  if (value === undefined) return [[null]];
  return Array.isArray(value) ? value : [[value]];
}
