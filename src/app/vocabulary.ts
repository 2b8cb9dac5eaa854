/**
 * What a door may show of the core's vocabulary without reaching into it: the
 * names of sheet kinds and rules, cell addresses, dates, default settings, and
 * the largest of many values without spreading them into a call, and a plan with
 * every sheet laid out (for a door that sends a plan to its host as data).
 * Doors import these from here, so `src/core` stays out of every door but for types.
 */
export { a1, columnLetter, parseA1, quoteSheet, rowSpans } from "../core/address";
export { RULE_IDS, ruleTitle, type RuleId } from "../core/checks";
export { maxOf } from "../core/collections";
export { dayNumber, isoToSerial, serialToIso, todayIso } from "../core/dates";
export { comparePeriods } from "../core/periods";
export { laidOutPlan } from "../core/plan";
export { HEADING_FIELD } from "../core/parse/blocks";
export { NAME_FIELD } from "../core/parse/guess";
export { periodLabel } from "../core/parse/period-columns";
export { PERIOD_COLUMN_KINDS } from "../core/arrangement";
export { SHEET_KINDS } from "../core/recognise";
export { DEFAULT_SETTINGS } from "../core/settings";
