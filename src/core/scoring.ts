/**
 * The scoring rules of DESIGN.md: key results, objectives, grades, pace, KPI
 * status and trend, and KRA scores. Every function is total: bad numbers give a
 * failed {@link Outcome}, never an exception.
 */
import { daysBetween } from "./dates";
import type { Commitment, Direction, Grade, IsoDate, KeyResultType, KpiStatus, Pace, Trend } from "./model";
import { fail, ok, type Outcome } from "./outcome";
import { DEFAULT_SETTINGS, type GradeBands, type Settings } from "./settings";

/** Comparisons against band edges forgive floating-point noise such as 0.7000000000000001. */
const EPSILON = 1e-9;

function isNum(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function badNumber(value: number | null | undefined): boolean {
  return value !== null && value !== undefined && !Number.isFinite(value);
}

/** Clamp that also turns -0 into 0, so a score never prints as "-0". */
function clamp(x: number, lo: number, hi: number): number {
  const v = Math.min(hi, Math.max(lo, x));
  return v === 0 ? 0 : v;
}

export interface KeyResultInput {
  type: KeyResultType;
  start: number | null;
  target: number | null;
  current: number | null;
  /** For `maintain`: whether the threshold is a minimum (default) or a maximum. */
  direction?: "higher" | "lower";
}

export interface KeyResultScore {
  /** 0 … cap. */
  score: number;
  /** The unclamped figure, e.g. 1.6 for 160 % of the way. */
  raw: number;
  /** True when there is no current value yet: the score is 0 and says so. */
  noCheckIn: boolean;
}

/**
 * Scores a key result 0–1 as `(current − start) / (target − start)`, which serves
 * increasing and decreasing metrics alike. Milestones score `current / target`,
 * binary results 1 or 0, and maintain results 1 while the threshold holds.
 * A blank current is no check-in: score 0. Target equal to start is an error.
 *
 * @param input the key result's type and numbers
 * @param cap highest score allowed (1 by default; above 1 allows over-achievement)
 * @example
 * scoreKeyResult({ type: "decrease", start: 4.2, target: 2.8, current: 3.5 }) // ok, score 0.5
 * scoreKeyResult({ type: "increase", start: 40, target: 60, current: 72 }) // ok, score 1
 */
export function scoreKeyResult(input: KeyResultInput, cap: number = DEFAULT_SETTINGS.scoreCap): Outcome<KeyResultScore> {
  const { type, start, target, current } = input;
  // One check per figure, not a loop over a list of pairs built anew for every key result.
  if (badNumber(start)) return notFinite("start");
  if (badNumber(target)) return notFinite("target");
  if (badNumber(current)) return notFinite("current");
  const hi = isNum(cap) && cap >= 1 ? cap : 1;
  if (!isNum(current)) return ok({ score: 0, raw: 0, noCheckIn: true });

  let raw: number;
  switch (type) {
    case "binary":
      raw = current !== 0 ? 1 : 0;
      break;
    case "maintain": {
      if (!isNum(target)) return fail("missing-bounds", "A maintain key result needs a threshold in Target.");
      const holds = input.direction === "lower" ? current <= target + EPSILON : current >= target - EPSILON;
      raw = holds ? 1 : 0;
      break;
    }
    case "milestone": {
      // Without a target, a milestone is a percentage complete: 0.6 or 60 both mean 60 %.
      const goal = isNum(target) ? target : current > 1 ? 100 : 1;
      if (goal === 0) return fail("target-equals-start", "A milestone's target cannot be 0.");
      raw = current / goal;
      break;
    }
    case "increase":
    case "decrease": {
      if (!isNum(target)) return fail("missing-bounds", "The key result has no target.");
      if (type === "decrease" && !isNum(start)) {
        // Without a baseline there is no distance to measure progress along; counting from 0
        // would score every missed decrease 1 (15% against a target of 12% is "125%").
        raw = current <= target + EPSILON ? 1 : 0;
        break;
      }
      const base = isNum(start) ? start : 0;
      if (Math.abs(target - base) < EPSILON * Math.max(1, Math.abs(target))) {
        return fail("target-equals-start", "Target equals start, so progress cannot be measured.");
      }
      raw = (current - base) / (target - base);
      break;
    }
    default:
      return fail("bad-type", `Unknown key result type "${String(type)}".`);
  }
  if (!Number.isFinite(raw)) return fail("not-a-number", "The numbers are too large to score.");
  return ok({ score: clamp(raw, 0, hi), raw: raw === 0 ? 0 : raw, noCheckIn: false });
}

/**
 * An objective's score: the weighted mean of its key results' scores, each capped
 * at 1 so one over-achieved key result cannot hide another at 0. Weights are
 * normalised; blank weights are equal (mixed with given ones, a blank one counts
 * as the mean of the given weights above 0). Weights are divided by the largest
 * first, so no sum overflows: two weights of 1e308 weigh the same as two of 1.
 *
 * @example
 * objectiveScore([0, 2]) // ok, 0.5
 * objectiveScore([1, 0], [3, 1]) // ok, 0.75
 * objectiveScore([1, 0], [1e308, 1e308]) // ok, 0.5
 */
export function objectiveScore(scores: readonly number[], weights?: ReadonlyArray<number | null>): Outcome<number> {
  if (scores.length === 0) return fail("empty", "There are no key result scores to combine.");
  if (scores.some((s) => !Number.isFinite(s))) return fail("not-a-number", "A key result score is not a number.");
  if (weights && weights.length !== scores.length) {
    return fail("weights-length", `There are ${scores.length} scores but ${weights.length} weights.`);
  }
  const resolved = resolveWeights(weights ?? scores.map(() => null));
  if (!resolved.ok) return resolved;
  const w = resolved.value;
  const largest = largestOf(w);
  if (largest <= 0) return fail("zero-weights", "The weights add up to 0.");
  let total = 0;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    const share = w[i] / largest;
    total += share;
    sum += clamp(scores[i], 0, 1) * share;
  }
  const score = sum / total;
  // Cannot happen with finite inputs scaled to at most 1, but a wrong figure must never pass as a score.
  if (!Number.isFinite(score)) return fail("not-a-number", "The weights could not be combined into a score.");
  return ok(clamp(score, 0, 1));
}

/** The largest of non-negative numbers (0 for none), by a loop: weights can be many. */
function largestOf(values: readonly number[]): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > largest) largest = values[i];
  return largest;
}

/** The failure for a figure that is not a finite number (`NaN`, `Infinity`). */
function notFinite<T>(name: string): Outcome<T> {
  return fail("not-a-number", `The ${name} value is not a finite number.`);
}

function resolveWeights(weights: ReadonlyArray<number | null>): Outcome<number[]> {
  // Loops rather than a chain of filters: this runs for each of tens of thousands of objectives.
  let notFiniteSeen = false;
  let negativeSeen = false;
  let largest = 0;
  let positives = 0;
  for (let i = 0; i < weights.length; i++) {
    const x = weights[i];
    if (x === null) continue;
    if (!Number.isFinite(x)) notFiniteSeen = true;
    else if (x < 0) negativeSeen = true;
    else if (x > 0) {
      positives++;
      if (x > largest) largest = x;
    }
  }
  if (notFiniteSeen) return fail("not-a-number", "A weight is not a number.");
  if (negativeSeen) return fail("negative-weight", "Weights cannot be negative.");
  // A blank weight is the mean of the positive ones (a zero weight switches a key result off; it
  // says nothing about how much the blank ones weigh), scaled by the largest so no sum overflows.
  let fill = 1;
  if (positives > 0) {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const x = weights[i];
      if (x !== null && x > 0) sum += x / largest;
    }
    fill = largest * (sum / positives);
  }
  const resolved: number[] = [];
  for (let i = 0; i < weights.length; i++) resolved.push(weights[i] ?? fill);
  return ok(resolved);
}

/**
 * The grade of a score: aspirational Red < 0.4 ≤ Yellow < 0.7 ≤ Green; committed
 * goals are Green only at 1.0 and Yellow from 0.7 (bands configurable).
 *
 * @example
 * gradeOf(0.4, "aspirational") // "Yellow"
 * gradeOf(0.99, "committed") // "Yellow"
 */
export function gradeOf(
  score: number,
  commitment: Commitment = "aspirational",
  grades: Settings["grades"] = DEFAULT_SETTINGS.grades,
): Grade {
  const bands: GradeBands = commitment === "committed" ? grades.committed : grades.aspirational;
  if (!Number.isFinite(score)) return "Red";
  if (score >= bands.green - EPSILON) return "Green";
  if (score >= bands.yellow - EPSILON) return "Yellow";
  return "Red";
}

/**
 * Share of a period elapsed on `asOf` (0–1, linear, counting whole days, both ends included).
 *
 * @example
 * expectedProgress("2026-07-01", "2026-09-30", "2026-08-15") // ok, 0.5
 * expectedProgress("2026-07-01", "2026-09-30", "2026-09-30") // ok, 1
 */
export function expectedProgress(start: IsoDate, end: IsoDate, asOf: IsoDate): Outcome<number> {
  const length = daysBetween(start, end);
  const elapsed = daysBetween(start, asOf);
  if (length === null || elapsed === null) return fail("bad-period", "The period or as-of date is not a valid date.");
  if (length < 0) return fail("bad-period", "The period ends before it starts.");
  return ok(clamp((elapsed + 1) / (length + 1), 0, 1));
}

/**
 * Pace: score against the share of the period elapsed. Done at score 1; On track
 * when score ÷ expected ≥ 0.95; At risk from 0.75; Behind below.
 *
 * @example
 * paceOf(0.5, "2026-07-01", "2026-09-30", "2026-08-15") // ok, "On track"
 * paceOf(0.2, "2026-07-01", "2026-09-30", "2026-09-30") // ok, "Behind"
 */
export function paceOf(
  score: number,
  start: IsoDate,
  end: IsoDate,
  asOf: IsoDate,
  thresholds: Settings["pace"] = DEFAULT_SETTINGS.pace,
): Outcome<Pace> {
  if (!Number.isFinite(score)) return fail("not-a-number", "The score is not a number.");
  const expected = expectedProgress(start, end, asOf);
  if (!expected.ok) return expected;
  return ok(paceFor(score, expected.value, thresholds));
}

/**
 * Pace from a score and the progress expected by now (0–1), for callers that
 * work the expected progress out once for many key results of one period.
 *
 * @example
 * paceFor(0.5, 0.5) // "On track"
 * paceFor(0.4, 0.5) // "At risk"
 */
export function paceFor(score: number, expected: number, thresholds: Settings["pace"] = DEFAULT_SETTINGS.pace): Pace {
  if (score >= 1 - EPSILON) return "Done";
  if (!(expected > 0)) return "On track";
  const ratio = score / expected;
  if (ratio >= thresholds.onTrack - EPSILON) return "On track";
  if (ratio >= thresholds.atRisk - EPSILON) return "At risk";
  return "Behind";
}

export interface KpiInput {
  actual: number | null;
  floor: number | null;
  target: number | null;
  ceiling?: number | null;
  /** Stated direction; when absent it comes from the order of floor and target. */
  direction?: Direction | null;
}

/**
 * The direction a KPI is read in: as stated, else target above floor means higher
 * is better, below means lower; a floor and ceiling without target is a band, or
 * lower-is-better when the ceiling lies below the floor.
 *
 * @example
 * kpiDirection({ actual: 38, floor: 45, target: 30 }) // "lower"
 * kpiDirection({ actual: 225, floor: 224, target: null, ceiling: 228 }) // "band"
 * kpiDirection({ actual: 30, floor: 45, target: null, ceiling: 20 }) // "lower"
 */
export function kpiDirection(input: KpiInput): Direction | null {
  if (input.direction) return input.direction;
  const { floor, target } = input;
  const ceiling = input.ceiling ?? null;
  if (isNum(floor) && isNum(target)) return target < floor ? "lower" : "higher";
  if (isNum(floor) && isNum(ceiling)) return ceiling < floor ? "lower" : "band";
  if (isNum(floor) || isNum(target)) return "higher";
  return null;
}

/**
 * A KPI's status against floor, target and optional ceiling. Higher-is-better:
 * below floor is Breach, floor to target Watch, target to ceiling On target,
 * beyond ceiling Above ceiling; lower-is-better mirrors it; a band is On target
 * between floor and ceiling. No actual is No data.
 *
 * @example
 * kpiStatus({ actual: 38, floor: 45, target: 30 }) // ok, "Watch"
 * kpiStatus({ actual: 229, floor: 224, target: null, ceiling: 228 }) // ok, "Above ceiling"
 */
export function kpiStatus(input: KpiInput): Outcome<KpiStatus> {
  const { actual, floor, target } = input;
  const ceiling = input.ceiling ?? null;
  if (badNumber(actual)) return notFinite("actual");
  if (badNumber(floor)) return notFinite("floor");
  if (badNumber(target)) return notFinite("target");
  if (badNumber(ceiling)) return notFinite("ceiling");
  const direction = kpiDirection(input);
  if (direction === null) return fail("missing-bounds", "The KPI needs a floor, a target or a ceiling.");
  if (!isNum(actual)) return ok("No data");

  if (direction === "band") {
    const lo = isNum(floor) ? floor : target;
    const hi = isNum(ceiling) ? ceiling : target;
    if (isNum(lo) && actual < lo) return ok("Breach");
    if (isNum(hi) && actual > hi) return ok("Above ceiling");
    return ok("On target");
  }
  // Mirror lower-is-better onto higher-is-better by negating every figure.
  const s = direction === "lower" ? -1 : 1;
  const a = s * actual;
  const f = isNum(floor) ? s * floor : null;
  const t = isNum(target) ? s * target : null;
  const c = isNum(ceiling) ? s * ceiling : null;
  if (f !== null && a < f) return ok("Breach");
  if (c !== null && a > c) return ok("Above ceiling");
  if (t !== null && a < t) return ok("Watch");
  return ok("On target");
}

/**
 * Trend of a KPI from its last two readings: Improving, Declining or Flat, read in
 * the KPI's direction. For a band, moving toward its middle is improving.
 * Blank readings are skipped; fewer than two readings is Flat.
 *
 * @example
 * kpiTrend([40, 38], "lower") // "Improving"
 * kpiTrend([5, null, 7]) // "Improving"
 */
export function kpiTrend(
  values: ReadonlyArray<number | null>,
  direction: Direction = "higher",
  bandMiddle?: number,
): Trend {
  const readings = values.filter(isNum);
  if (readings.length < 2) return "Flat";
  const previous = readings[readings.length - 2];
  const last = readings[readings.length - 1];
  let delta: number;
  if (direction === "band") {
    if (!isNum(bandMiddle)) return "Flat";
    delta = Math.abs(previous - bandMiddle) - Math.abs(last - bandMiddle);
  } else {
    delta = direction === "lower" ? previous - last : last - previous;
  }
  const scale = Math.max(Math.abs(previous), Math.abs(last), 1);
  // A delta that overflows to ±Infinity still has the right sign; only NaN is unreadable.
  if (Number.isNaN(delta) || Math.abs(delta) <= EPSILON * scale) return "Flat";
  return delta > 0 ? "Improving" : "Declining";
}

export interface KraScore {
  /** Weighted rating on the rating scale. */
  score: number;
  /** Label of the rounded score, e.g. "Exceeds expectations". */
  label: string;
  /** Sum of the weights in percent: 100 means complete. */
  weightTotal: number;
}

/**
 * Normalises one person's KRA weights to percentages: `40`, `40 %` (0.4 in a
 * percent-formatted cell) and `0.4` all mean 40 %; a person whose weights are all
 * at most 1 wrote fractions. Beside whole percentages, a weight below 1 is a
 * percent-formatted cell (nobody weights an area under one percent).
 *
 * @example
 * weightsAsPercent([0.4, 0.3, 0.3]) // [40, 30, 30]
 * weightsAsPercent([40, 30, 30]) // [40, 30, 30]
 * weightsAsPercent([0.4, 30, 30]) // [40, 30, 30]
 */
export function weightsAsPercent(weights: ReadonlyArray<number | null>): Array<number | null> {
  const given = weights.filter(isNum);
  const fractions = given.length > 0 && given.every((w) => w <= 1);
  return weights.map((w) => (isNum(w) ? (fractions || w < 1 ? w * 100 : w) : null));
}

/**
 * A KRA rating derived from actual ÷ target by bands, for areas with no rating;
 * target ÷ actual when lower is better (an actual of 0 then earns the top band).
 *
 * @example
 * deriveRating(110, 100) // 4
 * deriveRating(null, 100) // null
 * deriveRating(38, 30, undefined, "lower") // 2 (30 ÷ 38 = 0.79: 38 days against a target of 30 is late)
 */
export function deriveRating(
  actual: number | null,
  target: number | null,
  bands: Settings["ratingBands"] = DEFAULT_SETTINGS.ratingBands,
  direction: "higher" | "lower" = "higher",
): number | null {
  if (!isNum(actual) || !isNum(target) || target === 0) return null;
  if (direction === "lower" && actual <= 0) return bands[0]?.rating ?? null;
  const ratio = direction === "lower" ? target / actual : actual / target;
  const band = bands.find((b) => ratio >= b.from - EPSILON);
  return band ? band.rating : null;
}

/**
 * The label of a rating on the scale (rounded to the nearest step).
 *
 * @example
 * ratingLabel(4.0) // "Exceeds expectations"
 */
export function ratingLabel(score: number, scale: Settings["rating"] = DEFAULT_SETTINGS.rating): string {
  if (!Number.isFinite(score)) return "";
  const step = Math.round(clamp(score, scale.min, scale.max)) - scale.min;
  return scale.labels[Math.min(step, scale.labels.length - 1)] ?? "";
}

/**
 * A person's KRA score: Σ(weight × rating) ÷ Σ weight over the rated areas, on the
 * rating scale, with its label and the weight total in percent.
 *
 * @example
 * kraScore([4, 3, 5], [40, 30, 30]) // ok, { score: 4, label: "Exceeds expectations", weightTotal: 100 }
 */
export function kraScore(
  ratings: ReadonlyArray<number | null>,
  weights: ReadonlyArray<number | null>,
  scale: Settings["rating"] = DEFAULT_SETTINGS.rating,
): Outcome<KraScore> {
  if (ratings.length !== weights.length) {
    return fail("weights-length", `There are ${ratings.length} ratings but ${weights.length} weights.`);
  }
  if (ratings.some((r) => badNumber(r)) || weights.some((w) => badNumber(w))) {
    return fail("not-a-number", "A rating or weight is not a finite number.");
  }
  if (weights.some((w) => isNum(w) && w < 0)) return fail("negative-weight", "Weights cannot be negative.");
  const outside = ratings.find((r) => isNum(r) && (r < scale.min - EPSILON || r > scale.max + EPSILON));
  if (outside !== undefined) {
    return fail("out-of-range", `Rating ${outside} is outside the scale ${scale.min}–${scale.max}.`);
  }
  const percent = weightsAsPercent(weights);
  const weightTotal = percent.reduce<number>((acc, w) => acc + (w ?? 0), 0);
  if (!Number.isFinite(weightTotal)) return fail("weights-overflow", "The weights are too large to add up.");
  // Divided by the largest weight first, so Σ weight × rating cannot overflow.
  const largest = largestOf(percent.filter(isNum));
  let sum = 0;
  let rated = 0;
  ratings.forEach((r, i) => {
    const w = percent[i];
    if (isNum(r) && isNum(w) && largest > 0) {
      sum += r * (w / largest);
      rated += w / largest;
    }
  });
  if (rated <= 0) return fail("empty", "No area has both a rating and a weight above 0.");
  const score = sum / rated;
  if (!Number.isFinite(score)) return fail("not-a-number", "The weights could not be combined into a score.");
  return ok({ score, label: ratingLabel(score, scale), weightTotal });
}
