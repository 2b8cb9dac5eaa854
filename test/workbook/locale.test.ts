import { createExcelWorkbook } from "../../src/workbook/excel";
import { createFakeExcel } from "../../src/hosts/excel-stand-in";
import { loadWorkbook } from "../../src/app";

/** An OKR sheet whose numbers were typed as text in a locale that writes decimal commas. */
const OKRS = {
  name: "OKRs",
  values: [
    ["Period", "Objective", "Key result", "Start", "Target", "Current"],
    ["2026-Q3", "Grow", "Raise revenue from 1.000,5 to 2.000,5", "1.000,5", "2.000,5", "1.500,5"],
  ],
};

describe("the workbook's number locale", () => {
  it.each([
    ["a comma locale", ",", ","],
    ["a point locale", ".", "."],
  ])("is read from Excel for %s", async (_name, separator, expected) => {
    const fake = createFakeExcel({ sheets: [OKRS] }, { decimalSeparator: separator });
    await expect(createExcelWorkbook(fake.Excel).numberLocale()).resolves.toEqual({ decimalSeparator: expected });
  });

  it("reads numbers typed as text the way the host's locale writes them", async () => {
    const fake = createFakeExcel({ sheets: [OKRS] }, { decimalSeparator: "," });
    const loaded = await loadWorkbook(createExcelWorkbook(fake.Excel), { asOf: "2026-08-15" });
    expect(loaded.settings.decimalSeparator).toBe(",");
    expect(loaded.parsed.keyResults[0]).toMatchObject({ start: 1000.5, target: 2000.5, current: 1500.5 });
    expect(loaded.analysis.keyResults[0].score).toBeCloseTo(0.5, 10);
  });

  it("gives way to a separator stored in the workbook's settings", async () => {
    const fake = createFakeExcel({ sheets: [OKRS] }, { decimalSeparator: "," });
    const workbook = createExcelWorkbook(fake.Excel);
    await workbook.writeState({ settings: { decimalSeparator: "." } });
    const loaded = await loadWorkbook(workbook, { asOf: "2026-08-15" });
    expect(loaded.settings.decimalSeparator).toBe(".");
  });
});
