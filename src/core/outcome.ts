/**
 * Results that carry either a value or a data problem. Scoring never throws on
 * bad numbers: it returns a failed outcome, which a custom function shows as a
 * cell error carrying the same message.
 */

export type ScoringErrorCode =
  | "not-a-number"
  | "target-equals-start"
  | "negative-weight"
  | "weights-length"
  | "zero-weights"
  | "bad-period"
  | "bad-type"
  | "bad-commitment"
  | "bad-direction"
  | "missing-bounds"
  | "out-of-range"
  | "empty";

export interface Failure {
  ok: false;
  code: ScoringErrorCode;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

/**
 * Wraps a value as a successful outcome.
 *
 * @example
 * ok(0.5) // { ok: true, value: 0.5 }
 */
export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/**
 * Builds a failed outcome.
 *
 * @example
 * fail("target-equals-start", "Target equals start").ok // false
 */
export function fail(code: ScoringErrorCode, message: string): Failure {
  return { ok: false, code, message };
}

/** Thrown only when the program itself is wrong (an invariant broke), never for bad data. */
export class InvariantError extends Error {
  override readonly name = "InvariantError";
}
