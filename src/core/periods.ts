/**
 * Reporting periods: quarters, halves, years and months, calendar or fiscal.
 * The one home of periods: parse (`parsePeriod`), build (`makePeriod`), order
 * (`comparePeriods`), contain (`periodIncludes`, `periodWithin`), step back
 * (`previousPeriod`) and find the (fiscal) year of a date (`yearContaining`).
 * A period's `label` is its one written form.
 *
 * Fiscal years are named after the calendar year they END in (the common
 * convention: with the year starting in April, FY26 runs 2025-04-01 to
 * 2026-03-31, so FY26 Q1 is April–June 2025). Only labels that say `FY` are
 * fiscal; `Q3 2026` is always the calendar quarter. When the fiscal year starts
 * in January, `FY26 Q3` and `2026-Q3` are the same period with the same label;
 * otherwise fiscal periods keep an `FY` label (`FY2026-Q1`) so they never collide
 * with the calendar period of the same name.
 */
import { addDays, dayNumber, serialToIso } from "./dates";
import type { IsoDate, Period, PeriodKind, RawCell } from "./model";
import { excerpt, isBlank, isDateFormat, isExcelError, monthNumber, toDate, type CellValue } from "./values";

export interface PeriodOptions {
  /** Month (1–12) the fiscal year starts in; default January. */
  fiscalYearStartMonth?: number;
  /** The kind of period a date in the cell stands for: the quarter containing it by default. */
  dateKind?: PeriodKind;
  /** The cell's number format: a date-formatted number is a date, otherwise 2026 is a year. */
  format?: string;
  /** How the workbook writes decimals; decides whether `1/7/2026` is 1 July or 7 January. */
  decimalSeparator?: "." | ",";
}

const MONTHS_IN: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, half: 6, year: 12 };
const PARTS_IN_YEAR: Readonly<Record<PeriodKind, number>> = { month: 12, quarter: 4, half: 2, year: 1 };

/** Two- or four-digit years; two digits mean 20xx. */
const Y = "(\\d{4}|'?\\d{2})";
const SEP = "\\s*[-/_ .]?\\s*";
const PATTERNS: ReadonlyArray<{ re: RegExp; kind: PeriodKind; fiscal: boolean; year: number; part: number }> = [
  { re: new RegExp(`^(\\d{4})${SEP}q([1-4])$`), kind: "quarter", fiscal: false, year: 1, part: 2 },
  { re: new RegExp(`^q([1-4])${SEP}${Y}$`), kind: "quarter", fiscal: false, year: 2, part: 1 },
  { re: new RegExp(`^([1-4])q${SEP}${Y}$`), kind: "quarter", fiscal: false, year: 2, part: 1 },
  { re: new RegExp(`^fy${SEP}${Y}${SEP}q([1-4])$`), kind: "quarter", fiscal: true, year: 1, part: 2 },
  { re: new RegExp(`^q([1-4])${SEP}fy${SEP}${Y}$`), kind: "quarter", fiscal: true, year: 2, part: 1 },
  { re: new RegExp(`^(\\d{4})${SEP}h([12])$`), kind: "half", fiscal: false, year: 1, part: 2 },
  { re: new RegExp(`^h([12])${SEP}${Y}$`), kind: "half", fiscal: false, year: 2, part: 1 },
  { re: new RegExp(`^fy${SEP}${Y}${SEP}h([12])$`), kind: "half", fiscal: true, year: 1, part: 2 },
  { re: new RegExp(`^h([12])${SEP}fy${SEP}${Y}$`), kind: "half", fiscal: true, year: 2, part: 1 },
  { re: new RegExp(`^fy${SEP}${Y}$`), kind: "year", fiscal: true, year: 1, part: 0 },
  { re: /^(?:cy\s*)?(\d{4})$/, kind: "year", fiscal: false, year: 1, part: 0 },
  { re: /^(\d{4})\s*[-/.]\s*(\d{1,2})$/, kind: "month", fiscal: false, year: 1, part: 2 },
  { re: /^(\d{1,2})\s*[-/.]\s*(\d{4})$/, kind: "month", fiscal: false, year: 2, part: 1 },
];
const MONTH_NAME_YEAR = /^([a-z]+)\.?\s*[-/ ,'’]\s*'?(\d{4}|\d{2})$/;
/** A year spanning two calendar years: `2025-26`, `FY 2025-26`, `2025/2026`. */
const YEAR_SPAN = /^(fy\s*'?)?(\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/;

/**
 * The financial year a span of two calendar years names (`2025-26` is the year
 * ending in 2026, as `FY26` is), or `null` when the text is no such span. `2025-12`
 * is December; `2025-26` cannot be a month, and `FY` or four digits say it is a span.
 */
function yearSpan(s: string, fiscalStartMonth: number): Period | null {
  const m = YEAR_SPAN.exec(s);
  if (!m) return null;
  const first = Number(m[2]);
  const second = m[3].length === 4 ? Number(m[3]) : first - (first % 100) + Number(m[3]) + (Number(m[3]) < first % 100 ? 100 : 0);
  if (second !== first + 1) return null;
  if (m[1] === undefined && m[3].length === 2 && Number(m[3]) <= 12) return null;
  return makePeriod("year", second, 1, fiscalStartMonth);
}

/** Two dates written as a range: `From 01-04-2025 to 31-03-2026`, `2025-04-01 – 2026-03-31`. */
const DATE_RANGE = /^(?:from\s+)?(.+?)\s+(?:to|till|until|through|[-–—])\s+(.+)$/;

/**
 * The period a range of two dates covers exactly (a month, quarter, half or
 * year, fiscal when it starts in the fiscal year's month; a year starting in
 * another month is the financial year it ends in), or `null`. Numeric dates are
 * read in one order for both ends: `01-04-2025 to 31-03-2026` is April to March.
 */
function dateRange(s: string, fiscalStartMonth: number, decimal: "." | "," | undefined): Period | null {
  const m = DATE_RANGE.exec(s);
  if (!m) return null;
  const orders: ReadonlyArray<"." | ","> = decimal === "," ? [",", "."] : [".", ","];
  for (const order of orders) {
    const from = toDate(m[1], undefined, { decimalSeparator: order });
    const to = toDate(m[2], undefined, { decimalSeparator: order });
    if (!from.ok || !to.ok || from.value === null || to.value === null) continue;
    const covered = periodBetween(from.value, to.value, fiscalStartMonth);
    if (covered) return covered;
  }
  return null;
}

/** The period from the first of a month to the last day of a month that is exactly one month, quarter, half or year. */
function periodBetween(start: IsoDate, end: IsoDate, fiscalStartMonth: number): Period | null {
  if (start.slice(8) !== "01") return null;
  const sy = Number(start.slice(0, 4));
  const sm = Number(start.slice(5, 7));
  const ey = Number(end.slice(0, 4));
  const em = Number(end.slice(5, 7));
  if (end !== monthEnd(ey, em)) return null;
  const months = ey * 12 + em - (sy * 12 + sm) + 1;
  const kind = (["month", "quarter", "half", "year"] as const).find((k) => MONTHS_IN[k] === months);
  if (kind === undefined) return null;
  if (kind === "month") return makePeriod("month", sy, sm);
  if (kind === "year") return sm === 1 ? makePeriod("year", sy, 1) : makePeriod("year", ey, 1, sm);
  // A quarter or half: of the fiscal year when it lines up with it, else of the calendar year.
  const start0 = (sm - fiscalStartMonth + 12) % 12;
  if (start0 % months === 0) {
    const named = fiscalStartMonth !== 1 && sm >= fiscalStartMonth ? sy + 1 : sy;
    const fiscal = makePeriod(kind, named, start0 / months + 1, fiscalStartMonth);
    if (fiscal && fiscal.start === start && fiscal.end === end) return fiscal;
  }
  const calendar = periodContaining(start, kind);
  return calendar.start === start && calendar.end === end ? calendar : null;
}

function fullYear(text: string): number {
  const digits = text.replace("'", "");
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function fiscalStart(options: PeriodOptions): number {
  const m = options.fiscalYearStartMonth;
  return typeof m === "number" && Number.isInteger(m) && m >= 1 && m <= 12 ? m : 1;
}

/** Last day of the month containing `y`-`m`, as an ISO date. */
function monthEnd(y: number, m: number): IsoDate {
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad2(m)}-${pad2(days)}`;
}

/**
 * Builds a period from its kind, year and part (quarter 1–4, half 1–2, month 1–12;
 * ignored for a year). `fiscalStartMonth` other than 1 makes it a fiscal period
 * of the fiscal year named `year`.
 *
 * @example
 * makePeriod("quarter", 2026, 3) // { label: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" }
 * makePeriod("quarter", 2026, 1, 4).start // "2025-04-01"
 */
export function makePeriod(kind: PeriodKind, year: number, part: number, fiscalStartMonth = 1): Period | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9998) return null;
  const parts = PARTS_IN_YEAR[kind];
  const index = kind === "year" ? 1 : part;
  if (!Number.isInteger(index) || index < 1 || index > parts) return null;
  const fiscal = kind !== "month" && fiscalStartMonth !== 1;
  // A fiscal year named Y starts in fiscalStartMonth of Y−1 (it ends in Y).
  const firstMonth0 = fiscal ? (year - 1) * 12 + (fiscalStartMonth - 1) : year * 12;
  const startMonth0 = firstMonth0 + (index - 1) * MONTHS_IN[kind];
  const endMonth0 = startMonth0 + MONTHS_IN[kind] - 1;
  const sy = Math.floor(startMonth0 / 12);
  const sm = (startMonth0 % 12) + 1;
  const ey = Math.floor(endMonth0 / 12);
  const em = (endMonth0 % 12) + 1;
  const base = fiscal ? `FY${year}` : String(year);
  const label =
    kind === "year" ? base : kind === "quarter" ? `${base}-Q${index}` : kind === "half" ? `${base}-H${index}` : `${year}-${pad2(index)}`;
  return { label, kind, start: `${sy}-${pad2(sm)}-01`, end: monthEnd(ey, em) };
}

function bad(text: string): CellValue<never> {
  const shown = excerpt(text);
  return { ok: false, code: "not-a-period", message: `"${shown}" is not a period (try 2026-Q3, Q3 2026, FY26 Q3, 2026 or Jul 2026)`, text: shown };
}

/**
 * Reads a period cell: quarters (`2026-Q3`, `Q3 2026`, `Q3-26`, `Q3/2026`, `2026 Q3`,
 * `3Q26`), fiscal quarters (`FY26 Q3`, `FY2026-Q3`), years (`2026`, `FY26`, and
 * `2025-26` or `FY 2025-26` for the financial year ending in 2026, and a range of
 * dates covering one such as `From 01-04-2025 to 31-03-2026`),
 * halves (`H1 2026`), months (`2026-07`, `Jul 2026`), or a date, which stands for
 * the period of `dateKind` containing it (the quarter by default). Blank is `null`.
 *
 * @example
 * parsePeriod("Q3 2026") // { ok: true, value: { label: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" } }
 * parsePeriod("FY26 Q1", { fiscalYearStartMonth: 4 }) // ok, label "FY2026-Q1", 2025-04-01 … 2025-06-30
 * parsePeriod("FY 2025-26", { fiscalYearStartMonth: 4 }) // ok, label "FY2026", 2025-04-01 … 2026-03-31
 * parsePeriod("From 01-04-2025 to 31-03-2026", { fiscalYearStartMonth: 4 }) // ok, label "FY2026"
 * parsePeriod("2026-07-15", { dateKind: "month" }) // ok, label "2026-07"
 */
export function parsePeriod(raw: RawCell, options: PeriodOptions = {}): CellValue<Period> {
  const dateKind = options.dateKind ?? "quarter";
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return bad(String(raw));
    if (!isDateFormat(options.format) && Number.isInteger(raw) && raw >= 1900 && raw <= 9998) {
      const year = makePeriod("year", raw, 1);
      return year ? { ok: true, value: year } : bad(String(raw));
    }
    const iso = serialToIso(raw);
    return iso === null ? bad(String(raw)) : { ok: true, value: periodContaining(iso, dateKind) };
  }
  if (typeof raw !== "string") return bad(String(raw));
  if (isBlank(raw)) return { ok: true, value: null };
  const text = raw.trim();
  if (isExcelError(text)) return { ok: false, code: "excel-error", message: `Excel error ${text.toUpperCase()} in the cell`, text };
  if (text.length > 40) return bad(text);
  const s = text.toLowerCase().replace(/\s+/g, " ");
  const fy = fiscalStart(options);
  const span = yearSpan(s, fy) ?? dateRange(s, fy, options.decimalSeparator);
  if (span) return { ok: true, value: span };
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    const year = fullYear(m[p.year]);
    const part = p.part === 0 ? 1 : Number(m[p.part]);
    const period = makePeriod(p.kind, year, part, p.fiscal ? fy : 1);
    return period ? { ok: true, value: period } : bad(text);
  }
  const named = MONTH_NAME_YEAR.exec(s);
  if (named) {
    const month = monthNumber(named[1]);
    const period = month === null ? null : makePeriod("month", fullYear(named[2]), month);
    if (period) return { ok: true, value: period };
  }
  const date = toDate(text, undefined, { decimalSeparator: options.decimalSeparator });
  if (date.ok && date.value !== null) return { ok: true, value: periodContaining(date.value, dateKind) };
  return bad(text);
}

/**
 * The calendar period of a kind that contains a date.
 *
 * @example
 * periodContaining("2026-08-15", "quarter").label // "2026-Q3"
 * periodContaining("2026-08-15", "half").label // "2026-H2"
 */
export function periodContaining(date: IsoDate, kind: PeriodKind): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const part = Math.floor((m - 1) / MONTHS_IN[kind]) + 1;
  return makePeriod(kind, y, part) ?? { label: date, kind, start: date, end: date };
}

/** Reads a canonical label back: `FY2026-Q1`, `2026-Q3`, `2026-H1`, `2026`, `2026-07`. */
const LABEL = /^(FY)?(\d{4})(?:-(Q|H)(\d)|-(\d{2}))?$/;

/**
 * The period just before one of the same kind: `2026-Q1` → `2025-Q4`,
 * `FY2026-Q1` → `FY2025-Q4`, `2026-01` → `2025-12`.
 *
 * @example
 * previousPeriod(makePeriod("quarter", 2026, 1)!).label // "2025-Q4"
 */
export function previousPeriod(p: Period): Period {
  const m = LABEL.exec(p.label);
  const startMonth = Number(p.start.slice(5, 7));
  if (m) {
    const year = Number(m[2]);
    const part = m[4] ? Number(m[4]) : m[5] ? Number(m[5]) : 1;
    const parts = PARTS_IN_YEAR[p.kind];
    // The fiscal start month follows from where this part begins.
    const fyStart = m[1] ? (((startMonth - 1 - (part - 1) * MONTHS_IN[p.kind]) % 12) + 12) % 12 + 1 : 1;
    const prev = part > 1 ? makePeriod(p.kind, year, part - 1, fyStart) : makePeriod(p.kind, year - 1, parts, fyStart);
    if (prev) return prev;
  }
  const end = addDays(p.start, -1) ?? p.start;
  return periodContaining(end, p.kind);
}

/**
 * Orders periods by start date, then by end date (a quarter before the year that starts with it).
 *
 * @example
 * comparePeriods(makePeriod("quarter", 2026, 1)!, makePeriod("quarter", 2026, 2)!) // negative
 */
export function comparePeriods(a: Period, b: Period): number {
  const byStart = (dayNumber(a.start) ?? 0) - (dayNumber(b.start) ?? 0);
  return byStart !== 0 ? byStart : (dayNumber(a.end) ?? 0) - (dayNumber(b.end) ?? 0);
}

/**
 * Whether a date falls inside a period, both ends included.
 *
 * @example
 * periodIncludes(makePeriod("quarter", 2026, 3)!, "2026-09-30") // true
 */
export function periodIncludes(p: Period, date: IsoDate): boolean {
  return date >= p.start && date <= p.end;
}

/**
 * Whether `inner` lies within `outer` (a month or quarter within its year, a period within itself).
 *
 * @example
 * periodWithin(makePeriod("month", 2026, 8), makePeriod("quarter", 2026, 3)!) // true
 * periodWithin(null, makePeriod("year", 2026, 1)!) // false
 */
export function periodWithin(inner: Period | null, outer: Period): boolean {
  return inner !== null && inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * The period of `kind` containing a period (its quarter, half or year, fiscal
 * when the fiscal year starts in another month than January; a month is always
 * the calendar month). `null` when `kind` is shorter than the period: which
 * month of a quarter is meant is unknown.
 *
 * @example
 * enclosingPeriod(makePeriod("month", 2025, 3)!, "quarter")?.label // "2025-Q1"
 * enclosingPeriod(makePeriod("month", 2025, 5)!, "quarter", 4)?.label // "FY2026-Q1"
 * enclosingPeriod(makePeriod("month", 2025, 3)!, "year")?.label // "2025"
 * enclosingPeriod(makePeriod("year", 2025, 1)!, "month") // null
 */
export function enclosingPeriod(period: Period, kind: PeriodKind, fiscalYearStartMonth = 1): Period | null {
  if (MONTHS_IN[kind] < MONTHS_IN[period.kind]) return null;
  if (kind === period.kind) return period;
  const y = Number(period.start.slice(0, 4));
  const m = Number(period.start.slice(5, 7));
  if (kind === "month") return makePeriod("month", y, m);
  const start = fiscalStart({ fiscalYearStartMonth });
  // Months since the (fiscal) year began, and the year it is named after (the one it ends in).
  const into = (m - start + 12) % 12;
  const named = start !== 1 && m >= start ? y + 1 : y;
  return makePeriod(kind, named, Math.floor(into / MONTHS_IN[kind]) + 1, start);
}

/**
 * The year containing a date: the calendar year, or the fiscal year (named after
 * the year it ends in) when the fiscal year starts in another month than January.
 *
 * @example
 * yearContaining("2026-02-10").label // "2026"
 * yearContaining("2026-05-10", 4).label // "FY2027"
 */
export function yearContaining(date: IsoDate, fiscalYearStartMonth = 1): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const start = fiscalStart({ fiscalYearStartMonth });
  // A fiscal year named Y runs from its start month of Y−1 to the month before it in Y.
  const named = start !== 1 && m >= start ? y + 1 : y;
  return makePeriod("year", named, 1, start) ?? periodContaining(date, "year");
}
