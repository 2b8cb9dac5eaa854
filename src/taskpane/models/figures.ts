/**
 * Numbers as the user's sheets show them: a figure kept in percent cells is
 * shown in percent, others with at most two decimals.
 */
import { parseA1 } from "../../app";
import type { SheetData } from "../../core/model";

/**
 * A number for people: at most two decimals, percentages as they are stored.
 *
 * @example
 * formatNumber(3.14159) // "3.14"
 */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/**
 * Whether an Excel number format shows its value as a percentage (a `%` outside quotes).
 *
 * @example
 * isPercentFormat("0.0%") // true
 * isPercentFormat('0" %pts"') // false
 */
export function isPercentFormat(format: string | null | undefined): boolean {
  return typeof format === "string" && format.replace(/"[^"]*"/g, "").includes("%");
}

/**
 * The number format of one cell of the sheets as read, when known.
 *
 * @example
 * numberFormatAt(loaded.sheets, "OKRs", "F2") // "0.0%"
 */
export function numberFormatAt(sheets: readonly SheetData[], sheet: string, address: string | undefined): string | null {
  const data = sheets.find((s) => s.name === sheet);
  const at = address ? parseA1(address) : null;
  if (!data || !at) return null;
  return data.numberFormats?.[at.row - data.origin.row]?.[at.col - data.origin.col] ?? null;
}

/**
 * A figure as the user's sheet shows it: percentages (0.035 in a `0.0%` cell) as `3.5%`, others as {@link formatNumber}.
 *
 * @example
 * formatFigure(0.035, true) // "3.5%"
 * formatFigure(1200, false) // "1200"
 */
export function formatFigure(value: number, percent: boolean): string {
  return percent ? `${formatNumber(Math.round(value * 10000) / 100)}%` : formatNumber(value);
}
