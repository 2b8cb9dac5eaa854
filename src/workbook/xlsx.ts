/**
 * The file adapter: the workbook port over an .xlsx file through ExcelJS, for
 * the CLI and the tests. Cells are converted to the shape Office.js returns, so
 * parsing cannot tell which adapter read them. The input file is only ever read;
 * results are written to a new file with {@link XlsxWorkbook.saveAs}.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { RawCell, SheetData } from "../core/model";
import type { OutputPlan, WriteResult } from "../core/plan";
import { STATE_SHEET, WorkbookError, type StoredState, type WorkbookPort, type WriteOptions } from "./port";
import { addChartsToXlsx, writePlanToWorkbook, type PendingChart } from "./xlsx-writer";

const MS_PER_DAY = 86_400_000;
/** Excel's serial 25569 is 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Excel keeps at most 32,767 characters in a cell; the state is split below that. */
const STATE_CHUNK = 30_000;

/** An encrypted (password-protected) workbook, like a legacy .xls, is an OLE compound file. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b]);

/**
 * Opens an .xlsx file for reading. Fails with a {@link WorkbookError} whose message is
 * one plain line, e.g. `cannot read "goals.xlsx": file not found`.
 *
 * @example
 * const book = await openXlsx("goals.xlsx");
 * const sheets = await book.readSheets();
 */
export async function openXlsx(file: string): Promise<XlsxWorkbook> {
  const fail = (reason: string, code: string) => new WorkbookError(`cannot read "${file}": ${reason}`, code);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = errorCode(error);
    throw fail(FILE_ERRORS[code] ?? `the file could not be opened (${code})`, code);
  }
  if (bytes.length === 0) throw fail("the file is empty", "Empty");
  if (bytes.subarray(0, 4).equals(OLE_SIGNATURE)) {
    throw fail("it is password-protected or an old .xls file; save an unprotected .xlsx copy and try again", "Encrypted");
  }
  if (!bytes.subarray(0, 2).equals(ZIP_SIGNATURE)) throw fail("it is not an .xlsx workbook", "NotXlsx");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw fail("the file is damaged or is not an .xlsx workbook", "Corrupt");
  }
  // ExcelJS loads a file saved without sheet or workbook views with `views` null or
  // undefined, although its typings (and the writer) expect arrays.
  workbook.views ??= [];
  for (const ws of workbook.worksheets) ws.views ??= [];
  return new XlsxWorkbook(workbook, path.resolve(file));
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: "file not found",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return "Unknown";
}

/** The workbook port over one ExcelJS workbook loaded from `source`. */
export class XlsxWorkbook implements WorkbookPort {
  private readonly charts: PendingChart[] = [];

  constructor(
    /** The ExcelJS workbook; exposed for tests and the sample script. */
    readonly workbook: ExcelJS.Workbook,
    /** Absolute path of the file it was read from, which {@link saveAs} never overwrites. */
    readonly source: string | null = null,
  ) {}

  async sheetNames(): Promise<string[]> {
    return this.visibleSheets().map((ws) => ws.name);
  }

  async readSheets(names?: string[]): Promise<SheetData[]> {
    const visible = this.visibleSheets();
    if (!names) return visible.map(readWorksheet);
    return names.map((name) => {
      const ws = visible.find((w) => w.name.toLowerCase() === name.toLowerCase());
      if (!ws) throw new WorkbookError(`There is no sheet named "${name}".`, "ItemNotFound");
      return readWorksheet(ws);
    });
  }

  async writeSheets(plan: OutputPlan, options: WriteOptions = {}): Promise<WriteResult> {
    const result = writePlanToWorkbook(this.workbook, plan, options);
    this.charts.push(...result.charts);
    return { names: result.names };
  }

  async readState(): Promise<StoredState> {
    const ws = this.workbook.getWorksheet(STATE_SHEET);
    if (!ws) return {};
    let text = "";
    for (let r = 1; r <= ws.rowCount; r++) {
      const value = toRawCell(ws.getCell(r, 1).value);
      if (typeof value === "string") text += value;
    }
    try {
      const state: unknown = JSON.parse(text);
      return state && typeof state === "object" && !Array.isArray(state) ? (state as StoredState) : {};
    } catch {
      // A damaged state sheet must not make the workbook unusable: fall back to defaults.
      return {};
    }
  }

  async writeState(state: StoredState): Promise<void> {
    const old = this.workbook.getWorksheet(STATE_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(STATE_SHEET, { state: "veryHidden" });
    const text = JSON.stringify(state);
    for (let i = 0, r = 1; i < text.length; i += STATE_CHUNK, r++) {
      ws.getCell(r, 1).value = text.slice(i, i + STATE_CHUNK);
    }
  }

  /**
   * Writes the workbook, with any charts planned so far, to a new file. The file is
   * written beside its destination and renamed into place, so a failure never leaves
   * half a file; the workbook's own source file is never overwritten.
   */
  async saveAs(file: string): Promise<void> {
    const target = path.resolve(file);
    if (this.source && (await samePath(target, this.source))) {
      throw new WorkbookError(`will not overwrite the input file "${file}"; choose another output name`, "SameFile");
    }
    const written = Buffer.from(await this.workbook.xlsx.writeBuffer());
    const bytes = this.charts.length ? await addChartsToXlsx(written, this.charts) : written;
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await fs.writeFile(temp, bytes, { flag: "wx" });
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      const code = errorCode(error);
      throw new WorkbookError(`cannot write "${file}": ${FILE_ERRORS[code] ?? code}`, code);
    }
  }

  private visibleSheets(): ExcelJS.Worksheet[] {
    return this.workbook.worksheets.filter((ws) => ws.state === "visible" && ws.name !== STATE_SHEET);
  }
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => fs.realpath(p).catch(() => p);
  return (await real(a)) === (await real(b));
}

/**
 * Reads a worksheet's used range (trimmed to the cells that hold values) as
 * values and number formats, the way Office.js's `getUsedRange(true)` does.
 */
function readWorksheet(ws: ExcelJS.Worksheet): SheetData {
  const cells: Array<{ row: number; col: number; value: RawCell; format: string }> = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Only a merged area's master cell holds the value, as in Excel's `values`.
      const value = cell.type === ExcelJS.ValueType.Merge ? "" : toRawCell(cell.value);
      if (value !== "") cells.push({ row: rowNumber - 1, col: colNumber - 1, value, format: cell.numFmt || "General" });
    });
  });
  if (cells.length === 0) return { name: ws.name, values: [], numberFormats: [], origin: { row: 0, col: 0 } };
  // Loops, not Math.min(...cells): spreading 120,000 cells into a call overflows the stack.
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of cells) {
    if (c.row < top) top = c.row;
    if (c.col < left) left = c.col;
    if (c.row > bottom) bottom = c.row;
    if (c.col > right) right = c.col;
  }
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  const values: RawCell[][] = Array.from({ length: rows }, () => new Array<RawCell>(cols).fill(""));
  const numberFormats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  for (const c of cells) {
    values[c.row - top][c.col - left] = c.value;
    numberFormats[c.row - top][c.col - left] = c.format;
  }
  return { name: ws.name, values, numberFormats, origin: { row: top, col: left } };
}

/**
 * Converts an ExcelJS cell value to what Office.js would return: dates become
 * serial numbers, formulas their cached result, rich text and hyperlinks their
 * text, errors their `#N/A`-style text, and blanks `""`.
 *
 * @example
 * toRawCell(new Date(Date.UTC(2026, 6, 1))) // 46204
 * toRawCell({ formula: "A1*2", result: 4 }) // 4
 */
export function toRawCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return toRawCell(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return toRawCell(value.result as ExcelJS.CellValue);
  return "";
}

/** Excel serial number (1900 system) of a date ExcelJS decoded as UTC; the time of day is kept as a fraction. */
function dateToSerial(date: Date): number | string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return "#VALUE!";
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}
