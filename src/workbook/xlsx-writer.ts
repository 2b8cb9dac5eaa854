/**
 * Carries out an {@link OutputPlan} on an ExcelJS workbook: new sheets with
 * valid, unique names, all or nothing. Text is always written as text, never as
 * a formula. Charts cannot be written by ExcelJS; they are returned as
 * {@link PendingChart}s for {@link addChartsToXlsx} to add after saving.
 */
import type ExcelJS from "exceljs";
import { a1, parseA1, rangeA1, type RangeRef } from "../core/address";
import type {
  Block,
  CellStyle,
  CellsBlock,
  ChartBlock,
  ConditionalBlock,
  FormulasBlock,
  LinkBlock,
  OutputPlan,
  PlanValue,
  Progress,
  SheetPlan,
  TableBlock,
  ValidationBlock,
  WriteResult,
} from "../core/plan";
import { uniqueSheetName, uniqueTableName } from "../core/sheet-names";
import { WorkbookError } from "./port";
import type { ChartRef, PendingChart } from "./xlsx-charts";

export { addChartsToXlsx } from "./xlsx-charts";
export type { ChartRef, ChartSeries, PendingChart } from "./xlsx-charts";

/** The final sheet names by key, and the charts to add once the workbook is saved. */
export interface XlsxWriteResult extends WriteResult {
  charts: PendingChart[];
}

export interface XlsxWriteOptions {
  /** Called after each sheet is written. */
  onProgress?: (progress: Progress) => void;
}

const LINK_COLOR = "FF0563C1";
const DEFAULT_TABLE_STYLE = "TableStyleMedium2";
/** Excel rejects inline validation lists longer than this. */
const MAX_LIST_FORMULA = 255;

/** A sheet view as ExcelJS stores it; `tabSelected` exists at run time but not in its typings. */
type SheetView = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };

/** What the blocks of one sheet share while it is written. */
interface SheetContext {
  names: Record<string, string>;
  tableNames: Set<string>;
  /** Conditional-format priorities must be unique in a sheet. */
  nextPriority: number;
}

/**
 * Adds the planned sheets to the workbook. All or nothing: on any error the sheets
 * added so far are removed, the workbook's views restored, and the error rethrown.
 *
 * @example
 * const { names, charts } = writePlanToWorkbook(workbook, plan);
 * names.index // "Rollup 2026-Q3 (2)" when "Rollup 2026-Q3" was taken
 */
export function writePlanToWorkbook(
  workbook: ExcelJS.Workbook,
  plan: OutputPlan,
  options: XlsxWriteOptions = {},
): XlsxWriteResult {
  const names = chooseNames(workbook, plan);
  const existing = workbook.worksheets;
  const savedViews = existing.map((ws) => ws.views);
  const savedBookViews = workbook.views;
  const added: ExcelJS.Worksheet[] = [];
  const tableNames = existingTableNames(workbook);
  try {
    const charts: PendingChart[] = [];
    plan.sheets.forEach((sheet, i) => {
      const ws = workbook.addWorksheet(names[sheet.key]);
      added.push(ws);
      const context: SheetContext = { names, tableNames, nextPriority: 1 };
      writeSheet(ws, sheet, context);
      for (const block of sheet.blocks) if (isChart(block)) charts.push(pendingChart(ws, block));
      options.onProgress?.({ done: i + 1, total: plan.sheets.length, sheet: ws.name });
    });
    const active = plan.activate === undefined ? added[0] : added[plan.sheets.findIndex((s) => s.key === plan.activate)];
    if (active) activate(workbook, active);
    return { names, charts };
  } catch (error) {
    for (const ws of added) workbook.removeWorksheet(ws.id);
    existing.forEach((ws, i) => (ws.views = savedViews[i]));
    workbook.views = savedBookViews;
    throw error;
  }
}

/** Final names for every planned sheet, chosen up front so links can point at sheets written later. */
function chooseNames(workbook: ExcelJS.Workbook, plan: OutputPlan): Record<string, string> {
  const taken = workbook.worksheets.map((ws) => ws.name);
  const names: Record<string, string> = {};
  for (const sheet of plan.sheets) {
    if (Object.hasOwn(names, sheet.key)) {
      throw new WorkbookError(`The plan has two sheets with the key "${sheet.key}".`, "InvalidArgument");
    }
    const name = uniqueSheetName(sheet.name, taken);
    names[sheet.key] = name;
    taken.push(name);
  }
  if (plan.activate !== undefined && !Object.hasOwn(names, plan.activate)) {
    throw new WorkbookError(`The plan activates "${plan.activate}", which is not one of its sheets.`, "InvalidArgument");
  }
  return names;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetPlan, context: SheetContext): void {
  for (const block of sheet.blocks) writeBlock(ws, block, context);
  sheet.columnWidths?.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
}

function writeBlock(ws: ExcelJS.Worksheet, block: Block, context: SheetContext): void {
  switch (block.kind) {
    case "cells":
      return writeCells(ws, block);
    case "formulas":
      return writeFormulas(ws, block);
    case "table":
      return writeTable(ws, block, context);
    case "link":
      return writeLink(ws, block, context);
    case "conditional":
      return writeConditional(ws, block, context);
    case "validation":
      return writeValidation(ws, block);
    case "chart":
      // Charts read the finished cells for their cached values, so they are collected after the sheet is written.
      return checkChart(block);
    default:
      return unknownBlock(block);
  }
}

function unknownBlock(block: never): never {
  const kind = (block as { kind?: unknown }).kind;
  throw new WorkbookError(`Unknown block kind "${String(kind)}" in the plan.`, "InvalidArgument");
}

function writeCells(ws: ExcelJS.Worksheet, block: CellsBlock): void {
  const height = block.values.length;
  let width = 0;
  for (const row of block.values) width = Math.max(width, row.length);
  block.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = ws.getCell(block.at.row + r + 1, block.at.col + c + 1);
      cell.value = cellValue(value);
      const format = block.numberFormats?.[r]?.[c];
      if (format) cell.numFmt = format;
      if (block.style) applyStyle(cell, block.style, { top: r === 0, bottom: r === height - 1, left: c === 0, right: c === width - 1 });
    }),
  );
}

function writeFormulas(ws: ExcelJS.Worksheet, block: FormulasBlock): void {
  block.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      const cell = ws.getCell(block.at.row + r + 1, block.at.col + c + 1);
      const body = formula.replace(/^=/, "");
      cell.value = body === "" ? null : { formula: body };
      const format = block.numberFormats?.[r]?.[c];
      if (format) cell.numFmt = format;
    }),
  );
}

function writeTable(ws: ExcelJS.Worksheet, block: TableBlock, context: SheetContext): void {
  if (block.headers.length === 0) throw new WorkbookError(`Table "${block.name}" has no columns.`, "InvalidArgument");
  const name = checkedTableName(block.name, context.tableNames);
  const width = block.headers.length;
  // Excel needs at least one data row; an empty table gets one blank row.
  const rows = (block.rows.length > 0 ? block.rows : [[]]).map((row) =>
    Array.from({ length: width }, (_, c) => cellValue(row[c] ?? null)),
  );
  const theme = block.style ?? DEFAULT_TABLE_STYLE;
  if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(theme)) {
    throw new WorkbookError(`"${theme}" is not a built-in table style.`, "InvalidArgument");
  }
  ws.addTable({
    name,
    displayName: name,
    ref: a1(block.at.row, block.at.col),
    headerRow: true,
    style: { theme: theme as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: uniqueHeaders(block.headers).map((header) => ({ name: header, filterButton: true })),
    rows,
  });
  context.tableNames.add(name.toLowerCase());
  block.columnFormats?.forEach((format, c) => {
    if (!format) return;
    for (let r = 0; r < rows.length; r++) ws.getCell(block.at.row + 2 + r, block.at.col + c + 1).numFmt = format;
  });
}

function writeLink(ws: ExcelJS.Worksheet, block: LinkBlock, context: SheetContext): void {
  const sheet = "key" in block.target ? context.names[block.target.key] : block.target.sheet;
  if (sheet === undefined) {
    throw new WorkbookError(`A link points at the sheet key "${"key" in block.target ? block.target.key : ""}", which is not in the plan.`, "InvalidArgument");
  }
  const target = parseA1(block.cell ?? "A1");
  if (!target) throw new WorkbookError(`"${block.cell}" is not a cell address.`, "InvalidArgument");
  const cell = ws.getCell(block.at.row + 1, block.at.col + 1);
  cell.value = { text: block.text, hyperlink: `#'${sheet.replace(/'/g, "''")}'!${a1(target.row, target.col)}` };
  cell.font = { color: { argb: LINK_COLOR }, underline: true };
}

function writeConditional(ws: ExcelJS.Worksheet, block: ConditionalBlock, context: SheetContext): void {
  if (block.rules.length === 0) return;
  ws.addConditionalFormatting({
    ref: rangeA1(block.range),
    rules: block.rules.map((rule) => ({
      type: "cellIs",
      operator: "equal",
      formulae: [`"${rule.equals.replace(/"/g, '""')}"`],
      priority: context.nextPriority++,
      style: {
        // Differential fills take the colour from bgColor, unlike cell fills.
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
        font: { color: { argb: argb(rule.fontColor) } },
      },
    })),
  });
}

function writeValidation(ws: ExcelJS.Worksheet, block: ValidationBlock): void {
  if (block.list.length === 0) throw new WorkbookError("A drop-down list has no entries.", "InvalidArgument");
  if (block.list.some((item) => item.includes(","))) {
    throw new WorkbookError(`Drop-down entries cannot contain commas: ${block.list.join(" | ")}.`, "InvalidArgument");
  }
  const formula = `"${block.list.map((item) => item.replace(/"/g, '""')).join(",")}"`;
  if (formula.length > MAX_LIST_FORMULA) {
    throw new WorkbookError(`The drop-down list is longer than Excel allows (${MAX_LIST_FORMULA} characters).`, "InvalidArgument");
  }
  forEachCell(block.range, (row, col) => {
    ws.getCell(row + 1, col + 1).dataValidation = {
      type: "list",
      allowBlank: true,
      showErrorMessage: true,
      formulae: [formula],
    };
  });
}

function checkChart(block: ChartBlock): void {
  if (block.data.rows < 2 || block.data.cols < 1) {
    throw new WorkbookError(`Chart "${block.title}" needs a header row and at least one row of data.`, "InvalidArgument");
  }
}

function isChart(block: Block): block is ChartBlock {
  return block.kind === "chart";
}

/**
 * The chart over `block.data`: the first column holds the category labels, each
 * further column one series named by its header (a single column is one series without labels).
 */
function pendingChart(ws: ExcelJS.Worksheet, block: ChartBlock): PendingChart {
  const { data } = block;
  const sheet = ws.name;
  const body = { row: data.row + 1, rows: data.rows - 1 };
  const labelled = data.cols >= 2;
  const firstSeries = labelled ? data.col + 1 : data.col;
  const series = Array.from({ length: data.col + data.cols - firstSeries }, (_, i) => {
    const col = firstSeries + i;
    return {
      name: chartRef(ws, sheet, { row: data.row, col, rows: 1, cols: 1 }),
      values: { ...chartRef(ws, sheet, { ...body, col, cols: 1 }), format: numberFormatOf(ws, body.row, col) },
    };
  });
  return {
    sheet,
    chartType: block.chartType,
    title: block.title,
    categories: labelled ? chartRef(ws, sheet, { ...body, col: data.col, cols: 1 }) : null,
    series,
    anchor: {
      from: { row: block.at.row, col: block.at.col },
      to: { row: block.at.row + Math.max(1, block.size.rows), col: block.at.col + Math.max(1, block.size.cols) },
    },
    ...(block.pointColors ? { pointColors: block.pointColors } : {}),
  };
}

/** The number format of a column's first data cell, or General. */
function numberFormatOf(ws: ExcelJS.Worksheet, row: number, col: number): string {
  return ws.getCell(row + 1, col + 1).numFmt || "General";
}

function chartRef(ws: ExcelJS.Worksheet, sheet: string, range: RangeRef): ChartRef {
  const absolute = rangeA1(range).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const cache: Array<string | number | null> = [];
  forEachCell(range, (row, col) => cache.push(scalar(ws.getCell(row + 1, col + 1).value)));
  return { ref: `'${sheet.replace(/'/g, "''")}'!${absolute}`, cache };
}

/** The plain value a chart shows for a cell: formulas by their last result, links by their text. */
function scalar(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("result" in value) return value.result === undefined || typeof value.result === "object" ? null : scalar(value.result);
  if ("text" in value) return value.text;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  return null;
}

/** Text stays text: a plain string is always stored as a string cell, whatever it starts with. */
function cellValue(value: PlanValue): ExcelJS.CellValue {
  if (typeof value === "number" && !Number.isFinite(value)) return { error: "#NUM!" };
  return value;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle, edge: { top: boolean; bottom: boolean; left: boolean; right: boolean }): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
    cell.font = {
      ...(style.bold !== undefined && { bold: style.bold }),
      ...(style.italic !== undefined && { italic: style.italic }),
      ...(style.fontSize !== undefined && { size: style.fontSize }),
      ...(style.fontColor !== undefined && { color: { argb: argb(style.fontColor) } }),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.align !== undefined) {
    cell.alignment = {
      ...(style.wrap !== undefined && { wrapText: style.wrap }),
      ...(style.align !== undefined && { horizontal: style.align }),
    };
  }
  const thin: Partial<ExcelJS.Border> = { style: "thin" };
  if (style.border === "bottom" && edge.bottom) cell.border = { bottom: { ...thin } };
  if (style.border === "box" && (edge.top || edge.bottom || edge.left || edge.right)) {
    cell.border = {
      ...(edge.top && { top: { ...thin } }),
      ...(edge.bottom && { bottom: { ...thin } }),
      ...(edge.left && { left: { ...thin } }),
      ...(edge.right && { right: { ...thin } }),
    };
  }
}

/** `#1F6FEB` → `FF1F6FEB`. */
function argb(hex: string): string {
  const match = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!match) throw new WorkbookError(`"${hex}" is not a #RRGGBB colour.`, "InvalidArgument");
  return `FF${match[1].toUpperCase()}`;
}

/**
 * A table name Excel accepts and no other table or defined name uses. A plan names
 * its tables with letters, digits and underscores; anything else is a broken plan.
 */
function checkedTableName(wanted: string, taken: Set<string>): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(wanted)) {
    throw new WorkbookError(
      `"${wanted}" is not a valid table name: use letters, digits and underscores, starting with a letter.`,
      "InvalidArgument",
    );
  }
  return uniqueTableName(wanted, taken);
}

/** Table names and defined names already in the workbook, lower-cased: a table name must differ from all. */
function existingTableNames(workbook: ExcelJS.Workbook): Set<string> {
  const names = new Set<string>();
  for (const ws of workbook.worksheets) {
    for (const table of Object.values(tablesOf(ws))) names.add(tableName(table).toLowerCase());
  }
  for (const defined of definedNames(workbook)) names.add(defined.toLowerCase());
  return names;
}

/** ExcelJS keeps a sheet's tables in `tables` by name; its typings only expose `getTables()` with a wrong type. */
function tablesOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const tables: unknown = (ws as unknown as { tables?: unknown }).tables;
  return tables && typeof tables === "object" ? (tables as Record<string, unknown>) : {};
}

function tableName(table: unknown): string {
  if (table && typeof table === "object" && "name" in table && typeof table.name === "string") return table.name;
  return "";
}

function definedNames(workbook: ExcelJS.Workbook): string[] {
  const model: unknown = (workbook.definedNames as unknown as { model?: unknown }).model;
  if (!Array.isArray(model)) return [];
  return model.flatMap((entry: unknown) =>
    entry && typeof entry === "object" && "name" in entry && typeof entry.name === "string" ? [entry.name] : [],
  );
}

/** Excel requires distinct, non-empty header names; repeats are numbered the way Excel numbers them. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, i) => {
    const base = header.trim() === "" ? `Column${i + 1}` : header;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Shows the sheet when the file opens, with it alone selected (two selected tabs would group them for editing). */
function activate(workbook: ExcelJS.Workbook, active: ExcelJS.Worksheet): void {
  for (const ws of workbook.worksheets) {
    // A loaded sheet without a <sheetViews> element has null views, despite ExcelJS's typings.
    const views: SheetView[] = ws.views ?? [];
    if (ws === active) ws.views = views.length > 0 ? views.map((view, i) => ({ ...view, tabSelected: i === 0 })) : [{ tabSelected: true }];
    else if (views.some((view) => view.tabSelected)) ws.views = views.map((view) => ({ ...view, tabSelected: false }));
  }
  const activeTab = workbook.worksheets.indexOf(active);
  // A loaded workbook without <bookViews> has undefined views, despite ExcelJS's typings.
  const views: ExcelJS.WorkbookView[] = workbook.views ?? [];
  const [first] = views;
  workbook.views = [
    first
      ? { ...first, activeTab, firstSheet: Math.min(first.firstSheet ?? 0, activeTab) }
      : { x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab, visibility: "visible" },
    ...views.slice(1),
  ];
}

function forEachCell(range: RangeRef, visit: (row: number, col: number) => void): void {
  for (let r = 0; r < Math.max(1, range.rows); r++) {
    for (let c = 0; c < Math.max(1, range.cols); c++) visit(range.row + r, range.col + c);
  }
}
