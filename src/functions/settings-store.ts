/**
 * The workbook's settings as the custom functions see them. Excel calls a custom
 * function with its cell arguments only, so the functions read the settings from
 * the workbook themselves the first time they calculate (through the reader the
 * functions entry installs), and keep them until the state changes: the task pane
 * hands over the settings it loads or saves, and a change to the state sheet
 * makes the functions read them again.
 *
 * The functions and the task pane share one runtime but are separate bundles, each
 * with its own copy of this module, so the settings live in one global slot that
 * every copy reads and writes.
 */
import { DEFAULT_SETTINGS, type Settings } from "../core/settings";

interface Slot {
  /** The settings known now; absent until read or handed over. */
  settings?: Settings;
  /** A read under way, shared by every function that calculates meanwhile. */
  reading?: Promise<Settings>;
  /** Reads the settings from the workbook; absent outside Excel (the browser preview, tests). */
  read?: () => Promise<Settings>;
}

const SLOT = Symbol.for("altitude.functionSettings");

function slot(): Slot {
  const global = globalThis as typeof globalThis & { [SLOT]?: Slot };
  return (global[SLOT] ??= {});
}

/**
 * Makes `settings` the ones every later custom function call uses (the task pane
 * calls this when it loads or saves the workbook's settings).
 *
 * @example
 * setFunctionSettings(withDefaults({ scoreCap: 1.5 }));
 */
export function setFunctionSettings(settings: Settings): void {
  const s = slot();
  s.settings = settings;
  s.reading = undefined;
}

/**
 * The settings known now, without reading the workbook: the defaults until they are read or handed over.
 *
 * @example
 * getFunctionSettings().scoreCap // 1 until the workbook's settings are known
 */
export function getFunctionSettings(): Settings {
  return slot().settings ?? DEFAULT_SETTINGS;
}

/**
 * Installs how the functions read the workbook's settings, and forgets the ones known.
 *
 * @example
 * readFunctionSettingsWith(() => settingsOf(createExcelWorkbook(Excel)));
 */
export function readFunctionSettingsWith(read: () => Promise<Settings>): void {
  const s = slot();
  s.read = read;
  s.settings = undefined;
  s.reading = undefined;
}

/**
 * Forgets the settings known, so the next calculation reads them from the workbook again.
 *
 * @example
 * forgetFunctionSettings(); // the state sheet changed
 */
export function forgetFunctionSettings(): void {
  const s = slot();
  if (!s.read) return;
  s.settings = undefined;
  s.reading = undefined;
}

/**
 * The settings a calculation uses: those known, else one read of the workbook
 * shared by every function calculating meanwhile; the defaults when there is no
 * workbook to read or the read fails (the next calculation tries again).
 *
 * @example
 * const settings = await functionSettings();
 */
export function functionSettings(): Promise<Settings> {
  const s = slot();
  if (s.settings) return Promise.resolve(s.settings);
  if (!s.read) return Promise.resolve(DEFAULT_SETTINGS);
  if (s.reading) return s.reading;
  const reading: Promise<Settings> = s.read().then(
    (settings) => {
      if (s.reading === reading) {
        s.settings = settings;
        s.reading = undefined;
      }
      return s.settings ?? settings;
    },
    () => {
      if (s.reading === reading) s.reading = undefined;
      return s.settings ?? DEFAULT_SETTINGS;
    },
  );
  s.reading = reading;
  return reading;
}
