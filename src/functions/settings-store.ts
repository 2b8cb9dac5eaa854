/**
 * The workbook's settings as the custom functions see them. Excel calls a custom
 * function with its cell arguments only, so the task pane hands the workbook's
 * settings over here when it loads or changes them; until then the defaults apply.
 *
 * The functions and the task pane share one runtime but are separate bundles, each
 * with its own copy of this module, so the settings live in one global slot that
 * every copy reads and writes.
 */
import { DEFAULT_SETTINGS, type Settings } from "../core/settings";

const SLOT = Symbol.for("altitude.functionSettings");

type Slot = typeof globalThis & { [SLOT]?: Settings };

/**
 * Makes `settings` the ones every later custom function call uses.
 *
 * @example
 * setFunctionSettings(withDefaults({ scoreCap: 1.5 }));
 */
export function setFunctionSettings(settings: Settings): void {
  (globalThis as Slot)[SLOT] = settings;
}

/**
 * The settings custom functions use now.
 *
 * @example
 * getFunctionSettings().scoreCap // 1 until the task pane sets another cap
 */
export function getFunctionSettings(): Settings {
  return (globalThis as Slot)[SLOT] ?? DEFAULT_SETTINGS;
}
