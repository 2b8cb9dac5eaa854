/**
 * The one place cell values become typed inputs. A cell arrives as Excel gives
 * it (number, text, boolean, `""`, or an error such as `"#N/A"`) with its number
 * format; each converter returns a value, `null` for a blank, or a problem with a
 * plain-language message. Nothing here throws, whatever the input.
 */
import { splitQualifier } from "./qualifiers";
import { serialToIso, dayNumber } from "./dates";
import type { IsoDate, RawCell } from "./model";

export type ValueProblemCode = "excel-error" | "not-a-number" | "not-a-date" | "not-a-period" | "not-a-boolean" | "not-text";

/** A converted cell: its value (`null` when blank) or why it could not be read. */
export type CellValue<T> =
  | { ok: true; value: T | null }
  | { ok: false; code: ValueProblemCode; message: string; text: string };

export interface ValueOptions {
  /** How numbers are written in this workbook: `1,200.5` or `1.200,5`. */
  decimalSeparator?: "." | ",";
}

/** Error values Excel puts in a cell, as `Range.values` reports them. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** Words people write for "no value yet"; they read as a blank cell. */
const BLANK_WORDS: ReadonlySet<string> = new Set(["n/a", "na", "n.a.", "-", "--", "—", "–", "tbd", "tbc", "none", "null", "?"]);

const BLANK: CellValue<never> = { ok: true, value: null };

/** Longest text quoted back in a message, so a huge cell cannot flood the task pane. */
const QUOTE_LIMIT = 40;

/**
 * The start of a text to quote back in a message: at most `limit` characters,
 * then an ellipsis, so a huge cell cannot flood the task pane.
 *
 * @example
 * excerpt("Q3") // "Q3"
 * excerpt("x".repeat(50)) // "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (40 x's)
 * excerpt("Raise NPS from 40 to 60", 9) // "Raise NPS…"
 */
export function excerpt(text: string, limit: number = QUOTE_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

function problem(code: ValueProblemCode, message: string, text: string): CellValue<never> {
  return { ok: false, code, message, text: excerpt(text) };
}

function excelError(text: string): CellValue<never> {
  return problem("excel-error", `Excel error ${text} in the cell`, text);
}

/**
 * Whether a cell holds an Excel error value such as `#N/A`.
 *
 * @example
 * isExcelError("#DIV/0!") // true
 * isExcelError("#1 priority") // false
 */
export function isExcelError(raw: RawCell): boolean {
  return typeof raw === "string" && raw.length > 1 && raw.length < 16 && raw[0] === "#" && EXCEL_ERRORS.has(raw.trim().toUpperCase());
}

/**
 * Whether a cell is blank: empty, only spaces, or a "no value" word such as `n/a` or `tbd`.
 *
 * @example
 * isBlank("  ") // true
 * isBlank("n/a") // true
 * isBlank(0) // false
 */
export function isBlank(raw: RawCell): boolean {
  if (typeof raw !== "string") return false;
  const t = raw.trim();
  return t === "" || (t.length <= 5 && BLANK_WORDS.has(t.toLowerCase()));
}

/**
 * Whether a number format shows a date (`yyyy-mm-dd`, `d-mmm`, `mmm yyyy`); a time alone is not a date.
 *
 * @example
 * isDateFormat("yyyy-mm-dd") // true
 * isDateFormat("0%") // false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  // Drop quoted literals and bracketed colours/locales so "[Red]0" or "\"days\"" do not count.
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").toLowerCase();
  if (bare === "general" || bare === "standard") return false;
  return /[dy]/.test(bare) || bare.includes("mmm");
}

const CURRENCY = /^[$€£¥₹]|[$€£¥₹]$/;
const SUFFIX = /(%|‰|k|m|mn|mm|bn|b)$/;
const SCALE: Readonly<Record<string, number>> = { "%": 0.01, "‰": 0.001, k: 1e3, m: 1e6, mn: 1e6, mm: 1e6, bn: 1e9, b: 1e9 };
const SIMPLE_INTEGER = /^-?\d{1,15}$/;
const SIMPLE_DECIMAL = /^-?\d{1,15}\.\d{1,15}$/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/;
const GROUPED_DOT = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const GROUPED_COMMA = /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;
const PLAIN_COMMA = /^(?:\d+(?:,\d*)?|,\d+)$/;
const SPACE_GROUPS = /(\d)[ \u00a0\u202f'’](?=\d{3}(?!\d))/g;

/**
 * Reads a cell as a number. Numbers pass through (a percent-formatted cell
 * already holds 0.45); text such as `45%`, `1,200`, `$3.2k`, `(1,200)` or, with a
 * comma decimal separator, `1.200,5` is converted. `n/a`, `-` and `tbd` are blank.
 *
 * @param raw the cell value
 * @param _format the cell's number format; numbers already carry their value, so it is not needed here
 * @param options how the workbook writes decimals
 * @example
 * toNumber("45%") // { ok: true, value: 0.45 }
 * toNumber("$3.2k") // { ok: true, value: 3200 }
 * toNumber("1.200,5", undefined, { decimalSeparator: "," }) // { ok: true, value: 1200.5 }
 * toNumber("#N/A") // { ok: false, code: "excel-error", message: "Excel error #N/A in the cell", … }
 */
export function toNumber(raw: RawCell, _format?: string, options: ValueOptions = {}): CellValue<number> {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return problem("not-a-number", "The cell does not hold a finite number", String(raw));
    return { ok: true, value: raw === 0 ? 0 : raw };
  }
  if (typeof raw === "boolean") return problem("not-a-number", "The cell holds TRUE or FALSE, not a number", raw ? "TRUE" : "FALSE");
  if (typeof raw !== "string") return problem("not-a-number", "The cell does not hold a number", "");
  // Most text numbers are plain digits; read those without the general path's string copies.
  if (SIMPLE_INTEGER.test(raw) || (options.decimalSeparator !== "," && SIMPLE_DECIMAL.test(raw))) {
    const n = Number(raw);
    return { ok: true, value: n === 0 ? 0 : n };
  }
  if (isBlank(raw)) return BLANK;
  if (isExcelError(raw)) return excelError(raw.trim().toUpperCase());
  const value = parseNumberText(raw, options.decimalSeparator ?? ".") ?? parseQualifiedText(raw, options.decimalSeparator ?? ".");
  return value === null ? problem("not-a-number", `"${excerpt(raw.trim())}" is not a number`, raw.trim()) : { ok: true, value };
}

/** A number written with a qualifier (`70%+`, `<15%`, `4.5/5`, `12 months`) reads as the number itself. */
function parseQualifiedText(text: string, decimal: "." | ","): number | null {
  const qualified = splitQualifier(text);
  return qualified ? parseNumberText(qualified.number, decimal) : null;
}

function parseNumberText(text: string, decimal: "." | ","): number | null {
  if (text.length > 64) return null;
  let s = text.trim().toLowerCase().replace(/\u2212/g, "-");
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  for (let pass = 0; pass < 2; pass++) {
    if (s.startsWith("-") || s.startsWith("+")) {
      if (s[0] === "-") negative = !negative;
      s = s.slice(1).trim();
    }
    if (CURRENCY.test(s)) s = s.replace(CURRENCY, "").trim();
  }
  let scale = 1;
  const suffix = SUFFIX.exec(s);
  if (suffix) {
    scale = SCALE[suffix[1]];
    s = s.slice(0, -suffix[1].length).trim();
    if (CURRENCY.test(s)) s = s.replace(CURRENCY, "").trim();
  }
  s = s.replace(SPACE_GROUPS, "$1");
  let digits: string;
  if (decimal === ".") {
    if (PLAIN.test(s)) digits = s;
    else if (GROUPED_DOT.test(s)) digits = s.replace(/,/g, "");
    else return null;
  } else if (PLAIN_COMMA.test(s)) digits = s.replace(",", ".");
  else if (GROUPED_COMMA.test(s)) digits = s.replace(/\./g, "").replace(",", ".");
  else if (PLAIN.test(s) && !s.includes(".")) digits = s;
  else return null;
  const n = Number(digits) * scale;
  if (!Number.isFinite(n)) return null;
  // Scaling by 0.01 leaves binary noise (45 * 0.01 = 0.45000000000000001); round to 12 significant digits.
  const clean = scale === 1 ? n : Number(n.toPrecision(12));
  const signed = negative ? -clean : clean;
  return signed === 0 ? 0 : signed;
}

const TRUE_WORDS: ReadonlySet<string> = new Set([
  "true", "yes", "y", "done", "1", "✓", "✔", "☑", "x", "complete", "completed", "achieved", "met", "on", "shipped", "launched",
]);
const FALSE_WORDS: ReadonlySet<string> = new Set([
  "false", "no", "n", "not done", "notdone", "0", "✗", "✘", "☐", "incomplete", "not complete", "not achieved", "not met", "off", "open", "pending",
]);

/**
 * Reads a cell as yes/no: `TRUE`, `yes`, `y`, `done`, `1`, `✓` are true; `FALSE`,
 * `no`, `n`, `not done`, `0`, `✗` are false. Blank is `null`.
 *
 * @example
 * toBoolean("Done") // { ok: true, value: true }
 * toBoolean(0) // { ok: true, value: false }
 * toBoolean("maybe").ok // false
 */
export function toBoolean(raw: RawCell, _format?: string): CellValue<boolean> {
  if (typeof raw === "boolean") return { ok: true, value: raw };
  if (typeof raw === "number") {
    if (raw === 1) return { ok: true, value: true };
    if (raw === 0) return { ok: true, value: false };
    return problem("not-a-boolean", `${excerpt(String(raw))} is not yes or no`, String(raw));
  }
  if (typeof raw !== "string") return problem("not-a-boolean", "The cell is not yes or no", "");
  const t = raw.trim();
  if (t === "") return BLANK;
  if (isExcelError(t)) return excelError(t.toUpperCase());
  const lower = t.toLowerCase().replace(/\s+/g, " ");
  if (lower.length <= 16) {
    if (TRUE_WORDS.has(lower)) return { ok: true, value: true };
    if (FALSE_WORDS.has(lower)) return { ok: true, value: false };
  }
  if (isBlank(t)) return BLANK;
  return problem("not-a-boolean", `"${excerpt(t)}" is not yes or no`, t);
}

/** A number, or a yes/no answer read as 1 or 0; `yesNo` says which it was. */
export type NumberOrYesNo = CellValue<number> & { yesNo?: boolean };

/**
 * Reads a cell where a number or a yes/no answer may stand (a key result's
 * Target or Current): a number as {@link toNumber} reads it, else `TRUE`, `yes`,
 * `done` as 1 and `FALSE`, `no`, `not done` as 0, with `yesNo` set. An Excel
 * error or text that is neither is the number's problem.
 *
 * @example
 * toNumberOrYesNo("45%") // { ok: true, value: 0.45 }
 * toNumberOrYesNo(true) // { ok: true, value: 1, yesNo: true }
 * toNumberOrYesNo("Done") // { ok: true, value: 1, yesNo: true }
 * toNumberOrYesNo("lots").ok // false
 */
export function toNumberOrYesNo(raw: RawCell, format?: string, options: ValueOptions = {}): NumberOrYesNo {
  const num = toNumber(raw, format, options);
  if (num.ok || num.code === "excel-error") return num;
  const yes = toBoolean(raw);
  if (yes.ok && yes.value !== null) return { ok: true, value: yes.value ? 1 : 0, yesNo: true };
  return num;
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"], ["may", "may"], ["jun", "june"],
    ["jul", "july"], ["aug", "august"], ["sep", "september"], ["oct", "october"], ["nov", "november"], ["dec", "december"],
  ].flatMap(([short, long], i): Array<[string, number]> => [[short, i + 1], [long, i + 1], ...(short === "sep" ? [["sept", 9] as [string, number]] : [])]),
);

/**
 * The month number (1–12) of an English month name or abbreviation.
 *
 * @example
 * monthNumber("Sept") // 9
 * monthNumber("Juli") // null
 */
export function monthNumber(name: string): number | null {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, "")) ?? null;
}

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ][\d:.]+z?)?$/;
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})$/;
const MONTH_DAY_YEAR = /^([a-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/;

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function isoOf(y: number, m: number, d: number): IsoDate | null {
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return dayNumber(iso) === null ? null : iso;
}

/**
 * Reads a cell as an ISO date. Numbers are Excel serial dates; text may be ISO
 * (`2026-07-01`), numeric (`1/7/2026`: read day-first when the workbook uses a
 * comma decimal separator, else month-first, unless only one reading is valid),
 * dotted (`1.7.2026`, always day-first), `1 Jul 2026` or `July 1, 2026`.
 *
 * @example
 * toDate(46204) // { ok: true, value: "2026-07-01" }
 * toDate("1/7/2026") // { ok: true, value: "2026-01-07" }
 * toDate("1/7/2026", undefined, { decimalSeparator: "," }) // { ok: true, value: "2026-07-01" }
 * toDate("July 1, 2026") // { ok: true, value: "2026-07-01" }
 */
export function toDate(raw: RawCell, _format?: string, options: ValueOptions = {}): CellValue<IsoDate> {
  if (typeof raw === "number") {
    const iso = serialToIso(raw);
    return iso === null ? problem("not-a-date", `${excerpt(String(raw))} is not a date`, String(raw)) : { ok: true, value: iso };
  }
  if (typeof raw === "boolean") return problem("not-a-date", "The cell holds TRUE or FALSE, not a date", raw ? "TRUE" : "FALSE");
  if (typeof raw !== "string") return problem("not-a-date", "The cell does not hold a date", "");
  if (isBlank(raw)) return BLANK;
  const t = raw.trim();
  if (isExcelError(t)) return excelError(t.toUpperCase());
  const iso = t.length <= 40 ? parseDateText(t.toLowerCase(), options.decimalSeparator ?? ".") : null;
  return iso === null ? problem("not-a-date", `"${excerpt(t)}" is not a date`, t) : { ok: true, value: iso };
}

function parseDateText(s: string, decimal: "." | ","): IsoDate | null {
  let m = ISO_DATE.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DATE.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4]);
    const dayFirst = m[2] === "." || decimal === ",";
    const preferred = dayFirst ? isoOf(year, b, a) : isoOf(year, a, b);
    return preferred ?? (dayFirst ? isoOf(year, a, b) : isoOf(year, b, a));
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const month = monthNumber(m[2]);
    return month === null ? null : isoOf(fullYear(m[3]), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const month = monthNumber(m[1]);
    return month === null ? null : isoOf(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

/**
 * Reads a cell as text: trimmed, numbers written plainly (a date-formatted
 * number becomes its ISO date), booleans as `TRUE`/`FALSE`. Blank is `null`;
 * an Excel error is a problem.
 *
 * @example
 * toText("  Grow revenue ") // { ok: true, value: "Grow revenue" }
 * toText(42) // { ok: true, value: "42" }
 * toText(46204, "yyyy-mm-dd") // { ok: true, value: "2026-07-01" }
 */
export function toText(raw: RawCell, format?: string): CellValue<string> {
  if (typeof raw === "string") {
    const t = raw.trim();
    if (t === "") return BLANK;
    if (isExcelError(t)) return excelError(t.toUpperCase());
    return { ok: true, value: t };
  }
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return problem("not-text", "The cell does not hold a finite number", String(raw));
    if (isDateFormat(format)) {
      const iso = serialToIso(raw);
      if (iso !== null) return { ok: true, value: iso };
    }
    return { ok: true, value: String(raw === 0 ? 0 : raw) };
  }
  if (typeof raw === "boolean") return { ok: true, value: raw ? "TRUE" : "FALSE" };
  return problem("not-text", "The cell does not hold text", "");
}
