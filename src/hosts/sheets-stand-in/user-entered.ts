/**
 * How Sheets reads a string written with `Range.setValues`: as if a person typed
 * it (the USER_ENTERED input option,
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption:
 * "The values will be parsed as if the user typed them into the UI. Numbers will
 * stay as numbers, but strings may be converted to numbers, dates, etc."). A
 * leading apostrophe keeps the rest as text and is not shown
 * (https://support.google.com/docs/answer/56470, "Format numbers as plain text").
 * The stand-in parses the shapes Altitude's tests rely on; a string it does not
 * recognise stays text, as it would in Sheets.
 */
import type { SheetsValue } from "../../sheets/api";

export interface Entered {
  value: SheetsValue;
  formula?: string;
  /** The number format Sheets infers (`0%` for "45%"), if any. */
  format?: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The value a typed string becomes.
 *
 * @example
 * parseUserEntered("=1+1", "UTC").formula // "=1+1"
 * parseUserEntered("'=1+1", "UTC").value // "=1+1"
 * parseUserEntered("45%", "UTC") // { value: 0.45, format: "0%" }
 */
export function parseUserEntered(input: string | number | boolean | null, timeZone: string): Entered {
  if (input === null) return { value: "" };
  if (typeof input !== "string") return { value: input };
  if (input === "") return { value: "" };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { value: "", formula: input };
  const text = input.trim();
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  const number = parseNumber(text);
  if (number) return number;
  const date = parseDate(text, timeZone);
  if (date) return { value: date, format: "yyyy-mm-dd" };
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60) {
    return { value: (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400, format: "h:mm" };
  }
  return { value: input };
}

function parseNumber(text: string): Entered | null {
  const fraction = /^(-?\d+) (\d+)\/(\d+)$/.exec(text);
  if (fraction && Number(fraction[3]) !== 0) {
    const whole = Number(fraction[1]);
    const part = Number(fraction[2]) / Number(fraction[3]);
    return { value: whole < 0 ? whole - part : whole + part, format: "# ?/?" };
  }
  const match = /^(\()?([-+])?([$€£])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%)?(\))?$/.exec(text);
  if (!match) return null;
  const [, open, sign, currency, whole, decimals, percent, close] = match;
  if (Boolean(open) !== Boolean(close)) return null;
  let value = Number(whole.replace(/,/g, "") + (decimals ?? ""));
  if (percent) value /= 100;
  if (sign === "-" || open) value = -value;
  return { value, format: percent ? "0%" : currency ? `${currency}#,##0.00` : undefined };
}

/** `2026-07-01`, `7/1/2026`, `Jan 2026`, `1 Jan 2026`: midnight of that day in the spreadsheet's zone. */
function parseDate(text: string, timeZone: string): Date | null {
  let y: number | undefined;
  let m: number | undefined;
  let d = 1;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!match && (match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!match && (match = /^([a-z]{3})[a-z]* (\d{4})$/i.exec(text))) {
    const month = MONTHS.indexOf(match[1].toLowerCase());
    if (month >= 0) [y, m] = [Number(match[2]), month + 1];
  }
  if (!match && (match = /^(\d{1,2}) ([a-z]{3})[a-z]* (\d{4})$/i.exec(text))) {
    const month = MONTHS.indexOf(match[2].toLowerCase());
    if (month >= 0) [d, y, m] = [Number(match[1]), Number(match[3]), month + 1];
  }
  if (y === undefined || m === undefined || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return midnightIn(y, m, d, timeZone);
}

/** The instant that is midnight of a calendar day in a time zone. */
function midnightIn(year: number, month: number, day: number, timeZone: string): Date {
  const utc = Date.UTC(year, month - 1, day);
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(new Date(instant));
    const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  };
  return new Date(utc - offsetAt(utc - offsetAt(utc)));
}
