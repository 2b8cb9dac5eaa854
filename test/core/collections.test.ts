import fc from "fast-check";
import { compareText, groupBy, maxOf, minOf, pushTo } from "../../src/core/collections";

describe("pushTo", () => {
  it("starts a list for a new key and appends to an existing one", () => {
    const byTeam = new Map<string, string[]>();
    pushTo(byTeam, "Sales", "Grow revenue");
    pushTo(byTeam, "People", "Hire well");
    pushTo(byTeam, "Sales", "Win Acme");
    expect([...byTeam]).toEqual([
      ["Sales", ["Grow revenue", "Win Acme"]],
      ["People", ["Hire well"]],
    ]);
  });
});

describe("groupBy", () => {
  it.each([
    ["no items", [], []],
    ["one group", ["ant", "asp"], [["a", ["ant", "asp"]]]],
    ["keys in order of first appearance", ["bee", "ant", "bat", "asp"], [["b", ["bee", "bat"]], ["a", ["ant", "asp"]]]],
  ])("%s", (_name, words, expected) => {
    expect([...groupBy(words, (w) => w[0])]).toEqual(expected);
  });

  it("groups by object identity when the key is an object", () => {
    const period = { label: "2026-Q3" };
    const groups = groupBy([{ period }, { period }, { period: { label: "2026-Q3" } }], (r) => r.period);
    expect([...groups.values()].map((g) => g.length)).toEqual([2, 1]);
  });

  it("keeps every item exactly once, in its original order within its group", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), (numbers) => {
        const groups = groupBy(numbers, (n) => n % 3);
        expect([...groups.values()].flat().sort((a, b) => a - b)).toEqual([...numbers].sort((a, b) => a - b));
        for (const [key, list] of groups) expect(list).toEqual(numbers.filter((n) => n % 3 === key));
      }),
    );
  });
});

describe("compareText", () => {
  it.each([
    ["earlier ISO date first", "2026-07-01", "2026-10-01", -1],
    ["later ISO date last", "2026-10-01", "2026-07-01", 1],
    ["equal text", "OKRs", "OKRs", 0],
    ["capitals before lower case, whatever the locale", "Zed", "ant", -1],
  ])("%s", (_name, a, b, expected) => {
    expect(compareText(a, b)).toBe(expected);
  });
});

describe("maxOf and minOf", () => {
  it.each([
    ["lengths of words", ["a", "abc", "ab"], 3, 1],
    ["negative numbers", ["-5", "-2"], -2, -5],
    ["one item", ["x"], 1, 1],
  ])("%s", (_name, items, max, min) => {
    const measure = (s: string) => (/^-?\d+$/.test(s) ? Number(s) : s.length);
    expect(maxOf(items, measure)).toBe(max);
    expect(minOf(items, measure)).toBe(min);
  });

  it("gives the stated value for no items", () => {
    expect(maxOf([], (n: number) => n, 0)).toBe(0);
    expect(minOf([], (n: number) => n)).toBe(Number.POSITIVE_INFINITY);
  });

  it("handles more items than a spread into Math.max could (which overflows the stack)", () => {
    const many = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(maxOf(many, (n) => n)).toBe(499_999);
    expect(minOf(many, (n) => n)).toBe(0);
  });

  it("agrees with Math.max and Math.min on small arrays", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        // == so that 0 and -0 count as the same number.
        expect(maxOf(values, (n) => n) == Math.max(...values)).toBe(true);
        expect(minOf(values, (n) => n) == Math.min(...values)).toBe(true);
      }),
    );
  });
});
