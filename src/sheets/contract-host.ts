/**
 * The workbook contract suite's host over Google Sheets (`src/contracts`), so the
 * list Excel is held to runs against the in-memory Sheets in `npm test` and
 * against a real spreadsheet from the development menu. User text is written the
 * way the adapter writes it; "typed" cells go in unguarded, as a person types.
 */
import type { RangeRef } from "../core/address";
import { maxOf } from "../core/collections";
import type { RawCell } from "../core/model";
import type { CellRef, ContractHost } from "../contracts/host";
import { WorkbookError } from "../workbook/port";
import { dateToSerial, guardText, isDate, SheetsWorkbook } from "./adapter";
import type { FormatDate, SheetsApp } from "./api";

/** Why the Excel-only contracts do not apply to Sheets, as Diagnostics shows it. */
export const SHEETS_LACKS = {
  tables: "Google Sheets has no tables; Altitude bands the range and puts its columns beside it.",
  "change-events": "Apps Script sends a sidebar no edit events; the panel's Refresh button reloads.",
  "excel-sheet-names": "Sheets names sheets by its own rules; Altitude applies Excel's when it names a new sheet, so both editions name outputs alike.",
  "excel-function-errors": "Sheets shows a custom function's error as #ERROR! with its message; the built server file is tested for it.",
} as const;

/**
 * A contract host over a spreadsheet.
 *
 * @example
 * const results = await runContracts(sheetsContractHost(SpreadsheetApp, Utilities.formatDate), CONTRACTS);
 */
export function sheetsContractHost(app: SheetsApp, formatDate: FormatDate, name = "Google Sheets"): ContractHost {
  const book = new SheetsWorkbook(app, formatDate);
  const spreadsheet = () => app.getActiveSpreadsheet();
  const sheet = (sheetName: string) => book.sheetNamed(sheetName);
  const grow = (sheetName: string, rows: number, cols: number) => {
    const target = sheet(sheetName);
    if (rows > target.getMaxRows()) target.insertRowsAfter(target.getMaxRows(), rows - target.getMaxRows());
    if (cols > target.getMaxColumns()) target.insertColumnsAfter(target.getMaxColumns(), cols - target.getMaxColumns());
    return target;
  };
  const write = (sheetName: string, at: CellRef, rows: Array<Array<string | number | boolean>>) => {
    const width = maxOf(rows, (row) => row.length, 0);
    grow(sheetName, at.row + rows.length, at.col + width).getRange(at.row + 1, at.col + 1, rows.length, width).setValues(rows);
  };
  const unsupported = (what: string) => async (): Promise<never> => {
    throw new WorkbookError(`Google Sheets has no ${what}.`, "NotSupported");
  };
  return {
    name,
    lacks: SHEETS_LACKS,
    async addSheet(sheetName) {
      spreadsheet().insertSheet(sheetName, spreadsheet().getSheets().length);
    },
    async removeSheet(sheetName) {
      const found = spreadsheet().getSheetByName(sheetName);
      if (found) spreadsheet().deleteSheet(found);
    },
    async writeText(sheetName, at, rows) {
      write(sheetName, at, rows.map((row) => row.map(guardText)));
    },
    async typeCells(sheetName, at, rows) {
      write(sheetName, at, rows);
    },
    async read(sheetName, range: RangeRef) {
      const target = grow(sheetName, range.row + range.rows, range.col + range.cols).getRange(range.row + 1, range.col + 1, range.rows, range.cols);
      const formulas = target.getFormulas().map((row) => row.map((f) => (f === "" ? null : f)));
      const zone = spreadsheet().getSpreadsheetTimeZone();
      const values = target.getValues().map((row) => row.map((v): RawCell => (isDate(v) ? dateToSerial(v, zone, formatDate) : v)));
      return { values, formulas };
    },
    async readSheet(sheetName) {
      const [data] = book.readSheets([sheetName]);
      return data.values;
    },
    addTable: unsupported("tables"),
    tableRange: unsupported("tables"),
    appendToTable: unsupported("tables"),
    sortTable: unsupported("tables"),
    insertTableRows: unsupported("tables"),
    merge: unsupported("merged tables"),
    reportsChange: async () => false,
    calculate: unsupported("calculation in this host"),
  };
}
