/**
 * How Excel reads a string written through `Range.values` or `Range.formulas`:
 * as if a person had typed it. The rules the add-in relies on, each from
 * Microsoft's documentation:
 *
 * - "If the returned value starts with a plus ("+"), minus ("-"), or equal
 *   sign ("="), Excel interprets this value as a formula."
 *   (Excel.Range.values, https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member).
 *   The page names no exception for the text number format, so `@` is no
 *   guard here either.
 * - A leading apostrophe keeps what follows as text; the apostrophe is a
 *   prefix, not part of the value, and is not shown ("Stop automatically
 *   changing numbers to dates", https://support.microsoft.com/en-us/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8).
 *   Reading the cell's `formulas` gives the text without it too
 *   (https://github.com/OfficeDev/office-js/issues/6687).
 * - Text that reads as a number, percentage, currency, fraction, date, time or
 *   TRUE/FALSE becomes that value (same page): `1,200`, `45%`, `$3.2`, `(100)`
 *   (a negative number), `1 1/2`, `12:30`, `Jan 2026`, `2026-01-15`.
 *
 * The stand-in reads as Excel does in the en-US locale; other locales coerce
 * more (`3.4` is a date in German), which is why the add-in guards every
 * string rather than guessing which ones Excel would change.
 */
import type { CellValue } from "./grid";

/** What a typed string turns into. */
export type Typed = { kind: "value"; value: CellValue; prefixed?: boolean } | { kind: "formula"; formula: string } | { kind: "blank" };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Reads `text` as Excel reads typed input.
 *
 * @example
 * readTyped("45%") // { kind: "value", value: 0.45 }
 * readTyped("'007") // { kind: "value", value: "007", prefixed: true }
 * readTyped("+A1") // { kind: "formula", formula: "=+A1" }
 */
export function readTyped(text: string): Typed {
  if (text === "") return { kind: "blank" };
  if (text.startsWith("'")) return { kind: "value", value: text.slice(1), prefixed: true };
  if (text.length > 1 && text.startsWith("=")) return { kind: "formula", formula: text };
  const value = coerce(text.trim());
  if (value !== null) return { kind: "value", value };
  // Typing `+A1`, `-A1` or `@SUM(A1)` makes a formula in Excel.
  if (text.length > 1 && /^[+-]/.test(text)) return { kind: "formula", formula: `=${text}` };
  if (text.length > 1 && text.startsWith("@")) return { kind: "formula", formula: `=${text.slice(1)}` };
  return { kind: "value", value: text };
}

/** The number, boolean or date serial a string stands for, or null when it stays text. */
function coerce(text: string): CellValue | null {
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  const number = numberOf(text);
  if (number !== null) return number;
  const fraction = /^([+-]?\d+) (\d+)\/(\d+)$/.exec(text);
  if (fraction && Number(fraction[3]) !== 0 && Number(fraction[2]) < Number(fraction[3])) {
    const whole = Number(fraction[1]);
    const part = Number(fraction[2]) / Number(fraction[3]);
    return whole < 0 || fraction[1].startsWith("-") ? whole - part : whole + part;
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) {
    return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400;
  }
  return dateSerial(text);
}

function numberOf(text: string): number | null {
  let body = text;
  let sign = 1;
  const parenthesised = /^\((.+)\)$/.exec(body);
  if (parenthesised) {
    body = parenthesised[1];
    sign = -1;
  }
  let scale = 1;
  if (body.endsWith("%")) {
    body = body.slice(0, -1).trimEnd();
    scale = 0.01;
  }
  body = body.replace(/^([+-]?)\$\s?/, "$1");
  const match = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?([eE][+-]?\d+)?$/.exec(body);
  if (!match || !/\d/.test(body) || (match[1] === undefined && (match[3] ?? "").length < 2)) return null;
  if (parenthesised && /^[+-]/.test(body)) return null;
  return sign * Number(body.replace(/,/g, "")) * scale;
}

/** Days since 30 December 1899, Excel's date serial, for the date forms en-US Excel recognises. */
function dateSerial(text: string): number | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return serial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(text);
  if (us) return serial(us[3] === undefined ? new Date().getUTCFullYear() : fullYear(us[3]), Number(us[1]), Number(us[2]));
  const monthYear = /^([A-Za-z]{3,9})[ -](\d{2}|\d{4})$/.exec(text);
  if (monthYear) {
    const month = monthIndex(monthYear[1]);
    return month === null ? null : serial(fullYear(monthYear[2]), month, 1);
  }
  const dayMonth = /^(\d{1,2})[ -]([A-Za-z]{3,9})(?:[ -](\d{2}|\d{4}))?$/.exec(text);
  if (dayMonth) {
    const month = monthIndex(dayMonth[2]);
    const year = dayMonth[3] === undefined ? new Date().getUTCFullYear() : fullYear(dayMonth[3]);
    return month === null ? null : serial(year, month, Number(dayMonth[1]));
  }
  return null;
}

function monthIndex(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => lower.startsWith(month));
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  if (index < 0 || !(lower.length === 3 || full[index] === lower || (index === 8 && lower === "sept"))) return null;
  return index + 1;
}

/** Two-digit years 00–29 are 2000–2029, 30–99 are 1930–1999, as Excel reads them. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const time = Date.UTC(year, month - 1, day);
  if (new Date(time).getUTCDate() !== day) return null;
  return Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000);
}
