/**
 * The contract suite's host over Office.js: the live workbook from the task
 * pane's Diagnostics, or the in-memory stand-in in tests and the preview. Each
 * operation is what Altitude itself does (text through the writer's guard,
 * sheets read through the adapter's chunked reader, check-ins through
 * `rows.add`), so a contract that passes here holds for the product.
 */
import { rangeA1 } from "../core/address";
import type { ContractHost } from "../contracts/host";
import { createExcelWorkbook } from "./excel";
import type { ExcelApi } from "./excel-api";
import { BatchRunner, DEFAULT_PAYLOAD_BUDGET } from "./excel-batch";
import { createExcelEditor, type PaneEditor } from "./excel-editor";
import type { RequirementSets } from "./excel-features";
import { writeValues } from "./excel-writer";
import { WorkbookError } from "./port";

export interface ExcelContractHostOptions {
  name?: string;
  requirements?: RequirementSets;
  /** The editor whose change events the pane listens to; one over `excel` when omitted. */
  editor?: PaneEditor;
  /** How long to wait between reads of a custom function's cell while Excel calculates. */
  pollMs?: number;
}

/** Custom functions calculate asynchronously; Excel shows #BUSY! until they answer. */
const CALCULATION_POLLS = 40;

/**
 * A ContractHost over an Excel API.
 *
 * @example
 * const results = await runContracts(createExcelContractHost(Excel, { name: "Excel" }), CONTRACTS);
 */
export function createExcelContractHost(excel: ExcelApi, options: ExcelContractHostOptions = {}): ContractHost {
  const runner = new BatchRunner(excel, DEFAULT_PAYLOAD_BUDGET);
  const workbook = createExcelWorkbook(excel, { requirements: options.requirements });
  const editor = options.editor ?? createExcelEditor(excel, { requirements: options.requirements });
  const pollMs = options.pollMs ?? 250;

  return {
    name: options.name ?? "Excel",
    async addSheet(name) {
      await excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
    },
    async removeSheet(name) {
      await excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name).load("name");
        await context.sync();
        if (sheet.isNullObject) return;
        sheet.delete();
        await context.sync();
      });
    },
    async writeText(sheet, at, rows) {
      await runner.run(async (context) => {
        await writeValues(context, context.workbook.worksheets.getItem(sheet), at, rows);
        await context.sync();
      });
    },
    async typeCells(sheet, at, rows) {
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRangeByIndexes(at.row, at.col, rows.length, rows[0]?.length ?? 0).values = rows;
        await context.sync();
      });
    },
    async read(sheet, range) {
      return excel.run(async (context) => {
        const cells = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(range.row, range.col, range.rows, range.cols).load("values,formulas");
        await context.sync();
        const formulas = cells.formulas.map((row) => row.map((formula) => (typeof formula === "string" && formula.startsWith("=") ? formula : null)));
        return { values: cells.values, formulas };
      });
    },
    async readSheet(sheet) {
      const [read] = await workbook.readSheets([sheet]);
      return read.values;
    },
    async addTable(sheet, range) {
      return excel.run(async (context) => {
        const table = context.workbook.worksheets.getItem(sheet).tables.add(rangeA1(range), true);
        table.load("name");
        await context.sync();
        return table.name;
      });
    },
    async tableRange(name) {
      return excel.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(name).load("name");
        await context.sync();
        if (table.isNullObject) throw new WorkbookError(`There is no table named "${name}".`, "ItemNotFound");
        const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        return { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
      });
    },
    async appendToTable(name, rows) {
      const added = await editor.appendToTable(name, rows);
      if (!added) throw new WorkbookError(`There is no table named "${name}".`, "ItemNotFound");
    },
    async sortTable(name, column, ascending) {
      await excel.run(async (context) => {
        context.workbook.tables.getItem(name).sort.apply([{ key: column, ascending }]);
        await context.sync();
      });
    },
    async insertTableRows(name, index, rows) {
      await excel.run(async (context) => {
        const table = context.workbook.tables.getItem(name);
        const range = table.getRange().load("address,rowIndex,columnIndex");
        await context.sync();
        // A blank row each, as Insert › Table Rows Above makes, then the cells typed into it.
        for (let i = 0; i < rows.length; i++) table.rows.add(index + i);
        const sheet = context.workbook.worksheets.getItem(range.address.slice(0, range.address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'"));
        rows.forEach((row, i) => {
          if (row.length > 0) sheet.getRangeByIndexes(range.rowIndex + 1 + index + i, range.columnIndex, 1, row.length).values = [row];
        });
        await context.sync();
      });
    },
    async merge(sheet, range) {
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRangeByIndexes(range.row, range.col, range.rows, range.cols).merge(false);
        await context.sync();
      });
    },
    async reportsChange(change, waitMs) {
      let heard = false;
      let wake: () => void = () => undefined;
      const stop = await editor.onSheetsChanged(() => {
        heard = true;
        wake();
      });
      try {
        await change();
        if (!heard) await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, waitMs);
        });
        return heard;
      } finally {
        stop();
      }
    },
    async calculate(sheet, at, formula) {
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRangeByIndexes(at.row, at.col, 1, 1).formulas = [[formula]];
        await context.sync();
      });
      // One read per poll, spaced out: waiting for Excel to calculate, not batching work.
      const readShown = () =>
        excel.run(async (context) => {
          const cell = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(at.row, at.col, 1, 1).load("values");
          await context.sync();
          return cell.values[0][0];
        });
      for (let poll = 0; ; poll++) {
        const shown = await readShown();
        if ((shown !== "#BUSY!" && shown !== "") || poll >= CALCULATION_POLLS) return shown;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
  };
}
