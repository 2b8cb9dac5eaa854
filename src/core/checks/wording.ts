/**
 * How goal text reads: status quo or change, activity or outcome. The patterns
 * are compiled once here because the checks run them on every key result.
 */

/** Words that describe holding a level: always the status quo. */
const HOLDING = /\b(maintain(?:s|ed|ing)?|keep(?:s|ing)?|kept|stay(?:s|ed|ing)?|remain(?:s|ed|ing)?|sustain(?:s|ed|ing)?)\b/i;

/** Thresholds without movement ("at least 90%"): status quo only when nothing in the text moves. */
const THRESHOLD = /\b(at least|no more than|no less than|at most|not (?:to )?exceed)\b/i;

/** Signs of a change: "from X to Y" or a verb that moves a number. */
const CHANGE =
  /\bfrom\b.+\bto\b|\b(?:increas|rais|grow|grew|improv|reduc|cut|lower|decreas|boost|doubl|tripl|halv|lift|drop|shrink|expand|accelerat)\w*/i;

/** Verbs that open an activity (an output), not an outcome. */
const ACTIVITY =
  /^\s*(?:launch|roll(?:ing)? out|implement|deliver|build|create|ship|release|introduce|complete|finish|run|host|publish|design|develop|set up|deploy|write|draft|define|document|organi[sz]e|start|kick off|migrate|upgrade|redesign|rebuild|hold|conduct|prepare|plan|pilot|establish|announce)\b/i;

const DIGIT = /\d/;

/**
 * The phrase that makes a goal read as the status quo, as written, or `null`.
 * Holding words ("maintain", "keep", "stay", "remain", "sustain") always count;
 * thresholds ("at least", "no more than") count unless the text also describes a
 * change ("from 40 to 60", "raise", "reduce") or `moves` says the numbers change.
 *
 * @example
 * statusQuoPhrase("Maintain NPS above 45") // "Maintain"
 * statusQuoPhrase("At least 90% of managers trained") // "At least"
 * statusQuoPhrase("Raise coverage from 60% to at least 90%") // null
 */
export function statusQuoPhrase(text: string, moves = false): string | null {
  const holding = HOLDING.exec(text);
  if (holding) return holding[0];
  const threshold = THRESHOLD.exec(text);
  if (threshold && !moves && !CHANGE.test(text)) return threshold[0];
  return null;
}

/**
 * Whether text opens with an activity verb ("Launch the feature", "Roll out onboarding").
 *
 * @example
 * isActivity("Roll out the new onboarding") // true
 * isActivity("Cut time to hire from 45 to 30 days") // false
 */
export function isActivity(text: string): boolean {
  return ACTIVITY.test(text);
}

/**
 * Whether text contains a number written with digits.
 *
 * @example
 * hasDigit("Reach 40% adoption") // true
 * hasDigit("Launch the feature") // false
 */
export function hasDigit(text: string): boolean {
  return DIGIT.test(text);
}
