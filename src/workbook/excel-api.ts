/**
 * The part of the Office.js Excel API that Altitude uses, as narrow structural
 * types. The real `Excel` namespace satisfies them (a type test checks it), and
 * so does the in-memory host in `src/hosts/excel-stand-in/`, which lets the adapter run in
 * tests, benchmarks and the browser preview without Excel.
 *
 * Enumerations are passed as their string values ("VeryHidden", "EqualTo"),
 * which Office.js accepts everywhere.
 */
import type { RawCell } from "../core/model";

export interface ExcelApi {
  run<T>(batch: (context: ExcelRequestContext) => Promise<T>): Promise<T>;
}

export interface ExcelRequestContext {
  readonly workbook: ExcelWorkbookProxy;
  sync(): Promise<unknown>;
}

export interface ExcelWorkbookProxy {
  readonly worksheets: ExcelWorksheetCollection;
  readonly tables: ExcelTableCollection;
  readonly application: ExcelApplication;
}

export interface ExcelApplication {
  suspendApiCalculationUntilNextSync(): void;
  suspendScreenUpdatingUntilNextSync(): void;
  /** ExcelApi 1.11: the locale's number separators. */
  readonly cultureInfo: { readonly numberFormat: ExcelNumberFormatInfo };
}

export interface ExcelNumberFormatInfo {
  readonly numberDecimalSeparator: string;
  load(names: string): ExcelNumberFormatInfo;
}

export interface ExcelWorksheetCollection {
  readonly items: ExcelWorksheet[];
  load(propertyNames?: string | string[]): ExcelWorksheetCollection;
  getItem(key: string): ExcelWorksheet;
  getItemOrNullObject(key: string): ExcelWorksheet;
  add(name?: string): ExcelWorksheet;
  getActiveWorksheet(): ExcelWorksheet;
}

export interface ExcelWorksheet {
  name: string;
  visibility: string;
  position: number;
  tabColor: string;
  readonly isNullObject: boolean;
  readonly tables: ExcelTableCollection;
  readonly charts: ExcelChartCollection;
  readonly freezePanes: ExcelFreezePanes;
  load(propertyNames?: string | string[]): ExcelWorksheet;
  delete(): void;
  activate(): void;
  getRange(address?: string): ExcelRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
}

export interface ExcelFreezePanes {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  freezeAt(frozenRange: string): void;
}

export interface ExcelRange {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly isNullObject: boolean;
  /** Writes take `null` for "leave this cell as it is". */
  get values(): RawCell[][];
  set values(values: Array<Array<RawCell | null>>);
  get numberFormat(): string[][];
  set numberFormat(formats: Array<Array<string | null>>);
  formulas: string[][];
  hyperlink: ExcelHyperlink;
  readonly format: ExcelRangeFormat;
  readonly conditionalFormats: ExcelConditionalFormatCollection;
  readonly dataValidation: ExcelDataValidation;
  load(propertyNames?: string | string[]): ExcelRange;
  select(): void;
  clear(applyTo?: string): void;
  /** ExcelApi 1.2. */
  merge(across?: boolean): void;
  getEntireRow(): ExcelRange;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): ExcelRangeAreas;
  /** ExcelApi 1.9: the tables that overlap the range. */
  getTables(fullyContained?: boolean): ExcelRangeTables;
}

/** The tables found over a range; only their names are used. */
export interface ExcelRangeTables {
  readonly items: Array<{ readonly name: string }>;
  load(propertyNames?: string | string[]): ExcelRangeTables;
}

export interface ExcelRangeAreas {
  readonly address: string;
  readonly areaCount: number;
  readonly isNullObject: boolean;
  load(propertyNames?: string | string[]): ExcelRangeAreas;
}

export interface ExcelHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
}

export interface ExcelRangeFormat {
  readonly font: ExcelFont;
  readonly fill: { color: string };
  readonly borders: { getItem(index: string): { style: string } };
  wrapText: boolean;
  horizontalAlignment: string;
  columnWidth: number;
  autofitColumns(): void;
}

export interface ExcelFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface ExcelConditionalFormatCollection {
  add(type: string): ExcelConditionalFormat;
}

export interface ExcelConditionalFormat {
  readonly cellValue: {
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
    rule: { formula1: string; formula2?: string; operator: string };
  };
}

export interface ExcelDataValidation {
  rule: { list?: { inCellDropDown: boolean; source: string | object } };
}

export interface ExcelTableCollection {
  readonly items: ExcelTable[];
  load(propertyNames?: string | string[]): ExcelTableCollection;
  add(address: string, hasHeaders: boolean): ExcelTable;
  getItem(key: string): ExcelTable;
  getItemOrNullObject(key: string): ExcelTable;
}

export interface ExcelTable {
  name: string;
  style: string;
  showBandedRows: boolean;
  readonly isNullObject: boolean;
  /**
   * Rows added here grow the table; values written below it do not
   * (https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)).
   */
  readonly rows: { add(index?: number | null, values?: RawCell[][]): unknown };
  /** Sorts the data rows by columns of the table (TableSort.apply, ExcelApi 1.2). */
  readonly sort: { apply(fields: Array<{ key: number; ascending?: boolean }>): unknown };
  load(propertyNames?: string | string[]): ExcelTable;
  /** Turns the table back into a plain range, keeping its cells. */
  convertToRange(): unknown;
  getRange(): ExcelRange;
  getHeaderRowRange(): ExcelRange;
  getDataBodyRange(): ExcelRange;
}

export interface ExcelChartCollection {
  add(type: string, sourceData: ExcelRange, seriesBy?: string): ExcelChart;
}

export interface ExcelChart {
  name: string;
  readonly title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
  readonly series: { getItemAt(index: number): ExcelChartSeries };
}

export interface ExcelChartSeries {
  readonly points: { getItemAt(index: number): { readonly format: { readonly fill: { setSolidColor(color: string): void } } } };
}
