/** What the browser preview's grid shows in a cell, as Excel would show it. */
import type { ChartState, ConditionalFormatState } from "../../src/hosts/excel-stand-in/state";
import { MAX_COLS, MAX_ROWS, colourOf, displayValue, gridSize, isSelected, linkTarget, tableHeaders } from "../../src/taskpane/preview/cells";

describe("displayValue", () => {
  it.each<[string, string | number | boolean, string, string]>([
    ["a whole percentage", 0.45, "0%", "45%"],
    ["a percentage with a decimal", 0.035, "0.0%", "3.5%"],
    ["a date serial", 46249, "yyyy-mm-dd", "2026-08-15"],
    ["a number in a 0.00 format is not a date", 46249.5, "0.00", "46249.5"],
    ["a number rounded to three decimals", 2 / 3, "General", "0.667"],
    ["a whole number", 1200, "General", "1200"],
    ["TRUE in capitals, as Excel shows it", true, "General", "TRUE"],
    ["text as it is", "Green", "General", "Green"],
  ])("%s", (_name, value, format, shown) => {
    expect(displayValue(value, format)).toBe(shown);
  });
});

describe("linkTarget", () => {
  it.each([
    ["a quoted sheet name", { documentReference: "'Rollup 2026-Q3'!A1" }, { sheet: "Rollup 2026-Q3", cell: "A1" }],
    ["a plain sheet name", { documentReference: "OKRs!E10" }, { sheet: "OKRs", cell: "E10" }],
    ["a leading #", { documentReference: "#'OKRs'!E10" }, { sheet: "OKRs", cell: "E10" }],
    ["an apostrophe doubled in the name", { documentReference: "'Ana''s goals'!$b$4" }, { sheet: "Ana's goals", cell: "B4" }],
    ["a web address", { address: "https://example.org" }, null],
    ["a range, not a cell", { documentReference: "OKRs!A1:B2" }, null],
  ])("%s", (_name, link, target) => {
    expect(linkTarget(link)).toEqual(target);
  });
});

describe("colourOf", () => {
  const rule = (address: string, text: string, fill: string | null = "#C6EFCE"): ConditionalFormatState => ({
    address,
    type: "containsText",
    rule: { formula1: `="${text}"` },
    fill,
    fontColor: "#006100",
  });
  const sheet = { conditionalFormats: [rule("C2:C9", "Green"), rule("D2:D9", 'Say "hi"'), rule("E2:E9", "Red", null)] };
  it.each([
    ["a cell whose text the rule wants", 4, 2, "Green", { fill: "#C6EFCE", color: "#006100" }],
    ["other text", 4, 2, "Yellow", null],
    ["outside the rule's range", 10, 2, "Green", null],
    ["quotes doubled in the rule", 4, 3, 'Say "hi"', { fill: "#C6EFCE", color: "#006100" }],
    ["a rule with no fill", 4, 4, "Red", null],
  ])("%s", (_name, row, col, value, colours) => {
    expect(colourOf(sheet, row, col, value)).toEqual(colours);
  });
});

describe("gridSize", () => {
  const chart = (start: string, end?: string): ChartState => ({ name: "c", type: "pie", source: "", seriesBy: "auto", title: "", position: { start, end }, pointColors: [] });
  it.each([
    ["the used range", { used: { row: 0, col: 0, rows: 12, cols: 8 }, charts: [] }, { rows: 12, cols: 8 }],
    ["reaching to a chart beyond it", { used: { row: 0, col: 0, rows: 12, cols: 8 }, charts: [chart("J2", "P20")] }, { rows: 20, cols: 16 }],
    ["a chart with only a start", { used: { row: 0, col: 0, rows: 3, cols: 3 }, charts: [chart("E5")] }, { rows: 5, cols: 5 }],
    ["within the preview's limits", { used: { row: 0, col: 0, rows: 5000, cols: 90 }, charts: [] }, { rows: MAX_ROWS, cols: MAX_COLS }],
    ["an empty sheet", { used: null, charts: [] }, { rows: 0, cols: 0 }],
  ])("%s", (_name, sheet, size) => {
    expect(gridSize(sheet)).toEqual(size);
  });
});

describe("tableHeaders and isSelected", () => {
  const isHeader = tableHeaders({ tables: [{ address: "A4:C9" }, { address: "F1:G3" }] });
  it.each([
    ["a header cell of the first table", 3, 1, true],
    ["a header cell of the second", 0, 6, true],
    ["a data cell", 4, 1, false],
    ["beside a header row", 3, 3, false],
  ])("%s", (_name, row, col, header) => {
    expect(isHeader(row, col)).toBe(header);
  });

  it.each([
    ["the selected cell", { row: 9, col: 4, rows: 1, cols: 1 }, 9, 4, true],
    ["inside a selected block", { row: 2, col: 0, rows: 3, cols: 12 }, 4, 11, true],
    ["just below it", { row: 2, col: 0, rows: 3, cols: 12 }, 5, 0, false],
    ["no selection", null, 0, 0, false],
  ])("%s", (_name, selection, row, col, selected) => {
    expect(isSelected(selection, row, col)).toBe(selected);
  });
});
