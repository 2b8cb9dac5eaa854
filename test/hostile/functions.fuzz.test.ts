/**
 * Hostile input through the custom functions door: every ALTITUDE function is
 * called with random single cells and ragged ranges of adversarial values. None
 * may throw; each result cell is a finite number, a string or a cell error with
 * a message.
 */
import "../functions/fake-custom-functions";
import fc from "fast-check";
import { errorOf } from "../functions/fake-custom-functions";
import { kpiStatusFn, kpiTrendFn, kraScoreFn, objectiveScoreFn, okrGrade, okrPace, okrScore } from "../../src/functions/functions";
import { cell, FUZZ } from "./arbitraries";

/** A range as Excel passes it (a matrix), sometimes ragged, sometimes with null and undefined holes. */
const range: fc.Arbitrary<unknown[][]> = fc.array(fc.array(fc.oneof({ weight: 8, arbitrary: cell }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) }), { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 5,
});
const optional = fc.option(range, { nil: undefined });

function expectSane(result: unknown): void {
  const cells = Array.isArray(result) ? result.flat() : [result];
  for (const value of cells) {
    const error = errorOf(value);
    if (error) {
      expect(["#VALUE!", "#N/A"]).toContain(error.code);
      expect(error.message?.length ?? 0).toBeGreaterThan(0);
    } else if (typeof value === "number") {
      expect(Number.isFinite(value)).toBe(true);
    } else {
      expect(typeof value).toBe("string");
    }
  }
}

const calls: Array<{ name: string; arbitrary: fc.Arbitrary<unknown[]>; call: (args: unknown[]) => unknown }> = [
  { name: "OKRSCORE", arbitrary: fc.tuple(range, range, range, optional, optional), call: (a) => okrScore(...(a as Parameters<typeof okrScore>)) },
  { name: "OBJECTIVESCORE", arbitrary: fc.tuple(range, optional), call: (a) => objectiveScoreFn(...(a as Parameters<typeof objectiveScoreFn>)) },
  { name: "OKRGRADE", arbitrary: fc.tuple(range, optional), call: (a) => okrGrade(...(a as Parameters<typeof okrGrade>)) },
  { name: "OKRPACE", arbitrary: fc.tuple(range, range, range, optional), call: (a) => okrPace(...(a as Parameters<typeof okrPace>)) },
  { name: "KPISTATUS", arbitrary: fc.tuple(range, range, range, optional, optional), call: (a) => kpiStatusFn(...(a as Parameters<typeof kpiStatusFn>)) },
  { name: "KPITREND", arbitrary: fc.tuple(range, optional), call: (a) => kpiTrendFn(...(a as Parameters<typeof kpiTrendFn>)) },
  { name: "KRASCORE", arbitrary: fc.tuple(range, range), call: (a) => kraScoreFn(...(a as Parameters<typeof kraScoreFn>)) },
];

describe("custom functions door: adversarial ranges", () => {
  it.each(calls)("$name never throws and returns numbers, text or cell errors", async ({ arbitrary, call }) => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (args) => {
        expectSane(await call(args));
      }),
      FUZZ,
    );
  });

  it.each([
    { name: "NaN start", result: () => okrScore([[Number.NaN]], [[10]], [[5]]) },
    { name: "infinite target", result: () => okrScore([[0]], [[Infinity]], [[5]]) },
    { name: "an unknown type", result: () => okrScore([[0]], [[10]], [[5]], [["sideways"]]) },
    { name: "formula-like text as a number", result: () => kpiStatusFn([["=1+1"]], [[1]], [[2]]) },
    { name: "a 10,000-character type", result: () => okrScore([[0]], [[10]], [[5]], [["x".repeat(10_000)]]) },
  ])("$name gives a cell error with a message", async ({ result }) => {
    const [[value]] = await result();
    const error = errorOf(value);
    expect(error?.code).toBe("#VALUE!");
    expect(error?.message?.length).toBeGreaterThan(0);
  });

  it("keeps huge inputs finite: a span of twice the largest double scores 0, not NaN", async () => {
    expect((await okrScore([[-Number.MAX_VALUE]], [[Number.MAX_VALUE]], [[0]]))).toEqual([[0]]);
  });
});
