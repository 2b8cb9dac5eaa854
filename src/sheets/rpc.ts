/**
 * The sidebar talks to the spreadsheet through `google.script.run`, which calls
 * one server function and hands back plain data
 * (https://developers.google.com/apps-script/guides/html/reference/run: "Legal
 * parameters and return values are JavaScript primitives … objects and arrays
 * composed of primitives"; a Date, for one, is refused). So every call is one
 * JSON string each way, and a failure comes back as data with its code, which
 * the failure handler's bare message would lose.
 *
 * The server side ({@link serveCall}) runs the Sheets adapter; the sidebar side
 * ({@link remoteHost}) is the same workbook port and pane editor the task pane
 * uses in Excel, so the React app cannot tell the hosts apart.
 */
import type { TableConversion } from "../core/tables";
import { laidOutPlan } from "../app/vocabulary";
import type { OutputPlan, PlanValue } from "../core/plan";
import type { AppendOptions, ConversionResult, PaneEditor } from "../workbook/excel-editor";
import { WorkbookError, type StoredState, type WorkbookPort } from "../workbook/port";
import type { SheetsWorkbook } from "./adapter";
import { convertInSheets } from "./conversion";
import type { SheetsApp } from "./api";

/** What the server answers: the value, or the failure with its code. */
export type Reply = { ok: true; value: unknown } | { ok: false; message: string; code: string };

type Handler = (book: SheetsWorkbook, app: SheetsApp, args: unknown[]) => unknown;

const HANDLERS: Record<string, Handler> = {
  sheetNames: (book) => book.sheetNames(),
  readSheets: (book, _app, [names]) => book.readSheets(names as string[] | undefined),
  writeSheets: (book, _app, [plan]) => book.writeSheets(plan as OutputPlan),
  readState: (book) => book.readState(),
  writeState: (book, _app, [state]) => {
    book.writeState(state as StoredState);
    return null;
  },
  numberLocale: (book) => book.numberLocale(),
  appendRows: (book, _app, [sheet, rows, options]) => {
    book.appendRows(sheet as string, rows as PlanValue[][], (options as AppendOptions | undefined)?.numberFormats);
    return null;
  },
  select: (book, _app, [sheet, cell]) => {
    book.select(sheet as string, cell as string);
    return null;
  },
  convertToTable: (book, app, [conversion]) => {
    const planned = conversion as TableConversion;
    const done = convertInSheets(app, book.sheetNamed(planned.sheet), planned);
    // Sheets has no named tables: the banded range is named by its address.
    return { tableName: planned.tableName, address: done.address } satisfies ConversionResult;
  },
};

/** The names the sidebar may call. */
export const REMOTE_METHODS = Object.keys(HANDLERS);

/**
 * Runs one call from the sidebar and answers it as JSON; never throws.
 *
 * @example
 * serveCall(book, SpreadsheetApp, "sheetNames", "[]") // '{"ok":true,"value":["OKRs"]}'
 */
export function serveCall(book: SheetsWorkbook, app: SheetsApp, method: string, argsJson: string): string {
  let reply: Reply;
  try {
    const handler = Object.prototype.hasOwnProperty.call(HANDLERS, method) ? HANDLERS[method] : undefined;
    if (!handler) throw new WorkbookError(`Altitude has no server call named "${method}".`, "InvalidArgument");
    const args: unknown = JSON.parse(argsJson);
    if (!Array.isArray(args)) throw new WorkbookError("The arguments of a server call must be a list.", "InvalidArgument");
    reply = { ok: true, value: handler(book, app, args) ?? null };
  } catch (error) {
    reply =
      error instanceof WorkbookError
        ? { ok: false, message: error.message, code: error.code }
        : { ok: false, message: error instanceof Error ? error.message : String(error), code: "SheetsError" };
  }
  return JSON.stringify(reply);
}

/** `google.script.run` as far as the sidebar uses it. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: string) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  altitudeCall(method: string, argsJson: string): void;
}

/**
 * Calls the server and resolves with its value, or rejects with a {@link WorkbookError}.
 *
 * @example
 * await callServer(google.script.run, "sheetNames", []) // ["OKRs", "KPIs"]
 */
export function callServer(run: ScriptRun, method: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    run
      .withSuccessHandler((json) => {
        const reply = JSON.parse(json) as Reply;
        if (reply.ok) resolve(reply.value);
        else reject(new WorkbookError(reply.message, reply.code));
      })
      .withFailureHandler((error) => reject(new WorkbookError(`Google Sheets did not answer: ${error.message}`, "ScriptError")))
      .altitudeCall(method, JSON.stringify(args));
  });
}

/**
 * The workbook port and pane editor over `google.script.run`, for the sidebar.
 *
 * @example
 * const host = remoteHost(google.script.run);
 * const sheets = await host.port.readSheets();
 */
export function remoteHost(run: ScriptRun): { port: WorkbookPort; editor: PaneEditor } {
  const call = <T>(method: string, ...args: unknown[]) => callServer(run, method, args) as Promise<T>;
  const port: WorkbookPort = {
    sheetNames: () => call<string[]>("sheetNames"),
    readSheets: (names) => call("readSheets", names ?? null).then((sheets) => sheets as Awaited<ReturnType<WorkbookPort["readSheets"]>>),
    async writeSheets(plan, options = {}) {
      // The plan goes to the server as JSON: every deferred sheet is laid out first.
      const result = await call<Awaited<ReturnType<WorkbookPort["writeSheets"]>>>("writeSheets", laidOutPlan(plan));
      // The server writes the whole plan in one call; progress is reported when it is done.
      plan.sheets.forEach((sheet, i) => options.onProgress?.({ done: i + 1, total: plan.sheets.length, sheet: result.names[sheet.key] ?? sheet.name }));
      return result;
    },
    readState: () => call<StoredState>("readState"),
    writeState: (state) => call<void>("writeState", state),
    numberLocale: () => call("numberLocale"),
  };
  const editor: PaneEditor = {
    appendRows: (sheet, rows, options) => call<void>("appendRows", sheet, rows, options ?? null),
    // The Sheets adapter makes no tables to grow: rows are appended to the sheet instead.
    appendToTable: async () => false,
    select: (sheet, cell) => call<void>("select", sheet, cell),
    convertToTable: (conversion) => call<ConversionResult>("convertToTable", conversion),
    // Sheets recalculates custom functions itself when their arguments change.
    recalculate: async () => undefined,
    // Apps Script sends no edit events to a sidebar; the pane's Refresh button reloads.
    onSheetsChanged: async () => () => undefined,
  };
  return { port, editor };
}
