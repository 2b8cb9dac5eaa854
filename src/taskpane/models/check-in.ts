/** What the Check-in form shows of a key result and says once a check-in is added. */
import type { KeyResultRecord, SheetData } from "../../core/model";
import { formatFigure, isPercentFormat, numberFormatAt } from "./figures";

/** Said under the value field when it is not a number. */
export const VALUE_PROBLEM = "Enter the key result's new value as a number, e.g. 42, 3.5 or 45%.";

/**
 * Whether a key result is kept in percent cells (churn 4.2% → 2.8%): then it is shown and asked for in percent.
 *
 * @example
 * keptInPercent(loaded.sheets, churn) // true
 */
export function keptInPercent(sheets: readonly SheetData[], keyResult: KeyResultRecord): boolean {
  return (["target", "start", "current"] as const).some((field) => isPercentFormat(numberFormatAt(sheets, keyResult.sheet, keyResult.cells[field])));
}

/**
 * A key result as the drop-down lists it: its text (or where it is) and its period.
 *
 * @example
 * keyResultOption(nps) // "Raise NPS from 40 to 60 (2026-Q3)"
 */
export function keyResultOption(keyResult: KeyResultRecord): string {
  return `${keyResult.keyResult || `${keyResult.sheet} row ${keyResult.row}`}${keyResult.period ? ` (${keyResult.period.label})` : ""}`;
}

/**
 * Where the key result stands now.
 *
 * @example
 * keyResultNow(nps, false) // "Now 50, target 60, owner Ana López."
 */
export function keyResultNow(keyResult: KeyResultRecord, percent: boolean): string {
  const now = keyResult.current === null ? "no value yet" : formatFigure(keyResult.current, percent);
  const target = keyResult.target !== null ? `, target ${formatFigure(keyResult.target, percent)}` : "";
  const owner = keyResult.owner ? `, owner ${keyResult.owner}` : "";
  return `Now ${now}${target}${owner}.`;
}

/**
 * The confidence chosen, `null` when none is given.
 *
 * @example
 * confidenceOf("") // null
 * confidenceOf("7") // 7
 */
export function confidenceOf(chosen: string): number | null {
  return chosen === "" ? null : Number(chosen);
}

/**
 * What the pane says once the check-in is written.
 *
 * @example
 * checkedInMessage({ value: 0.03, typed: "3%", percent: false, keyResult: churn, sheet: "Check-ins" })
 * // 'Checked in 3% for "Cut churn" on Check-ins; Altitude now reads it as the current value.'
 */
export function checkedInMessage(done: { value: number; typed: string; percent: boolean; keyResult: KeyResultRecord; sheet: string }): string {
  const shown = formatFigure(done.value, done.percent || done.typed.includes("%"));
  return `Checked in ${shown} for "${done.keyResult.keyResult}" on ${done.sheet}; Altitude now reads it as the current value.`;
}
