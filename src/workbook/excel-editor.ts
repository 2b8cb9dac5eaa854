/**
 * Office.js operations only the task pane needs, on top of the workbook port:
 * turn a recognised range into an Excel table with live computed columns,
 * append check-in rows (into a table by `rows.add`), select a cell,
 * recalculate, and listen for sheet changes. Every batch runs through
 * `BatchRunner`. Round trips do not depend on the number of rows:
 * `convertToTable` takes 2 (checks, then everything) plus 1 per ~4 MB of
 * formulas, and 2 more to undo a refused conversion; `appendRows` and
 * `appendToTable` 2; the others 1.
 */
import { rangeA1, type RangeRef } from "../core/address";
import type { TableConversion } from "../core/tables";
import type { RawCell } from "../core/model";
import type { PlanValue } from "../core/plan";
import type { ExcelApi, ExcelRange, ExcelWorksheet } from "./excel-api";
import { BatchRunner, DEFAULT_PAYLOAD_BUDGET, toWorkbookError, type BatchContext } from "./excel-batch";
import { excelFeatures, type OptionalFeature, type RequirementSets } from "./excel-features";
import { jsonBytes } from "./json-bytes";
import { uniqueTableName } from "../core/sheet-names";
import { asTypedText, writeValues } from "./excel-writer";
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
  /**
   * Appends rows to a table with `table.rows.add`, the way a table grows: values
   * written below a table land outside it. Returns false when the workbook has no
   * table of that name (the caller then appends to the sheet).
   */
  appendToTable(table: string, rows: PlanValue[][]): Promise<boolean>;
  /** Carries out a planned table conversion: computed columns, table, number formats, colours and drop-downs. */
  convertToTable(conversion: TableConversion): Promise<ConversionResult>;
  /** Asks Excel to recalculate every formula (after settings change the custom functions' results). */
  recalculate(): Promise<void>;
  /** Calls `listener` when sheets are added, removed or edited; resolves to the function that stops listening. */
  onSheetsChanged(listener: () => void): Promise<() => void>;
}

/** Office.js event sources the narrow `ExcelApi` leaves out; looked for at run time, as hosts differ. */
interface EventSource {
  add(handler: (event: unknown) => Promise<void>): unknown;
}

/** Each worksheet-collection event and the requirement set it needs; a host without it answers ApiNotFound. */
const SHEET_EVENTS = [
  ["onAdded", "sheetAddedDeleted"],
  ["onDeleted", "sheetAddedDeleted"],
  ["onChanged", "sheetChanged"],
  ["onNameChanged", "sheetRenamed"],
] as const satisfies ReadonlyArray<readonly [string, OptionalFeature]>;

/**
 * The task pane's editor over Office.js (or the in-memory host).
 *
 * @example
 * const editor = createExcelEditor(Excel);
 * await editor.select("OKRs", "F12");
 */
export function createExcelEditor(excel: ExcelApi, options: { payloadBudgetBytes?: number; requirements?: RequirementSets } = {}): PaneEditor {
  const runner = new BatchRunner(excel, options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET);
  const has = excelFeatures(options.requirements);

  return {
    async appendRows(sheet, rows, append = {}) {
      if (rows.length === 0) return;
      await runner.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        const used = worksheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount,columnIndex");
        await context.sync();
        const at = used.isNullObject ? { row: 0, col: 0 } : { row: used.rowIndex + used.rowCount, col: used.columnIndex };
        // When the last used row belongs to a table (a Check-ins table), the rows go into it by
        // rows.add: values written below a table stay outside it (TableRowCollection.add,
        // https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)).
        const table = used.isNullObject || !has("rangeTables") ? null : await tableEndingAt(context, worksheet, at.row - 1);
        const formats = append.numberFormats ? rows.map(() => append.numberFormats ?? []) : undefined;
        if (table && table.col <= at.col && at.col + widest(rows) <= table.col + table.cols) {
          const offset = at.col - table.col;
          const aligned = rows.map((row) => Array.from({ length: table.cols }, (_, c) => cellText(row[c - offset])));
          context.workbook.tables.getItem(table.name).rows.add(undefined, aligned);
          if (formats) {
            const area = worksheet.getRangeByIndexes(at.row, table.col, rows.length, table.cols);
            area.numberFormat = formats.map((line) => Array.from({ length: table.cols }, (_, c) => line[c - offset] ?? null));
          }
        } else {
          await writeValues(context, worksheet, at, rows, formats);
        }
        await context.sync();
      });
    },

    async appendToTable(name, rows) {
      if (rows.length === 0) return true;
      return runner.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(name).load("name");
        await context.sync();
        if (table.isNullObject) return false;
        table.rows.add(undefined, rows.map((row) => row.map(cellText)));
        await context.sync();
        return true;
      });
    },

    async select(sheet, cell) {
      await runner.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    },

    async convertToTable(conversion) {
      const address = rangeA1(conversion.tableRange);
      // Checked first, so a refusal writes nothing: Excel refuses a table over another
      // table ("A table can't overlap another table", InvalidArgument,
      // https://github.com/OfficeDev/office-js/issues/1199) and over merged cells.
      const tableName = await runner.run(async (context) => {
        const tables = context.workbook.tables.load("items/name");
        const target = context.workbook.worksheets.getItem(conversion.sheet).getRange(address);
        const overlapping = has("rangeTables") ? target.getTables(false).load("items/name") : null;
        const merged = has("mergedAreas") ? target.getMergedAreasOrNullObject().load("address") : null;
        await context.sync();
        const clash = overlapping?.items[0];
        if (clash) throw new WorkbookError(`${conversion.sheet}!${address} overlaps the table "${clash.name}"; a table cannot overlap another.`, "TableOverlap");
        if (merged && !merged.isNullObject) {
          throw new WorkbookError(`${conversion.sheet}!${address} holds merged cells (${merged.address.replace(/^[^!]*!/, "")}); unmerge them to make a table.`, "MergedCells");
        }
        return uniqueTableName(conversion.tableName, new Set(tables.items.map((t) => t.name.toLowerCase())));
      });
      try {
        return await runner.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(conversion.sheet);
          // Headers, then the table, then the formulas: the formulas' structured references
          // ([@Start]) name the table's columns, so the table must exist when they are written.
          queueComputedHeaders(worksheet, conversion);
          const table = worksheet.tables.add(address, true);
          table.name = tableName;
          table.style = "TableStyleMedium2";
          await queueComputedFormulas(context, worksheet, conversion);
          for (const block of conversion.conditional) {
            const target = rangeOf(worksheet, block.range);
            for (const rule of block.rules) {
              const format = target.conditionalFormats.add("CellValue");
              format.cellValue.format.fill.color = rule.fill;
              format.cellValue.format.font.color = rule.fontColor;
              format.cellValue.rule = { formula1: `="${rule.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
            }
          }
          for (const validation of conversion.validations) {
            rangeOf(worksheet, validation.range).dataValidation.rule = { list: { inCellDropDown: true, source: validation.list.join(",") } };
          }
          await context.sync();
          return { tableName, address };
        });
      } catch (error) {
        // Merged cells the check could not see (Excel finds only areas that start inside the
        // range, https://github.com/OfficeDev/office-js/issues/3611) or a later refusal:
        // remove what was written, so the sheet is as it was.
        await undoConversion(runner, conversion, tableName);
        throw toWorkbookError(error);
      }
    },

    async recalculate() {
      await runner.run(async (context) => {
        const application: object = context.workbook.application;
        // Office.js has application.calculate; a host without it (the preview) computes on read.
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
      await runner.run(async (context) => {
        const worksheets: object = context.workbook.worksheets;
        const sources = SHEET_EVENTS.filter(([, feature]) => has(feature))
          .map(([name]) => (name in worksheets ? (worksheets as Record<string, unknown>)[name] : undefined))
          .filter(isEventSource);
        for (const source of sources) source.add(handler);
        if (sources.length > 0) await context.sync();
      });
      return () => {
        active = false;
      };
    },
  };
}

/** A plan value as a table row cell: user text behind the apostrophe guard, blanks empty. */
function cellText(value: PlanValue | undefined): RawCell {
  return typeof value === "string" ? asTypedText(value) : (value ?? "");
}

function widest(rows: PlanValue[][]): number {
  return rows.reduce((max, row) => Math.max(max, row.length), 0);
}

/** The table whose last row is the sheet row `row`, with its columns, or null. */
async function tableEndingAt(context: BatchContext, worksheet: ExcelWorksheet, row: number): Promise<{ name: string; col: number; cols: number } | null> {
  const found = worksheet.getRangeByIndexes(row, 0, 1, 1).getEntireRow().getTables(false).load("items/name");
  await context.sync();
  const first = found.items[0];
  if (!first) return null;
  const range = context.workbook.tables.getItem(first.name).getRange().load("rowIndex,rowCount,columnIndex,columnCount");
  await context.sync();
  if (range.rowIndex + range.rowCount - 1 !== row) return null;
  return { name: first.name, col: range.columnIndex, cols: range.columnCount };
}

/**
 * Undoes a refused conversion: the table, if it was made, back to a range, and the
 * computed columns (written into empty cells right of the user's range) cleared.
 */
async function undoConversion(runner: BatchRunner, conversion: TableConversion, tableName: string): Promise<void> {
  const { range, computed } = conversion;
  if (computed.length === 0) return;
  try {
    await runner.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(tableName).load("name");
      await context.sync();
      if (!table.isNullObject) table.convertToRange();
      const area = context.workbook.worksheets.getItem(conversion.sheet).getRangeByIndexes(range.row, range.col + range.cols, range.rows, computed.length);
      area.clear("All");
      await context.sync();
    });
  } catch {
    // The conversion's own error is the one worth reporting.
  }
}

/** Queues the computed columns' headers right of the user's header row. */
function queueComputedHeaders(worksheet: ExcelWorksheet, conversion: TableConversion): void {
  const { range, computed } = conversion;
  if (computed.length === 0) return;
  worksheet.getRangeByIndexes(range.row, range.col + range.cols, 1, computed.length).values = [computed.map((c) => asTypedText(c.header))];
}

/** Queues the computed columns' formulas in row chunks that each fit the payload budget, with their number formats. */
async function queueComputedFormulas(context: BatchContext, worksheet: ExcelWorksheet, conversion: TableConversion): Promise<void> {
  const { range, computed } = conversion;
  if (computed.length === 0) return;
  const col = range.col + range.cols;
  const dataRows = range.rows - 1;
  const rowBytes = jsonBytes(computed.map((c) => c.formulas[0] ?? "")) * 2 + 16;
  const perChunk = Math.max(1, Math.floor(context.budgetBytes / 2 / rowBytes));
  for (let start = 0; start < dataRows; start += perChunk) {
    const rows = Math.min(perChunk, dataRows - start);
    await context.reserve(rows * rowBytes);
    const block = worksheet.getRangeByIndexes(range.row + 1 + start, col, rows, computed.length);
    block.numberFormat = Array.from({ length: rows }, () => computed.map((c) => c.numberFormat ?? "General"));
    // Altitude's own formulas, never user text, so they go in as formulas.
    block.formulas = Array.from({ length: rows }, (_, r) => computed.map((c) => c.formulas[start + r] ?? ""));
  }
}

function isEventSource(value: unknown): value is EventSource {
  return typeof value === "object" && value !== null && "add" in value && typeof value.add === "function";
}

function rangeOf(worksheet: ExcelWorksheet, ref: RangeRef): ExcelRange {
  return worksheet.getRangeByIndexes(ref.row, ref.col, Math.max(1, ref.rows), Math.max(1, ref.cols));
}
