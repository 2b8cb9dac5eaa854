/**
 * Whole-column arguments (`=ALTITUDE.OKRSCORE(H:H, I:I, J:J)`): Excel passes
 * every one of the sheet's 1,048,576 rows. The functions compute up to the last
 * filled row and spill only those. Columns share one blank row object, so each
 * costs 8 MB, not a million arrays.
 */
import "./fake-custom-functions";
import { errorOf } from "./fake-custom-functions";
import { kpiStatusFn, kpiTrendFn, kraScoreFn, objectiveScoreFn, okrGrade, okrPace, okrScore } from "../../src/functions/functions";

const SHEET_ROWS = 1_048_576;

/** A whole column: the given cells on top, then blank cells (`null`, as Excel passes empty cells, or `""`). */
function wholeColumn(top: unknown[], blank: null | "" = null): unknown[][] {
  const blankRow = [blank];
  const rows: unknown[][] = new Array(SHEET_ROWS).fill(blankRow);
  for (let i = 0; i < top.length; i++) rows[i] = [top[i]];
  return rows;
}

describe("whole-column arguments", () => {
  it("OKRSCORE(H:H, I:I, J:J) spills one score per filled row, the header's row included", async () => {
    const result = (await okrScore(wholeColumn(["Start", 40, 47]), wholeColumn(["Target", 60, 31], ""), wholeColumn(["Current", 50, 39])));
    expect(result).toHaveLength(3);
    expect(errorOf(result[0][0])).toEqual({ code: "#VALUE!", message: 'Start: "Start" is not a number.' });
    expect(result.slice(1)).toEqual([[0.5], [0.5]]);
  });

  it("counts a row filled in any argument, so a check-in further down still scores", async () => {
    const current = wholeColumn([50]);
    current[9] = [55];
    expect((await okrScore(wholeColumn([40]), [[60]], current))).toHaveLength(10);
  });

  it.each<[string, () => Promise<unknown[][]>, number]>([
    ["OKRGRADE", () => okrGrade(wholeColumn([0.2, 0.5, 0.9])), 3],
    ["OKRPACE", () => okrPace(wholeColumn([0.5, 1]), [[46204]], [[46295]], [[46249]]), 2],
    ["KPISTATUS", () => kpiStatusFn(wholeColumn([38, 50]), wholeColumn([45, 45]), wholeColumn([30, 30])), 2],
    ["KPITREND over a block of whole columns", () => kpiTrendFn(Array.from({ length: 3 }, (_, i) => [i, i + 1]).concat(new Array(SHEET_ROWS - 3).fill([null, null]))), 3],
  ])("%s spills only the filled rows", async (_name, call, rows) => {
    expect(await call()).toHaveLength(rows);
  });

  it.each<[string, () => unknown, number]>([
    ["OBJECTIVESCORE(A:A, B:B)", () => objectiveScoreFn(wholeColumn([1, 0]), wholeColumn([3, 1])), 0.75],
    ["OBJECTIVESCORE(A:A) with a blank weight column", () => objectiveScoreFn(wholeColumn([0.2, 0.4, 0.9])), 0.5],
    ["KRASCORE(A:A, B:B)", () => kraScoreFn(wholeColumn([4, 3, 5]), wholeColumn([40, 30, 30], "")), 4],
  ])("%s reads the filled cells", async (_name, call, expected) => {
    expect(await call()).toBeCloseTo(expected, 10);
  });

  it("KPITREND(A:A) reads one history down the whole column", async () => {
    expect((await kpiTrendFn(wholeColumn([5, 6, 8])))).toEqual([["Improving"]]);
  });

  it("an empty whole column gives one blank cell, not a million", async () => {
    expect((await okrScore(wholeColumn([]), wholeColumn([]), wholeColumn([])))).toEqual([[""]]);
  });

  it("150,000 filled rows compute without overflowing the stack", async () => {
    const rows = 150_000;
    const start = new Array(rows).fill([40]);
    const target = new Array(rows).fill([60]);
    const current = new Array(rows).fill([50]);
    const result = (await okrScore(start, target, current));
    expect(result).toHaveLength(rows);
    expect(result[rows - 1]).toEqual([0.5]);
  });
});
