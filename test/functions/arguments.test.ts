import "./fake-custom-functions";
import { toCommitment, toDate, toDirection, toDone, toKeyResultType, toNumber, localToday, mapCells, toMatrix } from "../../src/functions/arguments";

describe("toNumber", () => {
  it.each<[string, unknown, number | null]>([
    ["a number", 42, 42],
    ["minus zero becomes zero", -0, 0],
    ["TRUE", true, 1],
    ["FALSE", false, 0],
    ["blank text", "", null],
    ["null (an omitted argument)", null, null],
    ["undefined", undefined, null],
    ["n/a", "N/A", null],
    ["a percentage", "45%", 0.45],
    ["a decimal percentage", "4.2%", 0.042],
    ["thousands", "1,200", 1200],
    ["thousands with decimals", "1,200.5", 1200.5],
    ["currency with a k suffix", "$3.2k", 3200],
    ["a million", "2.5M", 2500000],
    ["a negative", "-7", -7],
    ["accounting negative", "(1,200)", -1200],
    ["surrounding spaces", "  12 ", 12],
    ["scientific notation", "1e3", 1000],
  ])("%s", (_name, cell, expected) => {
    expect(toNumber(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string, number]>([
    ["comma decimals", "1.200,5", 1200.5],
    ["a comma percentage", "4,2%", 0.042],
  ])("%s with a comma decimal separator", (_name, cell, expected) => {
    const result = toNumber(cell, ",");
    expect(result.ok && result.value).toBeCloseTo(expected, 10);
  });

  it.each<[string, unknown]>([
    ["words", "lots"],
    ["misplaced thousands separator", "1,2"],
    ["two numbers", "3 4x"],
    ["NaN", Number.NaN],
    ["an object", { code: "#N/A" }],
  ])("rejects %s", (_name, cell) => {
    expect(toNumber(cell)).toMatchObject({ ok: false, code: "not-a-number", excel: "#VALUE!" });
  });
});

describe("messages", () => {
  it("quote only the start of a very long text", () => {
    const outcome = toNumber("x".repeat(10_000));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message.length).toBeLessThan(120);
  });
});

describe("toDate", () => {
  it.each<[string, unknown, string | null]>([
    ["a serial number", 46204, "2026-07-01"],
    ["a serial with a time", 46204.5, "2026-07-01"],
    ["ISO text", " 2026-07-01 ", "2026-07-01"],
    ["blank", "", null],
  ])("%s", (_name, cell, expected) => {
    expect(toDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown]>([
    ["words", "soon"],
    ["an impossible date", "2026-02-30"],
    ["a serial before March 1900", 10],
  ])("rejects %s", (_name, cell) => {
    expect(toDate(cell)).toMatchObject({ ok: false, code: "bad-period" });
  });
});

describe("words", () => {
  it.each<[string, unknown, unknown]>([
    ["blank type is increase", "", { ok: true, value: "increase" }],
    ["type in capitals", "DECREASE", { ok: true, value: "decrease" }],
    ["yes/no is binary", "Yes/No", { ok: true, value: "binary" }],
  ])("%s", (_name, cell, expected) => {
    expect(toKeyResultType(cell)).toEqual(expected);
  });

  it.each<[unknown, string | null]>([
    ["", null],
    ["Higher is better", "higher"],
    ["lower_is_better", "lower"],
    ["down", "lower"],
    ["Band", "band"],
  ])("direction %p is %p", (cell, direction) => {
    expect(toDirection(cell)).toEqual({ ok: true, value: direction });
  });

  it.each<[unknown, string]>([
    ["", "aspirational"],
    [null, "aspirational"],
    ["Committed", "committed"],
  ])("commitment %p is %p", (cell, commitment) => {
    expect(toCommitment(cell)).toEqual({ ok: true, value: commitment });
  });

  it.each<[unknown, number | null]>([
    ["Done", 1],
    ["not done", 0],
    [true, 1],
    [0, 0],
    ["", null],
  ])("binary value %p is %p", (cell, value) => {
    expect(toDone(cell)).toEqual({ ok: true, value });
  });

  it.each<[string, () => { ok: boolean }]>([
    ["type", () => toKeyResultType(3)],
    ["direction", () => toDirection("north")],
    ["commitment", () => toCommitment("stretch")],
  ])("rejects an unknown %s", (_name, convert) => {
    expect(convert().ok).toBe(false);
  });
});

describe("shapes", () => {
  it.each<[string, unknown, unknown[][]]>([
    ["an omitted argument is one blank cell", undefined, [[null]]],
    ["a bare value is one cell", 5, [[5]]],
    ["a matrix stays", [[1, 2]], [[1, 2]]],
  ])("%s", (_name, arg, expected) => {
    expect(toMatrix(arg)).toEqual(expected);
  });

  it("repeats a row across rows and a column across columns", () => {
    expect(mapCells([[[1, 2]], [[10], [20]]], ([a, b]) => Number(a) + Number(b))).toEqual([
      [11, 12],
      [21, 22],
    ]);
  });

  it("maps a whole column of 1,048,576 rows without overflowing the stack", () => {
    const column = Array.from({ length: 1_048_576 }, (_, i) => [i]);
    const out = mapCells([column, [[1]]], ([a, b]) => Number(a) + Number(b));
    expect(out).toHaveLength(1_048_576);
    expect(out[1_048_575]).toEqual([1_048_576]);
  });
});

describe("localToday", () => {
  it("uses the local calendar day", () => {
    expect(localToday(new Date(2026, 6, 1, 23, 30))).toBe("2026-07-01");
    expect(localToday(new Date(2026, 0, 9, 0, 5))).toBe("2026-01-09");
  });
});
