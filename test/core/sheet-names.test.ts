import { MAX_SHEET_NAME, uniqueSheetName, validSheetName } from "../../src/core/sheet-names";

describe("validSheetName", () => {
  it.each<[string, string, string]>([
    ["a plain name stays", "Rollup 2026-Q3", "Rollup 2026-Q3"],
    ["forbidden characters become spaces, collapsed", "Reviews: Ana / Q3", "Reviews Ana Q3"],
    ["every forbidden character", "a:b\\c/d?e*f[g]h", "a b c d e f g h"],
    ["leading and trailing apostrophes go", "'Quoted'", "Quoted"],
    ["inner apostrophes stay", "Ana's goals", "Ana's goals"],
    ["control characters go", "Tab\there", "Tabhere"],
    ["an empty name gets a placeholder", "  ", "Sheet"],
    ["Excel's reserved History", "History", "Sheet History"],
    ["cut to 31 characters", "Review summaries for the whole people team 2026", "Review summaries for the whole"],
  ])("%s", (_name, wanted, expected) => {
    expect(validSheetName(wanted)).toBe(expected);
  });

  it("never exceeds 31 characters nor keeps a forbidden character", () => {
    const name = validSheetName("x".repeat(40) + ":[]");
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
  });

  it("does not split an emoji at the limit", () => {
    const name = validSheetName("a".repeat(30) + "😀");
    expect(name).toBe("a".repeat(30));
  });
});

describe("uniqueSheetName", () => {
  it.each<[string, string, string[], string]>([
    ["a free name", "Rollup 2026-Q3", ["OKRs"], "Rollup 2026-Q3"],
    ["a clash adds (2)", "Rollup 2026-Q3", ["Rollup 2026-Q3"], "Rollup 2026-Q3 (2)"],
    ["a clash ignores case", "Rollup 2026-Q3", ["rollup 2026-q3"], "Rollup 2026-Q3 (2)"],
    ["the next free number", "Rollup 2026-Q3", ["Rollup 2026-Q3", "ROLLUP 2026-Q3 (2)"], "Rollup 2026-Q3 (3)"],
    ["the cleaned name is what clashes", "Reviews: 2026", ["Reviews 2026"], "Reviews 2026 (2)"],
    [
      "the base is shortened so the suffix fits",
      "Review summaries for the whole team",
      ["Review summaries for the whole"],
      "Review summaries for the wh (2)",
    ],
  ])("%s", (_name, wanted, existing, expected) => {
    const name = uniqueSheetName(wanted, existing);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });
});
