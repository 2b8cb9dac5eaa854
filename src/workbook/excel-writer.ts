/**
 * Queues one planned sheet's content on an Excel worksheet: whole-range value
 * and format writes (split by payload size, never by row), tables, links,
 * conditional formats, charts, validation and layout. Nothing here syncs;
 * `reserve` decides when a request is full.
 */
import type { RawCell } from "../core/model";
import { a1, columnLetter, quoteSheet, rangeA1 } from "../core/address";
import { tableFormatAt, type Block, type CellStyle, type ChartBlock, type PlanValue, type SheetPlan } from "../core/plan";
import type { ExcelRange, ExcelWorksheet } from "./excel-api";
import type { BatchContext } from "./excel-batch";
import { jsonBytes } from "./json-bytes";
import { WorkbookError } from "./port";

/** Room left in every chunk for the operation wrapped around its arrays. */
const CHUNK_OVERHEAD = 1_000;
/** What a small operation (a format, a link, a rule) adds to a request, generously. */
const SMALL_OPERATION = 300;

/**
 * Text that must reach the cell as the same text. Excel reads a string written
 * through `Range.values` as typed input: `=`, `+` and `-` start a formula
 * ("If the returned value starts with a plus, minus, or equal sign, Excel
 * interprets this value as a formula", Excel.Range.values,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member),
 * and `Jan 2026`, `12:30`, `1 1/2`, `(100)`, `45%`, `TRUE` become dates,
 * times, numbers and booleans, by rules that follow the user's locale (`3.4`
 * is a date in German). The text number format `@` is no guard: the page names
 * no exception for it. The guard Excel documents is a leading apostrophe: it
 * keeps what follows as text, is stored as a prefix rather than in the value,
 * and is not shown ("Stop automatically changing numbers to dates",
 * https://support.microsoft.com/en-us/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8).
 * Since no rule can know every locale's coercions, every non-empty string gets
 * it; text that itself starts with an apostrophe keeps it, after the guard.
 *
 * @example
 * asTypedText("=1+1") // "'=1+1"
 * asTypedText("Jan 2026") // "'Jan 2026"
 * asTypedText("") // ""
 */
export function asTypedText(text: string): string {
  return text === "" ? text : `'${text}`;
}

/** Final names of planned sheets by key, and unique table names for the workbook. */
export interface WriteNames {
  sheets: Record<string, string>;
  table(wanted: string): string;
}

/**
 * Queues everything one planned sheet holds on `sheet` (already added).
 *
 * @example
 * const sheet = context.workbook.worksheets.add("Rollup 2026-Q3");
 * await queueSheet(context, sheet, plan.sheets[0], { sheets: { rollup: "Rollup 2026-Q3" }, table: uniqueTableName });
 * // its values, formats, tables, charts, widths and frozen panes are queued for the next sync
 */
export async function queueSheet(context: BatchContext, sheet: ExcelWorksheet, plan: SheetPlan, names: WriteNames): Promise<void> {
  for (const block of plan.blocks) await queueBlock(context, sheet, block, names);
  await context.reserve(SMALL_OPERATION * ((plan.columnWidths?.length ?? 0) + 2));
  plan.columnWidths?.forEach((chars, col) => {
    const letter = columnLetter(col);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(chars);
  });
  if (plan.freeze) freeze(sheet, plan.freeze.rows, plan.freeze.cols);
  if (plan.tabColor) sheet.tabColor = plan.tabColor;
}

/**
 * Excel sets column widths in points; a width of `n` characters of the default
 * font is `7n + 5` pixels, at 0.75 points per pixel (8.43 characters = 48 pt).
 *
 * @example
 * columnWidthPoints(10) // 56.25
 */
export function columnWidthPoints(chars: number): number {
  return (Math.max(0, chars) * 7 + 5) * 0.75;
}

function freeze(sheet: ExcelWorksheet, rows: number, cols: number): void {
  if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(rangeA1({ row: 0, col: 0, rows, cols }));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (cols > 0) sheet.freezePanes.freezeColumns(cols);
}

const CHART_TYPES = {
  bar: "BarClustered",
  column: "ColumnClustered",
  pie: "Pie",
  doughnut: "Doughnut",
} satisfies Record<ChartBlock["chartType"], string>;

async function queueBlock(context: BatchContext, sheet: ExcelWorksheet, block: Block, names: WriteNames): Promise<void> {
  switch (block.kind) {
    case "cells": {
      await writeValues(context, sheet, block.at, block.values, block.numberFormats);
      const rows = block.values.length;
      const cols = widest(block.values);
      if (block.style && rows > 0 && cols > 0) {
        await context.reserve(SMALL_OPERATION * 8);
        applyStyle(sheet.getRangeByIndexes(block.at.row, block.at.col, rows, cols), block.style);
      }
      return;
    }
    case "formulas":
      await writeFormulas(context, sheet, block.at, block.formulas, block.numberFormats);
      return;
    case "table": {
      const cols = block.headers.length;
      const rows: PlanValue[][] = [block.headers, ...block.rows];
      const formats =
        block.columnFormats || block.cellFormats
          ? [block.headers.map(() => null), ...block.rows.map((_, r) => block.headers.map((_, c) => tableFormatAt(block, r, c)))]
          : undefined;
      await writeValues(context, sheet, block.at, rows, formats);
      await context.reserve(SMALL_OPERATION * 3);
      const bodyRows = Math.max(1, block.rows.length);
      const table = sheet.tables.add(rangeA1({ row: block.at.row, col: block.at.col, rows: bodyRows + 1, cols }), true);
      table.name = names.table(block.name);
      if (block.style) table.style = block.style;
      return;
    }
    case "link": {
      await writeValues(context, sheet, block.at, [[block.text]]);
      const target = "key" in block.target ? names.sheets[block.target.key] : block.target.sheet;
      if (target === undefined) throw new WorkbookError(`The plan links to a sheet it does not write (${JSON.stringify(block.target)}).`, "InvalidPlan");
      await context.reserve(SMALL_OPERATION);
      sheet.getRangeByIndexes(block.at.row, block.at.col, 1, 1).hyperlink = {
        documentReference: `${quoteSheet(target)}!${block.cell ?? "A1"}`,
        textToDisplay: block.text,
      };
      return;
    }
    case "conditional": {
      await context.reserve(SMALL_OPERATION * 3 * block.rules.length);
      const range = sheet.getRange(rangeA1(block.range));
      for (const rule of block.rules) {
        // CellValue "EqualTo" matches the whole text; ContainsText would also colour "Not green".
        const format = range.conditionalFormats.add("CellValue");
        format.cellValue.format.fill.color = rule.fill;
        format.cellValue.format.font.color = rule.fontColor;
        format.cellValue.rule = { formula1: `="${rule.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
      }
      return;
    }
    case "chart": {
      await context.reserve(SMALL_OPERATION * 3);
      const chart = sheet.charts.add(CHART_TYPES[block.chartType], sheet.getRange(rangeA1(block.data)), "Auto");
      chart.title.text = block.title;
      chart.setPosition(a1(block.at.row, block.at.col), a1(block.at.row + Math.max(1, block.size.rows) - 1, block.at.col + Math.max(1, block.size.cols) - 1));
      if (block.pointColors) {
        const points = chart.series.getItemAt(0).points;
        block.pointColors.forEach((color, i) => points.getItemAt(i).format.fill.setSolidColor(color));
      }
      return;
    }
    case "validation":
      await context.reserve(SMALL_OPERATION + jsonBytes(block.list));
      sheet.getRange(rangeA1(block.range)).dataValidation.rule = { list: { inCellDropDown: true, source: block.list.join(",") } };
      return;
  }
}

function applyStyle(range: ExcelRange, style: CellStyle): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.align) format.horizontalAlignment = { left: "Left", center: "Center", right: "Right" }[style.align];
  const edges = style.border === "bottom" ? ["EdgeBottom"] : style.border === "box" ? ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] : [];
  for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
}

/**
 * Writes plan values as one range (or as few row chunks as the payload budget
 * needs), every string behind the apostrophe guard (`asTypedText`) so it lands
 * as the same text, with the given number formats queued before the values.
 *
 * @example
 * await writeValues(context, sheet, { row: 1, col: 0 }, [["=not a formula", 0.5]], [[null, "0%"]])
 * // A2 shows the text =not a formula, B2 shows 50%
 */
export async function writeValues(
  context: BatchContext,
  sheet: ExcelWorksheet,
  at: { row: number; col: number },
  values: PlanValue[][],
  numberFormats?: Array<Array<string | null>>,
): Promise<void> {
  const cols = widest(values);
  if (values.length === 0 || cols === 0) return;
  const cells: Array<Array<RawCell | null>> = values.map((row) => pad(row, cols).map((value) => (typeof value === "string" ? asTypedText(value) : value)));
  const formats = numberFormats?.some((row) => row.some((format) => format !== null)) ? cells.map((row, r) => row.map((_, c) => numberFormats[r]?.[c] ?? null)) : undefined;
  await writeChunks(context, sheet, at, cols, cells, formats, (range, part) => {
    range.values = part;
  });
}

/** Writes Altitude's own formulas (never user text) as one range or a few row chunks. */
async function writeFormulas(
  context: BatchContext,
  sheet: ExcelWorksheet,
  at: { row: number; col: number },
  formulas: string[][],
  numberFormats?: Array<Array<string | null>>,
): Promise<void> {
  const cols = widest(formulas);
  if (formulas.length === 0 || cols === 0) return;
  const cells = formulas.map((row) => padText(row, cols));
  const formats = numberFormats?.map((row) => pad(row, cols));
  await writeChunks(context, sheet, at, cols, cells, formats, (range, part) => {
    range.formulas = part;
  });
}

/** The longest row's length (no spread: a million rows would overflow the stack). */
function widest(rows: unknown[][]): number {
  return rows.reduce((max, row) => Math.max(max, row.length), 0);
}

function pad<T>(row: T[], cols: number): Array<T | null> {
  return row.length === cols ? row : [...row, ...Array<null>(cols - row.length).fill(null)];
}

function padText(row: string[], cols: number): string[] {
  return row.length === cols ? row : [...row, ...Array<string>(cols - row.length).fill("")];
}

async function writeChunks<T>(
  context: BatchContext,
  sheet: ExcelWorksheet,
  at: { row: number; col: number },
  cols: number,
  cells: T[][],
  formats: Array<Array<string | null>> | undefined,
  write: (range: ExcelRange, part: T[][]) => void,
): Promise<void> {
  for (const chunk of rowChunks(cells, formats, context.budgetBytes)) {
    await context.reserve(chunk.bytes);
    const range = sheet.getRangeByIndexes(at.row + chunk.start, at.col, chunk.end - chunk.start, cols);
    const whole = chunk.start === 0 && chunk.end === cells.length;
    if (formats) range.numberFormat = whole ? formats : formats.slice(chunk.start, chunk.end);
    write(range, whole ? cells : cells.slice(chunk.start, chunk.end));
  }
}

interface Chunk {
  start: number;
  end: number;
  bytes: number;
}

/** Consecutive rows grouped so each group's JSON stays within the request budget. */
function rowChunks(cells: unknown[][], formats: unknown[][] | undefined, budgetBytes: number): Chunk[] {
  const budget = budgetBytes - CHUNK_OVERHEAD;
  const chunks: Chunk[] = [];
  let current: Chunk = { start: 0, end: 0, bytes: CHUNK_OVERHEAD };
  for (let r = 0; r < cells.length; r++) {
    const bytes = jsonBytes(cells[r]) + 1 + (formats ? jsonBytes(formats[r]) + 1 : 0);
    if (current.end > current.start && current.bytes + bytes > budget) {
      chunks.push(current);
      current = { start: r, end: r, bytes: CHUNK_OVERHEAD };
    }
    current.end = r + 1;
    current.bytes += bytes;
  }
  chunks.push(current);
  return chunks;
}
