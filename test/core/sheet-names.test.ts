import fc from "fast-check";
import { MAX_SHEET_NAME, sheetNamer, uniqueSheetName, validSheetName } from "../../src/core/sheet-names";

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

describe("sheetNamer", () => {
  /** The rule spelled out the slow way: each name tries (2), (3)… against every name taken so far. */
  function namesOneByOne(existing: string[], wanted: string[]): string[] {
    const taken = existing.map((n) => n.toLowerCase());
    return wanted.map((w) => {
      const base = validSheetName(w);
      let name = base;
      for (let i = 2; taken.includes(name.toLowerCase()); i++) {
        const suffix = ` (${i})`;
        name = `${[...base].reduce((kept, point) => (kept.length + point.length > MAX_SHEET_NAME - suffix.length ? kept : kept + point), "").trimEnd()}${suffix}`;
      }
      taken.push(name.toLowerCase());
      return name;
    });
  }

  it.each<[string, string[], string[], string[]]>([
    ["people with the same name are numbered in turn", [], ["Ana 2026", "Ana 2026", "ana 2026"], ["Ana 2026", "Ana 2026 (2)", "ana 2026 (3)"]],
    ["a number already used is skipped", ["Ana 2026", "Ana 2026 (3)"], ["Ana 2026", "Ana 2026", "Ana 2026"], ["Ana 2026 (2)", "Ana 2026 (4)", "Ana 2026 (5)"]],
    ["a numbered name asked for takes its place", [], ["Ana 2026", "Ana 2026 (2)", "Ana 2026"], ["Ana 2026", "Ana 2026 (2)", "Ana 2026 (3)"]],
    ["long names are shortened before the number", [], ["x".repeat(40), "x".repeat(35)], ["x".repeat(31), `${"x".repeat(27)} (2)`]],
  ])("%s", (_name, existing, wanted, expected) => {
    const nameOf = sheetNamer(existing);
    expect(wanted.map(nameOf)).toEqual(expected);
  });

  it("gives the names that trying every number against every name taken gives", () => {
    const name = fc.constantFrom("Ana 2026", "ana 2026", "Ana 2026 (2)", "Ana 2026 (3)", "Ben: 2026", "Ben 2026", "y".repeat(31), "y".repeat(33), "'Ana 2026'");
    fc.assert(
      fc.property(fc.array(name, { maxLength: 5 }), fc.array(name, { maxLength: 30 }), (existing, wanted) => {
        expect(wanted.map(sheetNamer(existing))).toEqual(namesOneByOne(existing, wanted));
      }),
    );
  });
});
