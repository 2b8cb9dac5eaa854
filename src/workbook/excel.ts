/**
 * The Excel adapter: WorkbookPort and WorkbookEditor over Office.js, batched.
 * Every batch runs through `BatchRunner` (the only code that syncs), and round
 * trips depend on the number of bytes moved, never on the number of rows:
 *
 * - `sheetNames`: 1 round trip.
 * - `readSheets`: 2 (the sheet list, then every used range's dimensions), then
 *   1 probe of up to 20,000 cells (an ordinary workbook is read whole by it, so
 *   3 in all), then 1 per ~4 MB of the rest, sized from the UTF-8 bytes the
 *   probe's rows weighed; a response Excel refuses for its size is asked for
 *   again in halves.
 * - `writeSheets`: 1 to learn existing sheet and table names, then 1 per ~4 MB
 *   of content (1 for any ordinary plan), whatever the number of sheets or
 *   rows; 0 extra per sheet. On failure, 1 more batch (2 round trips) removes
 *   the sheets it created.
 * - `readState`, `writeState`, `appendRows`: 2; `select`: 1.
 */
import type { RawCell, SheetData } from "../core/model";
import { laidOut, type OutputPlan, type PlanValue, type WriteResult } from "../core/plan";
import { sheetNamer, uniqueTableName } from "../core/sheet-names";
import type { ExcelApi, ExcelRange, ExcelWorkbookProxy, ExcelWorksheet } from "./excel-api";
import { BatchRunner, DEFAULT_PAYLOAD_BUDGET, toWorkbookError, type BatchContext } from "./excel-batch";
import { excelFeatures, type RequirementSets } from "./excel-features";
import { jsonBytes } from "./json-bytes";
import { asTypedText, queueSheet, writeValues } from "./excel-writer";
import { decodeState, encodeState } from "./state-codec";
import { STATE_SHEET, WorkbookError, type NumberLocale, type StoredState, type WorkbookEditor, type WorkbookPort, type WriteOptions } from "./port";

export interface ExcelWorkbookOptions {
  /** Most bytes one request or response may carry; 4 MB by default, under Excel on the web's 5 MB cap. */
  payloadBudgetBytes?: number;
  /** The host's requirement sets; `Office.context.requirements` when omitted. */
  requirements?: RequirementSets;
}

export interface ExcelWorkbook extends WorkbookPort, WorkbookEditor {
  numberLocale(): Promise<NumberLocale | null>;
  /** Round trips (`context.sync()` calls) made so far, for tests and benchmarks. */
  readonly roundTrips: number;
}

export { STATE_PIECE } from "./state-codec";

/**
 * The workbook port over Office.js.
 *
 * @example
 * const workbook = createExcelWorkbook(); // inside an Office add-in, over `Excel`
 * const sheets = await workbook.readSheets(["OKRs"]);
 */
export function createExcelWorkbook(excel: ExcelApi = globalThis.Excel, options: ExcelWorkbookOptions = {}): ExcelWorkbook {
  const runner = new BatchRunner(excel, options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET);
  const has = excelFeatures(options.requirements);
  const suspendUpdates = (workbook: ExcelWorkbookProxy) => {
    if (has("suspendCalculation")) workbook.application.suspendApiCalculationUntilNextSync();
    if (has("suspendScreenUpdating")) workbook.application.suspendScreenUpdatingUntilNextSync();
  };

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
          for (const name of Object.values(names)) planned.push(name);
          const added = new Map<string, ExcelWorksheet>();
          for (const [index, sheetPlan] of plan.sheets.entries()) {
            const name = names[sheetPlan.key];
            const sheet = worksheets.add(name);
            added.set(sheetPlan.key, sheet);
            // A deferred sheet is laid out only now; its blocks are let go once queued.
            await queueSheet(context, sheet, laidOut(sheetPlan), { sheets: names, table });
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
      const { state, problems } = decodeState(used.values.map((row) => row[0]));
      return problems.length > 0 ? { ...state, problems } : state;
    });
  }

  async function writeState(state: StoredState): Promise<void> {
    // Each piece behind the apostrophe guard: a piece may begin with "=" or "-" and must stay text.
    const pieces = encodeState(state).map((piece) => [asTypedText(piece)]);
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
    if (!has("cultureInfo")) return null;
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
  const nameOf = sheetNamer(existing);
  const sheets: Record<string, string> = {};
  for (const sheetPlan of plan.sheets) {
    if (sheetPlan.key in sheets) throw new WorkbookError(`The plan has two sheets keyed "${sheetPlan.key}".`, "InvalidPlan");
    sheets[sheetPlan.key] = nameOf(sheetPlan.name);
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


/** Cells the first (probing) request asks for across all sheets: small enough for any text, big enough for an ordinary workbook. */
const PROBE_CELLS = 20_000;
/** Rows of one sheet the probe asks for at most; the rest is read in chunks sized from what these weighed. */
const PROBE_ROWS = 1_000;
/** Margin on the heaviest row seen, for rows further down that weigh a little more. */
const ROW_MARGIN = 1.25;

/**
 * Rows of each sheet the probe reads: small sheets whole, the cell allowance shared
 * among the larger ones, never more than PROBE_ROWS of one sheet.
 */
function probeRows(used: ExcelRange[]): number[] {
  const rows = used.map(() => 0);
  const order = used
    .map((range, i) => ({ i, range }))
    .filter(({ range }) => !range.isNullObject && range.rowCount > 0)
    .sort((a, b) => a.range.rowCount * a.range.columnCount - b.range.rowCount * b.range.columnCount);
  let left = PROBE_CELLS;
  order.forEach(({ i, range }, n) => {
    const share = left / (order.length - n);
    rows[i] = Math.min(range.rowCount, PROBE_ROWS, Math.max(1, Math.floor(share / range.columnCount)));
    left = Math.max(0, left - rows[i] * range.columnCount);
  });
  return rows;
}

/** UTF-8 bytes of the heaviest row read (values and number formats), as Excel measures the response. */
function heaviestRowBytes(parts: ExcelRange[]): number {
  let heaviest = 0;
  for (const part of parts) {
    part.values.forEach((row, r) => {
      heaviest = Math.max(heaviest, jsonBytes(row) + jsonBytes(part.numberFormat[r] ?? []) + 2);
    });
  }
  return heaviest;
}

interface Chunk {
  sheet: number;
  start: number;
  rows: number;
  bytes: number;
  part?: ExcelRange;
}

/**
 * Sends one read request: true when Excel answered, false when it refused the response
 * for its size and the chunks can be halved; any other failure is rethrown.
 */
async function sent(context: BatchContext, request: Chunk[]): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch (error) {
    if (!isResponseTooLarge(error) || request.every((chunk) => chunk.rows === 1)) throw error;
    return false;
  }
}

function isResponseTooLarge(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Reads used ranges: their dimensions (one round trip, whatever the size), then a
 * small probe of every sheet in one request, then the rest in row chunks sized from
 * the UTF-8 bytes the probe's rows really weighed, several chunks to a request up to
 * the payload budget. Excel on the web refuses a response over 5 MB
 * (ResponsePayloadSizeLimitExceeded, "Resource limits and performance optimization
 * for Office Add-ins", https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization);
 * when a request is refused anyway (rows heavier further down), its chunks are
 * asked for again with half the rows each.
 */
async function readInChunks(context: BatchContext, sheets: ExcelWorksheet[]): Promise<SheetData[]> {
  const used = sheets.map((sheet) => sheet.getUsedRangeOrNullObject(true).load("address,rowIndex,columnIndex,rowCount,columnCount"));
  await context.sync();
  const done: Chunk[][] = used.map(() => []);
  const probe = probeRows(used)
    .map((rows, sheet) => ({ sheet, start: 0, rows, bytes: 0 }))
    .filter((chunk) => chunk.rows > 0);
  await readChunks(context, sheets, used, [probe], done);
  const rest: Chunk[] = [];
  for (const [i, range] of used.entries()) {
    const read = done[i].reduce((sum, chunk) => sum + chunk.rows, 0);
    if (range.isNullObject || read >= range.rowCount) continue;
    const rowBytes = Math.max(1, Math.ceil(heaviestRowBytes(done[i].map((chunk) => chunk.part).filter(isRange)) * ROW_MARGIN));
    const perChunk = Math.max(1, Math.floor(context.budgetBytes / rowBytes));
    for (let start = read; start < range.rowCount; start += perChunk) {
      const rows = Math.min(perChunk, range.rowCount - start);
      rest.push({ sheet: i, start, rows, bytes: rows * rowBytes });
    }
  }
  await readChunks(context, sheets, used, requestsOf(rest, context.budgetBytes), done);
  return sheets.map((sheet, i) => {
    const range = used[i];
    if (range.isNullObject) return { name: sheet.name, values: [], numberFormats: [], origin: { row: 0, col: 0 } };
    const values: RawCell[][] = [];
    const numberFormats: string[][] = [];
    for (const chunk of [...done[i]].sort((a, b) => a.start - b.start)) {
      if (!chunk.part) continue;
      for (const row of chunk.part.values) values.push(row);
      for (const row of chunk.part.numberFormat) numberFormats.push(row);
    }
    return { name: sheet.name, values, numberFormats, origin: { row: range.rowIndex, col: range.columnIndex } };
  });
}

function isRange(part: ExcelRange | undefined): part is ExcelRange {
  return part !== undefined;
}

/** Chunks grouped into requests of at most `budget` estimated bytes, in order. */
function requestsOf(chunks: Chunk[], budget: number): Chunk[][] {
  const requests: Chunk[][] = [];
  let current: Chunk[] = [];
  let bytes = 0;
  for (const chunk of chunks) {
    if (current.length > 0 && bytes + chunk.bytes > budget) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(chunk);
    bytes += chunk.bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/**
 * Sends each request of chunks (one round trip each); a request Excel refuses for the
 * size of its response is split into its chunks' halves and sent again.
 */
async function readChunks(context: BatchContext, sheets: ExcelWorksheet[], used: ExcelRange[], requests: Chunk[][], done: Chunk[][]): Promise<void> {
  const queue = [...requests];
  while (queue.length > 0) {
    const request = queue.shift() ?? [];
    const parts = request.map((chunk) => {
      const range = used[chunk.sheet];
      return sheets[chunk.sheet].getRangeByIndexes(range.rowIndex + chunk.start, range.columnIndex, chunk.rows, range.columnCount).load("values,numberFormat");
    });
    if (await sent(context, request)) {
      request.forEach((chunk, n) => done[chunk.sheet].push({ ...chunk, part: parts[n] }));
      continue;
    }
    const halves = request.flatMap((chunk) => {
      if (chunk.rows === 1) return [chunk];
      const first = Math.ceil(chunk.rows / 2);
      return [
        { ...chunk, rows: first, bytes: chunk.bytes / 2 },
        { ...chunk, start: chunk.start + first, rows: chunk.rows - first, bytes: chunk.bytes / 2 },
      ];
    });
    const total = request.reduce((sum, chunk) => sum + chunk.bytes, 0);
    const retries = requestsOf(halves, total / 2);
    for (let i = retries.length - 1; i >= 0; i--) queue.unshift(retries[i]);
  }
}
