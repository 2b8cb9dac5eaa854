/**
 * The Google Sheets adapter: the workbook port over Apps Script's
 * `SpreadsheetApp`. Apps Script calls are synchronous and each one is a call to
 * Google's servers, so the adapter reads a sheet with one `getValues` and one
 * `getNumberFormats`, and writes each planned block with one setter per
 * attribute. Every sheet it adds is removed again when a later step fails, so
 * an output is written completely or not at all, as in Excel.
 *
 * The methods are synchronous because Apps Script server functions must return
 * their result directly (google.script.run cannot wait on a Promise);
 * {@link sheetsPort} wraps them as the asynchronous port the use cases take.
 */
import { parseA1, type RangeRef } from "../core/address";
import { maxOf } from "../core/collections";
import type { RawCell, SheetData } from "../core/model";
import { laidOut, tableFormatAt, type Block, type CellStyle, type OutputPlan, type PlanValue, type SheetPlan, type WriteResult } from "../core/plan";
import { sheetNamer } from "../core/sheet-names";
import { decodeState, encodeState } from "../workbook/state-codec";
import { STATE_SHEET, WorkbookError, type NumberLocale, type StoredState, type WorkbookPort, type WriteOptions } from "../workbook/port";
import type { FormatDate, SheetsApp, SheetsRange, SheetsSheet, SheetsSpreadsheet, SheetsValue } from "./api";

/**
 * Sheets keeps at most 50,000 characters in a cell
 * (https://support.google.com/docs/answer/37603, "Cells": "Each cell can have at most 50,000 characters").
 */
export const SHEETS_CELL_TEXT_LIMIT = 50_000;
const MS_PER_DAY = 86_400_000;
/** Serial 25569 is 1970-01-01; Sheets counts days from 1899-12-30 as Excel does for modern dates. */
const UNIX_EPOCH_SERIAL = 25_569;
/** A pixel width per character of column width, as Sheets' default font draws digits. */
const PIXELS_PER_CHARACTER = 7;

/**
 * Text from the user's cells must stay text. `Range.setValues` parses strings as if
 * typed: "=…" becomes a formula, "Jan 2026" a date, "(100)" a number
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues,
 * and the Sheets API's USER_ENTERED input option it follows:
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption).
 * A leading apostrophe is the documented way to enter text as typed; Sheets keeps
 * the rest of the string and does not show the apostrophe.
 */
export const TEXT_PREFIX = "'";

/**
 * A value as Altitude writes it to Sheets: strings behind the apostrophe guard and
 * cut to the cell limit with a visible marker; other values as they are.
 *
 * @example
 * guardText("=HYPERLINK(\"x\")") // "'=HYPERLINK(\"x\")"
 * guardText(0.45) // 0.45
 */
export function guardText(value: PlanValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : `${TEXT_PREFIX}#NUM!`;
  if (typeof value === "boolean") return value;
  if (value === "") return "";
  return TEXT_PREFIX + cutText(value, SHEETS_CELL_TEXT_LIMIT - TEXT_PREFIX.length);
}

/**
 * Text cut to `limit` characters with a marker that says how much was left out.
 *
 * @example
 * cutText("abcdef", 100) // "abcdef"
 */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const marker = (left: number) => ` … [cut: ${left} more characters]`;
  const keep = limit - marker(text.length).length;
  return text.slice(0, keep) + marker(text.length - keep);
}

/** The workbook port's operations over one spreadsheet, synchronously. */
export class SheetsWorkbook {
  constructor(
    private readonly app: SheetsApp,
    private readonly formatDate: FormatDate,
  ) {}

  private get book(): SheetsSpreadsheet {
    return this.app.getActiveSpreadsheet();
  }

  /** Names of the visible sheets in tab order, Altitude's state sheet left out. */
  sheetNames(): string[] {
    return this.visibleSheets().map((sheet) => sheet.getName());
  }

  /** Each named sheet (every visible one when omitted) as values and number formats, bounded by its content. */
  readSheets(names?: string[]): SheetData[] {
    const visible = this.visibleSheets();
    const timeZone = this.book.getSpreadsheetTimeZone();
    const chosen = names
      ? names.map((name) => {
          const sheet = visible.find((s) => s.getName().toLowerCase() === name.toLowerCase());
          if (!sheet) throw new WorkbookError(`There is no sheet named "${name}".`, "ItemNotFound");
          return sheet;
        })
      : visible;
    return chosen.map((sheet) => this.readSheet(sheet, timeZone));
  }

  private readSheet(sheet: SheetsSheet, timeZone: string): SheetData {
    const name = sheet.getName();
    if (sheet.getLastRow() === 0 || sheet.getLastColumn() === 0) return { name, values: [], numberFormats: [], origin: { row: 0, col: 0 } };
    const range = sheet.getDataRange();
    const raw = range.getValues();
    const formats = range.getNumberFormats();
    // The data range starts at A1; the used part may start lower or further right.
    let top = -1;
    let bottom = -1;
    let left = Number.POSITIVE_INFINITY;
    let right = -1;
    for (let r = 0; r < raw.length; r++) {
      const row = raw[r];
      for (let c = 0; c < row.length; c++) {
        if (row[c] === "" || row[c] === null) continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    if (top < 0) return { name, values: [], numberFormats: [], origin: { row: 0, col: 0 } };
    const values: RawCell[][] = [];
    const numberFormats: string[][] = [];
    for (let r = top; r <= bottom; r++) {
      const rowValues: RawCell[] = [];
      const rowFormats: string[] = [];
      for (let c = left; c <= right; c++) {
        rowValues.push(this.toRawCell(raw[r][c], timeZone));
        rowFormats.push(formats[r]?.[c] || "General");
      }
      values.push(rowValues);
      numberFormats.push(rowFormats);
    }
    return { name, values, numberFormats, origin: { row: top, col: left } };
  }

  /** A Sheets value in the shape Office.js returns: a date becomes its serial number in the spreadsheet's time zone. */
  private toRawCell(value: SheetsValue, timeZone: string): RawCell {
    if (isDate(value)) return dateToSerial(value, timeZone, this.formatDate);
    if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
    if (typeof value === "string" || typeof value === "boolean") return value;
    return "";
  }

  /**
   * Adds the planned sheets with valid, unique names and writes their blocks. On any
   * failure every sheet added so far is deleted and a {@link WorkbookError} is thrown.
   */
  writeSheets(plan: OutputPlan, options: WriteOptions = {}): WriteResult {
    const book = this.book;
    const added: SheetsSheet[] = [];
    const names: Record<string, string> = {};
    const ids: Record<string, number> = {};
    try {
      const existing = book.getSheets().map((s) => s.getName());
      const nameOf = sheetNamer(existing);
      for (const planned of plan.sheets) {
        const name = nameOf(planned.name);
        // At the end, after the sheets there before and the ones added so far.
        const sheet = book.insertSheet(name, existing.length + added.length);
        added.push(sheet);
        names[planned.key] = name;
        ids[planned.key] = sheet.getSheetId();
      }
      plan.sheets.forEach((planned, index) => {
        writeSheet(this.app, added[index], laidOut(planned), (target) => linkUrl(book, ids, target));
        options.onProgress?.({ done: index + 1, total: plan.sheets.length, sheet: names[planned.key] });
      });
      const shown = plan.activate ? plan.sheets.findIndex((s) => s.key === plan.activate) : 0;
      added[Math.max(0, shown)]?.activate();
      this.app.flush();
      return { names };
    } catch (error) {
      for (const sheet of added.reverse()) {
        try {
          book.deleteSheet(sheet);
        } catch {
          // Keep removing the others; the first failure is the one to report.
        }
      }
      throw asWorkbookError(error);
    }
  }

  /** The settings and mappings kept in the hidden state sheet, or `{}`. */
  readState(): StoredState {
    const sheet = this.book.getSheetByName(STATE_SHEET);
    if (!sheet || sheet.getLastRow() === 0) return {};
    const cells = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
    // The one state codec: a damaged or wrongly shaped state gives the defaults and located problems.
    const { state, problems } = decodeState(cells.map((row) => row[0]));
    return problems.length > 0 ? { ...state, problems } : state;
  }

  /**
   * Replaces the stored state. The sheet is hidden and protected with a warning,
   * since Sheets has no "very hidden" sheets
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#hidesheet).
   */
  writeState(state: StoredState): void {
    const book = this.book;
    const chunks = encodeState(state).map((piece) => [TEXT_PREFIX + piece]);
    const old = book.getSheetByName(STATE_SHEET);
    if (old) book.deleteSheet(old);
    const sheet = book.insertSheet(STATE_SHEET, book.getSheets().length);
    try {
      ensureSize(sheet, chunks.length, 1);
      sheet.getRange(1, 1, chunks.length, 1).setValues(chunks);
      sheet.protect().setWarningOnly(true).setDescription("Altitude's settings and column mappings");
      sheet.hideSheet();
    } catch (error) {
      book.deleteSheet(sheet);
      throw asWorkbookError(error);
    }
  }

  /** How numbers typed as text read in the spreadsheet's locale (`de_DE` writes `1,5`). */
  numberLocale(): NumberLocale | null {
    return localeSeparator(this.book.getSpreadsheetLocale());
  }

  /** Appends rows under the last used row of a sheet (check-ins), as text-guarded values. */
  appendRows(sheetName: string, rows: PlanValue[][], numberFormats?: Array<string | null>): void {
    if (rows.length === 0) return;
    const sheet = this.sheetNamed(sheetName);
    const width = widest(rows);
    const first = sheet.getLastRow() + 1;
    ensureSize(sheet, first - 1 + rows.length, width);
    const range = sheet.getRange(first, 1, rows.length, width);
    range.setValues(rows.map((row) => padRow(row.map(guardText), width)));
    if (numberFormats) {
      range.setNumberFormats(rows.map(() => padRow(numberFormats.map((f) => f ?? AUTOMATIC_FORMAT), width, AUTOMATIC_FORMAT)));
    }
  }

  /** Shows a sheet and selects one of its cells. */
  select(sheetName: string, cell: string): void {
    const sheet = this.sheetNamed(sheetName);
    const at = parseA1(cell);
    if (!at) throw new WorkbookError(`"${cell}" is not a cell address.`, "InvalidArgument");
    sheet.activate();
    sheet.getRange(at.row + 1, at.col + 1, 1, 1).activate();
  }

  sheetNamed(name: string): SheetsSheet {
    const sheet = this.book.getSheetByName(name);
    if (!sheet) throw new WorkbookError(`There is no sheet named "${name}".`, "ItemNotFound");
    return sheet;
  }

  private visibleSheets(): SheetsSheet[] {
    return this.book.getSheets().filter((s) => !s.isSheetHidden() && s.getName() !== STATE_SHEET);
  }
}

/**
 * The asynchronous workbook port over a {@link SheetsWorkbook}, for the use cases.
 *
 * @example
 * const port = sheetsPort(new SheetsWorkbook(SpreadsheetApp, Utilities.formatDate));
 * const sheets = await port.readSheets();
 */
export function sheetsPort(book: SheetsWorkbook): WorkbookPort {
  return {
    sheetNames: async () => book.sheetNames(),
    readSheets: async (names) => book.readSheets(names),
    writeSheets: async (plan, options) => book.writeSheets(plan, options),
    readState: async () => book.readState(),
    writeState: async (state) => book.writeState(state),
    numberLocale: async () => book.numberLocale(),
  };
}

/** The format Sheets reports for a cell left on "Automatic". */
export const AUTOMATIC_FORMAT = "0.###############";

function writeSheet(app: SheetsApp, sheet: SheetsSheet, planned: SheetPlan, link: (target: LinkTarget) => string): void {
  const extent = planExtent(planned);
  ensureSize(sheet, extent.rows, extent.cols);
  const rules = [];
  for (const block of planned.blocks) {
    if (block.kind === "conditional") {
      const range = rangeOf(sheet, block.range);
      for (const rule of block.rules) {
        rules.push(app.newConditionalFormatRule().whenTextEqualTo(rule.equals).setBackground(rule.fill).setFontColor(rule.fontColor).setRanges([range]).build());
      }
    } else {
      writeBlock(app, sheet, block, link);
    }
  }
  if (rules.length > 0) sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().concat(rules));
  planned.columnWidths?.forEach((width, i) => sheet.setColumnWidth(i + 1, Math.round(width * PIXELS_PER_CHARACTER + 5)));
  if (planned.freeze) {
    if (planned.freeze.rows > 0) sheet.setFrozenRows(planned.freeze.rows);
    if (planned.freeze.cols > 0) sheet.setFrozenColumns(planned.freeze.cols);
  }
  if (planned.tabColor) sheet.setTabColor(planned.tabColor);
}

type LinkTarget = Extract<Block, { kind: "link" }>;

function writeBlock(app: SheetsApp, sheet: SheetsSheet, block: Exclude<Block, { kind: "conditional" }>, link: (target: LinkTarget) => string): void {
  switch (block.kind) {
    case "cells": {
      if (block.values.length === 0) return;
      const width = widest(block.values);
      const range = sheet.getRange(block.at.row + 1, block.at.col + 1, block.values.length, width);
      range.setValues(block.values.map((row) => padRow(row.map(guardText), width)));
      if (block.numberFormats) range.setNumberFormats(formatsOf(block.numberFormats, block.values.length, width));
      if (block.style) applyStyle(range, block.style);
      return;
    }
    case "formulas": {
      if (block.formulas.length === 0) return;
      const width = widest(block.formulas);
      const range = sheet.getRange(block.at.row + 1, block.at.col + 1, block.formulas.length, width);
      // Altitude's own formulas, never user text; Sheets names the functions without the ALTITUDE. namespace.
      range.setFormulas(block.formulas.map((row) => padRow(row.map(sheetsFormula), width, "")));
      if (block.numberFormats) range.setNumberFormats(formatsOf(block.numberFormats, block.formulas.length, width));
      return;
    }
    case "table": {
      const width = block.headers.length;
      if (width === 0) return;
      const rows = [block.headers.map(guardText), ...block.rows.map((row) => padRow(row.map(guardText), width))];
      const range = sheet.getRange(block.at.row + 1, block.at.col + 1, rows.length, width);
      range.setValues(rows);
      if ((block.columnFormats || block.cellFormats) && block.rows.length > 0) {
        sheet
          .getRange(block.at.row + 2, block.at.col + 1, block.rows.length, width)
          .setNumberFormats(block.rows.map((_, r) => Array.from({ length: width }, (_, c) => tableFormatAt(block, r, c) ?? AUTOMATIC_FORMAT)));
      }
      sheet.getRange(block.at.row + 1, block.at.col + 1, 1, width).setFontWeight("bold");
      // Sheets has no tables: a banded range is its nearest equivalent.
      range.applyRowBanding();
      return;
    }
    case "link": {
      const text = cutText(block.text, SHEETS_CELL_TEXT_LIMIT);
      sheet.getRange(block.at.row + 1, block.at.col + 1, 1, 1).setRichTextValue(app.newRichTextValue().setText(text).setLinkUrl(link(block)).build());
      return;
    }
    case "chart": {
      const data = rangeOf(sheet, block.data);
      let builder = sheet.newChart();
      builder = block.chartType === "bar" ? builder.asBarChart() : block.chartType === "column" ? builder.asColumnChart() : builder.asPieChart();
      if (block.chartType === "doughnut") builder = builder.setOption("pieHole", 0.5);
      builder = builder
        .addRange(data)
        .setPosition(block.at.row + 1, block.at.col + 1, 0, 0)
        .setOption("title", block.title)
        .setOption("width", block.size.cols * 64)
        .setOption("height", block.size.rows * 21);
      if (block.pointColors && block.pointColors.length > 0) builder = builder.setOption("colors", block.pointColors);
      sheet.insertChart(builder.build());
      return;
    }
    case "validation": {
      rangeOf(sheet, block.range).setDataValidation(app.newDataValidation().requireValueInList(block.list, true).setAllowInvalid(false).build());
      return;
    }
  }
}

/**
 * An Altitude formula as Sheets names its functions: `=ALTITUDE.OKRSCORE(…)` becomes `=OKRSCORE(…)`.
 *
 * @example
 * sheetsFormula("=ALTITUDE.OKRGRADE(P2)") // "=OKRGRADE(P2)"
 */
export function sheetsFormula(formula: string): string {
  return formula.replace(/ALTITUDE\./gi, "");
}

function applyStyle(range: SheetsRange, style: CellStyle): void {
  if (style.bold) range.setFontWeight("bold");
  if (style.italic) range.setFontStyle("italic");
  if (style.fontSize) range.setFontSize(style.fontSize);
  if (style.fontColor) range.setFontColor(style.fontColor);
  if (style.fill) range.setBackground(style.fill);
  if (style.wrap) range.setWrap(true);
  if (style.align) range.setHorizontalAlignment(style.align);
  if (style.border === "bottom") range.setBorder(null, null, true, null, null, null);
  if (style.border === "box") range.setBorder(true, true, true, true, null, null);
}

/** `#gid=…&range=A1`: a link to a cell of a sheet of the same spreadsheet. */
function linkUrl(book: SheetsSpreadsheet, ids: Record<string, number>, block: LinkTarget): string {
  let id: number | undefined;
  if ("key" in block.target) id = ids[block.target.key];
  else {
    const name = block.target.sheet;
    id = book.getSheetByName(name)?.getSheetId();
  }
  if (id === undefined) throw new WorkbookError(`A link points to a sheet that is not there: ${JSON.stringify(block.target)}.`, "ItemNotFound");
  return `#gid=${id}&range=${block.cell ?? "A1"}`;
}

/** Rows and columns a planned sheet needs, so the new sheet can be grown once. */
function planExtent(planned: SheetPlan): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  const cover = (row: number, col: number, height: number, width: number) => {
    if (row + height > rows) rows = row + height;
    if (col + width > cols) cols = col + width;
  };
  for (const block of planned.blocks) {
    switch (block.kind) {
      case "cells":
        cover(block.at.row, block.at.col, block.values.length, widest(block.values));
        break;
      case "formulas":
        cover(block.at.row, block.at.col, block.formulas.length, widest(block.formulas));
        break;
      case "table":
        cover(block.at.row, block.at.col, block.rows.length + 1, block.headers.length);
        break;
      case "link":
        cover(block.at.row, block.at.col, 1, 1);
        break;
      case "chart":
        cover(block.data.row, block.data.col, block.data.rows, block.data.cols);
        cover(block.at.row, block.at.col, block.size.rows, block.size.cols);
        break;
      case "conditional":
      case "validation":
        cover(block.range.row, block.range.col, block.range.rows, block.range.cols);
        break;
    }
  }
  if (planned.columnWidths && planned.columnWidths.length > cols) cols = planned.columnWidths.length;
  return { rows, cols };
}

/**
 * Grows a sheet to at least `rows` × `cols`: `getRange` outside a sheet's grid fails
 * ("The coordinates of the range are outside the dimensions of the sheet").
 */
function ensureSize(sheet: SheetsSheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

function rangeOf(sheet: SheetsSheet, ref: RangeRef): SheetsRange {
  return sheet.getRange(ref.row + 1, ref.col + 1, Math.max(1, ref.rows), Math.max(1, ref.cols));
}

function widest(rows: ReadonlyArray<ReadonlyArray<unknown>>): number {
  return Math.max(1, maxOf(rows, (row) => row.length, 0));
}

function padRow<T>(row: T[], width: number, fill?: T): T[] {
  if (row.length >= width) return row;
  const padded = row.slice();
  while (padded.length < width) padded.push((fill ?? "") as T);
  return padded;
}

function formatsOf(formats: Array<Array<string | null>>, rows: number, width: number): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) out.push(padRow((formats[r] ?? []).map((f) => f ?? AUTOMATIC_FORMAT), width, AUTOMATIC_FORMAT));
  return out;
}

/**
 * The serial number of a date as the spreadsheet shows it: the wall-clock date and
 * time in the spreadsheet's time zone, which is how Sheets stores it
 * (https://developers.google.com/apps-script/guides/sheets/functions#data_types:
 * dates arrive as JavaScript Date objects in the spreadsheet's time zone).
 *
 * @example
 * dateToSerial(new Date("2026-07-01T00:00:00+02:00"), "Europe/Berlin", formatDate) // 46204
 */
export function dateToSerial(date: Date, timeZone: string, formatDate: FormatDate): number | string {
  if (!Number.isFinite(date.getTime())) return "#VALUE!";
  const wall = formatDate(date, timeZone, "yyyy-MM-dd'T'HH:mm:ss.SSS");
  const ms = Date.parse(`${wall}Z`);
  if (!Number.isFinite(ms)) return "#VALUE!";
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Locales whose decimal mark is a comma, by language (and a few by region). */
const COMMA_LANGUAGES = new Set(["de", "fr", "es", "it", "pt", "nl", "ru", "pl", "cs", "sk", "sv", "da", "nb", "no", "fi", "tr", "id", "ro", "hu", "uk", "el", "bg", "hr", "sl", "lt", "lv", "et", "vi", "ca"]);
const DOT_REGIONS = new Set(["CH", "MX", "PR"]);

/**
 * The decimal mark of a spreadsheet locale such as `en_US` or `de_DE`; `null` when unknown.
 *
 * @example
 * localeSeparator("de_DE") // { decimalSeparator: "," }
 * localeSeparator("en_GB") // { decimalSeparator: "." }
 */
export function localeSeparator(locale: string): NumberLocale | null {
  const match = /^([a-z]{2,3})(?:[_-]([A-Z]{2}))?/i.exec(locale.trim());
  if (!match) return null;
  const language = match[1].toLowerCase();
  const region = match[2]?.toUpperCase();
  if (COMMA_LANGUAGES.has(language) && !(region && DOT_REGIONS.has(region) && language !== "fr")) return { decimalSeparator: "," };
  return { decimalSeparator: "." };
}

function asWorkbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new WorkbookError(`Google Sheets refused the change: ${message}`, "SheetsError");
}

/**
 * Whether a value is a Date. Checked by its tag rather than `instanceof`, which fails
 * for a Date made in another JavaScript realm (another frame, or a sandbox).
 *
 * @example
 * isDate(new Date()) // true
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}
