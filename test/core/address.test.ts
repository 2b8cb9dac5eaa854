import { a1, columnLetter, parseA1, quoteSheet, rangeA1, rowSpans, type RangeRef } from "../../src/core/address";

describe("columnLetter", () => {
  it.each<[number, string]>([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %p is %p", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
  });
});

describe("a1 and parseA1", () => {
  it.each<[number, number, string]>([
    [0, 0, "A1"],
    [11, 5, "F12"],
    [1048575, 16383, "XFD1048576"],
  ])("row %p column %p is %p and back", (row, col, address) => {
    expect(a1(row, col)).toBe(address);
    expect(parseA1(address)).toEqual({ row, col });
  });

  it.each<[string, string, { row: number; col: number } | null]>([
    ["absolute references", "$F$12", { row: 11, col: 5 }],
    ["lower case", "f12", { row: 11, col: 5 }],
    ["surrounding spaces", " F12 ", { row: 11, col: 5 }],
    ["digits first", "12F", null],
    ["row 0", "A0", null],
    ["a range", "A1:B2", null],
    ["empty text", "", null],
  ])("parses %s", (_name, text, expected) => {
    expect(parseA1(text)).toEqual(expected);
  });
});

describe("rangeA1", () => {
  it.each<[string, RangeRef, string]>([
    ["a block", { row: 0, col: 0, rows: 2, cols: 3 }, "A1:C2"],
    ["one cell", { row: 4, col: 1, rows: 1, cols: 1 }, "B5"],
    ["an empty size counts as one cell", { row: 4, col: 1, rows: 0, cols: 0 }, "B5"],
    ["one column", { row: 1, col: 2, rows: 10, cols: 1 }, "C2:C11"],
  ])("%s", (_name, ref, address) => {
    expect(rangeA1(ref)).toBe(address);
  });
});

describe("quoteSheet", () => {
  it.each<[string, string]>([
    ["OKRs", "OKRs"],
    ["KPI_2026", "KPI_2026"],
    ["Rollup 2026-Q3", "'Rollup 2026-Q3'"],
    ["Ana's review", "'Ana''s review'"],
    ["2026", "'2026'"],
  ])("quotes %p as %p", (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
  });
});

describe("rowSpans", () => {
  it.each<[string, number[], string]>([
    ["one row", [4], "4"],
    ["a run", [4, 5, 6], "4–6"],
    ["runs and single rows", [1, 2, 5, 7, 8], "1–2, 5, 7–8"],
    ["none", [], ""],
  ])("%s", (_name, rows, text) => {
    expect(rowSpans(rows)).toBe(text);
  });
});
