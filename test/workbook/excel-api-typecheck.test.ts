import type { ExcelApi } from "../../src/workbook/excel-api";

// Compiles only while the real Office.js namespace satisfies the narrow API.
function asExcelApi(real: typeof Excel): ExcelApi {
  return real;
}

it("accepts the real Office.js Excel namespace as an ExcelApi", () => {
  expect(typeof asExcelApi).toBe("function");
});
