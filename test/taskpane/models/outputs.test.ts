import { nothingToRollUp, reviewsWritten, rollupWritten } from "../../../src/taskpane/models/outputs";
import { quarter, year } from "../../support/builders";

describe("rollupWritten", () => {
  it.each([
    ["the rollup sheet", { rollup: "Rollup 2026-Q3 (2)" }, "Rollup 2026-Q3 (2)"],
    ["the first sheet when none is called rollup", { other: "Extra" }, "Extra"],
  ])("shows %s", (_name, names, sheet) => {
    expect(rollupWritten({ period: quarter(2026, 3), written: { names } })).toEqual({ sheet, message: `The rollup of 2026-Q3 is on the sheet "${sheet}".` });
  });

  it("says why nothing was written for a quarter with no data", () => {
    expect(nothingToRollUp(quarter(2019, 1))).toBe("Nothing to roll up: there are no key results or KPI readings in 2019-Q1, so no sheet was written.");
  });
});

describe("reviewsWritten", () => {
  it.each([
    ["one review", 1, "Wrote 1 review for 2026; the index is on \"Reviews 2026\"."],
    ["several", 12, "Wrote 12 reviews for 2026; the index is on \"Reviews 2026\"."],
  ])("%s", (_name, reviews, message) => {
    expect(reviewsWritten({ period: year(2026), reviews, written: { names: { index: "Reviews 2026", "Ana López": "Ana López 2026" } } })).toEqual({ sheet: "Reviews 2026", message });
  });
});
