import { SheetLayout, slugOf, unitFormat } from "../../src/core/layout";
import { blockArea } from "./plan-checks";
import type { Block } from "../../src/core/plan";

describe("SheetLayout", () => {
  it("places blocks one under another, with a blank row before each heading", () => {
    const layout = new SheetLayout("k", "Sheet");
    layout.title("Title");
    layout.subtitle("Sub");
    layout.heading("Section");
    const table = layout.table({ name: "T", headers: ["A", "B"], rows: [[1, 2], [3, 4]] });
    layout.heading("Next");
    expect(table).toEqual({ row: 4, col: 0, rows: 3, cols: 2 });
    expect(layout.row).toBe(9);
    const starts = layout.build().blocks.map((b) => blockArea(b)?.row);
    expect(starts).toEqual([0, 1, 3, 4, 8]);
  });

  it("writes a note instead of an empty table", () => {
    const layout = new SheetLayout("k", "Sheet");
    expect(layout.table({ name: "T", headers: ["A"], rows: [] }, "Nothing here.")).toBeNull();
    expect(layout.build().blocks).toEqual([expect.objectContaining({ kind: "cells", values: [["Nothing here."]] })]);
  });

  it("puts labels and values side by side and returns the value cells", () => {
    const layout = new SheetLayout("k", "Sheet");
    const values = layout.keyValues([{ label: "Score", value: 0.5, format: "0%" }, { label: "Owner", value: "Ana" }]);
    expect(values).toEqual({ row: 0, col: 1, rows: 2, cols: 1 });
    expect(layout.build().blocks[1]).toMatchObject({ values: [[0.5], ["Ana"]], numberFormats: [["0%"], [null]] });
  });

  it("stacks charts in the chart column so they never overlap", () => {
    const layout = new SheetLayout("k", "Sheet", 5);
    const data = { row: 0, col: 0, rows: 2, cols: 2 };
    const first = layout.chart({ chartType: "pie", title: "One", data, row: 0 });
    const second = layout.chart({ chartType: "column", title: "Two", data, row: 3 });
    expect(first).toEqual({ row: 0, col: 5, rows: 14, cols: 7 });
    expect(second.row).toBe(15);
  });

  it("colours the data cells of a table column only", () => {
    const layout = new SheetLayout("k", "Sheet");
    const table = layout.table({ name: "T", headers: ["Team", "Grade"], rows: [["A", "Green"], ["B", "Red"]] });
    layout.colourColumn(table, 1, { Green: { fill: "#C6EFCE", fontColor: "#006100" } });
    expect(layout.build().blocks[1]).toEqual({
      kind: "conditional",
      range: { row: 1, col: 1, rows: 2, cols: 1 },
      rules: [{ equals: "Green", fill: "#C6EFCE", fontColor: "#006100" }],
    });
  });

  it("measures column widths from tables, within bounds", () => {
    const layout = new SheetLayout("k", "Sheet");
    layout.table({ name: "T", headers: ["Team", "X"], rows: [["A very long team name indeed", 1], ["x".repeat(200), 2]] });
    expect(layout.build().columnWidths).toEqual([50, 8]);
  });
});

describe("blockArea", () => {
  it.each<[string, Block, ReturnType<typeof blockArea>]>([
    ["cells", { kind: "cells", at: { row: 1, col: 2 }, values: [[1, 2, 3], [4]] }, { row: 1, col: 2, rows: 2, cols: 3 }],
    ["a table with its header", { kind: "table", at: { row: 0, col: 0 }, name: "T", headers: ["A"], rows: [[1], [2]] }, { row: 0, col: 0, rows: 3, cols: 1 }],
    ["a link", { kind: "link", at: { row: 4, col: 1 }, text: "Go", target: { key: "index" } }, { row: 4, col: 1, rows: 1, cols: 1 }],
    ["a chart", { kind: "chart", chartType: "pie", title: "", data: { row: 0, col: 0, rows: 1, cols: 1 }, at: { row: 2, col: 9 }, size: { rows: 10, cols: 6 } }, { row: 2, col: 9, rows: 10, cols: 6 }],
    ["a conditional format", { kind: "conditional", range: { row: 0, col: 0, rows: 1, cols: 1 }, rules: [] }, null],
    ["200,000 rows of cells without a stack overflow", { kind: "cells", at: { row: 0, col: 0 }, values: Array.from({ length: 200_000 }, (_, i) => (i === 7 ? [1, 2] : [1])) }, { row: 0, col: 0, rows: 200_000, cols: 2 }],
  ])("covers %s", (_name, block, expected) => {
    expect(blockArea(block)).toEqual(expected);
  });
});

describe("slugOf", () => {
  it.each<[string, string]>([
    ["Ana López", "ana-lopez"],
    ["  Chloé  Martin ", "chloe-martin"],
    ['=HYPERLINK("http://x","y")', "hyperlink-http-x-y"],
    ["李雷", "person"],
  ])("slugs %s as %s", (text, slug) => {
    expect(slugOf(text)).toBe(slug);
  });
});

describe("unitFormat", () => {
  it.each<[string, string, Array<number | null>, string | null]>([
    ["percent fractions", "%", [0.75, 0.8, null], "0%"],
    ["percent fractions with a decimal", "%", [0.035, 0.04], "0.0%"],
    ["percent written as whole numbers", "%", [75, 80], '0"%"'],
    ["percent written with decimals", "percent", [3.5, 80], '0.0"%"'],
    ["the unit spelt out, any case", " Percentage ", [0.5], "0%"],
    ["no figures yet", "%", [null], "0%"],
    ["another unit", "days", [0.5], null],
    ["no unit", "", [0.5], null],
  ])("%s", (_name, unit, values, expected) => {
    expect(unitFormat(unit, values)).toBe(expected);
  });
});
