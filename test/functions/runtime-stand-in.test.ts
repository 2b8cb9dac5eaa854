import { StandInCellError } from "../../src/functions/runtime-stand-in";

// https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors:
// "You can only return a custom error message with the #VALUE! and #N/A errors."
describe("the CustomFunctions stand-in shows a message as Excel does", () => {
  it.each<[string, string, string | undefined]>([
    ["#VALUE! keeps its message", "#VALUE!", "Target equals start."],
    ["#N/A keeps its message", "#N/A", "Target equals start."],
    ["#NUM! loses it", "#NUM!", undefined],
    ["#DIV/0! loses it", "#DIV/0!", undefined],
  ])("%s", (_name, code, shown) => {
    expect(new StandInCellError(code, "Target equals start.").message).toBe(shown);
  });
});
