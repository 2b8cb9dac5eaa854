import { canStop, progressShare, progressText } from "../../../src/taskpane/models/progress";

const progress = (done: number, total: number) => ({ done, total, sheet: "Ana López 2026" });

describe("progressText", () => {
  it.each([
    ["reading before any phase is told", null, null, "Reading the workbook…"],
    ["reading", { phase: "reading" as const }, null, "Reading the workbook…"],
    ["about to write one sheet", { phase: "writing" as const, sheets: 1 }, null, "Writing 1 sheet…"],
    ["about to write many", { phase: "writing" as const, sheets: 12 }, null, "Writing 12 sheets…"],
    ["sheets written", { phase: "writing" as const, sheets: 5 }, progress(2, 5), "Wrote 2 of 5 sheets (Ana López 2026)"],
  ])("%s", (_name, phase, done, text) => {
    expect(progressText(phase, done)).toBe(text);
  });
});

describe("progressShare and canStop", () => {
  it.each([
    ["before writing", null, undefined, true],
    ["part-way", progress(1, 4), 0.25, true],
    ["every sheet written", progress(4, 4), 1, false],
    ["an empty plan", progress(0, 0), 0, false],
  ])("%s", (_name, done, share, stoppable) => {
    expect(progressShare(done)).toBe(share);
    expect(canStop(done)).toBe(stoppable);
  });
});
