/**
 * What to write, as data. The use cases (rollup, reviews, templates) describe
 * new sheets with these types; the workbook adapters (Excel and .xlsx) only
 * carry the description out, so both write the same content.
 *
 * Positions are zero-based on the planned sheet. Sheets refer to each other by
 * `key`, because final names are chosen only when writing (a name may be taken).
 */
import type { RangeRef } from "./address";

/**
 * A value to write. Strings are always written as text, even when they start
 * with `=`, `+`, `-` or `@`: text from user cells must never become a formula.
 */
export type PlanValue = string | number | boolean | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** `#RRGGBB`. */
  fontColor?: string;
  /** Background, `#RRGGBB`. */
  fill?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** A thin border under the range (headings) or around it (note areas). */
  border?: "bottom" | "box";
}

/** Plain cells with optional formats and one style for the whole block. */
export interface CellsBlock {
  kind: "cells";
  at: { row: number; col: number };
  values: PlanValue[][];
  /** One format per cell, or `null` for General. Same shape as `values` when given. */
  numberFormats?: Array<Array<string | null>>;
  style?: CellStyle;
}

/**
 * Formulas that Altitude itself builds (never user text), e.g.
 * `=ALTITUDE.OKRSCORE(J2,K2,L2,H2)`.
 */
export interface FormulasBlock {
  kind: "formulas";
  at: { row: number; col: number };
  formulas: string[][];
  numberFormats?: Array<Array<string | null>>;
}

/** An Excel table: a header row, data rows, one format per column. */
export interface TableBlock {
  kind: "table";
  at: { row: number; col: number };
  /** Wanted table name (letters, digits, underscores); writers make it unique in the workbook. */
  name: string;
  headers: string[];
  rows: PlanValue[][];
  /** One number format per column (`null` = General). */
  columnFormats?: Array<string | null>;
  /** Number formats of single data cells by row and column, over `columnFormats` (a KPI's value in its own unit). */
  cellFormats?: Array<Array<string | null>>;
  /** Built-in table style, e.g. `TableStyleMedium2`. */
  style?: string;
}

/** A link to a cell of another planned sheet (or an existing one). */
export interface LinkBlock {
  kind: "link";
  at: { row: number; col: number };
  text: string;
  /** `key` of a planned sheet, or `{ sheet }` for an existing sheet by name. */
  target: { key: string } | { sheet: string };
  /** A1 address on the target sheet; A1 when omitted. */
  cell?: string;
}

/** Colour cells by their text (grades, pace, statuses). */
export interface ConditionalBlock {
  kind: "conditional";
  range: RangeRef;
  rules: Array<{ equals: string; fill: string; fontColor: string }>;
}

/** A native Excel chart over a range of the same sheet (header row and label column included). */
export interface ChartBlock {
  kind: "chart";
  chartType: "bar" | "column" | "pie" | "doughnut";
  title: string;
  data: RangeRef;
  /** Top-left cell the chart is placed over, and its size in cells. */
  at: { row: number; col: number };
  size: { rows: number; cols: number };
  /**
   * Fill of each category's point (slice or bar) in category order, `#RRGGBB`, so a
   * "Green" slice is green whatever the host's palette.
   */
  pointColors?: string[];
}

/** Drop-down validation from a fixed list. */
export interface ValidationBlock {
  kind: "validation";
  range: RangeRef;
  list: string[];
}

export type Block = CellsBlock | FormulasBlock | TableBlock | LinkBlock | ConditionalBlock | ChartBlock | ValidationBlock;

export interface SheetPlan {
  /** Stable id inside one output, e.g. `index` or `person:ana-lopez`, used by links. */
  key: string;
  /** Wanted name; the writer makes it valid and unique (`Rollup 2026-Q3 (2)`). */
  name: string;
  blocks: Block[];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; cols: number };
  /** `#RRGGBB`. */
  tabColor?: string;
}

/** A plan whose every sheet is laid out already: what a rollup or a template plans. */
export interface LaidOutPlan extends OutputPlan {
  sheets: SheetPlan[];
}

/**
 * A sheet whose blocks are laid out only when a writer comes to write it. Its key
 * and wanted name are known up front, so names are chosen and links from other
 * sheets resolve before any block exists; a review plan of 50,000 people then
 * holds one person's cells at a time instead of everyone's.
 */
export interface DeferredSheet {
  key: string;
  name: string;
  /**
   * Lays the sheet out. A writer calls it once, when it reaches the sheet, and lets
   * the result go once the sheet is written. The result's `key` and `name` are
   * replaced by this sheet's (see {@link laidOut}).
   */
  layout(): SheetPlan;
}

/** A sheet of an {@link OutputPlan}: laid out already, or laid out when written. */
export type PlannedSheet = SheetPlan | DeferredSheet;

/** Everything one use case writes, built completely or not at all. */
export interface OutputPlan {
  /** In tab order. Writers lay out each deferred sheet in turn ({@link laidOut}), never all at once. */
  sheets: PlannedSheet[];
  /** Key of the sheet to show when done; the first sheet when omitted. */
  activate?: string;
}

/** Progress of a long write: `done` of `total` sheets. */
export interface Progress {
  done: number;
  total: number;
  /** Name of the sheet just written. */
  sheet: string;
}

/** The outcome of a write: the final name of each planned sheet, by key. */
export interface WriteResult {
  names: Record<string, string>;
}

/**
 * The number format of a table's data cell: its own, else its column's, else `null` (General).
 *
 * @example
 * tableFormatAt({ kind: "table", at: { row: 0, col: 0 }, name: "T", headers: ["A"], rows: [[0.5]], columnFormats: ["0%"] }, 0, 0) // "0%"
 */
export function tableFormatAt(block: TableBlock, row: number, col: number): string | null {
  return block.cellFormats?.[row]?.[col] ?? block.columnFormats?.[col] ?? null;
}

/**
 * The blocks of a planned sheet: a deferred sheet is laid out now (each call lays
 * it out afresh, so the caller decides how long the result lives).
 *
 * @example
 * laidOut({ key: "a", name: "Ana", layout: () => ({ key: "a", name: "Ana", blocks: [] }) }).blocks // []
 */
export function laidOut(sheet: PlannedSheet): SheetPlan {
  if (!("layout" in sheet)) return sheet;
  // The key and name planned up front are the ones names were chosen and links resolved by.
  return { ...sheet.layout(), key: sheet.key, name: sheet.name };
}

/**
 * The plan with every sheet laid out, for a host that takes the whole plan at once
 * as data (a plan sent to a server as JSON): costs the memory of every sheet together.
 *
 * @example
 * laidOutPlan(planReviews(reviews, { period })).sheets.every((s) => "blocks" in s) // true
 */
export function laidOutPlan(plan: OutputPlan): LaidOutPlan {
  return { ...plan, sheets: plan.sheets.map(laidOut) };
}
