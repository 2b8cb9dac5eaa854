/**
 * Calendar arithmetic on ISO dates and Excel serial numbers, in UTC so no time
 * zone can move a day.
 */
import type { IsoDate } from "./model";

const MS_PER_DAY = 86_400_000;
/** Excel's serial 25569 is 1970-01-01 (the 1900 system, leap-year bug included). */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * Days since 1970-01-01 for an ISO date, or `null` when it is not a real date.
 *
 * @example
 * dayNumber("1970-01-02") // 1
 * dayNumber("2026-02-30") // null
 */
export function dayNumber(iso: IsoDate): number | null {
  // A workbook holds few distinct dates but asks for them on every row (pace, checks):
  // remember each answer instead of building a Date every time.
  const known = DAY_NUMBERS.get(iso);
  if (known !== undefined) return known;
  const days = computeDayNumber(iso);
  if (DAY_NUMBERS.size >= DAY_NUMBER_CACHE) DAY_NUMBERS.clear();
  DAY_NUMBERS.set(iso, days);
  return days;
}

const DAY_NUMBER_CACHE = 100_000;
const DAY_NUMBERS = new Map<string, number | null>();

function computeDayNumber(iso: string): number | null {
  if (typeof iso !== "string" || iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") return null;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1) return null;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** The number written by ASCII digits from `start` to `end`, or -1 when any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The ISO date of a day number (days since 1970-01-01).
 *
 * @example
 * fromDayNumber(0) // "1970-01-01"
 */
export function fromDayNumber(days: number): IsoDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Converts an Excel serial date (1900 system) to an ISO date; the time of day is dropped.
 * Returns `null` for serials before 1900-03-01 or beyond 9999-12-31.
 *
 * @example
 * serialToIso(46204) // "2026-07-01"
 */
export function serialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2_958_466) return null;
  const day = Math.floor(serial);
  // Dates repeat down a column (check-ins, due dates): format each day once.
  let iso = ISO_DATES.get(day);
  if (iso === undefined) {
    iso = fromDayNumber(day - UNIX_EPOCH_SERIAL);
    if (ISO_DATES.size >= DAY_NUMBER_CACHE) ISO_DATES.clear();
    ISO_DATES.set(day, iso);
  }
  return iso;
}

const ISO_DATES = new Map<number, string>();

/**
 * Converts an ISO date to an Excel serial date (1900 system).
 *
 * @example
 * isoToSerial("2026-07-01") // 46204
 */
export function isoToSerial(iso: IsoDate): number | null {
  const days = dayNumber(iso);
  return days === null ? null : days + UNIX_EPOCH_SERIAL;
}

/**
 * Whole days from `a` to `b` (negative when `b` is earlier), or `null` for an invalid date.
 *
 * @example
 * daysBetween("2026-07-01", "2026-07-31") // 30
 */
export function daysBetween(a: IsoDate, b: IsoDate): number | null {
  const x = dayNumber(a);
  const y = dayNumber(b);
  return x === null || y === null ? null : y - x;
}

/**
 * Adds whole days to an ISO date.
 *
 * @example
 * addDays("2026-09-30", 1) // "2026-10-01"
 */
export function addDays(iso: IsoDate, days: number): IsoDate | null {
  const base = dayNumber(iso);
  return base === null ? null : fromDayNumber(base + days);
}

/**
 * Today's date in UTC as an ISO date.
 *
 * @example
 * todayIso(new Date(Date.UTC(2026, 6, 1, 23))) // "2026-07-01"
 */
export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}
