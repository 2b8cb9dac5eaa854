/**
 * Lays out report blocks down a planned sheet: titles, headings, key/value
 * pairs, tables, note boxes and links, keeping track of the next free row so
 * the use cases (rollup, reviews) never compute positions by hand. Charts go in
 * a column to the right of the tables and stack so they never overlap.
 */
import type { RangeRef } from "./address";
import type { Grade, KpiStatus, Pace } from "./model";
import type { Block, CellStyle, ConditionalBlock, PlanValue, SheetPlan } from "./plan";
import { sourceText, type SourceCell } from "./sources";

/** A soft fill and its matching font colour, as in Excel's built-in "Good / Neutral / Bad" styles. */
export interface Colour {
  fill: string;
  fontColor: string;
}

const GOOD: Colour = { fill: "#C6EFCE", fontColor: "#006100" };
const NEUTRAL: Colour = { fill: "#FFEB9C", fontColor: "#9C5700" };
const BAD: Colour = { fill: "#FFC7CE", fontColor: "#9C0006" };
const INFO: Colour = { fill: "#DDEBF7", fontColor: "#1F4E79" };
const NONE: Colour = { fill: "#EDEDED", fontColor: "#595959" };

export const GRADE_COLOURS = { Green: GOOD, Yellow: NEUTRAL, Red: BAD } satisfies Record<Grade, Colour>;
export const PACE_COLOURS = { Done: INFO, "On track": GOOD, "At risk": NEUTRAL, Behind: BAD } satisfies Record<Pace, Colour>;
export const KPI_STATUS_COLOURS = {
  "On target": GOOD,
  Watch: NEUTRAL,
  Breach: BAD,
  "Above ceiling": INFO,
  "No data": NONE,
} satisfies Record<KpiStatus, Colour>;

/** Percent with no decimals, for scores 0–1. */
export const PERCENT = "0%";
/** A signed percentage change, e.g. `+12%`, `-5%`. */
/** A change in percentage points, with a true minus sign: `+5 pts`, `−24 pts`. */
export const POINTS_CHANGE = '+0" pts";"−"0" pts";0" pts"';
/** One decimal, for ratings on a 1–5 scale. */
export const RATING = "0.0";

const TITLE: CellStyle = { bold: true, fontSize: 16 };
const SUBTITLE: CellStyle = { italic: true, fontColor: "#595959" };
const HEADING: CellStyle = { bold: true, fontSize: 12, border: "bottom" };
const NOTE: CellStyle = { italic: true, fontColor: "#595959" };
const LABEL: CellStyle = { bold: true };

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

export interface TableSpec {
  /** Wanted Excel table name (letters, digits, underscores). */
  name: string;
  headers: string[];
  rows: PlanValue[][];
  columnFormats?: Array<string | null>;
  /** Formats of single data cells, over `columnFormats`. */
  cellFormats?: Array<Array<string | null>>;
  style?: string;
}

export interface ChartSpec {
  chartType: "bar" | "column" | "pie" | "doughnut";
  title: string;
  data: RangeRef;
  /** The row the chart should start at; it moves down when an earlier chart is still there. */
  row: number;
  /** Fill of each category's point, in category order. */
  pointColors?: string[];
}

export interface KeyValue {
  label: string;
  value: PlanValue;
  format?: string | null;
}

/** Size of a placed chart, in cells. */
const CHART_SIZE = { rows: 14, cols: 7 };

/**
 * A cursor down one sheet that collects blocks and measures column widths.
 *
 * @example
 * const layout = new SheetLayout("rollup", "Rollup 2026-Q3");
 * layout.title("Quarterly rollup 2026-Q3");
 * const teams = layout.table({ name: "Teams", headers: ["Team", "Score"], rows: [["People", 0.5]] });
 * teams // { row: 1, col: 0, rows: 2, cols: 2 }
 * layout.build().blocks.length // 2
 */
export class SheetLayout {
  private readonly blocks: Block[] = [];
  private readonly widths: number[] = [];
  private cursor = 0;
  /** The row after the last one written, to tell whether a blank row already separates sections. */
  private written = 0;
  private chartBottom = 0;

  constructor(
    readonly key: string,
    readonly name: string,
    /** The column charts are placed at, right of every table. */
    readonly chartColumn = 10,
  ) {}

  /** The next free row (zero-based). */
  get row(): number {
    return this.cursor;
  }

  /** Leaves blank rows. */
  skip(rows = 1): void {
    this.cursor += rows;
  }

  /** The sheet's title, in large bold type. */
  title(text: string): void {
    this.text(text, TITLE);
  }

  subtitle(text: string): void {
    this.text(text, SUBTITLE);
  }

  /** A section heading, with a blank row above it when something precedes it. */
  heading(text: string): void {
    if (this.cursor > 0 && this.cursor === this.written) this.cursor += 1;
    this.text(text, HEADING);
  }

  /** One line of explanatory text. */
  note(text: string): void {
    this.text(text, NOTE);
  }

  /** Label / value pairs, labels in bold in the first column. Returns the value cells. */
  keyValues(pairs: KeyValue[], col = 0): RangeRef {
    const at = { row: this.cursor, col };
    this.blocks.push({ kind: "cells", at, values: pairs.map((p) => [p.label]), style: LABEL });
    this.blocks.push({
      kind: "cells",
      at: { row: at.row, col: col + 1 },
      values: pairs.map((p) => [p.value]),
      numberFormats: pairs.map((p) => [p.format ?? null]),
      style: { align: "right" },
    });
    pairs.forEach((p) => {
      this.measure(col, p.label);
      this.measure(col + 1, p.value);
    });
    this.advance(pairs.length);
    return { row: at.row, col: col + 1, rows: pairs.length, cols: 1 };
  }

  /**
   * An Excel table at the cursor (or at `col`). Returns its whole area, header row included.
   * An empty table is not written: `emptyText` goes on one line instead and `null` comes back.
   */
  table(spec: TableSpec, emptyText?: string, col = 0): RangeRef | null {
    if (spec.rows.length === 0 && emptyText !== undefined) {
      this.note(emptyText);
      return null;
    }
    const at = { row: this.cursor, col };
    this.blocks.push({
      kind: "table",
      at,
      name: spec.name,
      headers: spec.headers,
      rows: spec.rows,
      columnFormats: spec.columnFormats,
      ...(spec.cellFormats ? { cellFormats: spec.cellFormats } : {}),
      style: spec.style ?? "TableStyleMedium2",
    });
    // Header cells carry a filter button, hence two extra characters.
    spec.headers.forEach((h, i) => this.measure(col + i, `${h}  `));
    spec.rows.forEach((r) => r.forEach((v, i) => this.measure(col + i, v)));
    this.advance(spec.rows.length + 1);
    return { row: at.row, col, rows: spec.rows.length + 1, cols: spec.headers.length };
  }

  /** Colours the data cells of one table column by their text. */
  colourColumn(table: RangeRef | null, column: number, colours: Record<string, Colour>): void {
    if (!table || table.rows < 2) return;
    const block: ConditionalBlock = {
      kind: "conditional",
      range: { row: table.row + 1, col: table.col + column, rows: table.rows - 1, cols: 1 },
      rules: Object.entries(colours).map(([equals, c]) => ({ equals, fill: c.fill, fontColor: c.fontColor })),
    };
    this.blocks.push(block);
  }

  /** A link on its own cell at the cursor, or at a given position (the cursor then stays). */
  link(text: string, target: { key: string } | { sheet: string }, at?: { row: number; col: number }, cell?: string): void {
    const position = at ?? { row: this.cursor, col: 0 };
    this.blocks.push({ kind: "link", at: position, text, target, ...(cell ? { cell } : {}) });
    this.measure(position.col, text);
    if (!at) this.advance(1);
  }

  /**
   * Links each data cell of one table column (which holds {@link sourceText}) to the
   * cell of the user's sheet it names; rows without a source stay plain text.
   */
  sourceLinks(table: RangeRef | null, column: number, sources: ReadonlyArray<SourceCell | null>): void {
    if (!table) return;
    sources.forEach((source, i) => {
      if (!source) return;
      const at = { row: table.row + 1 + i, col: table.col + column };
      this.blocks.push({ kind: "link", at, text: sourceText(source), target: { sheet: source.sheet }, cell: source.cell });
    });
  }

  /** An empty bordered area for handwritten notes. */
  box(rows: number, cols: number): RangeRef {
    const at = { row: this.cursor, col: 0 };
    const values: PlanValue[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
    this.blocks.push({ kind: "cells", at, values, style: { border: "box", wrap: true } });
    this.advance(rows);
    return { row: at.row, col: 0, rows, cols };
  }

  /** A chart in the chart column, at `spec.row` or below the previous chart. */
  chart(spec: ChartSpec): RangeRef {
    const row = Math.max(spec.row, this.chartBottom);
    const at = { row, col: this.chartColumn };
    this.blocks.push({
      kind: "chart",
      chartType: spec.chartType,
      title: spec.title,
      data: spec.data,
      at,
      size: CHART_SIZE,
      ...(spec.pointColors ? { pointColors: spec.pointColors } : {}),
    });
    this.chartBottom = row + CHART_SIZE.rows + 1;
    return { ...at, ...CHART_SIZE };
  }

  /** Any block placed by the caller. */
  add(block: Block): void {
    this.blocks.push(block);
  }

  /** The finished sheet plan. Column widths are measured from tables and key/value pairs. */
  build(extra: Pick<SheetPlan, "freeze" | "tabColor"> = {}): SheetPlan {
    const columnWidths = Array.from({ length: this.widths.length }, (_, i) => this.widths[i] ?? MIN_WIDTH);
    return { key: this.key, name: this.name, blocks: [...this.blocks], columnWidths, ...extra };
  }

  private text(text: string, style: CellStyle): void {
    this.blocks.push({ kind: "cells", at: { row: this.cursor, col: 0 }, values: [[text]], style });
    this.advance(1);
  }

  private advance(rows: number): void {
    this.cursor += rows;
    this.written = this.cursor;
  }

  private measure(col: number, value: PlanValue): void {
    const length = value === null ? 0 : typeof value === "number" ? Math.min(String(value).length, 10) : String(value).length;
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, length + 2));
    this.widths[col] = Math.max(this.widths[col] ?? MIN_WIDTH, width);
  }
}

/**
 * A slug for sheet keys: lower case, accents dropped, words joined by hyphens.
 *
 * @example
 * slugOf("Ana López") // "ana-lopez"
 */
export function slugOf(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "person";
}

const PERCENT_UNITS = new Set(["%", "percent", "percentage", "pct"]);

/**
 * The number format that shows a KPI's figures in its unit: a percentage KPI
 * stored as fractions (75% read as 0.75) as `75%`, one written as whole numbers
 * (75 with the unit %) as `75%` too; `null` (General) for other units.
 *
 * @example
 * unitFormat("%", [0.75, 0.8]) // "0%"
 * unitFormat("%", [0.035]) // "0.0%"
 * unitFormat("percent", [75, 80]) // '0"%"'
 * unitFormat("days", [30]) // null
 */
export function unitFormat(unit: string, values: ReadonlyArray<number | null>): string | null {
  if (!PERCENT_UNITS.has(unit.trim().toLowerCase())) return null;
  const numbers = values.filter((v): v is number => v !== null && Number.isFinite(v));
  // Fractions: every figure within ±1.5 (150%); larger figures are percentages written as whole numbers.
  const fractions = numbers.every((v) => Math.abs(v) <= 1.5);
  const scaled = fractions ? numbers.map((v) => v * 100) : numbers;
  const whole = scaled.every((v) => Math.abs(v - Math.round(v)) < 1e-9);
  const digits = whole ? "0" : "0.0";
  return fractions ? `${digits}%` : `${digits}"%"`;
}
