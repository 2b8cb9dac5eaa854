// The pane's editor over the in-memory Excel host: round trips stay constant as
// rows grow, and the user's cells are left as they were.
import type { RawCell, RecognisedSheet, SheetData } from "../../src/core/model";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planTableConversion, type TableConversion } from "../../src/core/tables";
import { createExcelEditor } from "../../src/workbook/excel-editor";
import { a1 } from "../../src/core/address";
import { createFakeExcel, type FakeExcel } from "../../src/hosts/excel-stand-in";
import { evaluateFormula } from "../../src/taskpane/preview/formulas";

const HEADERS = ["Period", "Objective", "Key result", "Type", "Start", "Target", "Current", "Commitment"];

function okrRows(count: number): RawCell[][] {
  return Array.from({ length: count }, (_, i) => ["2026-Q3", `Objective ${i}`, `Reach ${i + 10}`, "increase", 0, i + 10, i, "committed"]);
}

function conversionFor(values: RawCell[][]): TableConversion {
  const sheet: SheetData = { name: "OKRs", values, origin: { row: 0, col: 0 } };
  const recognised: RecognisedSheet = {
    name: "OKRs",
    kind: "okr",
    confidence: 1,
    headerRow: 1,
    columns: { period: 0, objective: 1, keyResult: 2, type: 3, start: 4, target: 5, current: 6, commitment: 7 },
    unmappedHeaders: [],
    rowCount: values.length - 1,
  };
  const plan = planTableConversion(sheet, recognised, DEFAULT_SETTINGS);
  if (!plan.ok) throw new Error(plan.message);
  return plan.value;
}

describe("convertToTable", () => {
  it.each([
    ["3 rows", 3],
    ["2,000 rows", 2000],
  ])("takes two round trips for %s", async (_name, rows) => {
    const values = [HEADERS, ...okrRows(rows)];
    const fake = createFakeExcel({ sheets: [{ name: "OKRs", values }] });
    fake.resetStats();
    await createExcelEditor(fake.Excel).convertToTable(conversionFor(values));
    expect(fake.stats.syncs).toBe(2);
  });

  // Trend's lookup over the table's columns is the longest formula Altitude writes; with the key columns it stays in one request up to thousands of rows.
  it.each([
    ["3 readings", 2, 3],
    ["2,000 readings", 2, 2000],
    ["6,000 readings", 3, 6000],
  ])("takes %s of a KPI sheet with continued names and text periods in %i round trips", async (_name, syncs, rows) => {
    const values: RawCell[][] = [["KPI", "Owner", "Floor", "Target", "Period", "Actual"]];
    for (let i = 0; i < rows; i++) values.push(i % 3 === 0 ? [`KPI ${i}`, "Ana", 45, 30, "2026-07", i] : ["", "", "", "", `2026-0${7 + (i % 3)}`, i]);
    const sheet: SheetData = { name: "KPIs", values, origin: { row: 0, col: 0 } };
    const recognised: RecognisedSheet = { name: "KPIs", kind: "kpi", confidence: 1, headerRow: 1, columns: { kpi: 0, owner: 1, floor: 2, target: 3, period: 4, actual: 5 }, unmappedHeaders: [], rowCount: rows };
    const plan = planTableConversion(sheet, recognised, DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    const fake = createFakeExcel({ sheets: [{ name: "KPIs", values }] });
    fake.resetStats();
    await createExcelEditor(fake.Excel).convertToTable(plan.value);
    expect(fake.stats.syncs).toBe(syncs);
    expect(fake.getSheet("KPIs")?.tables[0].headers.slice(6)).toEqual(["Status", "Trend", "KPI as read", "Owner as read", "Period start"]);
  });

  it("adds the table with computed columns, colours and drop-downs and keeps the user's cells", async () => {
    const values = [HEADERS, ...okrRows(3)];
    const fake = createFakeExcel({ sheets: [{ name: "OKRs", values }] });
    const done = await createExcelEditor(fake.Excel).convertToTable(conversionFor(values));
    const sheet = fake.getSheet("OKRs");
    expect(done).toEqual({ tableName: "Altitude_OKRs", address: "A1:K4" });
    expect(sheet?.tables.map((t) => [t.name, t.address, t.headers.slice(8)])).toEqual([["Altitude_OKRs", "OKRs!A1:K4", ["Score", "Grade", "Pace"]]]);
    expect(sheet?.cell("I2")).toEqual(expect.objectContaining({ formula: "=ALTITUDE.OKRSCORE([@Start],[@Target],[@Current],[@Type])", numberFormat: "0%" }));
    expect(sheet?.range("A1:H4").values).toEqual(values);
    expect(sheet?.conditionalFormats.filter((f) => f.address === "OKRs!J2:J4").map((f) => f.rule?.formula1)).toEqual(['="Green"', '="Yellow"', '="Red"']);
    expect(sheet?.validations.map((v) => v.address)).toEqual(["OKRs!D2:D4", "OKRs!H2:H4"]);
  });

  it("makes the table name unique and says plainly when the range is already a table", async () => {
    const values = [HEADERS, ...okrRows(2)];
    const fake = createFakeExcel({ sheets: [{ name: "OKRs", values }] });
    const editor = createExcelEditor(fake.Excel);
    await editor.convertToTable(conversionFor(values));
    await expect(editor.convertToTable(conversionFor(values))).rejects.toThrow(/OKRs!A1:K3 overlaps the table "Altitude_OKRs"/);
  });

  // A refused conversion leaves nothing behind: https://github.com/OfficeDev/office-js/issues/1199
  it.each([
    ["a table already over part of the range", { tables: ["B2:C3"], merges: [] as string[] }, { requirements: undefined }, /overlaps the table/],
    ["merged cells in the range", { tables: [], merges: ["B2:B3"] }, { requirements: undefined }, /holds merged cells \(B2:B3\)/],
    // Without ExcelApi 1.13 and 1.9 nothing can be checked first: Excel's refusal is undone.
    ["merged cells on a host that cannot look for them", { tables: [], merges: ["B2:B3"] }, { requirements: { isSetSupported: () => false } }, /merged cells/],
    ["a table on a host that cannot look for it", { tables: ["B2:C3"], merges: [] as string[] }, { requirements: { isSetSupported: () => false } }, /overlap another table/],
  ])("writes nothing when Excel would refuse the table: %s", async (_name, setup, options, message) => {
    const values = [HEADERS, ...okrRows(3)];
    const fake = createFakeExcel({ sheets: [{ name: "OKRs", values, merges: setup.merges }] });
    await fake.Excel.run(async (context) => {
      for (const address of setup.tables) context.workbook.worksheets.getItem("OKRs").tables.add(address, true);
      await context.sync();
    });
    const before = fake.getSheet("OKRs");
    await expect(createExcelEditor(fake.Excel, options).convertToTable(conversionFor(values))).rejects.toThrow(message);
    const after = fake.getSheet("OKRs");
    expect(after?.range("A1:K4")).toEqual(before?.range("A1:K4"));
    expect(after?.tables.map((t) => t.address)).toEqual(before?.tables.map((t) => t.address));
    expect(after?.used).toEqual(before?.used);
  });
});

describe("computed columns and sorting", () => {
  // "Using structured references with Excel tables": https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
  it("keeps every score and grade with its own key result when the table is sorted (structured references to the row, TableSort.apply)", async () => {
    const values: RawCell[][] = [
      ["Objective", "Key result", "Commitment", "Start", "Target", "Current"],
      ["Ship payroll", "A", "committed", 0, 10, 10],
      ["", "B", "", 0, 10, 8],
      ["Grow", "C", "", 0, 10, 8],
      ["", "D", "", 0, 10, 2],
    ];
    let fake: FakeExcel | null = null;
    const read = (sheet: string, row: number, col: number) => fake?.getSheet(sheet)?.cell(a1(row, col)).value ?? "";
    fake = createFakeExcel({ sheets: [{ name: "OKRs", values }] }, { evaluate: (formula, sheet, row, col) => evaluateFormula(formula, sheet, read, a1(row, col)) });
    const recognisedOkrs: RecognisedSheet = {
      name: "OKRs",
      kind: "okr",
      confidence: 1,
      headerRow: 1,
      columns: { objective: 0, keyResult: 1, commitment: 2, start: 3, target: 4, current: 5 },
      unmappedHeaders: [],
      rowCount: 4,
    };
    const plan = planTableConversion({ name: "OKRs", values, origin: { row: 0, col: 0 } }, recognisedOkrs, DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    await createExcelEditor(fake.Excel).convertToTable(plan.value);
    const byKeyResult = () => Object.fromEntries((fake?.getSheet("OKRs")?.range("B2:H5").values ?? []).map((row) => [row[0], [row[5], row[6]]]));
    const before = byKeyResult();
    expect(before).toEqual({ A: [1, "Green"], B: [0.8, "Yellow"], C: [0.8, "Green"], D: [0.2, "Red"] });
    await fake.Excel.run(async (context) => {
      context.workbook.tables.getItem("Altitude_OKRs").sort.apply([{ key: 1, ascending: false }]);
      await context.sync();
    });
    expect(fake.getSheet("OKRs")?.range("B2:B5").values.map((row) => row[0])).toEqual(["D", "C", "B", "A"]);
    expect(byKeyResult()).toEqual(before);
  });
});

describe("appendToTable", () => {
  // TableRowCollection.add: https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
  it("grows the table by rows.add, keeping user text as text (TableRowCollection.add)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Check-ins", values: [["Date", "Key result", "Value"], [46230, "Reach 10", 4]] }] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Check-ins").tables.add("A1:C2", true).name = "Altitude_Checkins";
      await context.sync();
    });
    const editor = createExcelEditor(fake.Excel);
    await expect(editor.appendToTable("Altitude_Checkins", [[46249, "=SUM(A1:A2)", 7]])).resolves.toBe(true);
    const sheet = fake.getSheet("Check-ins");
    expect(sheet?.tables[0].address).toBe("'Check-ins'!A1:C3");
    expect(sheet?.range("A3:C3").values).toEqual([[46249, "=SUM(A1:A2)", 7]]);
    expect(sheet?.cell("B3").formula).toBeNull();
  });

  it("says false when the workbook has no such table", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Check-ins", values: [["Date"]] }] });
    await expect(createExcelEditor(fake.Excel).appendToTable("Altitude_Checkins", [[1]])).resolves.toBe(false);
  });
});

describe("appendRows", () => {
  // TableRowCollection.add: https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
  it("adds check-ins to the table the last rows belong to by rows.add, so the table grows (TableRowCollection.add)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Check-ins", values: [["Date", "Key result", "Value"], [46230, "Reach 10", 4]] }] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Check-ins").tables.add("A1:C2", true).name = "Altitude_Checkins";
      await context.sync();
    });
    const editor = createExcelEditor(fake.Excel);
    await editor.appendRows("Check-ins", [[46249, "Jan 2026", 7]], { numberFormats: ["yyyy-mm-dd", null, null] });
    const sheet = fake.getSheet("Check-ins");
    expect(sheet?.tables[0].address).toBe("'Check-ins'!A1:C3");
    expect(sheet?.range("A3:C3").values).toEqual([[46249, "Jan 2026", 7]]);
    expect(sheet?.cell("A3").numberFormat).toBe("yyyy-mm-dd");
  });

  it("writes below the used range when no table ends there", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Check-ins", values: [["Date", "Key result", "Value"], [46230, "Reach 10", 4], ["", "", ""], ["note", "", ""]] }] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Check-ins").tables.add("A1:C2", true);
      await context.sync();
    });
    await createExcelEditor(fake.Excel).appendRows("Check-ins", [[46249, "x", 7]]);
    const sheet = fake.getSheet("Check-ins");
    expect(sheet?.tables[0].address).toBe("'Check-ins'!A1:C2");
    expect(sheet?.range("A5:C5").values).toEqual([[46249, "x", 7]]);
  });

  it("appends below the used range with the given formats and keeps formula-like text as text", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Check-ins", values: [["Date", "Key result", "Value"], [46230, "Reach 10", 4]] }] });
    const editor = createExcelEditor(fake.Excel);
    await editor.appendRows("Check-ins", [[46249, "=SUM(A1:A2)", 7]], { numberFormats: ["yyyy-mm-dd", null, null] });
    const sheet = fake.getSheet("Check-ins");
    expect(sheet?.range("A3:C3").values).toEqual([[46249, "=SUM(A1:A2)", 7]]);
    expect(sheet?.cell("B3").formula).toBeNull();
    expect(sheet?.cell("A3").numberFormat).toBe("yyyy-mm-dd");
    expect(sheet?.range("A1:C2").values).toEqual([["Date", "Key result", "Value"], [46230, "Reach 10", 4]]);
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
  it("adds the row to the table that ends on the last used row, by table.rows.add, so the table grows", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Check-ins", values: [["Date", "Key result", "Value"], [46230, "Reach 10", 4]] }] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Check-ins").tables.add("A1:C2", true).name = "Checkins";
      await context.sync();
    });
    const before = fake.stats.syncs;
    await createExcelEditor(fake.Excel).appendRows("Check-ins", [[46249, "Reach 10", null]]);
    const sheet = fake.getSheet("Check-ins");
    expect(sheet?.tables.map((t) => [t.name, t.address])).toEqual([["Checkins", expect.stringMatching(/A1:C3$/)]]);
    expect(sheet?.range("A3:C3").values).toEqual([[46249, "Reach 10", ""]]);
    // The used range, the tables on the last used row, that table's extent, then the new row.
    expect(fake.stats.syncs - before).toBe(4);
  });

  it("writes below the used range when no table ends there", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Check-ins", values: [["Date", "Value"], [46230, 4], ["", ""], ["Note", "kept"]] }] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Check-ins").tables.add("A1:B2", true);
      await context.sync();
    });
    await createExcelEditor(fake.Excel).appendRows("Check-ins", [[46249, 7]]);
    const sheet = fake.getSheet("Check-ins");
    expect(sheet?.range("A5:B5").values).toEqual([[46249, 7]]);
    expect(sheet?.tables.map((t) => t.address)).toEqual([expect.stringMatching(/A1:B2$/)]);
  });
});
