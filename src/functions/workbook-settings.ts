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
import { settingsOf } from "../workbook/use-cases";
import { forgetFunctionSettings, functionSettings, getFunctionSettings, readFunctionSettingsWith } from "./settings-store";

/**
 * Makes the custom functions read the workbook's settings from its state sheet (one read, kept).
 *
 * @example
 * readSettingsFromWorkbook(Excel);
 */
export function readSettingsFromWorkbook(excel: ExcelApi): void {
  const port = createExcelWorkbook(excel);
  readFunctionSettingsWith(() => settingsOf(port));
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
