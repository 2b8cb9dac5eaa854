/**
 * How the custom functions learn the workbook's settings in Excel. Altitude runs
 * its task pane, ribbon and functions in one shared runtime, where a custom
 * function may call the Excel JavaScript API to read from the workbook (it must
 * not change it): "Call Excel JavaScript APIs from a custom function",
 * https://learn.microsoft.com/office/dev/add-ins/excel/call-excel-apis-from-custom-function
 * and "Configure your Office Add-in to use a shared runtime",
 * https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime.
 * So the first calculation reads the settings from the `Altitude.State` sheet
 * (read only), the same way the task pane does, and keeps them.
 */
import type { Settings } from "../core/settings";
import type { ExcelApi } from "../workbook/excel-api";
import { createExcelWorkbook } from "../workbook/excel";
import { createExcelEditor } from "../workbook/excel-editor";
import { STATE_SHEET } from "../workbook/port";
import { settingsOf } from "../workbook/use-cases";
import { forgetFunctionSettings, functionSettings, getFunctionSettings, readFunctionSettingsWith } from "./settings-store";

/**
 * Makes the custom functions read the workbook's settings from its state sheet
 * (one read, kept), and read them again, recalculating when they differ, each
 * time the state sheet changes.
 *
 * @example
 * readSettingsFromWorkbook(Excel);
 */
export function readSettingsFromWorkbook(excel: ExcelApi & StateSheetHost): void {
  const port = createExcelWorkbook(excel);
  const editor = createExcelEditor(excel);
  readFunctionSettingsWith(() => settingsOf(port));
  // Without change events the pane's hand-over still keeps the functions up to date.
  const refresh = () => void refreshFunctionSettings(() => editor.recalculate()).catch(() => false);
  watchStateSheet(excel, refresh).catch(() => false);
}

/** Whether two settings calculate alike (they are plain JSON: same figures, same words). */
function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Reads the workbook's settings again (its state changed) and, when they differ
 * from the ones the functions calculated with, asks for a full recalculation so
 * every cell shows results by the new settings. Resolves to whether it asked.
 *
 * @example
 * await refreshFunctionSettings(() => editor.recalculate()); // true when the cap, bands or separator changed
 */
export async function refreshFunctionSettings(recalculate: () => Promise<void>): Promise<boolean> {
  const before = getFunctionSettings();
  forgetFunctionSettings();
  const after = await functionSettings();
  if (sameSettings(before, after)) return false;
  await recalculate();
  return true;
}

/** An Office.js event source (`worksheet.onChanged`, `worksheets.onAdded`). */
interface EventSource {
  add(handler: (event: { worksheetId?: string }) => Promise<void>): unknown;
}

interface WatchedSheet {
  readonly isNullObject: boolean;
  readonly name: string;
  load(names: string): unknown;
}

/** The part of Office.js the watch uses; the real `Excel` namespace has it. */
export interface StateSheetHost {
  run<T>(batch: (context: { workbook: { worksheets: { getItem(key: string): WatchedSheet; getItemOrNullObject(name: string): WatchedSheet } }; sync(): Promise<unknown> }) => Promise<T>): Promise<T>;
}

/** An event of an Office.js object, looked up at run time: hosts before ExcelApi 1.7 have none. */
function eventOf(target: object, name: string): EventSource | null {
  const source: unknown = name in target ? (target as Record<string, unknown>)[name] : undefined;
  return typeof source === "object" && source !== null && "add" in source && typeof source.add === "function" ? (source as EventSource) : null;
}

/** The name of the sheet with the given id. */
async function sheetName(excel: StateSheetHost, id: string): Promise<string> {
  return excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(id);
    sheet.load("name");
    await context.sync();
    return sheet.name;
  });
}

/**
 * Calls `onChange` whenever the state sheet changes (settings saved by a pane,
 * here or by a co-author). Until the sheet exists it watches for its creation.
 * Resolves to whether the host offers the events (without them the pane's
 * hand-over still keeps the functions up to date).
 *
 * @example
 * await watchStateSheet(Excel, () => void refreshFunctionSettings(recalculate));
 */
export async function watchStateSheet(excel: StateSheetHost, onChange: () => void): Promise<boolean> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const sheet = worksheets.getItemOrNullObject(STATE_SHEET);
    sheet.load("name");
    await context.sync();
    if (!sheet.isNullObject) {
      const changed = eventOf(sheet, "onChanged");
      if (!changed) return false;
      changed.add(async () => onChange());
      await context.sync();
      return true;
    }
    const added = eventOf(worksheets, "onAdded");
    if (!added) return false;
    let watching = false;
    added.add(async (event) => {
      if (watching || !event.worksheetId) return;
      if ((await sheetName(excel, event.worksheetId)) !== STATE_SHEET) return;
      watching = true;
      onChange();
      await watchStateSheet(excel, onChange);
    });
    await context.sync();
    return true;
  });
}
