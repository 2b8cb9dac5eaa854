import { toWorkbookError } from "../../src/workbook/excel-batch";
import { WorkbookError } from "../../src/workbook/port";

describe("toWorkbookError", () => {
  it.each([
    ["a known code in plain words", "AccessDenied", "The workbook is protected or read-only: Sheet is locked."],
    ["an unknown code", "SomethingNew", "Excel refused the request: Sheet is locked."],
  ])("turns %s into a WorkbookError", (_name, code, message) => {
    const error = toWorkbookError({ code, message: "Sheet is locked.", debugInfo: { errorLocation: "Range.values" } });
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toBe(message);
  });

  it("keeps where Office.js failed for logs, out of the message the user reads", () => {
    const error = toWorkbookError({ code: "InvalidArgument", message: "A table can't overlap another table.", debugInfo: { errorLocation: "TableCollection.add" } });
    expect(error.message).not.toContain("TableCollection");
    expect(error).toMatchObject({ code: "InvalidArgument", location: "TableCollection.add" });
  });

  it("lets other errors through unchanged", () => {
    const original = new TypeError("boom");
    expect(toWorkbookError(original)).toBe(original);
  });
});
