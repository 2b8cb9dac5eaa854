/**
 * The part of Apps Script's `SpreadsheetApp` the Sheets adapter uses, and no
 * more. Apps Script passes the real services in; the tests and the sidebar's
 * preview pass the in-memory stand-in (`src/hosts/sheets-stand-in`). Keeping the
 * surface narrow keeps the stand-in honest: every method here is one the
 * stand-in imitates from Google's reference
 * (https://developers.google.com/apps-script/reference/spreadsheet).
 */

/** A cell value as `Range.getValues()` returns it: dates arrive as `Date`, blanks as `""`. */
export type SheetsValue = string | number | boolean | Date;

export interface SheetsRichTextValue {
  getText(): string;
  getLinkUrl(): string | null;
}

export interface SheetsRichTextBuilder {
  setText(text: string): SheetsRichTextBuilder;
  setLinkUrl(url: string): SheetsRichTextBuilder;
  build(): SheetsRichTextValue;
}

export interface SheetsConditionalFormatRule {
  getRanges(): SheetsRange[];
}

export interface SheetsConditionalFormatBuilder {
  whenTextEqualTo(text: string): SheetsConditionalFormatBuilder;
  setBackground(color: string): SheetsConditionalFormatBuilder;
  setFontColor(color: string): SheetsConditionalFormatBuilder;
  setRanges(ranges: SheetsRange[]): SheetsConditionalFormatBuilder;
  build(): SheetsConditionalFormatRule;
}

export interface SheetsDataValidation {
  getCriteriaValues(): unknown[];
}

export interface SheetsDataValidationBuilder {
  requireValueInList(values: string[], showDropdown: boolean): SheetsDataValidationBuilder;
  setAllowInvalid(allow: boolean): SheetsDataValidationBuilder;
  build(): SheetsDataValidation;
}

export interface SheetsChart {
  getChartId(): number | null;
}

export interface SheetsChartBuilder {
  asBarChart(): SheetsChartBuilder;
  asColumnChart(): SheetsChartBuilder;
  asPieChart(): SheetsChartBuilder;
  addRange(range: SheetsRange): SheetsChartBuilder;
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): SheetsChartBuilder;
  setOption(option: string, value: unknown): SheetsChartBuilder;
  build(): SheetsChart;
}

export interface SheetsProtection {
  setWarningOnly(warningOnly: boolean): SheetsProtection;
  setDescription(description: string): SheetsProtection;
}

export interface SheetsRange {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getA1Notation(): string;
  getValues(): SheetsValue[][];
  getNumberFormats(): string[][];
  getFormulas(): string[][];
  setValues(values: Array<Array<string | number | boolean | null>>): SheetsRange;
  setFormulas(formulas: string[][]): SheetsRange;
  setFormula(formula: string): SheetsRange;
  setNumberFormats(formats: string[][]): SheetsRange;
  setNumberFormat(format: string): SheetsRange;
  setFontWeight(weight: "bold" | "normal" | null): SheetsRange;
  setFontStyle(style: "italic" | "normal" | null): SheetsRange;
  setFontSize(size: number): SheetsRange;
  setFontColor(color: string | null): SheetsRange;
  setBackground(color: string | null): SheetsRange;
  setWrap(wrap: boolean): SheetsRange;
  setHorizontalAlignment(alignment: "left" | "center" | "right" | null): SheetsRange;
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): SheetsRange;
  setRichTextValue(value: SheetsRichTextValue): SheetsRange;
  setDataValidation(rule: SheetsDataValidation | null): SheetsRange;
  applyRowBanding(): unknown;
  activate(): SheetsRange;
}

export interface SheetsSheet {
  getName(): string;
  getSheetId(): number;
  isSheetHidden(): boolean;
  hideSheet(): SheetsSheet;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  getDataRange(): SheetsRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): SheetsRange;
  insertRowsAfter(afterPosition: number, howMany: number): SheetsSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetsSheet;
  deleteRows(rowPosition: number, howMany: number): void;
  deleteColumns(columnPosition: number, howMany: number): void;
  setColumnWidth(columnPosition: number, width: number): SheetsSheet;
  setFrozenRows(rows: number): void;
  setFrozenColumns(columns: number): void;
  setTabColor(color: string | null): SheetsSheet;
  newChart(): SheetsChartBuilder;
  insertChart(chart: SheetsChart): void;
  getConditionalFormatRules(): SheetsConditionalFormatRule[];
  setConditionalFormatRules(rules: SheetsConditionalFormatRule[]): void;
  protect(): SheetsProtection;
  activate(): SheetsSheet;
}

export interface SheetsSpreadsheet {
  getSheets(): SheetsSheet[];
  getSheetByName(name: string): SheetsSheet | null;
  insertSheet(sheetName: string, sheetIndex: number): SheetsSheet;
  deleteSheet(sheet: SheetsSheet): void;
  getSpreadsheetTimeZone(): string;
  getSpreadsheetLocale(): string;
}

/** `SpreadsheetApp` itself: the active spreadsheet and the builders. */
export interface SheetsApp {
  getActiveSpreadsheet(): SheetsSpreadsheet;
  newRichTextValue(): SheetsRichTextBuilder;
  newConditionalFormatRule(): SheetsConditionalFormatBuilder;
  newDataValidation(): SheetsDataValidationBuilder;
  /** Applies every pending change (`SpreadsheetApp.flush()`). */
  flush(): void;
}

/** `Utilities.formatDate`: a date written in a time zone with a `SimpleDateFormat` pattern. */
export type FormatDate = (date: Date, timeZone: string, pattern: string) => string;
