/**
 * An in-memory Google Sheets: the parts of `SpreadsheetApp` the Sheets adapter
 * uses (see `src/sheets/api.ts`), for the tests and the sidebar's offline
 * preview. Each behaviour the product relies on follows Google's documentation,
 * cited where it is imitated; where Sheets refuses or changes something, so does
 * the stand-in. It also counts calls, since each Apps Script call is a round trip
 * to Google's servers.
 */
import type {
  FormatDate,
  SheetsApp,
  SheetsChart,
  SheetsChartBuilder,
  SheetsConditionalFormatBuilder,
  SheetsConditionalFormatRule,
  SheetsDataValidation,
  SheetsDataValidationBuilder,
  SheetsProtection,
  SheetsRange,
  SheetsRichTextBuilder,
  SheetsRichTextValue,
  SheetsSheet,
  SheetsSpreadsheet,
  SheetsValue,
} from "../../sheets/api";
import { parseUserEntered } from "./user-entered";

/**
 * "Spreadsheets: up to 10 million cells" (https://support.google.com/drive/answer/37603).
 * A change past it fails with this message.
 */
export const CELL_LIMIT = 10_000_000;
/** "Each cell can have at most 50,000 characters" (same page). */
export const CELL_TEXT_LIMIT = 50_000;
/** A new sheet has 1,000 rows and 26 columns. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
/** What `getNumberFormat()` returns for a cell on "Automatic". */
export const AUTOMATIC = "0.###############";

interface Cell {
  value: SheetsValue;
  formula?: string;
  format?: string;
  link?: string;
  style: Record<string, unknown>;
  validation?: SheetsDataValidation;
}

export interface StandInChart {
  type: "bar" | "column" | "pie";
  ranges: string[];
  position: { row: number; column: number };
  options: Record<string, unknown>;
}

/** Every service call made, by method name, so tests can check how often the adapter calls Google. */
export type CallLog = Record<string, number>;

class StandInSpreadsheet implements SheetsSpreadsheet {
  readonly sheets: StandInSheet[] = [];
  private nextId = 0;
  /** Fails the n-th call of a method, to test that failures leave nothing behind. */
  failOn: { method: string; after: number; message: string } | null = null;

  constructor(
    readonly calls: CallLog,
    readonly timeZone: string,
    readonly locale: string,
  ) {}

  count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    if (this.failOn && this.failOn.method === method) {
      if (this.failOn.after <= 0) {
        const message = this.failOn.message;
        this.failOn = null;
        throw new Error(message);
      }
      this.failOn.after--;
    }
  }

  totalCells(): number {
    let total = 0;
    for (const sheet of this.sheets) total += sheet.maxRows * sheet.maxColumns;
    return total;
  }

  checkGrowth(extra: number): void {
    if (this.totalCells() + extra > CELL_LIMIT) {
      throw new Error(`This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`);
    }
  }

  getSheets(): SheetsSheet[] {
    this.count("getSheets");
    return this.sheets.slice();
  }

  getSheetByName(name: string): SheetsSheet | null {
    this.count("getSheetByName");
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  /**
   * Sheet names are unique whatever their case: "A sheet with the name … already exists"
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname,-sheetindex).
   */
  insertSheet(sheetName: string, sheetIndex: number): SheetsSheet {
    this.count("insertSheet");
    if (this.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase())) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    this.checkGrowth(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const sheet = new StandInSheet(this, sheetName, this.nextId++);
    this.sheets.splice(Math.max(0, Math.min(sheetIndex, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /** A spreadsheet keeps at least one sheet: deleting the last one fails. */
  deleteSheet(sheet: SheetsSheet): void {
    this.count("deleteSheet");
    const index = this.sheets.indexOf(sheet as StandInSheet);
    if (index < 0) throw new Error("Sheet not found.");
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(index, 1);
  }

  getSpreadsheetTimeZone(): string {
    this.count("getSpreadsheetTimeZone");
    return this.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.count("getSpreadsheetLocale");
    return this.locale;
  }
}

export class StandInSheet implements SheetsSheet {
  readonly cells = new Map<string, Cell>();
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  hidden = false;
  frozen = { rows: 0, columns: 0 };
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  readonly charts: StandInChart[] = [];
  conditionalRules: SheetsConditionalFormatRule[] = [];
  bandings: string[] = [];
  protection: { warningOnly: boolean; description: string } | null = null;

  constructor(
    readonly book: StandInSpreadsheet,
    readonly name: string,
    readonly id: number,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.cells.get(`${row},${column}`);
  }

  cellFor(row: number, column: number): Cell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", style: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  getName(): string {
    this.book.count("getName");
    return this.name;
  }

  getSheetId(): number {
    this.book.count("getSheetId");
    return this.id;
  }

  isSheetHidden(): boolean {
    this.book.count("isSheetHidden");
    return this.hidden;
  }

  /** Hiding the only visible sheet fails, as in Sheets. */
  hideSheet(): SheetsSheet {
    this.book.count("hideSheet");
    if (this.book.sheets.filter((s) => !s.hidden && s !== this).length === 0) throw new Error("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }

  /** Last row / column holding content; 0 on an empty sheet. */
  getLastRow(): number {
    this.book.count("getLastRow");
    return this.extent().rows;
  }

  getLastColumn(): number {
    this.book.count("getLastColumn");
    return this.extent().columns;
  }

  extent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && !cell.formula) continue;
      const [r, c] = key.split(",").map(Number);
      if (r > rows) rows = r;
      if (c > columns) columns = c;
    }
    return { rows, columns };
  }

  getMaxRows(): number {
    this.book.count("getMaxRows");
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.book.count("getMaxColumns");
    return this.maxColumns;
  }

  /** From A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): SheetsRange {
    this.book.count("getDataRange");
    const { rows, columns } = this.extent();
    return new StandInRange(this, 1, 1, Math.max(1, rows), Math.max(1, columns));
  }

  /** "The coordinates of the range are outside the dimensions of the sheet" past the grid. */
  getRange(row: number, column: number, numRows: number, numColumns: number): SheetsRange {
    this.book.count("getRange");
    if (!(row >= 1 && column >= 1 && numRows >= 1 && numColumns >= 1) || row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new StandInRange(this, row, column, numRows, numColumns);
  }

  insertRowsAfter(_afterPosition: number, howMany: number): SheetsSheet {
    this.book.count("insertRowsAfter");
    this.book.checkGrowth(howMany * this.maxColumns);
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(_afterPosition: number, howMany: number): SheetsSheet {
    this.book.count("insertColumnsAfter");
    this.book.checkGrowth(howMany * this.maxRows);
    this.maxColumns += howMany;
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.book.count("deleteRows");
    this.maxRows = Math.max(1, this.maxRows - howMany);
    for (const key of [...this.cells.keys()]) {
      const r = Number(key.split(",")[0]);
      if (r >= rowPosition && r < rowPosition + howMany) this.cells.delete(key);
    }
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.book.count("deleteColumns");
    this.maxColumns = Math.max(1, this.maxColumns - howMany);
    for (const key of [...this.cells.keys()]) {
      const c = Number(key.split(",")[1]);
      if (c >= columnPosition && c < columnPosition + howMany) this.cells.delete(key);
    }
  }

  setColumnWidth(columnPosition: number, width: number): SheetsSheet {
    this.book.count("setColumnWidth");
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.book.count("setFrozenRows");
    this.frozen.rows = rows;
  }

  setFrozenColumns(columns: number): void {
    this.book.count("setFrozenColumns");
    this.frozen.columns = columns;
  }

  setTabColor(color: string | null): SheetsSheet {
    this.book.count("setTabColor");
    this.tabColor = color;
    return this;
  }

  newChart(): SheetsChartBuilder {
    this.book.count("newChart");
    return new StandInChartBuilder();
  }

  insertChart(chart: SheetsChart): void {
    this.book.count("insertChart");
    this.charts.push((chart as StandInBuiltChart).spec);
  }

  getConditionalFormatRules(): SheetsConditionalFormatRule[] {
    this.book.count("getConditionalFormatRules");
    return this.conditionalRules.slice();
  }

  setConditionalFormatRules(rules: SheetsConditionalFormatRule[]): void {
    this.book.count("setConditionalFormatRules");
    this.conditionalRules = rules.slice();
  }

  protect(): SheetsProtection {
    this.book.count("protect");
    const protection = { warningOnly: false, description: "" };
    this.protection = protection;
    const api: SheetsProtection = {
      setWarningOnly(warningOnly) {
        protection.warningOnly = warningOnly;
        return api;
      },
      setDescription(description) {
        protection.description = description;
        return api;
      },
    };
    return api;
  }

  activate(): SheetsSheet {
    this.book.count("activate");
    this.book.sheets.forEach((s) => (s.active = s === this));
    return this;
  }

  active = false;
  selection: string | null = null;
}

export class StandInRange implements SheetsRange {
  constructor(
    readonly sheet: StandInSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {}

  private count(method: string): void {
    this.sheet.book.count(method);
  }

  private each(fn: (cell: Cell, r: number, c: number) => void): void {
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.columns; c++) fn(this.sheet.cellFor(this.row + r, this.column + c), r, c);
  }

  private read<T>(fn: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.columns; c++) row.push(fn(this.sheet.cell(this.row + r, this.column + c)));
      out.push(row);
    }
    return out;
  }

  /** "The number of rows in the data does not match the number of rows in the range." */
  private checkShape(data: unknown[][]): void {
    if (data.length !== this.rows) throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rows}.`);
    for (const row of data) {
      if (row.length !== this.columns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.columns}.`);
      }
    }
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.columns;
  }

  getA1Notation(): string {
    const letter = (c: number) => {
      let s = "";
      for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    const start = `${letter(this.column)}${this.row}`;
    if (this.rows === 1 && this.columns === 1) return start;
    return `${start}:${letter(this.column + this.columns - 1)}${this.row + this.rows - 1}`;
  }

  /** Dates come back as `Date`, blanks as `""`; a formula cell shows its last value. */
  getValues(): SheetsValue[][] {
    this.count("getValues");
    return this.read((cell) => (cell ? cell.value : ""));
  }

  getNumberFormats(): string[][] {
    this.count("getNumberFormats");
    return this.read((cell) => cell?.format ?? AUTOMATIC);
  }

  getFormulas(): string[][] {
    this.count("getFormulas");
    return this.read((cell) => cell?.formula ?? "");
  }

  /**
   * Strings are read as if typed (USER_ENTERED): "=…" becomes a formula, "45%" and
   * "Jan 2026" become a number and a date, unless a leading apostrophe says "text"
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues;
   * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption).
   * More than 50,000 characters in a cell fail.
   */
  setValues(values: Array<Array<string | number | boolean | null>>): SheetsRange {
    this.count("setValues");
    this.checkShape(values);
    for (const row of values) {
      for (const v of row) {
        if (typeof v === "string" && overCellLimit(v)) {
          throw new Error(`Your input contains more than the maximum of ${CELL_TEXT_LIMIT} characters in a single cell.`);
        }
      }
    }
    this.each((cell, r, c) => {
      const entered = parseUserEntered(values[r][c], this.sheet.book.timeZone);
      cell.value = entered.value;
      cell.formula = entered.formula;
      cell.link = undefined;
      if (entered.format && (!cell.format || cell.format === AUTOMATIC)) cell.format = entered.format;
    });
    return this;
  }

  setFormulas(formulas: string[][]): SheetsRange {
    this.count("setFormulas");
    this.checkShape(formulas);
    this.each((cell, r, c) => {
      const formula = formulas[r][c];
      cell.formula = formula === "" ? undefined : formula;
      cell.value = "";
    });
    return this;
  }

  setFormula(formula: string): SheetsRange {
    this.count("setFormula");
    this.each((cell) => {
      cell.formula = formula;
      cell.value = "";
    });
    return this;
  }

  setNumberFormats(formats: string[][]): SheetsRange {
    this.count("setNumberFormats");
    this.checkShape(formats);
    this.each((cell, r, c) => (cell.format = formats[r][c]));
    return this;
  }

  setNumberFormat(format: string): SheetsRange {
    this.count("setNumberFormat");
    this.each((cell) => (cell.format = format));
    return this;
  }

  private style(method: string, key: string, value: unknown): SheetsRange {
    this.count(method);
    this.each((cell) => (cell.style[key] = value));
    return this;
  }

  setFontWeight(weight: "bold" | "normal" | null): SheetsRange {
    return this.style("setFontWeight", "fontWeight", weight);
  }
  setFontStyle(style: "italic" | "normal" | null): SheetsRange {
    return this.style("setFontStyle", "fontStyle", style);
  }
  setFontSize(size: number): SheetsRange {
    return this.style("setFontSize", "fontSize", size);
  }
  setFontColor(color: string | null): SheetsRange {
    return this.style("setFontColor", "fontColor", color);
  }
  setBackground(color: string | null): SheetsRange {
    return this.style("setBackground", "background", color);
  }
  setWrap(wrap: boolean): SheetsRange {
    return this.style("setWrap", "wrap", wrap);
  }
  setHorizontalAlignment(alignment: "left" | "center" | "right" | null): SheetsRange {
    return this.style("setHorizontalAlignment", "align", alignment);
  }

  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null, _vertical: boolean | null, _horizontal: boolean | null): SheetsRange {
    this.count("setBorder");
    this.each((cell, r, c) => {
      if (top && r === 0) cell.style.borderTop = true;
      if (bottom && r === this.rows - 1) cell.style.borderBottom = true;
      if (left && c === 0) cell.style.borderLeft = true;
      if (right && c === this.columns - 1) cell.style.borderRight = true;
    });
    return this;
  }

  /** Rich text is stored as written: no parsing, so it can never become a formula. */
  setRichTextValue(value: SheetsRichTextValue): SheetsRange {
    this.count("setRichTextValue");
    const written = value.getText();
    if (overCellLimit(written)) throw new Error(`Your input contains more than the maximum of ${CELL_TEXT_LIMIT} characters in a single cell.`);
    this.each((cell) => {
      cell.value = written;
      cell.formula = undefined;
      cell.link = value.getLinkUrl() ?? undefined;
    });
    return this;
  }

  setDataValidation(rule: SheetsDataValidation | null): SheetsRange {
    this.count("setDataValidation");
    this.each((cell) => (cell.validation = rule ?? undefined));
    return this;
  }

  /** A range can carry one banding: banding it again fails ("You cannot add alternating colors to a range that already has alternating colors"). */
  applyRowBanding(): unknown {
    this.count("applyRowBanding");
    const address = this.getA1Notation();
    if (this.sheet.bandings.includes(address)) throw new Error("You cannot add alternating colors to a range that already has alternating colors.");
    this.sheet.bandings.push(address);
    return {};
  }

  activate(): SheetsRange {
    this.count("activate");
    this.sheet.book.sheets.forEach((s) => (s.active = s === this.sheet));
    this.sheet.selection = this.getA1Notation();
    return this;
  }
}

function overCellLimit(text: string): boolean {
  return text.length > CELL_TEXT_LIMIT;
}

class StandInRichText implements SheetsRichTextValue {
  constructor(
    private readonly text: string,
    private readonly url: string | null,
  ) {}
  getText(): string {
    return this.text;
  }
  getLinkUrl(): string | null {
    return this.url;
  }
}

class StandInBuiltChart implements SheetsChart {
  constructor(readonly spec: StandInChart) {}
  /** Sheets gives a chart its id once it is inserted; a built chart has none yet. */
  getChartId(): number | null {
    return null;
  }
}

class StandInChartBuilder implements SheetsChartBuilder {
  private readonly spec: StandInChart = { type: "column", ranges: [], position: { row: 1, column: 1 }, options: {} };
  asBarChart(): SheetsChartBuilder {
    this.spec.type = "bar";
    return this;
  }
  asColumnChart(): SheetsChartBuilder {
    this.spec.type = "column";
    return this;
  }
  asPieChart(): SheetsChartBuilder {
    this.spec.type = "pie";
    return this;
  }
  addRange(range: SheetsRange): SheetsChartBuilder {
    this.spec.ranges.push(range.getA1Notation());
    return this;
  }
  setPosition(anchorRow: number, anchorColumn: number): SheetsChartBuilder {
    this.spec.position = { row: anchorRow, column: anchorColumn };
    return this;
  }
  setOption(option: string, value: unknown): SheetsChartBuilder {
    this.spec.options[option] = value;
    return this;
  }
  /** A chart needs data: building one with no range fails. */
  build(): SheetsChart {
    if (this.spec.ranges.length === 0) throw new Error("A chart needs at least one range of data.");
    return new StandInBuiltChart({ ...this.spec, options: { ...this.spec.options } });
  }
}

/**
 * Builds an in-memory spreadsheet with the given sheets (values row by row from A1).
 *
 * @example
 * const { app } = createSheetsStandIn({ sheets: { OKRs: [["Objective", "Key result"]] } });
 * app.getActiveSpreadsheet().getSheetByName("OKRs")?.getLastRow() // 1
 */
export function createSheetsStandIn(options: {
  sheets?: Record<string, SheetsValue[][]>;
  formats?: Record<string, string[][]>;
  timeZone?: string;
  locale?: string;
} = {}): { app: SheetsApp; book: StandInSpreadsheet; calls: CallLog; formatDate: FormatDate } {
  const calls: CallLog = {};
  const book = new StandInSpreadsheet(calls, options.timeZone ?? "Europe/London", options.locale ?? "en_GB");
  const entries = Object.entries(options.sheets ?? { Sheet1: [] });
  for (const [name, rows] of entries) {
    const sheet = book.insertSheet(name, book.sheets.length) as StandInSheet;
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === "") return;
        if (r + 1 > sheet.maxRows) sheet.maxRows = r + 1;
        if (c + 1 > sheet.maxColumns) sheet.maxColumns = c + 1;
        const cell = sheet.cellFor(r + 1, c + 1);
        cell.value = value;
        const format = options.formats?.[name]?.[r]?.[c];
        if (format) cell.format = format;
      }),
    );
  }
  for (const key of Object.keys(calls)) delete calls[key];
  const app: SheetsApp = {
    getActiveSpreadsheet: () => book,
    newRichTextValue: () => richTextBuilder(),
    newConditionalFormatRule: () => conditionalBuilder(),
    newDataValidation: () => validationBuilder(),
    flush: () => {
      calls.flush = (calls.flush ?? 0) + 1;
    },
  };
  return { app, book, calls, formatDate: formatDateStandIn };
}

export type { StandInSpreadsheet };

function richTextBuilder(): SheetsRichTextBuilder {
  let text = "";
  let url: string | null = null;
  const builder: SheetsRichTextBuilder = {
    setText(t) {
      text = t;
      return builder;
    },
    setLinkUrl(u) {
      url = u;
      return builder;
    },
    build: () => new StandInRichText(text, url),
  };
  return builder;
}

/** A conditional format rule as the stand-in keeps it. */
export interface StandInConditionalRule extends SheetsConditionalFormatRule {
  readonly text: string;
  readonly background: string | null;
  readonly fontColor: string | null;
}

function conditionalBuilder(): SheetsConditionalFormatBuilder {
  const rule = { text: "", background: null as string | null, fontColor: null as string | null, ranges: [] as SheetsRange[] };
  const builder: SheetsConditionalFormatBuilder = {
    whenTextEqualTo(text) {
      rule.text = text;
      return builder;
    },
    setBackground(color) {
      rule.background = color;
      return builder;
    },
    setFontColor(color) {
      rule.fontColor = color;
      return builder;
    },
    setRanges(ranges) {
      rule.ranges = ranges;
      return builder;
    },
    build(): StandInConditionalRule {
      if (rule.ranges.length === 0) throw new Error("A conditional format rule needs at least one range.");
      const ranges = rule.ranges.slice();
      return { text: rule.text, background: rule.background, fontColor: rule.fontColor, getRanges: () => ranges };
    },
  };
  return builder;
}

/** A validation rule as the stand-in keeps it. */
export interface StandInValidation extends SheetsDataValidation {
  readonly list: string[];
  readonly allowInvalid: boolean;
}

function validationBuilder(): SheetsDataValidationBuilder {
  let list: string[] = [];
  let allowInvalid = true;
  const builder: SheetsDataValidationBuilder = {
    requireValueInList(values) {
      list = values.slice();
      return builder;
    },
    setAllowInvalid(allow) {
      allowInvalid = allow;
      return builder;
    },
    build(): StandInValidation {
      return { list, allowInvalid, getCriteriaValues: () => [list] };
    },
  };
  return builder;
}

/**
 * `Utilities.formatDate` for the patterns the adapter uses (`yyyy-MM-dd'T'HH:mm:ss.SSS`):
 * the wall-clock time of an instant in a time zone.
 *
 * @example
 * formatDateStandIn(new Date("2026-03-31T23:30:00Z"), "Europe/Paris", "yyyy-MM-dd") // "2026-04-01"
 */
export const formatDateStandIn: FormatDate = (date, timeZone, pattern) => {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  const ms = String(date.getUTCMilliseconds()).padStart(3, "0");
  return pattern
    .replace("yyyy", part("year"))
    .replace("MM", part("month"))
    .replace("dd", part("day"))
    .replace("HH", part("hour"))
    .replace("mm", part("minute"))
    .replace("ss", part("second"))
    .replace("SSS", ms)
    .replace(/'/g, "");
};
