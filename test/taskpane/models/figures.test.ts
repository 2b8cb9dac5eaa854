import { formatFigure, formatNumber, isPercentFormat, numberFormatAt } from "../../../src/taskpane/models/figures";
import { makeSheet } from "../../support/builders";

describe("formatNumber", () => {
  it.each<[string, number, string]>([
    ["a whole number as it is", 1200, "1200"],
    ["two decimals at most", 3.14159, "3.14"],
    ["a negative number, to two decimals", -0.126, "-0.13"],
    ["no trailing zeros", 2.5, "2.5"],
  ])("shows %s", (_name, value, shown) => {
    expect(formatNumber(value)).toBe(shown);
  });
});

describe("formatFigure", () => {
  it.each<[string, number, boolean, string]>([
    ["a share in a percent cell", 0.035, true, "3.5%"],
    ["a whole percentage", 0.45, true, "45%"],
    ["a share kept as a number", 0.035, false, "0.04"],
    ["a count", 44, false, "44"],
  ])("shows %s", (_name, value, percent, shown) => {
    expect(formatFigure(value, percent)).toBe(shown);
  });
});

describe("isPercentFormat", () => {
  it.each<[string, string | null | undefined, boolean]>([
    ["a percent format", "0%", true],
    ["a percent format with decimals", "0.0%", true],
    ["a % inside quotes only", '0" % done"', false],
    ["a number format", "#,##0", false],
    ["General", "General", false],
    ["no format", null, false],
    ["an unknown format", undefined, false],
  ])("%s", (_name, format, percent) => {
    expect(isPercentFormat(format)).toBe(percent);
  });
});

describe("numberFormatAt", () => {
  const sheets = [makeSheet("OKRs", [["Start", "Target"], [0.042, 0.028]], [["General", "General"], ["0.0%", "0%"]])];
  const moved = [{ ...sheets[0], origin: { row: 2, col: 1 } }];
  it.each<[string, typeof sheets, string, string | undefined, string | null]>([
    ["a cell of the sheet", sheets, "OKRs", "B2", "0%"],
    ["a cell of a sheet whose values start at B3", moved, "OKRs", "B4", "0.0%"],
    ["another sheet", sheets, "KPIs", "B2", null],
    ["a cell outside the values", sheets, "OKRs", "Z99", null],
    ["no address", sheets, "OKRs", undefined, null],
    ["an address that is not one", sheets, "OKRs", "2B", null],
  ])("reads %s", (_name, data, sheet, address, format) => {
    expect(numberFormatAt(data, sheet, address)).toBe(format);
  });
});
