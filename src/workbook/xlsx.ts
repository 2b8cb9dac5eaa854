/**
 * The file adapter: the workbook port over an .xlsx file, for the CLI and the
 * tests. Sheets are streamed from the package and kept sparse (see xlsx-read.ts);
 * cells come out in the shape Office.js returns, so parsing cannot tell which
 * adapter read them. The input file is only ever read; results are written to a
 * new file with {@link XlsxWorkbook.saveAs}.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { SheetData } from "../core/model";
import type { OutputPlan, WriteResult } from "../core/plan";
import { errorCode, writeThroughTemp } from "./output-file";
import { decodeState, encodeState } from "./state-codec";
import { STATE_SHEET, WorkbookError, type StoredState, type WorkbookPort, type WriteOptions } from "./port";
import { packSheet, writeCopy, type PackedSheet } from "./xlsx-copy";
import { Spool } from "./xlsx-zip";
import { INPUT_CHANGED, openPackageParts, type OpenProblem, type PackageParts } from "./xlsx-archive";
import { NS, sniffNonZip, XlsxPackage, type SheetEntry } from "./xlsx-package";
import { readWorkbookTables, readWorksheet, type WorkbookTables } from "./xlsx-read";
import { readExistingStyles, StyleSheet } from "./xlsx-styles";
import { renderSheets } from "./xlsx-writer";
import { escapeXmlText, readXmlPart } from "./xlsx-xml";

/**
 * Sheets rendered between two turns of the event loop while writing: a turn costs
 * microseconds, and signal handlers and timers wait no longer than this many sheets.
 */
export const SHEETS_PER_TURN = 32;

/**
 * Deflated bytes of new parts kept in memory before the rest wait in a temporary
 * file until the copy is saved: a review of 50,000 people adds some 400 MB.
 */
const PARTS_IN_MEMORY = 32 * 1024 * 1024;

/**
 * Lets pending events (a signal, a timer, an abort) run before work continues.
 *
 * @example
 * if (done % SHEETS_PER_TURN === 0) await nextTurn();
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Opens an .xlsx file for reading: the package's directory and workbook part are
 * read now, sheets only when asked for, each streamed from the file; the file's
 * bytes are not held (see xlsx-archive.ts). Fails with a {@link WorkbookError}
 * whose message is one plain line, e.g. `cannot read "goals.xlsx": file not found`,
 * and whose code names the cause (`ENOENT`, `Xls`, `Ods`, `MissingPart`,
 * `MissingWorkbook`, `Corrupt` …).
 *
 * @example
 * const book = await openXlsx("goals.xlsx");
 * const sheets = await book.readSheets();
 */
export async function openXlsx(file: string, options: OpenOptions = {}): Promise<XlsxWorkbook> {
  const fail = (reason: string, code: string) => new WorkbookError(`cannot read "${file}": ${reason}`, code);
  let parts: PackageParts | OpenProblem;
  try {
    parts = await openPackageParts(file, sniffNonZip, { chunkBytes: options.chunkBytes });
  } catch (error) {
    const code = errorCode(error);
    throw fail(FILE_ERRORS[code] ?? `the file could not be opened (${code})`, code);
  }
  if ("problem" in parts) throw fail(parts.problem.reason, parts.problem.code);
  let pkg: XlsxPackage;
  try {
    pkg = await XlsxPackage.load(parts);
  } catch (error) {
    if (error instanceof WorkbookError) throw fail(error.message, error.code);
    throw fail("the file is damaged or is not an .xlsx workbook", "Corrupt");
  }
  return new XlsxWorkbook(pkg, path.resolve(file), file, options.partsInMemory);
}

export interface OpenOptions {
  /** Deflated bytes of new sheets held in memory until saved; the rest wait in a temporary file (32 MB by default). */
  partsInMemory?: number;
  /** Bytes read from the input file at a time while a part is streamed or kept parts are copied (1 MB by default). */
  chunkBytes?: number;
}

/** Errors of reading the input while a copy is written, which name the input rather than the output. */
const INPUT_ERRORS = new Set([INPUT_CHANGED, "Corrupt", "MissingPart"]);

const FILE_ERRORS: Record<string, string> = {
  ENOENT: "file not found",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** The workbook port over one .xlsx package loaded from `source`. */
export class XlsxWorkbook implements WorkbookPort {
  private tables: Promise<WorkbookTables> | null = null;
  private styles: StyleSheet | null = null;
  private existingTables: { names: string[]; maxId: number } | null = null;
  private readonly added: PackedSheet[] = [];
  private readonly spool: Spool;
  private pendingState: StoredState | null = null;

  constructor(
    private readonly pkg: XlsxPackage,
    /** Absolute path of the file it was read from, which {@link saveAs} never overwrites. */
    readonly source: string | null = null,
    /** The file as the user named it, for messages. */
    private readonly shownAs: string = source ?? "workbook",
    /** Deflated bytes of new parts held in memory; the rest wait on disk until saved. */
    private readonly partsInMemory: number = PARTS_IN_MEMORY,
  ) {
    this.spool = new Spool(partsInMemory);
  }

  async sheetNames(): Promise<string[]> {
    return this.visibleSheets().map((s) => s.name);
  }

  async readSheets(names?: string[]): Promise<SheetData[]> {
    const visible = this.visibleSheets();
    const chosen = names
      ? names.map((name) => {
          const entry = visible.find((s) => s.name.toLowerCase() === name.toLowerCase());
          if (!entry) throw new WorkbookError(`There is no sheet named "${name}".`, "ItemNotFound");
          return entry;
        })
      : visible;
    const out: SheetData[] = [];
    // One sheet at a time, so only one sheet's stream is in flight.
    for (const entry of chosen) {
      if (entry.part === null) out.push({ name: entry.name, values: [], numberFormats: [], origin: { row: 0, col: 0 } });
      else out.push(await this.readPart(entry.name, entry.part));
    }
    return out;
  }

  /**
   * Renders the planned sheets, to be added to the copy {@link saveAs} writes. All or
   * nothing: a plan that fails adds no sheet, table or format. One sheet at a time:
   * each is laid out, rendered and deflated before the next is laid out, so a plan
   * of deferred sheets never has more than one sheet's cells in memory; and the
   * event loop gets a turn every few sheets, so Ctrl-C and cancellation are heard
   * while thousands of sheets render.
   */
  async writeSheets(plan: OutputPlan, options: WriteOptions = {}): Promise<WriteResult> {
    const styles = await this.located(() => this.styleSheet());
    const existing = await this.located(() => this.existingTableNames());
    const rendering = renderSheets(
      plan,
      {
        sheetNames: [...this.pkg.sheets.map((s) => s.name), ...this.added.map((s) => s.name)],
        tableNames: existing.names.concat(this.pkg.definedNames, this.added.flatMap((s) => s.tables.map((t) => t.name))),
        maxTableId: this.added.reduce((max, s) => s.tables.reduce((m, t) => Math.max(m, t.id), max), existing.maxId),
      },
      styles,
      options,
    );
    const packed: PackedSheet[] = [];
    for (let step = rendering.next(); ; step = rendering.next()) {
      if (step.done) {
        for (const sheet of packed) this.added.push(sheet);
        return { names: step.value };
      }
      packed.push(packSheet(step.value, this.spool));
      if (packed.length % SHEETS_PER_TURN === 0) await nextTurn();
    }
  }

  async readState(): Promise<StoredState> {
    if (this.pendingState) return this.pendingState;
    const entry = this.pkg.sheets.find((s) => s.name === STATE_SHEET);
    if (!entry?.part) return {};
    const sheet = await this.readPart(entry.name, entry.part);
    const cells: unknown[] = [];
    for (const row of sheet.values) cells.push(sheet.origin.col === 0 ? row[0] : "");
    const { state, problems } = decodeState(cells);
    return problems.length > 0 ? { ...state, problems } : state;
  }

  /** Keeps the state for the copy: it replaces the state sheet there (or adds it, very hidden). */
  async writeState(state: StoredState): Promise<void> {
    this.pendingState = state;
  }

  /**
   * Writes a copy of the input with the new sheets (and state) to `file`. The copy is
   * written beside its destination and renamed into place, so a failure never leaves
   * half a file; the workbook's own source file is never overwritten, and every part
   * of it the additions do not list is copied unchanged, from the input file as it
   * was opened: an input changed since is refused and nothing is written.
   */
  async saveAs(file: string): Promise<void> {
    const target = path.resolve(file);
    if (this.source && (await samePath(target, this.source))) {
      throw new WorkbookError(`will not overwrite the input file "${file}"; choose another output name`, "SameFile");
    }
    const state = this.pendingState ? { name: STATE_SHEET, xml: stateSheetXml(this.pendingState) } : null;
    try {
      await writeThroughTemp(target, (temp) => writeCopy(this.pkg, { sheets: this.added, styles: this.styles, state }, temp), file);
    } catch (error) {
      if (!(error instanceof WorkbookError) || !INPUT_ERRORS.has(error.code)) throw error;
      const after = error.code === INPUT_CHANGED ? "; run the command again" : "";
      throw new WorkbookError(`cannot copy "${this.shownAs}" to "${file}": ${error.message}; nothing was written${after}`, error.code);
    }
  }

  private visibleSheets(): SheetEntry[] {
    return this.pkg.sheets.filter((s) => s.state === "visible" && s.name !== STATE_SHEET);
  }

  private workbookTables(): Promise<WorkbookTables> {
    this.tables ??= readWorkbookTables(this.pkg);
    return this.tables;
  }

  private readPart(name: string, part: string): Promise<SheetData> {
    return this.located(async () => readWorksheet(this.pkg, await this.workbookTables(), name, part));
  }

  /** Runs a read of the package, its errors naming the file. */
  private async located<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      const why = error.code === INPUT_CHANGED ? `${error.message}; run the command again` : error.message;
      throw new WorkbookError(`cannot read "${this.shownAs}": ${why}`, error.code);
    }
  }

  private async styleSheet(): Promise<StyleSheet> {
    this.styles ??= new StyleSheet(await readExistingStyles(this.pkg.parts, this.pkg.workbookTarget("styles")));
    return this.styles;
  }

  /** The names and ids of the tables already in the package (table parts are small). */
  private async existingTableNames(): Promise<{ names: string[]; maxId: number }> {
    if (this.existingTables) return this.existingTables;
    const found = { names: [] as string[], maxId: 0 };
    for (const name of this.pkg.parts.names) {
      if (!/^xl\/tables\/[^/]+\.xml$/.test(name)) continue;
      await readXmlPart(this.pkg.parts, name, {
        open(tag) {
          if (tag.local !== "table") return;
          if (tag.attributes.name) found.names.push(tag.attributes.name);
          if (tag.attributes.displayName) found.names.push(tag.attributes.displayName);
          found.maxId = Math.max(found.maxId, Number(tag.attributes.id) || 0);
        },
      });
    }
    this.existingTables = found;
    return found;
  }
}

/** The state as JSON text in column A, cut in chunks below Excel's cell limit. */
function stateSheetXml(state: StoredState): string {
  const rows = encodeState(state).map(
    (piece, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(piece)}</t></is></c></row>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => fs.realpath(p).catch(() => p);
  return (await real(a)) === (await real(b));
}
