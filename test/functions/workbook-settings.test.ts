/**
 * The functions read the workbook's settings themselves, so the first calculation
 * after opening a workbook uses its score cap, grade bands and decimal separator
 * before any task pane has loaded. In the shared runtime a custom function may
 * read the workbook through the Excel JavaScript API
 * (https://learn.microsoft.com/office/dev/add-ins/excel/call-excel-apis-from-custom-function);
 * here the in-memory Excel host stands in for it.
 */
import "./fake-custom-functions";
import { DEFAULT_SETTINGS, withDefaults, type DeepPartial, type Settings } from "../../src/core/settings";
import { kraScoreFn, okrGrade, okrScore } from "../../src/functions/functions";
import { functionSettings, getFunctionSettings, readFunctionSettingsWith, setFunctionSettings } from "../../src/functions/settings-store";
import { readSettingsFromWorkbook, refreshFunctionSettings } from "../../src/functions/workbook-settings";
import { createExcelWorkbook } from "../../src/workbook/excel";
import { createFakeExcel, type FakeExcel } from "../../src/workbook/fake-excel";

const cell = (value: unknown): unknown[][] => [[value]];

/** A workbook whose state sheet holds `settings` (none when omitted), with the functions reading from it. */
async function openWorkbook(settings?: DeepPartial<Settings>, decimalSeparator: "." | "," = "."): Promise<FakeExcel> {
  const fake = createFakeExcel({ sheets: [{ name: "OKRs", values: [["Key result"]] }] }, { decimalSeparator });
  if (settings) await createExcelWorkbook(fake.Excel).writeState({ settings });
  readSettingsFromWorkbook(fake.Excel);
  // Let the state sheet watch (one look-up; the in-memory host has no events) finish before counting round trips.
  await new Promise((resolve) => setTimeout(resolve, 0));
  fake.resetStats();
  return fake;
}

describe("the first calculation uses the workbook's settings", () => {
  it.each<[string, DeepPartial<Settings> | undefined, "." | ",", () => Promise<unknown>, unknown]>([
    ["the score cap", { scoreCap: 2 }, ".", () => okrScore(cell(40), cell(60), cell(72)), [[1.6]]],
    ["the grade bands", { grades: { aspirational: { yellow: 0.3, green: 0.6 } } }, ".", () => okrGrade(cell(0.6)), [["Green"]]],
    ["the rating scale", { rating: { min: 1, max: 10 } }, ".", () => kraScoreFn([[8], [6]], [[50], [50]]), 7],
    ["the stored decimal separator", { decimalSeparator: "," }, ".", () => okrScore(cell(0), cell(2401), cell("1.200,5")), [[0.5]]],
    ["the host's decimal separator when none is stored", undefined, ",", () => okrScore(cell(0), cell(2401), cell("1.200,5")), [[0.5]]],
    ["the defaults in a workbook with no stored settings", undefined, ".", () => okrScore(cell(40), cell(60), cell(72)), [[1]]],
  ])("%s", async (_name, settings, separator, calculate, expected) => {
    await openWorkbook(settings, separator);
    expect(await calculate()).toEqual(expected);
  });
});

describe("reading the settings", () => {
  it("reads them once for every function calculating meanwhile, and not again after", async () => {
    const fake = await openWorkbook({ scoreCap: 2 });
    const first = await Promise.all([okrScore(cell(40), cell(60), cell(72)), okrScore(cell(40), cell(60), cell(80)), okrGrade(cell(0.5))]);
    expect(first).toEqual([[[1.6]], [[2]], [["Yellow"]]]);
    const readOnce = fake.stats.syncs;
    expect(readOnce).toBeGreaterThan(0);
    await okrScore(cell(40), cell(60), cell(72));
    expect(fake.stats.syncs).toBe(readOnce);
  });

  it("uses the settings the task pane hands over without reading the workbook", async () => {
    const fake = await openWorkbook({ scoreCap: 2 });
    setFunctionSettings(withDefaults({ scoreCap: 1.5 }));
    expect(await okrScore(cell(40), cell(60), cell(72))).toEqual([[1.5]]);
    expect(fake.stats.syncs).toBe(0);
  });

  it("keeps the task pane's settings when they arrive while a read is under way", async () => {
    let finish: (settings: Settings) => void = () => undefined;
    readFunctionSettingsWith(() => new Promise((resolve) => (finish = resolve)));
    const pending = functionSettings();
    setFunctionSettings(withDefaults({ scoreCap: 1.5 }));
    finish(withDefaults({ scoreCap: 3 }));
    await expect(pending).resolves.toMatchObject({ scoreCap: 1.5 });
    expect(getFunctionSettings().scoreCap).toBe(1.5);
  });

  it("calculates with the defaults when the read fails, and reads again next time", async () => {
    let calls = 0;
    readFunctionSettingsWith(async () => {
      calls += 1;
      if (calls === 1) throw new Error("The workbook is busy.");
      return withDefaults({ scoreCap: 2 });
    });
    expect(await okrScore(cell(40), cell(60), cell(72))).toEqual([[1]]);
    expect(await okrScore(cell(40), cell(60), cell(72))).toEqual([[1.6]]);
    expect(calls).toBe(2);
  });
});

describe("when the stored settings change", () => {
  it("reads them again and recalculates once when they differ", async () => {
    const fake = await openWorkbook({ scoreCap: 2 });
    expect(await okrScore(cell(40), cell(60), cell(72))).toEqual([[1.6]]);
    await createExcelWorkbook(fake.Excel).writeState({ settings: { scoreCap: 1.2 } });
    const recalculate = jest.fn(async () => undefined);
    await expect(refreshFunctionSettings(recalculate)).resolves.toBe(true);
    expect(recalculate).toHaveBeenCalledTimes(1);
    expect(await okrScore(cell(40), cell(60), cell(72))).toEqual([[1.2]]);
  });

  it("does not recalculate when they are the same", async () => {
    await openWorkbook({ scoreCap: 2 });
    await okrScore(cell(40), cell(60), cell(72));
    const recalculate = jest.fn(async () => undefined);
    await expect(refreshFunctionSettings(recalculate)).resolves.toBe(false);
    expect(recalculate).not.toHaveBeenCalled();
  });
});

afterAll(() => setFunctionSettings(DEFAULT_SETTINGS));
