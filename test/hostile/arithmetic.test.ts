/**
 * Weights at the edges of floating point: huge weights used to overflow the sum
 * (two key results weighted 1e308 scored 0, Red, without a word). Weights are now
 * divided by the largest first; anything that still cannot be computed is a
 * located problem, never a silent 0.
 */
import fc from "fast-check";
import { analyse } from "../../src/core/analyse";
import { kraScore, objectiveScore } from "../../src/core/scoring";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { makeKeyResult, makeKra, makeParsed, year } from "../support/builders";

const asOf = "2026-08-15";
const MAX = Number.MAX_VALUE;
const TINY = Number.MIN_VALUE;

describe("objectiveScore with extreme weights", () => {
  it.each<[string, number[], number[], number]>([
    ["two weights of 1e308", [1, 0], [1e308, 1e308], 0.5],
    ["the largest double twice", [1, 0.5], [MAX, MAX], 0.75],
    ["the largest double beside a small weight", [1, 0], [MAX, 1], 1],
    ["three weights of 1e308 adding past the largest double", [1, 1, 0], [1e308, 1e308, 1e308], 2 / 3],
    ["the smallest denormal twice", [1, 0], [TINY, TINY], 0.5],
    ["a denormal beside an ordinary weight", [0, 1], [TINY, 1], 1],
    ["1e308 and 3e308 is 1 to 3", [1, 0], [1e308 * 0.5, 1.5e308], 0.25],
  ])("%s", (_name, scores, weights, expected) => {
    const result = objectiveScore(scores, weights);
    expect(result.ok && result.value).toBeCloseTo(expected, 12);
  });

  it("fills blank weights with the mean of huge given ones without overflowing", () => {
    const result = objectiveScore([1, 0, 0], [1e308, 1e308, null]);
    expect(result.ok && result.value).toBeCloseTo(1 / 3, 12);
  });

  it("gives the same score whatever unit the weights are written in (scaled by any power of two)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -1000, max: 1000 }),
        (pairs, exponent) => {
          const scores = pairs.map(([s]) => s);
          const weights = pairs.map(([, w]) => w);
          const scaled = weights.map((w) => w * 2 ** exponent);
          fc.pre(scaled.every((w) => Number.isFinite(w) && w > 0));
          const plain = objectiveScore(scores, weights);
          const big = objectiveScore(scores, scaled);
          expect(plain.ok && big.ok).toBe(true);
          if (plain.ok && big.ok) expect(big.value).toBeCloseTo(plain.value, 9);
        },
      ),
    );
  });

  it("is always a number from 0 to 1 for any finite non-negative weights", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 12 }),
        (pairs) => {
          const result = objectiveScore(
            pairs.map(([s]) => s),
            pairs.map(([, w]) => w),
          );
          if (result.ok) {
            expect(result.value).toBeGreaterThanOrEqual(0);
            expect(result.value).toBeLessThanOrEqual(1);
          } else expect(result.code).toBe("zero-weights");
        },
      ),
    );
  });
});

describe("kraScore with extreme weights", () => {
  it.each<[string, number[], number[], number]>([
    ["two areas of 5e307 (rating × weight passes the largest double)", [5, 3], [5e307, 5e307], 4],
    ["the largest double beside 1%", [4, 1], [MAX / 200, 1], 4],
  ])("%s", (_name, ratings, weights, expected) => {
    const result = kraScore(ratings, weights);
    expect(result.ok && result.value.score).toBeCloseTo(expected, 6);
  });

  it("reports weights too large to add up instead of a wrong score", () => {
    const result = kraScore([5, 3], [MAX, MAX]);
    expect(result).toMatchObject({ ok: false, code: "weights-overflow" });
  });
});

describe("through the analysis", () => {
  it("scores an objective whose two key results weigh 1e308 each, with no problem", () => {
    const parsed = makeParsed({
      keyResults: [
        makeKeyResult({ row: 2, type: "increase", start: 0, target: 10, current: 10, weight: 1e308 }),
        makeKeyResult({ row: 3, type: "increase", start: 0, target: 10, current: 0, weight: 1e308 }),
      ],
    });
    const analysis = analyse(parsed, DEFAULT_SETTINGS, asOf);
    expect(analysis.objectives[0].score).toBeCloseTo(0.5, 12);
    expect(analysis.objectives[0].grade).toBe("Yellow");
    expect(analysis.problems).toEqual([]);
  });

  it("locates KRA weights too large to add up at the weight cell", () => {
    const parsed = makeParsed({
      kras: [
        makeKra({ row: 5, area: "A", weight: MAX, rating: 5, period: year(2026) }),
        makeKra({ row: 6, area: "B", weight: MAX, rating: 3, period: year(2026) }),
      ],
    });
    const analysis = analyse(parsed, DEFAULT_SETTINGS, asOf);
    expect(analysis.kras[0].score).toBeNull();
    expect(analysis.problems).toEqual([expect.objectContaining({ code: "weights-overflow", severity: "error", cell: expect.stringMatching(/^[A-Z]+5$/) })]);
  });
});
