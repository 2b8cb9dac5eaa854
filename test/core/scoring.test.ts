import type { Commitment, Direction, Grade, KpiStatus, Pace, Trend } from "../../src/core/model";
import type { Outcome } from "../../src/core/outcome";
import {
  deriveRating,
  expectedProgress,
  gradeOf,
  kpiDirection,
  kpiStatus,
  kpiTrend,
  kraScore,
  objectiveScore,
  paceOf,
  ratingLabel,
  scoreKeyResult,
  weightsAsPercent,
  type KeyResultInput,
  type KpiInput,
} from "../../src/core/scoring";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";

/** The value of a successful outcome; fails the test with the message otherwise. */
function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.code}: ${outcome.message}`);
  return outcome.value;
}

function kr(overrides: Partial<KeyResultInput>): KeyResultInput {
  return { type: "increase", start: 0, target: 100, current: 50, ...overrides };
}

describe("scoreKeyResult", () => {
  it.each<[string, KeyResultInput, number]>([
    ["churn 4.2% → 2.8%, now 3.5%", kr({ type: "decrease", start: 0.042, target: 0.028, current: 0.035 }), 0.5],
    ["sales cycle 47 → 31 days, now 39", kr({ type: "decrease", start: 47, target: 31, current: 39 }), 0.5],
    ["manager effectiveness 6.9 → 8.0, now 7.6", kr({ start: 6.9, target: 8, current: 7.6 }), 0.7 / 1.1],
    ["NPS 40 → 60, now 72 (capped at 1)", kr({ start: 40, target: 60, current: 72 }), 1],
    ["NPS 40 → 60, now 35 (backwards scores 0)", kr({ start: 40, target: 60, current: 35 }), 0],
    ["NPS 40 → 60, exactly on target", kr({ start: 40, target: 60, current: 60 }), 1],
    ["decrease type on a rising metric still uses the baseline", kr({ type: "decrease", start: 10, target: 20, current: 15 }), 0.5],
    ["blank start counts from 0", kr({ start: null, target: 200, current: 50 }), 0.25],
    ["binary done", kr({ type: "binary", start: null, target: 1, current: 1 }), 1],
    ["binary not done", kr({ type: "binary", start: null, target: 1, current: 0 }), 0],
    ["milestone 3 of 4", kr({ type: "milestone", start: null, target: 4, current: 3 }), 0.75],
    ["milestone 60 as a percent without target", kr({ type: "milestone", start: null, target: null, current: 60 }), 0.6],
    ["milestone 0.6 as a fraction without target", kr({ type: "milestone", start: null, target: null, current: 0.6 }), 0.6],
    ["maintain holds (stay above 45)", kr({ type: "maintain", start: null, target: 45, current: 47 }), 1],
    ["maintain breaks (stay above 45)", kr({ type: "maintain", start: null, target: 45, current: 44 }), 0],
    ["maintain a maximum holds", kr({ type: "maintain", start: null, target: 5, current: 4, direction: "lower" }), 1],
    ["maintain a maximum breaks", kr({ type: "maintain", start: null, target: 5, current: 6, direction: "lower" }), 0],
  ])("%s", (_name, input, expected) => {
    const result = valueOf(scoreKeyResult(input));
    expect(result.score).toBeCloseTo(expected, 10);
    expect(result.noCheckIn).toBe(false);
  });

  it("scores manager effectiveness about 0.636", () => {
    expect(valueOf(scoreKeyResult(kr({ start: 6.9, target: 8, current: 7.6 }))).score).toBeCloseTo(0.636, 3);
  });

  it("keeps the unclamped figure in raw", () => {
    expect(valueOf(scoreKeyResult(kr({ start: 40, target: 60, current: 72 }))).raw).toBeCloseTo(1.6, 10);
  });

  it("treats a blank current as no check-in, scoring 0", () => {
    expect(valueOf(scoreKeyResult(kr({ current: null })))).toEqual({ score: 0, raw: 0, noCheckIn: true });
  });

  it.each<[string, number, number]>([
    ["cap 1.5 allows 160% up to 1.5", 1.5, 1.5],
    ["cap 2 allows 160%", 2, 1.6],
    ["cap below 1 is treated as 1", 0.5, 1],
    ["cap NaN is treated as 1", Number.NaN, 1],
  ])("%s", (_name, cap, expected) => {
    expect(valueOf(scoreKeyResult(kr({ start: 40, target: 60, current: 72 }), cap)).score).toBeCloseTo(expected, 10);
  });

  it.each<[string, KeyResultInput, string]>([
    ["target equal to start", kr({ start: 40, target: 40, current: 50 }), "target-equals-start"],
    ["milestone target 0", kr({ type: "milestone", target: 0, current: 1 }), "target-equals-start"],
    ["no target", kr({ target: null }), "missing-bounds"],
    ["maintain without threshold", kr({ type: "maintain", target: null }), "missing-bounds"],
    ["NaN current", kr({ current: Number.NaN }), "not-a-number"],
    ["infinite start", kr({ start: Number.NEGATIVE_INFINITY }), "not-a-number"],
    ["overflowing numbers", kr({ start: -1e308, target: 1e308, current: 1e308 }), "not-a-number"],
    ["unknown type", kr({ type: "sideways" as KeyResultInput["type"] }), "bad-type"],
  ])("fails on %s", (_name, input, code) => {
    expect(scoreKeyResult(input)).toMatchObject({ ok: false, code });
  });
});

describe("objectiveScore", () => {
  it.each<[string, number[], Array<number | null> | undefined, number]>([
    ["key results 0 and 2.0 roll up to 0.5, not 1", [0, 2], undefined, 0.5],
    ["equal weights when none given", [0.2, 0.4, 0.9], undefined, 0.5],
    ["weighted 3:1", [1, 0], [3, 1], 0.75],
    ["weights need not sum to 1", [0.5, 1], [20, 60], 0.875],
    ["a blank weight counts as the mean of the others", [1, 0, 0], [2, null, 2], 1 / 3],
    ["all blank weights are equal", [1, 0], [null, null], 0.5],
    ["a negative score counts as 0", [-1, 1], undefined, 0.5],
    ["a zero weight ignores its key result", [0, 1], [0, 1], 1],
    ["a zero weight beside blank ones leaves the blank ones equal", [0, 1, 0.5], [0, null, null], 0.75],
    ["a blank weight counts as the mean of the others above 0", [1, 0, 0.5], [0, 2, null], 0.25],
  ])("%s", (_name, scores, weights, expected) => {
    expect(valueOf(objectiveScore(scores, weights))).toBeCloseTo(expected, 10);
  });

  it.each<[string, number[], Array<number | null> | undefined, string]>([
    ["no scores", [], undefined, "empty"],
    ["weights of the wrong length", [0.5, 0.5], [1], "weights-length"],
    ["a negative weight", [0.5, 0.5], [1, -1], "negative-weight"],
    ["weights adding to 0", [0.5, 0.5], [0, 0], "zero-weights"],
    ["a NaN score", [Number.NaN], undefined, "not-a-number"],
    ["an infinite weight", [1], [Number.POSITIVE_INFINITY], "not-a-number"],
  ])("fails on %s", (_name, scores, weights, code) => {
    expect(objectiveScore(scores, weights)).toMatchObject({ ok: false, code });
  });
});

describe("gradeOf", () => {
  it.each<[number, Commitment, Grade]>([
    [0, "aspirational", "Red"],
    [0.39, "aspirational", "Red"],
    [0.4, "aspirational", "Yellow"],
    [0.69, "aspirational", "Yellow"],
    [0.7, "aspirational", "Green"],
    [0.1 + 0.6, "aspirational", "Green"],
    [1, "aspirational", "Green"],
    [0.69, "committed", "Red"],
    [0.7, "committed", "Yellow"],
    [0.99, "committed", "Yellow"],
    [1, "committed", "Green"],
    [Number.NaN, "aspirational", "Red"],
  ])("grades %p %s as %s", (score, commitment, grade) => {
    expect(gradeOf(score, commitment)).toBe(grade);
  });

  it("defaults to aspirational", () => {
    expect(gradeOf(0.7)).toBe("Green");
  });

  it("uses configured bands", () => {
    const grades = withDefaults({ grades: { aspirational: { yellow: 0.3, green: 0.6 } } }).grades;
    expect(gradeOf(0.6, "aspirational", grades)).toBe("Green");
    expect(gradeOf(0.3, "aspirational", grades)).toBe("Yellow");
  });
});

describe("expectedProgress", () => {
  it.each<[string, string, number]>([
    ["the last day completes the period", "2026-09-30", 1],
    ["the first day counts as one day", "2026-07-01", 1 / 92],
    ["half-way through Q3", "2026-08-15", 0.5],
    ["before the period is 0", "2026-06-01", 0],
    ["after the period is 1", "2026-12-01", 1],
  ])("%s", (_name, asOf, expected) => {
    expect(valueOf(expectedProgress("2026-07-01", "2026-09-30", asOf))).toBeCloseTo(expected, 10);
  });

  it.each<[string, string, string, string]>([
    ["an invalid date", "2026-02-30", "2026-09-30", "2026-08-01"],
    ["a period ending before it starts", "2026-09-30", "2026-07-01", "2026-08-01"],
  ])("fails on %s", (_name, start, end, asOf) => {
    expect(expectedProgress(start, end, asOf)).toMatchObject({ ok: false, code: "bad-period" });
  });
});

describe("paceOf", () => {
  // Q3 2026 is 92 days; on 2026-08-15, 46 of them have passed: expected progress 0.5.
  const q3 = ["2026-07-01", "2026-09-30"] as const;

  it.each<[string, number, string, Pace]>([
    ["Done at score 1", 1, "2026-07-02", "Done"],
    ["On track at ratio 1", 0.5, "2026-08-15", "On track"],
    ["On track at ratio 0.95 exactly", 0.475, "2026-08-15", "On track"],
    ["At risk just below 0.95", 0.47, "2026-08-15", "At risk"],
    ["At risk at ratio 0.75 exactly", 0.375, "2026-08-15", "At risk"],
    ["Behind just below 0.75", 0.37, "2026-08-15", "Behind"],
    ["Behind at the end of the period", 0.2, "2026-09-30", "Behind"],
    ["On track before the period starts", 0, "2026-06-15", "On track"],
  ])("%s", (_name, score, asOf, pace) => {
    expect(valueOf(paceOf(score, q3[0], q3[1], asOf))).toBe(pace);
  });

  it("uses configured thresholds", () => {
    expect(valueOf(paceOf(0.45, q3[0], q3[1], "2026-08-15", { onTrack: 0.9, atRisk: 0.5 }))).toBe("On track");
  });

  it.each<[string, number, string, string]>([
    ["a NaN score", Number.NaN, "2026-08-15", "not-a-number"],
    ["an invalid as-of date", 0.5, "15/08/2026", "bad-period"],
  ])("fails on %s", (_name, score, asOf, code) => {
    expect(paceOf(score, q3[0], q3[1], asOf)).toMatchObject({ ok: false, code });
  });
});

describe("kpiDirection", () => {
  it.each<[string, KpiInput, Direction | null]>([
    ["target above floor: higher is better", { actual: 1, floor: 10, target: 20 }, "higher"],
    ["target below floor: lower is better", { actual: 38, floor: 45, target: 30 }, "lower"],
    ["floor and ceiling without target: band", { actual: 225, floor: 224, target: null, ceiling: 228 }, "band"],
    ["stated direction wins", { actual: 1, floor: 10, target: 20, direction: "lower" }, "lower"],
    ["ceiling below floor without target: lower is better", { actual: 30, floor: 45, target: null, ceiling: 20 }, "lower"],
    ["only a target: higher", { actual: 1, floor: null, target: 20 }, "higher"],
    ["nothing to read: null", { actual: 1, floor: null, target: null }, null],
  ])("%s", (_name, input, direction) => {
    expect(kpiDirection(input)).toBe(direction);
  });
});

describe("kpiStatus", () => {
  const speed = (actual: number | null): KpiInput => ({ actual, floor: 224, target: null, ceiling: 228 });
  const timeToHire = (actual: number | null): KpiInput => ({ actual, floor: 45, target: 30 });
  const uptime = (actual: number | null): KpiInput => ({ actual, floor: 0.99, target: 0.995, ceiling: 0.9999 });

  it.each<[string, KpiInput, KpiStatus]>([
    ["speed 225 in a 224–228 band", speed(225), "On target"],
    ["speed 224 on the band's floor", speed(224), "On target"],
    ["speed 228 on the band's ceiling", speed(228), "On target"],
    ["speed 229 above the band", speed(229), "Above ceiling"],
    ["speed 223 below the band", speed(223), "Breach"],
    ["time to hire 38 (floor 45, target 30)", timeToHire(38), "Watch"],
    ["time to hire 50", timeToHire(50), "Breach"],
    ["time to hire 45 on the floor", timeToHire(45), "Watch"],
    ["time to hire 30 on target", timeToHire(30), "On target"],
    ["time to hire 25 beyond target, no ceiling", timeToHire(25), "On target"],
    ["uptime below floor", uptime(0.98), "Breach"],
    ["uptime between floor and target", uptime(0.992), "Watch"],
    ["uptime on target", uptime(0.995), "On target"],
    ["uptime above ceiling", uptime(1), "Above ceiling"],
    ["no actual", timeToHire(null), "No data"],
    ["stated lower direction mirrors", { actual: 8, floor: 10, target: 5, direction: "lower" }, "Watch"],
    ["lower is better with a ceiling: 25 between target 30 and ceiling 20", { actual: 25, floor: 45, target: 30, ceiling: 20 }, "On target"],
    ["lower is better with a ceiling: 20 on the ceiling", { actual: 20, floor: 45, target: 30, ceiling: 20 }, "On target"],
    ["lower is better with a ceiling: 15 beyond the ceiling", { actual: 15, floor: 45, target: 30, ceiling: 20 }, "Above ceiling"],
    ["lower is better, floor 45 and ceiling 20 without target: 30", { actual: 30, floor: 45, target: null, ceiling: 20 }, "On target"],
    ["lower is better, floor 45 and ceiling 20 without target: 50", { actual: 50, floor: 45, target: null, ceiling: 20 }, "Breach"],
    ["lower is better, floor 45 and ceiling 20 without target: 15", { actual: 15, floor: 45, target: null, ceiling: 20 }, "Above ceiling"],
  ])("%s", (_name, input, status) => {
    expect(valueOf(kpiStatus(input))).toBe(status);
  });

  it.each<[string, KpiInput, string]>([
    ["no bounds at all", { actual: 1, floor: null, target: null }, "missing-bounds"],
    ["a NaN actual", { actual: Number.NaN, floor: 1, target: 2 }, "not-a-number"],
    ["an infinite ceiling", { actual: 1, floor: 1, target: 2, ceiling: Number.POSITIVE_INFINITY }, "not-a-number"],
  ])("fails on %s", (_name, input, code) => {
    expect(kpiStatus(input)).toMatchObject({ ok: false, code });
  });
});

describe("kpiTrend", () => {
  it.each<[string, Array<number | null>, Direction | undefined, number | undefined, Trend]>([
    ["higher is better, rising", [5, 7], "higher", undefined, "Improving"],
    ["higher is better, falling", [7, 5], "higher", undefined, "Declining"],
    ["lower is better, falling", [40, 38], "lower", undefined, "Improving"],
    ["lower is better, rising", [38, 40], "lower", undefined, "Declining"],
    ["unchanged", [5, 5], "higher", undefined, "Flat"],
    ["floating noise is flat", [0.3, 0.1 + 0.2], "higher", undefined, "Flat"],
    ["only the last two readings count", [1, 9, 8], "higher", undefined, "Declining"],
    ["blanks are skipped", [5, null, 7], undefined, undefined, "Improving"],
    ["one reading is flat", [5], "higher", undefined, "Flat"],
    ["no readings is flat", [], "higher", undefined, "Flat"],
    ["band: moving toward the middle", [229, 227], "band", 226, "Improving"],
    ["band: moving away from the middle", [226, 224], "band", 226, "Declining"],
    ["band without a middle is flat", [229, 227], "band", undefined, "Flat"],
    ["a drop too large to subtract is still a decline", [1e308, -1e308], "higher", undefined, "Declining"],
  ])("%s", (_name, values, direction, middle, trend) => {
    expect(kpiTrend(values, direction, middle)).toBe(trend);
  });
});

describe("weightsAsPercent", () => {
  it.each<[string, Array<number | null>, Array<number | null>]>([
    ["whole percentages stay", [40, 30, 30], [40, 30, 30]],
    ["fractions become percentages", [0.4, 0.3, 0.3], [40, 30, 30]],
    ["blanks stay blank", [0.5, null], [50, null]],
    ["one weight above 1 means the whole numbers are percentages", [1, 50], [1, 50]],
    ["a 40% cell (0.4) among whole percentages is 40%", [0.4, 30, 30], [40, 30, 30]],
    ["a 50% cell (0.5) beside 50 is 50%", [0.5, 50], [50, 50]],
  ])("%s", (_name, weights, expected) => {
    expect(weightsAsPercent(weights)).toEqual(expected);
  });
});

describe("kraScore", () => {
  it.each<[string, Array<number | null>, Array<number | null>, number, string, number]>([
    ["40/30/30 with 4/3/5", [4, 3, 5], [40, 30, 30], 4, "Exceeds expectations", 100],
    ["0.4/0.3/0.3 with 4/3/5", [4, 3, 5], [0.4, 0.3, 0.3], 4, "Exceeds expectations", 100],
    ["weights short of 100", [4, 3, 5], [40, 30, 20], 350 / 90, "Exceeds expectations", 90],
    ["an unrated area is left out of the score but not the total", [5, null], [50, 50], 5, "Outstanding", 100],
    ["all ones", [1, 1], [50, 50], 1, "Unsatisfactory", 100],
    ["40% written as a fraction beside 30 and 30", [4, 3, 5], [0.4, 30, 30], 4, "Exceeds expectations", 100],
    ["3.5 rounds to the upper label", [3, 4], [50, 50], 3.5, "Exceeds expectations", 100],
  ])("%s", (_name, ratings, weights, score, label, weightTotal) => {
    const result = valueOf(kraScore(ratings, weights));
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.label).toBe(label);
    expect(result.weightTotal).toBeCloseTo(weightTotal, 10);
  });

  it.each<[string, Array<number | null>, Array<number | null>, string]>([
    ["weights of the wrong length", [4, 3], [100], "weights-length"],
    ["a negative weight", [4, 3], [120, -20], "negative-weight"],
    ["a rating above the scale", [6], [100], "out-of-range"],
    ["a rating below the scale", [0], [100], "out-of-range"],
    ["nothing rated", [null], [100], "empty"],
    ["a NaN rating", [Number.NaN], [100], "not-a-number"],
  ])("fails on %s", (_name, ratings, weights, code) => {
    expect(kraScore(ratings, weights)).toMatchObject({ ok: false, code });
  });

  it("uses a configured scale", () => {
    const scale = { min: 1, max: 3, labels: ["Low", "Mid", "High"] };
    expect(valueOf(kraScore([3, 2], [50, 50], scale))).toEqual({ score: 2.5, label: "High", weightTotal: 100 });
  });
});

describe("ratingLabel", () => {
  it.each<[number, string]>([
    [1, "Unsatisfactory"],
    [2.4, "Needs improvement"],
    [3, "Meets expectations"],
    [4.0, "Exceeds expectations"],
    [5, "Outstanding"],
    [7, "Outstanding"],
    [0, "Unsatisfactory"],
    [Number.NaN, ""],
  ])("labels %p as %p", (score, label) => {
    expect(ratingLabel(score)).toBe(label);
  });
});

describe("deriveRating", () => {
  it.each<[string, number | null, number | null, number | null]>([
    ["125% of target is 5", 125, 100, 5],
    ["120% exactly is 5", 120, 100, 5],
    ["110% is 4", 110, 100, 4],
    ["on target is 4", 100, 100, 4],
    ["90% is 3", 90, 100, 3],
    ["60% is 2", 60, 100, 2],
    ["40% is 1", 40, 100, 1],
    ["no actual", null, 100, null],
    ["no target", 100, null, null],
    ["target 0", 100, 0, null],
  ])("%s", (_name, actual, target, rating) => {
    expect(deriveRating(actual, target)).toBe(rating);
  });

  it("uses configured bands", () => {
    expect(deriveRating(100, 100, [{ from: 1, rating: 3 }, ...DEFAULT_SETTINGS.ratingBands])).toBe(3);
  });
});
