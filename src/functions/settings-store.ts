/**
 * The workbook's settings as the custom functions see them. Excel calls a custom
 * function with its cell arguments only, so the task pane hands the workbook's
 * settings over here when it loads or changes them; until then the defaults apply.
 */
import { DEFAULT_SETTINGS, type Settings } from "../core/settings";

let current: Settings = DEFAULT_SETTINGS;

/**
 * Makes `settings` the ones every later custom function call uses.
 *
 * @example
 * setFunctionSettings(withDefaults({ scoreCap: 1.5 }));
 */
export function setFunctionSettings(settings: Settings): void {
  current = settings;
}

/**
 * The settings custom functions use now.
 *
 * @example
 * getFunctionSettings().scoreCap // 1 until the task pane sets another cap
 */
export function getFunctionSettings(): Settings {
  return current;
}
