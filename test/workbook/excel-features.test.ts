import { createFakeExcel } from "../../src/hosts/excel-stand-in";
import { createExcelEditor } from "../../src/workbook/excel-editor";
import { excelFeatures, OPTIONAL_FEATURES } from "../../src/workbook/excel-features";

// Excel requirement sets: https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets
describe("excelFeatures", () => {
  it.each([
    ["Excel 2021 (ExcelApi 1.16) has no sheet rename event", 16, "sheetRenamed", false],
    ["Microsoft 365 (ExcelApi 1.17) has it", 17, "sheetRenamed", true],
    ["ExcelApi 1.12 cannot list merged areas", 12, "mergedAreas", false],
    ["ExcelApi 1.9 suspends screen updating", 9, "suspendScreenUpdating", true],
    ["ExcelApi 1.8 does not", 8, "suspendScreenUpdating", false],
  ] as const)("%s (Excel requirement sets)", (_name, minor, feature, expected) => {
    const fake = createFakeExcel(undefined, { apiMinor: minor });
    expect(excelFeatures(fake.Office.context.requirements)(feature)).toBe(expected);
  });

  it("asks the host once per feature", () => {
    const asked: string[] = [];
    const has = excelFeatures({ isSetSupported: (name, version) => (asked.push(`${name} ${version}`), true) });
    has("cultureInfo");
    has("cultureInfo");
    expect(asked).toEqual([`ExcelApi ${OPTIONAL_FEATURES.cultureInfo}`]);
  });
});

describe("sheet events by requirement set", () => {
  it("registers onNameChanged only where ExcelApi 1.17 is supported, so Excel 2021 does not answer ApiNotFound (ExcelApi 1.17 requirement set)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "OKRs", values: [["a"]] }] }, { apiMinor: 16 });
    const editor = createExcelEditor(fake.Excel, { requirements: fake.Office.context.requirements });
    const heard: number[] = [];
    await editor.onSheetsChanged(() => heard.push(1));
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.add("New");
      await context.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard.length).toBeGreaterThan(0);
  });

  it("is refused by a host without ExcelApi 1.17 when registered unchecked (the stand-in answers ApiNotFound, as Excel does)", async () => {
    const fake = createFakeExcel(undefined, { apiMinor: 16 });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.onNameChanged.add(async () => undefined);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
