/**
 * Qualifiers people write around a number in a goal sheet: `70%+` and `≥ 70%`
 * (at least), `<15%` and `under 2 days` (at most), `4.5/5` (a rating on a
 * 5-point scale), `12 months` (a number with its unit). The number keeps its
 * meaning and the qualifier is kept beside it, so a target written `<15%` both
 * reads as 15% and says lower is better. Text only: the number itself is read
 * by the value converter, which calls this module for what it cannot read alone.
 */

/** Which side of the number is acceptable: at least it (`min`) or at most it (`max`). */
export type Bound = "min" | "max";

export interface Qualified {
  /** The number's own text, qualifier removed (e.g. `70%` for `≥ 70%`). */
  number: string;
  /** `min` for `70%+`, `≥ 70`, `at least 6`; `max` for `<15%`, `≤ 2`, `under 3 days`; else `null`. */
  bound: Bound | null;
  /** True for a strict bound (`<`, `>`, `under`, `over`). */
  strict: boolean;
  /** The top of a rating scale: 5 for `4.5/5` or `4 out of 5`. */
  scale: number | null;
  /** A unit word after the number, lower case: `months` for `12 months`. */
  unit: string | null;
}

/** Longest text looked at: qualifiers are short, and a long cell is a sentence, not a value. */
const LIMIT = 48;

const PREFIXES: ReadonlyArray<{ re: RegExp; bound: Bound; strict: boolean }> = [
  { re: /^(?:≥|>=|=>|⩾)\s*/, bound: "min", strict: false },
  { re: /^(?:≤|<=|=<|⩽)\s*/, bound: "max", strict: false },
  { re: /^>\s*/, bound: "min", strict: true },
  { re: /^<\s*/, bound: "max", strict: true },
  { re: /^(?:at least|min(?:imum)?\.?|no less than|not less than|minimum of)\s+/i, bound: "min", strict: false },
  { re: /^(?:at most|max(?:imum)?\.?|no more than|not more than|not to exceed|not exceed(?:ing)?|up to|maximum of)\s+/i, bound: "max", strict: false },
  { re: /^(?:above|over|more than|greater than)\s+/i, bound: "min", strict: true },
  { re: /^(?:below|under|less than|fewer than|within)\s+/i, bound: "max", strict: true },
];

const SUFFIX_MIN = /\s*(?:\+|\bor (?:more|above|higher|better)|\band above)\s*$/i;
const SUFFIX_MAX = /\s*(?:\bor (?:less|below|fewer|lower|under)|\band below)\s*$/i;
/** A minimum with a unit or rate after the plus: `200+/mo`, `70+ average`, `5+ per week`. */
const PLUS_UNIT = /^([$€£¥]?\d[\d,.]*\s*%?)\s*\+\s*(?:\/\s*|per\s+)?([a-z][a-z .]{0,20})$/i;
const SCALE = /^(.*?\d)\s*(?:\/|out of|of)\s*(\d+(?:\.\d+)?)$/i;
/** A unit word after the number: letters only, not a scale suffix the value converter reads (k, m, bn, %). */
const UNIT = /^(.*?[\d%.])\s*([a-z][a-z .-]{0,20})$/i;
const CONVERTER_SUFFIXES: ReadonlySet<string> = new Set(["k", "m", "mn", "mm", "b", "bn", "thousand", "million", "billion", "percent", "pc", "e"]);

/**
 * Splits a qualifier off a number written as text, or returns `null` when
 * the text carries none (a plain number, or no number at all).
 *
 * @example
 * splitQualifier("70%+") // { number: "70%", bound: "min", strict: false, scale: null, unit: null }
 * splitQualifier("<15%") // { number: "15%", bound: "max", strict: true, scale: null, unit: null }
 * splitQualifier("4.5/5") // { number: "4.5", bound: null, strict: false, scale: 5, unit: null }
 * splitQualifier("12 months") // { number: "12", bound: null, strict: false, scale: null, unit: "months" }
 * splitQualifier("45") // null
 */
export function splitQualifier(text: string): Qualified | null {
  if (typeof text !== "string" || text.length > LIMIT) return null;
  let s = text.trim();
  if (!/\d/.test(s)) return null;
  let bound: Bound | null = null;
  let strict = false;
  for (const prefix of PREFIXES) {
    const m = prefix.re.exec(s);
    if (m) {
      bound = prefix.bound;
      strict = prefix.strict;
      s = s.slice(m[0].length);
      break;
    }
  }
  if (bound === null) {
    const plusUnit = PLUS_UNIT.exec(s);
    if (plusUnit && !/^[+-]/.test(s.trim())) {
      return { number: plusUnit[1].trim(), bound: "min", strict: false, scale: null, unit: plusUnit[2].trim().toLowerCase() };
    }
    if (SUFFIX_MIN.test(s) && !/^[+-]/.test(s.trim())) {
      bound = "min";
      s = s.replace(SUFFIX_MIN, "");
    } else if (SUFFIX_MAX.test(s)) {
      bound = "max";
      s = s.replace(SUFFIX_MAX, "");
    }
  }
  let scale: number | null = null;
  const scaled = SCALE.exec(s);
  if (scaled && !/\d\s*\/\s*\d+\s*\/\s*\d/.test(s)) {
    const top = Number(scaled[2]);
    if (Number.isFinite(top) && top > 0 && top <= 100) {
      scale = top;
      s = scaled[1];
    }
  }
  let unit: string | null = null;
  const united = UNIT.exec(s);
  if (united && !CONVERTER_SUFFIXES.has(united[2].trim().toLowerCase()) && !/^e\d/i.test(united[2])) {
    unit = united[2].trim().toLowerCase();
    s = united[1];
  }
  s = s.trim();
  if (bound === null && scale === null && unit === null) return null;
  if (!/\d/.test(s)) return null;
  return { number: s, bound, strict, scale, unit };
}

/**
 * The bound a target written with a qualifier sets: `max` means lower is
 * better (`<15%`, `under 2 days`), `min` higher is better; `null` when the
 * text says neither.
 *
 * @example
 * boundOf("<15%") // "max"
 * boundOf("70%+") // "min"
 * boundOf(45) // null
 */
export function boundOf(raw: unknown): Bound | null {
  return typeof raw === "string" ? (splitQualifier(raw)?.bound ?? null) : null;
}

/** A number as a statement writes it: sign, currency, digits, and a scale or percent after. */
const STATED_NUMBER = "[-+]?[$€£¥₹]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?\\s*(?:%|k|m|mn|bn|b)?";
/** Up to four words, then the number: `Closed $400K`, `Churn: 6%`. */
const WORDS_THEN_NUMBER = new RegExp(`^(\\p{L}[\\p{L}'’-]*(?:\\s+\\p{L}[\\p{L}'’-]*){0,3})\\s*[:：]?\\s+(${STATED_NUMBER})$`, "iu");
const RESULT = new RegExp(`^${STATED_NUMBER}$`, "i");

/**
 * The number a short statement in a value cell gives, as written, or `null`:
 * the result after an equals sign (`NPS = 42`, the working `10/13 = 0.77`), or
 * the one number after a few words that echo the subject the cell measures
 * (`Closed $400K` for "Close $500K new revenue"). A note in brackets
 * (`NPS = 42 (Δ10)`) is left out. Words that do not echo the subject give
 * `null`: `see row 12` is no value.
 *
 * @example
 * numberInStatement("NPS = 42 (Δ10)") // "42"
 * numberInStatement("400/500 = 0.80") // "0.80"
 * numberInStatement("Closed $400K", "Close $500K new revenue") // "$400K"
 * numberInStatement("see row 12", "Close $500K new revenue") // null
 */
export function numberInStatement(text: string, subject = ""): string | null {
  if (typeof text !== "string" || text.length > 80) return null;
  const bare = text.replace(/\s*\([^)]*\)/g, " ").replace(/\s+/g, " ").trim();
  const equals = bare.lastIndexOf("=");
  if (equals > 0) {
    const result = bare.slice(equals + 1).trim();
    return RESULT.test(result) ? result : null;
  }
  const said = WORDS_THEN_NUMBER.exec(bare);
  return said !== null && echoes(said[1], subject) ? said[2].trim() : null;
}

/** Whether any word of `words` starts like a word of `subject`, over their first four letters or the shorter word (`Closed` and `Close`, `NPS` and `NPS`). */
function echoes(words: string, subject: string): boolean {
  const own = subject.toLowerCase().split(/[^\p{L}]+/u).filter((word) => word.length >= 3);
  for (const word of words.toLowerCase().split(/[^\p{L}]+/u)) {
    if (word.length < 3) continue;
    for (const other of own) {
      const length = Math.min(4, word.length, other.length);
      if (word.slice(0, length) === other.slice(0, length)) return true;
    }
  }
  return false;
}
