/**
 * What a workbook host must offer for the contract suite to run against it.
 * Small on purpose: an Excel host (Office.js, live or the in-memory stand-in)
 * implements it in `src/workbook/excel-contract-host.ts`, and a Google Sheets
 * host can implement the same methods. Rows and columns are zero-based.
 * A host operation that the host refuses rejects with an error carrying the
 * host's own `code` (`InvalidArgument`, `ItemNotFound` …), which the suite
 * reports as what the host answered.
 */
import type { RangeRef } from "../core/address";
import type { RawCell } from "../core/model";

export interface CellRef {
  row: number;
  col: number;
}

/**
 * What a contract may need that not every host has. Google Sheets has no tables,
 * sends a sidebar no edit events, names sheets by its own rules and shows a custom
 * function's error as `#ERROR!`: contracts about those do not apply there.
 */
export type Capability = "tables" | "change-events" | "excel-sheet-names" | "excel-function-errors";

export interface ContractHost {
  /** Shown with the results, e.g. "Excel (ExcelApi 1.17)" or "Excel stand-in". */
  readonly name: string;
  /** Capabilities this host does not have, each with why; a contract that needs one does not apply. */
  readonly lacks?: Partial<Record<Capability, string>>;
  /** Adds an empty sheet; rejects when the host refuses the name. */
  addSheet(name: string): Promise<void>;
  /** Removes the sheet when it exists; does nothing otherwise. */
  removeSheet(name: string): Promise<void>;
  /** Writes the user's text the way Altitude writes it, so that it stays the same text. */
  writeText(sheet: string, at: CellRef, rows: string[][]): Promise<void>;
  /** Writes strings with no guard, as a person typing them would. */
  typeCells(sheet: string, at: CellRef, rows: string[][]): Promise<void>;
  /** Values and formulas (null where the cell holds no formula) of a range. */
  read(sheet: string, range: RangeRef): Promise<{ values: RawCell[][]; formulas: Array<Array<string | null>> }>;
  /** Every value of a sheet's used range, read the way Altitude reads sheets (in chunks within the host's limits). */
  readSheet(sheet: string): Promise<RawCell[][]>;
  /** Makes a table with a header row over the range; resolves to its name. */
  addTable(sheet: string, range: RangeRef): Promise<string>;
  /** Where the table is now, header row included. */
  tableRange(table: string): Promise<RangeRef>;
  /** Appends rows the way Altitude adds check-ins to a table. */
  appendToTable(table: string, rows: RawCell[][]): Promise<void>;
  /** Sorts the table's data rows by one of its columns (zero-based), as a person sorting it would. */
  sortTable(table: string, column: number, ascending: boolean): Promise<void>;
  /**
   * Inserts blank rows into the table at a zero-based index among its data rows and types
   * `rows` into their first cells, as a person inserting table rows and typing would: the
   * cells not typed are the host's to fill (a calculated column's formula).
   */
  insertTableRows(table: string, index: number, rows: RawCell[][]): Promise<void>;
  /** Merges the range into one cell. */
  merge(sheet: string, range: RangeRef): Promise<void>;
  /** Runs `change` and resolves to true once the host reports a change, false after `waitMs`. */
  reportsChange(change: () => Promise<void>, waitMs: number): Promise<boolean>;
  /** Puts a formula in a cell and resolves to what the cell shows once calculated. */
  calculate(sheet: string, at: CellRef, formula: string): Promise<RawCell>;
}

/**
 * The code a host gave with a refusal, or the error's message when it gave none.
 *
 * @example
 * answerOf({ code: "InvalidArgument", message: "The argument is invalid." }) // "InvalidArgument: The argument is invalid."
 * answerOf(new Error("Timed out")) // "Timed out"
 */
export function answerOf(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const code = (error as { code?: unknown }).code;
    const message = (error as { message?: unknown }).message;
    if (typeof code === "string" && code !== "Unknown") return typeof message === "string" ? `${code}: ${message}` : code;
    if (typeof message === "string") return message;
  }
  return String(error);
}
