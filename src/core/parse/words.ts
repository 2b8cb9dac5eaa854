/**
 * The words people write in Type, Commitment, Level and Direction cells, and the
 * rules that infer a key result's type when its Type cell is blank.
 */
import type { Commitment, Direction, KeyResultType, Level } from "../model";
import { vocabulary, wordKey } from "./reader";

export const TYPE_WORDS = vocabulary<KeyResultType>([
  ["increase", ["increase", "increasing", "inc", "up", "higher", "grow", "raise", "more", "↑", "higher is better"]],
  ["decrease", ["decrease", "decreasing", "dec", "down", "lower", "reduce", "less", "↓", "lower is better"]],
  ["milestone", ["milestone", "milestones", "% complete", "percent complete", "percentage", "progress"]],
  ["binary", ["binary", "yes/no", "yes no", "boolean", "done/not done", "done", "pass/fail", "y/n"]],
  ["maintain", ["maintain", "keep", "threshold", "stay", "hold"]],
]);

export const COMMITMENT_WORDS = vocabulary<Commitment>([
  ["committed", ["committed", "commit", "c", "commitment", "must", "must have"]],
  ["aspirational", ["aspirational", "aspire", "a", "stretch", "moonshot", "roofshot", "aspiration"]],
]);

export const LEVEL_WORDS = vocabulary<Level>([
  ["company", ["company", "corporate", "organisation", "organization", "org", "business", "group", "enterprise"]],
  ["team", ["team", "department", "dept", "function", "squad", "division", "unit"]],
  ["individual", ["individual", "personal", "person", "employee", "ind", "indiv", "me", "self"]],
]);

export const DIRECTION_WORDS = vocabulary<Direction>([
  ["higher", ["higher", "up", "increase", "↑", "⬆", "↗", "higher is better", "higher better", "high", "max", "maximise", "maximize", "more is better"]],
  ["lower", ["lower", "down", "decrease", "↓", "⬇", "↘", "lower is better", "lower better", "low", "min", "minimise", "minimize", "less is better"]],
  ["band", ["band", "range", "within", "within range", "in range", "between", "target band"]],
]);

const MAINTAIN_TEXT = /\b(?:maintain|keep|stay|remain|sustain|at least|no more than|no less than|at most|not exceed|never (?:drop|fall|exceed))\b/i;
const MAINTAIN_MAXIMUM = /\b(?:no more than|at most|not exceed|never exceed|less than|fewer than|below|under|stay (?:below|under)|keep (?:\w+ )?(?:below|under))\b/i;
/** Wording of a key result that aims lower: "Reduce average discount to 12%", "Cut churn", "Bring defects below 2%". */
const DECREASE_TEXT = /\b(?:reduce[ds]?|reducing|cut(?:s|ting)?|lower(?:ed|ing)?|decrease[ds]?|decreasing|shrink|shorten|drop|bring (?:\w+ )*down|minimi[sz]e|eliminate|fewer|less than|below|under|not exceed|no more than)\b/i;
const MILESTONE_TEXT = /milestone|%\s*complete|percent(?:age)? complete|per cent complete/i;

export interface TypeEvidence {
  keyResult: string;
  start: number | null;
  target: number | null;
  current: number | null;
  /** True when Target or Current was written as yes/no, done or TRUE/FALSE. */
  yesNo: boolean;
  /** The bound the target was written with: `max` for `<15%`, `min` for `70%+`. */
  targetBound?: "min" | "max" | null;
}

/**
 * The type of a key result whose Type cell is blank: binary for yes/no values
 * (or a target of 1 with no start); maintain for status-quo wording ("keep",
 * "at least") with only a threshold; milestone for "% complete" wording with
 * no start; otherwise decrease when the target is below the start, else increase.
 *
 * @example
 * inferKeyResultType({ keyResult: "Cut churn", start: 4.2, target: 2.8, current: null, yesNo: false }) // "decrease"
 * inferKeyResultType({ keyResult: "Maintain NPS at least 45", start: null, target: 45, current: 47, yesNo: false }) // "maintain"
 */
export function inferKeyResultType(e: TypeEvidence): KeyResultType {
  if (e.yesNo) return "binary";
  if (e.start === null) {
    if (e.target !== null && (MAINTAIN_TEXT.test(e.keyResult) || e.targetBound)) return "maintain";
    if (MILESTONE_TEXT.test(e.keyResult)) return "milestone";
    // A target of 1 is done/not done, unless the current value is a share on the way there (0.8 of 100%).
    if (e.target === 1 && (e.current === null || e.current === 0 || e.current === 1)) return "binary";
    if (e.target === null && e.current !== null && e.current >= 0 && e.current <= 1 && /\bcomplete/i.test(e.keyResult)) return "milestone";
  }
  if (e.start !== null && e.target !== null) return e.target < e.start ? "decrease" : "increase";
  if (e.target !== null && DECREASE_TEXT.test(e.keyResult)) return "decrease";
  return "increase";
}

/**
 * Whether the wording of a measure aims lower: "Reduce", "Cut", "Lower",
 * "below", "under", "not exceed", or a measure that is lower-is-better by
 * nature (defects, churn, stock-outs, days to close, turnaround time, cost).
 *
 * @example
 * aimsLower("Reduce average discount to 12%") // true
 * aimsLower("Days to close a requisition") // true
 * aimsLower("Grow qualified pipeline") // false
 */
export function aimsLower(text: string): boolean {
  // A KPI or measure name repeats down its readings: decide each text once.
  let lower = AIMS_LOWER.get(text);
  if (lower === undefined) {
    // "Cost savings" and "Cycle time reduction" measure an amount achieved: more is better.
    lower = !ACHIEVED_REDUCTION.test(text) && (DECREASE_TEXT.test(text) || LOWER_IS_BETTER_MEASURE.test(text));
    if (AIMS_LOWER.size >= AIMS_LOWER_LIMIT) AIMS_LOWER.clear();
    AIMS_LOWER.set(text, lower);
  }
  return lower;
}

/** Decisions remembered across sheets, bounded so distinct texts cannot grow it without end. */
const AIMS_LOWER = new Map<string, boolean>();
const AIMS_LOWER_LIMIT = 10_000;

const ACHIEVED_REDUCTION = /\b(?:savings?|saved|reduction|avoided|avoidance)\b/i;

const LOWER_IS_BETTER_MEASURE =
  /\b(?:defects?|defect rate|error rate|errors|bugs|incidents?|churn|attrition|(?:staff|employee|people|workforce) turnover|stock-?outs?|downtime|outages?|complaints?|escalations?|absenteeism|backlog|returns? rate|days to (?:close|hire|fill|resolve)|time to (?:hire|fill|resolve|close)|turnaround(?: time)?|tat|cycle time|lead time|cost per|costs?|overdue|late|rework|wastage|waste|shrinkage|lost time|payback(?: period)?|acquisition cost|cac|expenses?|expense ratio|spend)\b/i;

/** Words that make a Type cell a threshold held from above or below. */
const MAINTAIN_WORD = /^(?:maintain|keep|stay|hold|remain|threshold)\b/i;
const MAXIMUM_WORD = /^(?:not exceed|never exceed|at most|under|below|max(?:imum)?|ceiling|no more than|keep below|keep under|stay below|stay under)$/i;
const MINIMUM_WORD = /^(?:at least|above|over|min(?:imum)?|floor|no less than|keep above|stay above)$/i;

export interface StatedType {
  type: KeyResultType;
  /** For a threshold: `lower` when it must not be exceeded, `higher` when it must be reached; absent when the words do not say. */
  direction?: "higher" | "lower";
}

/**
 * A key result type as written in a Type cell or `OKRSCORE`'s type argument,
 * including thresholds held from either side: "maintain below", "keep below",
 * "not exceed" and "under" hold a maximum; "maintain above" and "at least" a minimum.
 * `null` for words that are no type.
 *
 * @example
 * statedKeyResultType("Decrease") // { type: "decrease" }
 * statedKeyResultType("maintain below") // { type: "maintain", direction: "lower" }
 * statedKeyResultType("not exceed") // { type: "maintain", direction: "lower" }
 * statedKeyResultType("maybe") // null
 */
export function statedKeyResultType(text: string): StatedType | null {
  const words = text.trim().toLowerCase().replace(/[\s_/-]+/g, " ");
  if (words === "") return null;
  const known = STATED_TYPE_WORDS.get(wordKey(words));
  if (known) return known;
  if (MAXIMUM_WORD.test(words)) return { type: "maintain", direction: "lower" };
  if (MINIMUM_WORD.test(words)) return { type: "maintain", direction: "higher" };
  if (MAINTAIN_WORD.test(words) && words.includes(" ")) return { type: "maintain", direction: maintainDirection(words) };
  return null;
}

/**
 * Every word a Type cell or `OKRSCORE`'s type argument may hold, with the side a
 * threshold holds from, keyed by `wordKey`: the types, and `maintain below`,
 * `keep below`, `not exceed`, `under` (a maximum) or `maintain above`, `at least` (a minimum).
 */
export const STATED_TYPE_WORDS: ReadonlyMap<string, StatedType> = new Map<string, StatedType>([
  ...[...TYPE_WORDS].map(([key, type]) => [key, { type }] as [string, StatedType]),
  ...[
    "maintain below", "maintain under", "keep below", "keep under", "stay below", "stay under", "not exceed", "never exceed", "do not exceed",
    "under", "below", "at most", "no more than", "maximum", "max", "ceiling",
  ].map((w) => [wordKey(w), { type: "maintain", direction: "lower" }] as [string, StatedType]),
  ...["maintain above", "maintain over", "keep above", "stay above", "at least", "no less than", "minimum", "min", "above", "over", "floor"].map(
    (w) => [wordKey(w), { type: "maintain", direction: "higher" }] as [string, StatedType],
  ),
]);

/**
 * Whether a maintain key result's threshold is a maximum ("no more than 5 incidents")
 * rather than a minimum ("stay above 45").
 *
 * @example
 * maintainDirection("No more than 5 P1 incidents") // "lower"
 * maintainDirection("Keep NPS at least 45") // "higher"
 */
export function maintainDirection(keyResult: string): "higher" | "lower" {
  return MAINTAIN_MAXIMUM.test(keyResult) ? "lower" : "higher";
}

const FROM_TO = /\bfrom\s+([-+$€£¥]?\d[\d,.]*\s*(?:%|[a-z]{1,8})?)\s+to\s+([-+$€£¥<>≤≥]?\d[\d,.]*\s*(?:%|[a-z]{1,8})?)/i;

/**
 * The baseline and goal a key result states in its own words ("Reduce mean time
 * to detect from 30 min to 10 min"), as the texts written; `null` when it states none.
 *
 * @example
 * fromToInWording("Increase conversion from 2.1% to 3%") // { from: "2.1%", to: "3%" }
 * fromToInWording("Reach 50 customers") // null
 */
export function fromToInWording(text: string): { from: string; to: string } | null {
  const m = FROM_TO.exec(text);
  return m ? { from: m[1].trim(), to: m[2].trim() } : null;
}

/** An amount in a key result's wording: not part of a word or label (`Q3`, `Δ13`, `H1`). */
const AMOUNT = /(?<![\p{L}\d.,$€£¥₹])([$€£¥₹]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:%|k|m|mn|bn|b)(?!\p{L}))?)/giu;
/** The amount after `to`, `below`, `reach` …: the goal of "Grow from 10 customers to 50". */
const GOAL_AMOUNT = /\b(?:to|below|under|above|over|at least|at most|reach(?:es)?)\s+([$€£¥₹]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:%|k|m|mn|bn|b)(?!\p{L}))?)/giu;
const BARE_YEAR = /^(?:19|20)\d{2}$/;

/**
 * The goal a key result states in its own words, as written, for a sheet with
 * no Target column: the `to` of "from 32 to 45", the amount after `to`, `below`
 * or `reach`, or else the one amount the wording holds ("Close $500K new
 * revenue"). Years and numbers inside labels (`Q3`, `Δ13`) are no amounts;
 * `null` when the wording states none, or several with none marked as the goal,
 * or is no wording at all (a bare number).
 *
 * @example
 * targetInWording("Increase NPS from 32 to 45 (Δ13)") // "45"
 * targetInWording("Close $500K new revenue") // "$500K"
 * targetInWording("Hire 3 engineers and 2 designers") // null
 */
export function targetInWording(text: string): string | null {
  // A key result written as a bare number states no goal: it has no words.
  if (!/\p{L}{2}/u.test(text)) return null;
  const stated = fromToInWording(text);
  if (stated) return stated.to;
  let goal: string | null = null;
  for (const m of text.matchAll(GOAL_AMOUNT)) goal = m[1];
  if (goal !== null) return goal.trim();
  const amounts: string[] = [];
  for (const m of text.matchAll(AMOUNT)) if (!BARE_YEAR.test(m[1])) amounts.push(m[1].trim());
  return amounts.length === 1 ? amounts[0] : null;
}
