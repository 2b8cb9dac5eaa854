/**
 * Office.js operations only the task pane needs, on top of the workbook port:
 * turn a recognised range into an Excel table with live computed columns,
 * append check-in rows, write one cell, select a cell, recalculate, and listen
 * for sheet changes. Each operation takes a fixed number of round trips,
 * whatever the number of rows.
 */
import { rangeA1, type RangeRef } from "../core/address";
import type { TableConversion } from "../core/tables";
import type { PlanValue } from "../core/plan";
import type { ExcelApi, ExcelRange, ExcelRequestContext } from "./excel-api";
import { WorkbookError, type WorkbookEditor } from "./port";

export interface AppendOptions {
  /** One number format per column (`null` = leave the cell's format), e.g. a date format for the Date column. */
  numberFormats?: Array<string | null>;
}

export interface ConversionResult {
  /** The final name of the new table (made unique in the workbook). */
  tableName: string;
  /** A1 address of the table on its sheet, e.g. `A3:O15`. */
  address: string;
}

/** What the task pane asks of a live workbook beyond the port. */
export interface PaneEditor extends WorkbookEditor {
  appendRows(sheet: string, rows: PlanValue[][], options?: AppendOptions): Promise<void>;
  /** Writes one value into one cell (text is always written as text). */
  writeCell(sheet: string, cell: string, value: PlanValue): Promise<void>;
  /** Carries out a planned table conversion: computed columns, table, number formats, colours and drop-downs. */
  convertToTable(conversion: TableConversion): Promise<ConversionResult>;
  /** Asks Excel to recalculate every formula (after settings change the custom functions' results). */
  recalculate(): Promise<void>;
  /** Calls `listener` when sheets are added, removed or edited; resolves to the function that stops listening. */
  onSheetsChanged(listener: () => void): Promise<() => void>;
}

/** Optional parts of Office.js that the narrow `ExcelApi` leaves out; looked for at run time. */
interface EventSource {
  add(handler: (event: unknown) => Promise<void>): unknown;
}

/**
 * The task pane's editor over Office.js (or the in-memory host).
 *
 * @example
 * const editor = createExcelEditor(Excel);
 * await editor.select("OKRs", "F12");
 */
export function createExcelEditor(excel: ExcelApi): PaneEditor {
  const run = <T>(what: string, batch: (context: ExcelRequestContext) => Promise<T>): Promise<T> => runBatch(excel, what, batch);

  return {
    async appendRows(sheet, rows, options = {}) {
      if (rows.length === 0) return;
      const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
      await run(`add rows to "${sheet}"`, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        const used = worksheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,rowCount,columnIndex");
        await context.sync();
        const top = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
        const left = used.isNullObject ? 0 : used.columnIndex;
        const target = worksheet.getRangeByIndexes(top, left, rows.length, width);
        writeSafely(target, rows.map((row) => pad(row, width)), options.numberFormats);
        await context.sync();
      });
    },

    async writeCell(sheet, cell, value) {
      await run(`write ${sheet}!${cell}`, async (context) => {
        writeSafely(context.workbook.worksheets.getItem(sheet).getRange(cell), [[value]]);
        await context.sync();
      });
    },

    async select(sheet, cell) {
      await run(`select ${sheet}!${cell}`, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    },

    async convertToTable(conversion) {
      return run(`convert "${conversion.sheet}" to a table`, async (context) => {
        const tables = context.workbook.tables.load("items/name");
        await context.sync();
        const tableName = uniqueTableName(conversion.tableName, tables.items.map((t) => t.name));
        const worksheet = context.workbook.worksheets.getItem(conversion.sheet);
        const { range, computed } = conversion;
        const dataRows = range.rows - 1;
        if (computed.length > 0) {
          const block = worksheet.getRangeByIndexes(range.row, range.col + range.cols, range.rows, computed.length);
          // Headers and formulas are Altitude's own text, never user text, so they go in as formulas.
          block.formulas = [computed.map((c) => c.header), ...Array.from({ length: dataRows }, (_, r) => computed.map((c) => c.formulas[r] ?? ""))];
          const body = worksheet.getRangeByIndexes(range.row + 1, range.col + range.cols, dataRows, computed.length);
          body.numberFormat = Array.from({ length: dataRows }, () => computed.map((c) => c.numberFormat ?? "General"));
        }
        const address = rangeA1(conversion.tableRange);
        const table = worksheet.tables.add(address, true);
        table.name = tableName;
        table.style = "TableStyleMedium2";
        for (const block of conversion.conditional) {
          const target = rangeOf(worksheet.getRangeByIndexes.bind(worksheet), block.range);
          for (const rule of block.rules) {
            const format = target.conditionalFormats.add("CellValue");
            format.cellValue.format.fill.color = rule.fill;
            format.cellValue.format.font.color = rule.fontColor;
            format.cellValue.rule = { formula1: `="${rule.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
          }
        }
        for (const validation of conversion.validations) {
          rangeOf(worksheet.getRangeByIndexes.bind(worksheet), validation.range).dataValidation.rule = {
            list: { inCellDropDown: true, source: validation.list.join(",") },
          };
        }
        await context.sync();
        return { tableName, address };
      });
    },

    async recalculate() {
      await run("recalculate", async (context) => {
        const application: object = context.workbook.application;
        // Office.js has application.calculate; hosts without it (the preview) compute on read.
        if ("calculate" in application && typeof application.calculate === "function") {
          application.calculate("Full");
          await context.sync();
        }
      });
    },

    async onSheetsChanged(listener) {
      let active = true;
      const handler = async () => {
        if (active) listener();
      };
      await run("watch the sheets", async (context) => {
        const worksheets: object = context.workbook.worksheets;
        let added = false;
        for (const name of ["onAdded", "onDeleted", "onChanged", "onNameChanged"]) {
          const source = (worksheets as Record<string, unknown>)[name];
          if (isEventSource(source)) {
            source.add(handler);
            added = true;
          }
        }
        if (added) await context.sync();
      });
      return () => {
        active = false;
      };
    },
  };
}

function isEventSource(value: unknown): value is EventSource {
  return typeof value === "object" && value !== null && "add" in value && typeof value.add === "function";
}

function rangeOf(getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => ExcelRange, ref: RangeRef): ExcelRange {
  return getRangeByIndexes(ref.row, ref.col, Math.max(1, ref.rows), Math.max(1, ref.cols));
}

function pad(row: PlanValue[], width: number): PlanValue[] {
  return row.length >= width ? row : [...row, ...Array<PlanValue>(width - row.length).fill(null)];
}

/** A string Excel would read as a formula or a number if typed: kept as text by a text format. */
function looksTyped(value: PlanValue): boolean {
  return typeof value === "string" && /^[=+\-@]/.test(value);
}

/**
 * Writes values so that text stays text: cells whose text would turn into a
 * formula get the text format first, in the same request.
 */
function writeSafely(range: ExcelRange, rows: PlanValue[][], columnFormats?: Array<string | null>): void {
  const formats = rows.map((row) => row.map((value, c) => (looksTyped(value) ? "@" : (columnFormats?.[c] ?? null))));
  if (formats.some((row) => row.some((f) => f !== null))) {
    // Office.js takes null for "leave this cell's format as it is".
    range.numberFormat = formats as string[][];
  }
  range.values = rows.map((row) => row.map((value) => (value === null ? "" : value)));
}

/**
 * A table name not yet used in the workbook (compared ignoring case): `Name`, `Name_2`, `Name_3` ...
 *
 * @example
 * uniqueTableName("Altitude_OKRs", ["altitude_okrs"]) // "Altitude_OKRs_2"
 */
export function uniqueTableName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted}_${i}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Office error codes in words the user can act on. */
const PLAIN_REASONS: Record<string, string> = {
  ItemNotFound: "the sheet or cell no longer exists",
  InvalidArgument: "Excel refused the request (is part of this range already a table, or is the sheet protected?)",
  InvalidOperation: "Excel cannot do that right now (is a cell being edited, or the sheet protected?)",
  AccessDenied: "the workbook is read-only or protected",
  ItemAlreadyExists: "something with that name already exists",
  RequestPayloadSizeLimitExceeded: "the range is too large to change in one go",
};

/**
 * Runs one Excel batch; awaits inside `try` so that every Office error becomes
 * a {@link WorkbookError} with a plain message saying what was being done.
 */
async function runBatch<T>(excel: ExcelApi, what: string, batch: (context: ExcelRequestContext) => Promise<T>): Promise<T> {
  try {
    return await excel.run(batch);
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    const code = officeCode(error);
    const reason = PLAIN_REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new WorkbookError(`Could not ${what}: ${reason}.`, code);
  }
}

function officeCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return "Unknown";
}
