import fc from "fast-check";
import type { Commitment, Direction, KeyResultType } from "../../src/core/model";
import {
  deriveRating,
  gradeOf,
  kpiStatus,
  kpiTrend,
  kraScore,
  objectiveScore,
  paceOf,
  ratingLabel,
  scoreKeyResult,
  weightsAsPercent,
} from "../../src/core/scoring";

/** Every double, including NaN, ±Infinity, -0, the largest and the subnormal ones. */
const anyNumber = fc.double();
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** Finite numbers small enough that differences between them do not overflow. */
const moderate = fc.double({ min: -1e12, max: 1e12, noNaN: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const krType = fc.constantFrom<KeyResultType>("increase", "decrease", "milestone", "binary", "maintain");
const direction = fc.constantFrom<Direction>("higher", "lower", "band");
const isoDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const notNegativeZero = (x: number) => !Object.is(x, -0);

describe("scoring never throws and stays in range", () => {
  it("scoreKeyResult: score in [0, 1] with the default cap, never -0", () => {
    fc.assert(
      fc.property(krType, maybe(anyNumber), maybe(anyNumber), maybe(anyNumber), (type, start, target, current) => {
        const result = scoreKeyResult({ type, start, target, current });
        if (!result.ok) return typeof result.message === "string" && result.message.length > 0;
        const { score, raw } = result.value;
        return score >= 0 && score <= 1 && notNegativeZero(score) && notNegativeZero(raw);
      }),
    );
  });

  it("scoreKeyResult: score in [0, cap] for any cap of at least 1", () => {
    fc.assert(
      fc.property(krType, maybe(finite), maybe(finite), maybe(finite), fc.double({ min: 1, max: 1e6, noNaN: true }), (type, start, target, current, cap) => {
        const result = scoreKeyResult({ type, start, target, current }, cap);
        return !result.ok || (result.value.score >= 0 && result.value.score <= cap);
      }),
    );
  });

  it("scoreKeyResult: any cap, even NaN or negative, never breaks [0, max(cap, 1)]", () => {
    fc.assert(
      fc.property(maybe(anyNumber), maybe(anyNumber), anyNumber, (target, current, cap) => {
        const result = scoreKeyResult({ type: "increase", start: 0, target, current }, cap);
        const hi = Number.isFinite(cap) && cap >= 1 ? cap : 1;
        return !result.ok || (result.value.score >= 0 && result.value.score <= hi);
      }),
    );
  });

  it("objectiveScore: within [0, 1], never -0", () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 8 }), fc.option(fc.array(maybe(anyNumber), { maxLength: 8 }), { nil: undefined }), (scores, weights) => {
        const result = objectiveScore(scores, weights);
        return !result.ok || (result.value >= 0 && result.value <= 1 && notNegativeZero(result.value));
      }),
    );
  });

  it("objectiveScore: lies between its lowest and highest capped key result", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 8 }), (scores) => {
        const result = objectiveScore(scores);
        const capped = scores.map((s) => Math.min(s, 1));
        return result.ok && result.value >= Math.min(...capped) - 1e-12 && result.value <= Math.max(...capped) + 1e-12;
      }),
    );
  });

  it("gradeOf: always one of the three grades", () => {
    fc.assert(
      fc.property(anyNumber, fc.constantFrom<Commitment>("aspirational", "committed"), (score, commitment) =>
        ["Green", "Yellow", "Red"].includes(gradeOf(score, commitment)),
      ),
    );
  });

  it("paceOf: never throws on any score or date", () => {
    fc.assert(
      fc.property(anyNumber, isoDate, isoDate, isoDate, (score, start, end, asOf) => {
        const result = paceOf(score, start, end, asOf);
        return !result.ok || ["Done", "On track", "At risk", "Behind"].includes(result.value);
      }),
    );
  });

  it("kpiStatus: never throws on any number", () => {
    fc.assert(
      fc.property(maybe(anyNumber), maybe(anyNumber), maybe(anyNumber), maybe(anyNumber), fc.option(direction, { nil: undefined }), (actual, floor, target, ceiling, dir) => {
        const result = kpiStatus({ actual, floor, target, ceiling, direction: dir });
        return !result.ok || ["Breach", "Watch", "On target", "Above ceiling", "No data"].includes(result.value);
      }),
    );
  });

  it("kpiTrend: never throws, and reversing two readings reverses the trend", () => {
    const opposite = { Improving: "Declining", Declining: "Improving", Flat: "Flat" } as const;
    fc.assert(
      fc.property(finite, finite, fc.constantFrom<Direction>("higher", "lower"), (a, b, dir) => {
        return kpiTrend([b, a], dir) === opposite[kpiTrend([a, b], dir)];
      }),
    );
    fc.assert(fc.property(fc.array(maybe(anyNumber)), direction, maybe(anyNumber), (values, dir, middle) => ["Improving", "Declining", "Flat"].includes(kpiTrend(values, dir, middle ?? undefined))));
  });

  it("kraScore: within the rating scale and never -0", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(maybe(anyNumber), maybe(anyNumber)), { maxLength: 6 }),
        (rows) => {
          const result = kraScore(rows.map((r) => r[0]), rows.map((r) => r[1]));
          return !result.ok || (result.value.score >= 1 - 1e-9 && result.value.score <= 5 + 1e-9 && notNegativeZero(result.value.weightTotal));
        },
      ),
    );
  });

  it("weightsAsPercent, deriveRating and ratingLabel never throw", () => {
    fc.assert(
      fc.property(fc.array(maybe(anyNumber)), maybe(anyNumber), maybe(anyNumber), anyNumber, (weights, actual, target, score) => {
        const percent = weightsAsPercent(weights);
        const rating = deriveRating(actual, target);
        return percent.length === weights.length && (rating === null || (rating >= 1 && rating <= 5)) && typeof ratingLabel(score) === "string";
      }),
    );
  });
});

describe("monotonicity", () => {
  it("a higher current never lowers an increasing key result's score", () => {
    fc.assert(
      fc.property(moderate, fc.double({ min: 1e-6, max: 1e12, noNaN: true }), moderate, moderate, (start, span, c1, c2) => {
        const target = start + span;
        const [low, high] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const a = scoreKeyResult({ type: "increase", start, target, current: low });
        const b = scoreKeyResult({ type: "increase", start, target, current: high });
        return !a.ok || !b.ok || a.value.score <= b.value.score;
      }),
    );
  });

  it("a lower current never lowers a decreasing key result's score", () => {
    fc.assert(
      fc.property(moderate, fc.double({ min: 1e-6, max: 1e12, noNaN: true }), moderate, moderate, (start, span, c1, c2) => {
        const target = start - span;
        const [low, high] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const a = scoreKeyResult({ type: "decrease", start, target, current: high });
        const b = scoreKeyResult({ type: "decrease", start, target, current: low });
        return !a.ok || !b.ok || a.value.score <= b.value.score;
      }),
    );
  });

  it("a higher score never lowers the grade", () => {
    const rank = { Red: 0, Yellow: 1, Green: 2 } as const;
    fc.assert(
      fc.property(finite, finite, fc.constantFrom<Commitment>("aspirational", "committed"), (x, y, commitment) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        return rank[gradeOf(low, commitment)] <= rank[gradeOf(high, commitment)];
      }),
    );
  });
});
