/**
 * The Excel adapter: WorkbookPort and WorkbookEditor over Office.js, batched.
 * Every batch runs through `BatchRunner` (the only code that syncs), and round
 * trips depend on the number of bytes moved, never on the number of rows:
 *
 * - `sheetNames`: 1 round trip.
 * - `readSheets`: 2 (the sheet list, then every used range's dimensions), plus
 *   1 per ~4 MB of values and number formats (1 for an ordinary workbook, so 3
 *   in all). Sizes are known before any cell is asked for, so Excel is never
 *   asked for a response its 5 MB cap would refuse.
 * - `writeSheets`: 1 to learn existing sheet and table names, then 1 per ~4 MB
 *   of content (1 for any ordinary plan), whatever the number of sheets or
 *   rows; 0 extra per sheet. On failure, 1 more batch (2 round trips) removes
 *   the sheets it created.
 * - `readState`, `writeState`, `appendRows`: 2; `select`: 1.
 */
import type { RawCell, SheetData } from "../core/model";
import type { OutputPlan, PlanValue, WriteResult } from "../core/plan";
import { uniqueSheetName, uniqueTableName } from "../core/sheet-names";
import type { ExcelApi, ExcelRange, ExcelWorksheet } from "./excel-api";
import { BatchRunner, DEFAULT_PAYLOAD_BUDGET, toWorkbookError } from "./excel-batch";
import { asTypedText, queueSheet, writeValues } from "./excel-writer";
import { STATE_SHEET, WorkbookError, type NumberLocale, type StoredState, type WorkbookEditor, type WorkbookPort, type WriteOptions } from "./port";

export interface ExcelWorkbookOptions {
  /** Most bytes one request or response may carry; 4 MB by default, under Excel on the web's 5 MB cap. */
  payloadBudgetBytes?: number;
}

export interface ExcelWorkbook extends WorkbookPort, WorkbookEditor {
  numberLocale(): Promise<NumberLocale | null>;
  /** Round trips (`context.sync()` calls) made so far, for tests and benchmarks. */
  readonly roundTrips: number;
}

/** A cell holds at most 32,767 characters; state JSON is split into pieces that fit. */
export const STATE_PIECE = 30_000;

/** What one read cell costs in a response (value and number format as JSON), estimated generously. */
const BYTES_PER_CELL = 100;

/**
 * The workbook port over Office.js.
 *
 * @example
 * const workbook = createExcelWorkbook(); // inside an Office add-in, over `Excel`
 * const sheets = await workbook.readSheets(["OKRs"]);
 */
export function createExcelWorkbook(excel: ExcelApi = globalThis.Excel, options: ExcelWorkbookOptions = {}): ExcelWorkbook {
  const runner = new BatchRunner(excel, options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET);

  async function sheetNames(): Promise<string[]> {
    return runner.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      await context.sync();
      return worksheets.items.filter((sheet) => sheet.visibility === "Visible" && sheet.name !== STATE_SHEET).map((sheet) => sheet.name);
    });
  }

  async function readSheets(names?: string[]): Promise<SheetData[]> {
    return runner.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      await context.sync();
      const chosen = pickSheets(worksheets.items, names);
      return readInChunks(context, chosen);
    });
  }

  async function writeSheets(plan: OutputPlan, writeOptions: WriteOptions = {}): Promise<WriteResult> {
    if (plan.sheets.length === 0) return { names: {} };
    const planned: string[] = [];
    try {
      return await runner.run(
        async (context) => {
          const worksheets = context.workbook.worksheets;
          const tables = context.workbook.tables;
          worksheets.load("items/name");
          tables.load("items/name");
          await context.sync();
          const names = chooseNames(plan, worksheets.items.map((sheet) => sheet.name));
          const table = tableNamer(tables.items.map((item) => item.name));
          planned.push(...Object.values(names));
          const added = new Map<string, ExcelWorksheet>();
          for (const [index, sheetPlan] of plan.sheets.entries()) {
            const name = names[sheetPlan.key];
            const sheet = worksheets.add(name);
            added.set(sheetPlan.key, sheet);
            await queueSheet(context, sheet, sheetPlan, { sheets: names, table });
            const progress = { done: index + 1, total: plan.sheets.length, sheet: name };
            context.afterSync(() => writeOptions.onProgress?.(progress));
          }
          added.get(plan.activate ?? plan.sheets[0].key)?.activate();
          await context.sync();
          return { names };
        },
        { eachRequest: suspendUpdates },
      );
    } catch (error) {
      await removeSheets(planned);
      throw toWorkbookError(error);
    }
  }

  /** Deletes the sheets a failed write may have created; their names were free before it started. */
  async function removeSheets(names: string[]): Promise<void> {
    if (names.length === 0) return;
    try {
      await runner.run(async (context) => {
        const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load("name"));
        await context.sync();
        for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
        await context.sync();
      });
    } catch {
      // The write's own error is the one worth reporting; a failed clean-up must not hide it.
    }
  }

  async function readState(): Promise<StoredState> {
    return runner.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET).load("name");
      await context.sync();
      if (sheet.isNullObject) return {};
      const used = sheet.getUsedRangeOrNullObject(true).load("values");
      await context.sync();
      if (used.isNullObject) return {};
      return parseState(used.values.map((row) => String(row[0] ?? "")).join(""));
    });
  }

  async function writeState(state: StoredState): Promise<void> {
    const json = JSON.stringify(state);
    const pieces: string[][] = [];
    // Each piece behind the apostrophe guard: a piece may begin with "=" or "-" and must stay text.
  for (let i = 0; i < json.length; i += STATE_PIECE) pieces.push([asTypedText(json.slice(i, i + STATE_PIECE))]);
    await runner.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const existing = worksheets.getItemOrNullObject(STATE_SHEET).load("name");
      await context.sync();
      const sheet = existing.isNullObject ? worksheets.add(STATE_SHEET) : existing;
      if (existing.isNullObject) sheet.visibility = "VeryHidden";
      else sheet.getRange("A:A").clear("Contents");
      sheet.getRangeByIndexes(0, 0, pieces.length, 1).values = pieces;
      await context.sync();
    });
  }

  async function appendRows(sheetName: string, rows: PlanValue[][]): Promise<void> {
    if (rows.length === 0) return;
    await runner.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount,columnIndex");
      await context.sync();
      const at = used.isNullObject ? { row: 0, col: 0 } : { row: used.rowIndex + used.rowCount, col: used.columnIndex };
      await writeValues(context, sheet, at, rows);
      await context.sync();
    });
  }

  async function numberLocale(): Promise<NumberLocale | null> {
    try {
      return await runner.run(async (context) => {
        const format = context.workbook.application.cultureInfo.numberFormat.load("numberDecimalSeparator");
        await context.sync();
        return format.numberDecimalSeparator === "," ? { decimalSeparator: "," } : { decimalSeparator: "." };
      });
    } catch {
      // Hosts before ExcelApi 1.11 have no culture information; the stored setting or "." applies.
      return null;
    }
  }

  async function select(sheetName: string, cell: string): Promise<void> {
    await runner.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(cell).select();
      await context.sync();
    });
  }

  return {
    sheetNames,
    readSheets,
    writeSheets,
    readState,
    writeState,
    appendRows,
    select,
    numberLocale,
    get roundTrips() {
      return runner.roundTrips;
    },
  };
}

function suspendUpdates(workbook: { application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void } }): void {
  workbook.application.suspendApiCalculationUntilNextSync();
  workbook.application.suspendScreenUpdatingUntilNextSync();
}


/** The named sheets in the order asked, or every visible one (the state sheet excluded) in tab order. */
function pickSheets(sheets: ExcelWorksheet[], names?: string[]): ExcelWorksheet[] {
  if (!names) return sheets.filter((sheet) => sheet.visibility === "Visible" && sheet.name !== STATE_SHEET);
  return names.map((name) => {
    const sheet = sheets.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw new WorkbookError(`There is no sheet named "${name}".`, "ItemNotFound");
    return sheet;
  });
}

/** Final sheet names by key, unique against existing sheets and each other, ignoring case. */
function chooseNames(plan: OutputPlan, existing: string[]): Record<string, string> {
  const taken = [...existing];
  const sheets: Record<string, string> = {};
  for (const sheetPlan of plan.sheets) {
    if (sheetPlan.key in sheets) throw new WorkbookError(`The plan has two sheets keyed "${sheetPlan.key}".`, "InvalidPlan");
    const name = uniqueSheetName(sheetPlan.name, taken);
    sheets[sheetPlan.key] = name;
    taken.push(name);
  }
  return sheets;
}

/** Names tables one after another, each unique against the workbook's and the ones named before it. */
function tableNamer(existing: string[]): (wanted: string) => string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  return (wanted) => {
    const name = uniqueTableName(wanted, taken);
    taken.add(name.toLowerCase());
    return name;
  };
}


/**
 * Rows of each sheet to read in the first request, sized for the worst case: small
 * sheets are read whole and what they leave of the budget is shared by the larger
 * ones, so an ordinary workbook is read in one request.
 */
function firstChunkRows(used: ExcelRange[], budget: number): number[] {
  const rows = used.map(() => 0);
  const order = used
    .map((range, i) => ({ i, range }))
    .filter(({ range }) => !range.isNullObject && range.rowCount > 0)
    .map(({ i, range }) => ({ i, range, rowBytes: range.columnCount * BYTES_PER_CELL }))
    .sort((a, b) => a.range.rowCount * a.rowBytes - b.range.rowCount * b.rowBytes);
  let left = budget;
  order.forEach(({ i, rowBytes, range }, n) => {
    const share = left / (order.length - n);
    rows[i] = Math.min(range.rowCount, Math.max(1, Math.floor(share / rowBytes)));
    left = Math.max(0, left - rows[i] * rowBytes);
  });
  return rows;
}

/**
 * Bytes one row of a chunk already read is expected to cost: the heaviest row seen,
 * or twice the average, whichever is more, and never under a floor per cell.
 */
function measuredRowBytes(sample: ExcelRange, columns: number): number {
  let total = 0;
  let heaviest = 0;
  sample.values.forEach((row, r) => {
    const bytes = JSON.stringify(row).length + JSON.stringify(sample.numberFormat[r] ?? []).length;
    total += bytes;
    heaviest = Math.max(heaviest, bytes);
  });
  const average = sample.values.length ? total / sample.values.length : columns * BYTES_PER_CELL;
  return Math.max(heaviest, 2 * average, columns * 4);
}


/**
 * Reads used ranges in three kinds of request: their dimensions (one round trip,
 * whatever the size), then values and number formats in row chunks that fit the
 * payload budget. Ranges that fit together are read in one request; a sheet
 * larger than the budget is read in chunks, the first sized for the worst case
 * and the rest from what those rows really weighed, with a margin. Asking for a
 * range the response cap would refuse is never tried, so no round trip is wasted.
 */
async function readInChunks(
  context: { sync(): Promise<void>; reserve(bytes: number): Promise<void>; readonly budgetBytes: number },
  sheets: ExcelWorksheet[],
): Promise<SheetData[]> {
  const used = sheets.map((sheet) => sheet.getUsedRangeOrNullObject(true).load("address,rowIndex,columnIndex,rowCount,columnCount"));
  await context.sync();
  const parts: ExcelRange[][] = used.map(() => []);
  const queue = (i: number, start: number, rows: number, rowBytes: number) => {
    const range = used[i];
    const part = sheets[i].getRangeByIndexes(range.rowIndex + start, range.columnIndex, rows, range.columnCount);
    parts[i].push(part.load("values,numberFormat"));
    return context.reserve(rows * rowBytes);
  };
  // The first request holds a worst-case-sized first chunk of every sheet, sharing the
  // budget, so a workbook of several sheets starts with one request, not one per sheet.
  const firstRows = firstChunkRows(used, context.budgetBytes);
  for (const [i, rows] of firstRows.entries()) {
    if (rows > 0) await queue(i, 0, rows, used[i].columnCount * BYTES_PER_CELL);
  }
  if (firstRows.some((rows) => rows > 0)) await context.sync();
  let rest = false;
  for (const [i, range] of used.entries()) {
    if (range.isNullObject || firstRows[i] >= range.rowCount) continue;
    const rowBytes = measuredRowBytes(parts[i][0], range.columnCount);
    const rowsPerChunk = Math.max(1, Math.floor(context.budgetBytes / rowBytes));
    for (let start = firstRows[i]; start < range.rowCount; start += rowsPerChunk) {
      await queue(i, start, Math.min(rowsPerChunk, range.rowCount - start), rowBytes);
      rest = true;
    }
  }
  if (rest) await context.sync();
  return sheets.map((sheet, i) => {
    const range = used[i];
    if (range.isNullObject) return { name: sheet.name, values: [], numberFormats: [], origin: { row: 0, col: 0 } };
    const values: RawCell[][] = [];
    const numberFormats: string[][] = [];
    for (const part of parts[i]) {
      for (const row of part.values) values.push(row);
      for (const row of part.numberFormat) numberFormats.push(row);
    }
    return { name: sheet.name, values, numberFormats, origin: { row: range.rowIndex, col: range.columnIndex } };
  });
}

/** Stored state, or an empty object when the sheet holds something that is not Altitude's JSON. */
function parseState(json: string): StoredState {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
