/**
 * Carries out an {@link OutputPlan} as SpreadsheetML: each planned sheet becomes
 * a worksheet part (with its tables and charts) that a copy adds to the input's
 * package (xlsx-copy.ts), so nothing of the user's workbook goes through a model
 * and back, or that a new workbook holds (xlsx-new.ts).
 * Names are valid and unique; text is always written as text (inline strings),
 * never as a formula, escaped the way Excel escapes it and cut at Excel's
 * 32,767-character limit with a visible marker.
 */
import { a1, columnLetter, parseA1, rangeA1, type RangeRef } from "../core/address";
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
import { laidOut, tableFormatAt } from "../core/plan";
import { sheetNamer, uniqueTableName } from "../core/sheet-names";
import { WorkbookError } from "./port";
import type { ChartRef, PendingChart } from "./xlsx-charts";
import { NS } from "./xlsx-package";
import { StyleSheet, type CellFormat } from "./xlsx-styles";
import { cutCellText, escapeXmlText } from "./xlsx-xml";

export type { ChartRef, ChartSeries, PendingChart } from "./xlsx-charts";

const LINK_COLOR = "#0563C1";
const DEFAULT_TABLE_STYLE = "TableStyleMedium2";
/** Excel rejects inline validation lists longer than this. */
const MAX_LIST_FORMULA = 255;
/** Excel's grid: 1,048,576 rows by 16,384 columns. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** A table of a planned sheet, as its own part. */
export interface TablePart {
  name: string;
  /** The table's `id`, unique in the workbook. */
  id: number;
  xml: string;
}

/** One planned sheet rendered as a worksheet part, waiting to be added to a package. */
export interface SheetPart {
  name: string;
  state: "visible" | "veryHidden";
  /** The worksheet XML, with `{{drawing}}` where the chart drawing's element goes (empty when none). */
  xml: string;
  tables: TablePart[];
  charts: PendingChart[];
  /** True when the sheet holds formulas, so the copy asks Excel to calculate on open. */
  formulas: boolean;
  /**
   * The targets of the sheet's hyperlinks into another file, one per link, in the
   * order of their relationship ids (which follow the tables' and the drawing's).
   */
  externalLinks: string[];
}

/** What already exists in the workbook that new sheets and tables must not clash with. */
export interface Existing {
  sheetNames: string[];
  /** Table names and defined names, any case. */
  tableNames: string[];
  /** The largest table id in the workbook. */
  maxTableId: number;
}

export interface XlsxWriteResult extends WriteResult {
  sheets: SheetPart[];
}

export interface XlsxWriteOptions {
  /** Called after each sheet is written. */
  onProgress?: (progress: Progress) => void;
  /**
   * Where the sheets that links name by `{ sheet }` live when they are not in the
   * workbook being written: the other file, as a URI relative to this one. Such
   * links become hyperlinks to that file's cell; without it they stay inside.
   */
  linkedWorkbook?: string;
}

/** Where the drawing element goes in a sheet; filled in once the drawing's relationship id is known. */
export const DRAWING_SLOT = "{{drawing}}";

/** One cell being built: its value (or formula) and the parts of its format. */
interface Cell {
  value: PlanValue;
  formula?: string;
  format: CellFormat;
}

/** A hyperlink of the sheet: to a cell of this workbook, or of {@link XlsxWriteOptions.linkedWorkbook} when external. */
interface Link {
  ref: string;
  location: string;
  display: string;
  external: boolean;
}

/** What the blocks of one sheet share while it is written. */
interface SheetBuild {
  name: string;
  names: Record<string, string>;
  cells: Map<number, Map<number, Cell>>;
  columnWidths: number[];
  conditional: string[];
  validations: string[];
  links: Link[];
  /** See {@link XlsxWriteOptions.linkedWorkbook}. */
  linkedWorkbook: string | null;
  tables: Array<{ block: TableBlock; name: string; ref: string; headers: string[] }>;
  charts: ChartBlock[];
  /** Conditional-format priorities must be unique in a sheet. */
  nextPriority: number;
  formulas: boolean;
}

/**
 * Renders the planned sheets as worksheet parts. All or nothing: nothing is added
 * to `existing` or `styles` that a failed plan would leave behind, because the
 * caller adds the parts only when every sheet was rendered.
 *
 * @example
 * const { names, sheets } = renderPlan(plan, { sheetNames: ["OKRs"], tableNames: [], maxTableId: 0 }, styles);
 * names.index // "Rollup 2026-Q3"
 */
export function renderPlan(plan: OutputPlan, existing: Existing, styles: StyleSheet, options: XlsxWriteOptions = {}): XlsxWriteResult {
  const sheets: SheetPart[] = [];
  const rendering = renderSheets(plan, existing, styles, options);
  for (let step = rendering.next(); ; step = rendering.next()) {
    if (step.done) return { names: step.value, sheets };
    sheets.push(step.value);
  }
}

/**
 * Renders the planned sheets one at a time, in tab order: a deferred sheet is laid
 * out when it is reached and its plan is let go once its part is yielded, so only
 * one sheet's cells are alive at a time. Progress is reported when the consumer
 * asks for the next sheet (it has dealt with the last one). The generator returns
 * the final name of every sheet by key; the new formats join `styles` only then,
 * so a consumer that stops early (a failure, a cancelled write) adds nothing.
 *
 * @example
 * const rendering = renderSheets(plan, existing, styles);
 * for (let step = rendering.next(); !step.done; step = rendering.next()) parts.push(packSheet(step.value));
 */
export function* renderSheets(plan: OutputPlan, existing: Existing, styles: StyleSheet, options: XlsxWriteOptions = {}): Generator<SheetPart, Record<string, string>, void> {
  const names = chooseNames(existing.sheetNames, plan);
  const tableNames = new Set(existing.tableNames.map((n) => n.toLowerCase()));
  let tableId = existing.maxTableId;
  const trial = styles.fork();
  const total = plan.sheets.length;
  for (let i = 0; i < total; i++) {
    const sheet = laidOut(plan.sheets[i]);
    const build: SheetBuild = {
      name: names[sheet.key],
      names,
      cells: new Map(),
      columnWidths: sheet.columnWidths ?? [],
      conditional: [],
      validations: [],
      links: [],
      linkedWorkbook: options.linkedWorkbook ?? null,
      tables: [],
      charts: [],
      nextPriority: 1,
      formulas: false,
    };
    for (const block of sheet.blocks) writeBlock(build, block, trial, tableNames);
    const tables = build.tables.map((t) => ({ name: t.name, id: ++tableId, xml: tableXml(t, tableId) }));
    yield {
      name: build.name,
      state: "visible",
      xml: worksheetXml(build, sheet, tables, trial),
      tables,
      charts: build.charts.map((block) => pendingChart(build, block)),
      formulas: build.formulas,
      externalLinks: build.links.flatMap((link) => (link.external && build.linkedWorkbook !== null ? [build.linkedWorkbook] : [])),
    };
    options.onProgress?.({ done: i + 1, total, sheet: build.name });
  }
  styles.adopt(trial);
  return names;
}

/** Final names for every planned sheet, chosen up front so links can point at sheets written later. */
function chooseNames(existing: string[], plan: OutputPlan): Record<string, string> {
  // One namer for the whole plan: a review plan has thousands of sheets.
  const nameOf = sheetNamer(existing);
  const names: Record<string, string> = {};
  for (const sheet of plan.sheets) {
    if (Object.hasOwn(names, sheet.key)) {
      throw new WorkbookError(`The plan has two sheets with the key "${sheet.key}".`, "InvalidArgument");
    }
    names[sheet.key] = nameOf(sheet.name);
  }
  if (plan.activate !== undefined && !Object.hasOwn(names, plan.activate)) {
    throw new WorkbookError(`The plan activates "${plan.activate}", which is not one of its sheets.`, "InvalidArgument");
  }
  return names;
}

function writeBlock(build: SheetBuild, block: Block, styles: StyleSheet, tableNames: Set<string>): void {
  switch (block.kind) {
    case "cells":
      return writeCells(build, block);
    case "formulas":
      return writeFormulas(build, block);
    case "table":
      return writeTable(build, block, tableNames);
    case "link":
      return writeLink(build, block);
    case "conditional":
      return writeConditional(build, block, styles);
    case "validation":
      return writeValidation(build, block);
    case "chart":
      checkChart(block);
      build.charts.push(block);
      return;
    default:
      return unknownBlock(block);
  }
}

function unknownBlock(block: never): never {
  const kind = (block as { kind?: unknown }).kind;
  throw new WorkbookError(`Unknown block kind "${String(kind)}" in the plan.`, "InvalidArgument");
}

function cellAt(build: SheetBuild, row: number, col: number): Cell {
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) {
    throw new WorkbookError(`The plan writes outside the sheet (row ${row + 1}, column ${col + 1}).`, "InvalidArgument");
  }
  let line = build.cells.get(row);
  if (!line) build.cells.set(row, (line = new Map()));
  let cell = line.get(col);
  if (!cell) line.set(col, (cell = { value: null, format: {} }));
  return cell;
}

function writeCells(build: SheetBuild, block: CellsBlock): void {
  const height = block.values.length;
  let width = 0;
  for (const row of block.values) width = Math.max(width, row.length);
  block.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = cellAt(build, block.at.row + r, block.at.col + c);
      cell.value = value;
      cell.formula = undefined;
      const format = block.numberFormats?.[r]?.[c];
      if (format) cell.format.numFmt = format;
      if (block.style) applyStyle(cell.format, block.style, { top: r === 0, bottom: r === height - 1, left: c === 0, right: c === width - 1 });
    }),
  );
}

function writeFormulas(build: SheetBuild, block: FormulasBlock): void {
  block.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      const cell = cellAt(build, block.at.row + r, block.at.col + c);
      const body = formula.replace(/^=/, "");
      cell.value = null;
      cell.formula = body === "" ? undefined : body;
      if (body !== "") build.formulas = true;
      const format = block.numberFormats?.[r]?.[c];
      if (format) cell.format.numFmt = format;
    }),
  );
}

function writeTable(build: SheetBuild, block: TableBlock, tableNames: Set<string>): void {
  if (block.headers.length === 0) throw new WorkbookError(`Table "${block.name}" has no columns.`, "InvalidArgument");
  const theme = block.style ?? DEFAULT_TABLE_STYLE;
  if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(theme)) {
    throw new WorkbookError(`"${theme}" is not a built-in table style.`, "InvalidArgument");
  }
  const name = checkedTableName(block.name, tableNames);
  tableNames.add(name.toLowerCase());
  const width = block.headers.length;
  const headers = uniqueHeaders(block.headers);
  headers.forEach((header, c) => (cellAt(build, block.at.row, block.at.col + c).value = header));
  // Excel needs at least one data row; an empty table gets one blank row.
  const rows = block.rows.length > 0 ? block.rows : [[]];
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const cell = cellAt(build, block.at.row + 1 + r, block.at.col + c);
      cell.value = row[c] ?? null;
      cell.formula = undefined;
      const format = tableFormatAt(block, r, c);
      if (format) cell.format.numFmt = format;
    }
  });
  const ref = rangeA1({ row: block.at.row, col: block.at.col, rows: rows.length + 1, cols: width });
  build.tables.push({ block: { ...block, style: theme }, name, ref, headers });
}

function writeLink(build: SheetBuild, block: LinkBlock): void {
  const sheet = "key" in block.target ? build.names[block.target.key] : block.target.sheet;
  if (sheet === undefined) {
    throw new WorkbookError(`A link points at the sheet key "${"key" in block.target ? block.target.key : ""}", which is not in the plan.`, "InvalidArgument");
  }
  const target = parseA1(block.cell ?? "A1");
  if (!target) throw new WorkbookError(`"${block.cell}" is not a cell address.`, "InvalidArgument");
  const cell = cellAt(build, block.at.row, block.at.col);
  cell.value = block.text;
  cell.formula = undefined;
  cell.format.fontColor = LINK_COLOR;
  cell.format.underline = true;
  build.links.push({
    ref: a1(block.at.row, block.at.col),
    location: `'${sheet.replace(/'/g, "''")}'!${a1(target.row, target.col)}`,
    display: cutCellText(block.text),
    external: "sheet" in block.target && build.linkedWorkbook !== null,
  });
}

function writeConditional(build: SheetBuild, block: ConditionalBlock, styles: StyleSheet): void {
  if (block.rules.length === 0) return;
  const rules = block.rules
    .map((rule) => {
      const dxf = styles.dxf({ fill: rule.fill, fontColor: rule.fontColor });
      const formula = `"${rule.equals.replace(/"/g, '""')}"`;
      return `<cfRule type="cellIs" dxfId="${dxf}" priority="${build.nextPriority++}" operator="equal"><formula>${escapeXmlText(formula)}</formula></cfRule>`;
    })
    .join("");
  build.conditional.push(`<conditionalFormatting sqref="${rangeA1(block.range)}">${rules}</conditionalFormatting>`);
}

function writeValidation(build: SheetBuild, block: ValidationBlock): void {
  if (block.list.length === 0) throw new WorkbookError("A drop-down list has no entries.", "InvalidArgument");
  if (block.list.some((item) => item.includes(","))) {
    throw new WorkbookError(`Drop-down entries cannot contain commas: ${block.list.join(" | ")}.`, "InvalidArgument");
  }
  const formula = `"${block.list.map((item) => item.replace(/"/g, '""')).join(",")}"`;
  if (formula.length > MAX_LIST_FORMULA) {
    throw new WorkbookError(`The drop-down list is longer than Excel allows (${MAX_LIST_FORMULA} characters).`, "InvalidArgument");
  }
  build.validations.push(
    `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${rangeA1(block.range)}"><formula1>${escapeXmlText(formula)}</formula1></dataValidation>`,
  );
}

function checkChart(block: ChartBlock): void {
  if (block.data.rows < 2 || block.data.cols < 1) {
    throw new WorkbookError(`Chart "${block.title}" needs a header row and at least one row of data.`, "InvalidArgument");
  }
}

/**
 * The chart over `block.data`: the first column holds the category labels, each
 * further column one series named by its header (a single column is one series without labels).
 */
function pendingChart(build: SheetBuild, block: ChartBlock): PendingChart {
  const { data } = block;
  const body = { row: data.row + 1, rows: data.rows - 1 };
  const labelled = data.cols >= 2;
  const firstSeries = labelled ? data.col + 1 : data.col;
  const series = Array.from({ length: data.col + data.cols - firstSeries }, (_, i) => {
    const col = firstSeries + i;
    return {
      name: chartRef(build, { row: data.row, col, rows: 1, cols: 1 }),
      values: { ...chartRef(build, { ...body, col, cols: 1 }), format: build.cells.get(body.row)?.get(col)?.format.numFmt ?? "General" },
    };
  });
  return {
    sheet: build.name,
    chartType: block.chartType,
    title: block.title,
    categories: labelled ? chartRef(build, { ...body, col: data.col, cols: 1 }) : null,
    series,
    anchor: {
      from: { row: block.at.row, col: block.at.col },
      to: { row: block.at.row + Math.max(1, block.size.rows), col: block.at.col + Math.max(1, block.size.cols) },
    },
    ...(block.pointColors ? { pointColors: block.pointColors } : {}),
  };
}

function chartRef(build: SheetBuild, range: RangeRef): ChartRef {
  const absolute = rangeA1(range).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const cache: Array<string | number | null> = [];
  forEachCell(range, (row, col) => cache.push(scalar(build.cells.get(row)?.get(col))));
  return { ref: `'${build.name.replace(/'/g, "''")}'!${absolute}`, cache };
}

/** The plain value a chart shows for a cell: formulas have no value until Excel calculates them. */
function scalar(cell: Cell | undefined): string | number | null {
  if (!cell || cell.formula !== undefined) return null;
  const value = cell.value;
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}

function applyStyle(format: CellFormat, style: CellStyle, edge: { top: boolean; bottom: boolean; left: boolean; right: boolean }): void {
  if (style.bold !== undefined) format.bold = style.bold;
  if (style.italic !== undefined) format.italic = style.italic;
  if (style.fontSize !== undefined) format.fontSize = style.fontSize;
  if (style.fontColor !== undefined) format.fontColor = checkedColor(style.fontColor);
  if (style.fill) format.fill = checkedColor(style.fill);
  if (style.wrap !== undefined) format.wrap = style.wrap;
  if (style.align !== undefined) format.align = style.align;
  if (style.border === "bottom" && edge.bottom) format.border = { bottom: true };
  if (style.border === "box" && (edge.top || edge.bottom || edge.left || edge.right)) {
    format.border = { top: edge.top, bottom: edge.bottom, left: edge.left, right: edge.right };
  }
}

function checkedColor(hex: string): string {
  if (!/^#?[0-9a-fA-F]{6}$/.test(hex.trim())) throw new WorkbookError(`"${hex}" is not a #RRGGBB colour.`, "InvalidArgument");
  return hex.trim();
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

/** Excel requires distinct, non-empty header names; repeats are numbered the way Excel numbers them. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, i) => {
    const base = header.trim() === "" ? `Column${i + 1}` : cutCellText(header);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function forEachCell(range: RangeRef, visit: (row: number, col: number) => void): void {
  for (let r = 0; r < Math.max(1, range.rows); r++) {
    for (let c = 0; c < Math.max(1, range.cols); c++) visit(range.row + r, range.col + c);
  }
}

function tableXml(table: SheetBuild["tables"][number], id: number): string {
  const columns = table.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXmlText(h)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS.main}" id="${id}" name="${table.name}" displayName="${table.name}" ref="${table.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${table.ref}"/><tableColumns count="${table.headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${table.block.style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function cellXml(ref: string, cell: Cell, styles: StyleSheet): string {
  const s = styles.cellXf(cell.format);
  const sAttr = s === 0 ? "" : ` s="${s}"`;
  if (cell.formula !== undefined) return `<c r="${ref}"${sAttr}><f>${escapeXmlText(cell.formula)}</f></c>`;
  const value = cell.value;
  if (value === null || value === undefined) return `<c r="${ref}"${sAttr}/>`;
  if (typeof value === "number") {
    return Number.isFinite(value) ? `<c r="${ref}"${sAttr}><v>${value}</v></c>` : `<c r="${ref}"${sAttr} t="e"><v>#NUM!</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
  // Text stays text: an inline string, never a formula, whatever it starts with.
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(cutCellText(String(value)))}</t></is></c>`;
}

function worksheetXml(build: SheetBuild, sheet: SheetPlan, tables: TablePart[], styles: StyleSheet): string {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`];
  if (sheet.tabColor) parts.push(`<sheetPr><tabColor rgb="FF${checkedColor(sheet.tabColor).replace("#", "").toUpperCase()}"/></sheetPr>`);
  const rows = ascending(build.cells.keys());
  let right = 0;
  for (const line of build.cells.values()) for (const col of line.keys()) right = Math.max(right, col);
  parts.push(`<dimension ref="${rows.length ? `A1:${a1(rows[rows.length - 1], right)}` : "A1"}"/>`);
  parts.push(`<sheetViews><sheetView workbookViewId="0">${paneXml(sheet.freeze)}</sheetView></sheetViews>`);
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (build.columnWidths.length > 0) {
    const cols = build.columnWidths
      .map((width, i) => (Number.isFinite(width) && width > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(255, width)}" customWidth="1"/>` : ""))
      .join("");
    if (cols) parts.push(`<cols>${cols}</cols>`);
  }
  parts.push("<sheetData>");
  // A sheet uses a few columns on many rows: each column's letters are worked out once.
  const letters: string[] = [];
  for (const row of rows) {
    const line = build.cells.get(row) as Map<number, Cell>;
    const cols = ascending(line.keys());
    let xml = `<row r="${row + 1}">`;
    for (const col of cols) xml += cellXml(`${(letters[col] ??= columnLetter(col))}${row + 1}`, line.get(col) as Cell, styles);
    parts.push(`${xml}</row>`);
  }
  parts.push("</sheetData>");
  for (const c of build.conditional) parts.push(c);
  if (build.validations.length) parts.push(`<dataValidations count="${build.validations.length}">${build.validations.join("")}</dataValidations>`);
  if (build.links.length) parts.push(`<hyperlinks>${hyperlinksXml(build, tables)}</hyperlinks>`);
  parts.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  parts.push(DRAWING_SLOT);
  if (tables.length) {
    // Relationship ids rId1… are the tables'; the drawing takes the next one.
    parts.push(`<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`);
  }
  parts.push("</worksheet>");
  return parts.join("");
}

/**
 * Row or column numbers in ascending order. Blocks mostly write their cells in
 * order already, so the numbers are sorted only when they are not: sorting every
 * row of every person's sheet was a large share of what writing reviews allocated.
 */
function ascending(numbers: Iterable<number>): number[] {
  const out: number[] = [];
  let sorted = true;
  for (const n of numbers) {
    if (out.length > 0 && n < out[out.length - 1]) sorted = false;
    out.push(n);
  }
  return sorted ? out : out.sort((a, b) => a - b);
}

/**
 * The sheet's `<hyperlink>` elements. A link into another workbook is stored the
 * way ECMA-376 Part 1 §18.3.1.47 (hyperlink) describes: `r:id` names an external
 * relationship of the sheet (§15.3, Hyperlinks: `TargetMode="External"`) whose
 * target is the file, and `location` the sheet and cell inside it
 * (https://learn.microsoft.com/previous-versions/office/cc802445(v=office.14),
 * https://c-rex.net/samples/ooxml/e1/Part3/OOXML_P3_Primer_Relationship_topic_ID0E2BPM.html).
 */
function hyperlinksXml(build: SheetBuild, tables: TablePart[]): string {
  // Relationship ids rId1… are the tables', then the drawing's; external links take the next ones.
  let relId = tables.length + (build.charts.length > 0 ? 1 : 0);
  return build.links
    .map((link) => {
      const rel = link.external ? ` r:id="rId${++relId}"` : "";
      return `<hyperlink ref="${link.ref}"${rel} location="${escapeXmlText(link.location)}" display="${escapeXmlText(link.display)}"/>`;
    })
    .join("");
}

function paneXml(freeze: SheetPlan["freeze"]): string {
  if (!freeze || (freeze.rows <= 0 && freeze.cols <= 0)) return "";
  const pane = freeze.rows > 0 && freeze.cols > 0 ? "bottomRight" : freeze.rows > 0 ? "bottomLeft" : "topRight";
  const split = `${freeze.cols > 0 ? ` xSplit="${freeze.cols}"` : ""}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ""}`;
  return `<pane${split} topLeftCell="${a1(Math.max(0, freeze.rows), Math.max(0, freeze.cols))}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
}
