// A converted table's computed columns keep each reading's figure when the user sorts
// the table or inserts a row, as they would in Excel: the stand-in sorts (TableSort.apply,
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablesort#excel-excel-tablesort-apply-member(1)),
// inserts rows (TableRowCollection.add with an index,
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1))
// and resolves structured references to the rows where they are now
// (https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e).
import { a1 } from "../../src/core/address";
import type { RawCell, RecognisedSheet } from "../../src/core/model";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planTableConversion } from "../../src/core/tables";
import { createFakeExcel, type FakeExcel } from "../../src/hosts/excel-stand-in";
import { createExcelEditor } from "../../src/workbook/excel-editor";
import { evaluateFormula } from "../../src/taskpane/preview/formulas";

const JUL = 46204; // 2026-07-01
const AUG = 46235; // 2026-08-01
const MID_AUG = 46250; // 2026-08-16
const SEP = 46266; // 2026-09-01

/** Converts `values` on sheet `name` with Altitude's plan and returns the host with a formula evaluator. */
async function converted(name: string, values: RawCell[][], recognised: Omit<RecognisedSheet, "name" | "confidence" | "headerRow" | "unmappedHeaders" | "rowCount">): Promise<FakeExcel> {
  let fake: FakeExcel | null = null;
  const read = (sheet: string, row: number, col: number) => fake?.getSheet(sheet)?.cell(a1(row, col)).value ?? "";
  fake = createFakeExcel({ sheets: [{ name, values }] }, { evaluate: (formula, sheet, row, col) => evaluateFormula(formula, sheet, read, a1(row, col)) });
  const plan = planTableConversion(
    { name, values, origin: { row: 0, col: 0 } },
    { name, confidence: 1, headerRow: 1, unmappedHeaders: [], rowCount: values.length - 1, ...recognised },
    DEFAULT_SETTINGS,
  );
  if (!plan.ok) throw new Error(plan.message);
  await createExcelEditor(fake.Excel).convertToTable(plan.value);
  return fake;
}

/** Each data row of the sheet's table as `key → value of the header`, keys made by `key` from the row's cells by header. */
function column(fake: FakeExcel, sheet: string, header: string, key: (row: Record<string, RawCell>) => string): Record<string, RawCell> {
  const state = fake.getSheet(sheet);
  const table = state?.tables[0];
  if (!state || !table) throw new Error("no table");
  const rows = state.range(table.address.replace(/^.*!/, "")).values;
  const headers = rows[0].map(String);
  return Object.fromEntries(
    rows.slice(1).map((cells) => {
      const byHeader = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
      return [key(byHeader), byHeader[header]];
    }),
  );
}

async function sortBy(fake: FakeExcel, key: number, ascending: boolean): Promise<void> {
  await fake.Excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    context.workbook.tables.getItem(tables.items[0].name).sort.apply([{ key, ascending }]);
    await context.sync();
  });
}

/** Inserts a blank table row at `index` and types `row` into its first cells, as a person would; the computed columns fill themselves. */
async function insertRow(fake: FakeExcel, sheet: string, index: number, row: RawCell[]): Promise<void> {
  await fake.Excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    context.workbook.tables.getItem(tables.items[0].name).rows.add(index);
    context.workbook.worksheets.getItem(sheet).getRangeByIndexes(index + 1, 0, 1, row.length).values = [row];
    await context.sync();
  });
}

describe("a KPI table's Trend", () => {
  const KPI_COLUMNS = { kind: "kpi" as const, columns: { kpi: 0, owner: 1, floor: 2, target: 3, period: 4, actual: 5 } };
  const kpiRows = (periods: RawCell[]): RawCell[][] => [
    ["KPI", "Owner", "Floor", "Target", "Period", "Actual"],
    ["Time to hire", "Ana", 45, 30, periods[0], 50],
    ["Offer rate", "Ben", 0.7, 0.9, periods[0], 0.8],
    ["Time to hire", "Ana", 45, 30, periods[1], 38],
    ["Offer rate", "Ben", 0.7, 0.9, periods[1], 0.75],
    ["Time to hire", "Ana", 45, 30, periods[2], 41],
  ];
  const byReading = (row: Record<string, RawCell>) => `${String(row.KPI)} ${String(row.Period)}`;
  // Time to hire is lower-is-better (target under floor): 50 → 38 improves, 38 → 41 declines.
  const expected = (periods: RawCell[]) => ({
    [`Time to hire ${String(periods[0])}`]: "Flat",
    [`Offer rate ${String(periods[0])}`]: "Flat",
    [`Time to hire ${String(periods[1])}`]: "Improving",
    [`Offer rate ${String(periods[1])}`]: "Declining",
    [`Time to hire ${String(periods[2])}`]: "Declining",
  });

  it.each([
    ["dates", [JUL, AUG, SEP]],
    ["text periods", ["2026-07", "2026-08", "2026-09"]],
  ])("stays with each reading when the table is sorted by another column (periods as %s)", async (_name, periods) => {
    const fake = await converted("KPIs", kpiRows(periods), KPI_COLUMNS);
    expect(column(fake, "KPIs", "Trend", byReading)).toEqual(expected(periods));
    await sortBy(fake, 5, true);
    expect(fake.getSheet("KPIs")?.range("F2:F6").values.map((r) => r[0])).toEqual([0.75, 0.8, 38, 41, 50]);
    expect(column(fake, "KPIs", "Trend", byReading)).toEqual(expected(periods));
    await sortBy(fake, 0, false);
    expect(column(fake, "KPIs", "Trend", byReading)).toEqual(expected(periods));
  });

  it("compares a later reading with one inserted before it, and the inserted row gets its own trend", async () => {
    const fake = await converted("KPIs", kpiRows([JUL, AUG, SEP]), KPI_COLUMNS);
    await insertRow(fake, "KPIs", 1, ["Time to hire", "Ana", 45, 30, MID_AUG, 44]);
    expect(column(fake, "KPIs", "Trend", byReading)).toEqual({
      ...expected([JUL, AUG, SEP]),
      // 38 → 44 is worse for a lower-is-better KPI, and 44 → 41 better.
      [`Time to hire ${MID_AUG}`]: "Declining",
      [`Time to hire ${SEP}`]: "Improving",
    });
    expect(column(fake, "KPIs", "Status", byReading)[`Time to hire ${MID_AUG}`]).toBe("Watch");
  });

  it("keeps each KPI's readings apart by owner, as the analysis does", async () => {
    const fake = await converted(
      "KPIs",
      [
        ["KPI", "Owner", "Floor", "Target", "Period", "Actual"],
        ["NPS", "Ana", 30, 45, JUL, 40],
        ["NPS", "Ben", 30, 45, JUL, 20],
        ["NPS", "Ana", 30, 45, AUG, 35],
        ["NPS", "Ben", 30, 45, AUG, 25],
      ],
      KPI_COLUMNS,
    );
    await sortBy(fake, 5, false);
    expect(column(fake, "KPIs", "Trend", (row) => `${String(row.Owner)} ${String(row.Period)}`)).toEqual({
      [`Ana ${JUL}`]: "Flat",
      [`Ben ${JUL}`]: "Flat",
      [`Ana ${AUG}`]: "Declining",
      [`Ben ${AUG}`]: "Improving",
    });
  });

  it("reads a band KPI toward the middle of its floor and ceiling", async () => {
    const fake = await converted(
      "KPIs",
      [
        ["KPI", "Floor", "Ceiling", "Period", "Actual"],
        ["Average speed", 224, 228, JUL, 229],
        ["Average speed", 224, 228, AUG, 226.5],
        ["Average speed", 224, 228, SEP, 224.5],
      ],
      { kind: "kpi", columns: { kpi: 0, floor: 1, ceiling: 2, period: 3, actual: 4 } },
    );
    await sortBy(fake, 4, true);
    // Middle 226: 229 → 226.5 moves toward it, 226.5 → 224.5 away from it.
    expect(column(fake, "KPIs", "Trend", (row) => String(row.Period))).toEqual({ [JUL]: "Flat", [AUG]: "Improving", [SEP]: "Declining" });
  });

  it("follows a continued KPI's name, owner and bounds from the row it was read from, after sorting", async () => {
    const fake = await converted(
      "KPIs",
      [
        ["KPI", "Owner", "Floor", "Target", "Period", "Actual"],
        ["Time to hire", "Ana", 45, 30, "2026-07", 50],
        ["", "", "", "", "2026-08", 38],
        ["", "", "", "", "2026-09", 41],
        ["Offer rate", "Ben", 0.7, 0.9, "2026-07", 0.8],
        ["", "", "", "", "2026-08", 0.75],
      ],
      KPI_COLUMNS,
    );
    const byActual = (row: Record<string, RawCell>) => String(row.Actual);
    const trends = { 50: "Flat", 38: "Improving", 41: "Declining", 0.8: "Flat", 0.75: "Declining" };
    expect(column(fake, "KPIs", "Trend", byActual)).toEqual(trends);
    await sortBy(fake, 5, true);
    expect(column(fake, "KPIs", "Trend", byActual)).toEqual(trends);
    expect(column(fake, "KPIs", "Status", byActual)).toEqual({ 50: "Breach", 38: "Watch", 41: "Watch", 0.8: "Watch", 0.75: "Watch" });
  });
});

describe("a KRA table's Person score", () => {
  const KRA_COLUMNS = { kind: "kra" as const, columns: { employee: 0, area: 1, weight: 2, rating: 3 } };
  const kraRows: RawCell[][] = [
    ["Employee", "Area", "Weight", "Rating"],
    ["Ana", "Hiring", 40, 4],
    ["Ana", "Retention", 30, 3],
    ["Ana", "Culture", 30, 5],
    ["Ben", "Payroll", 100, 3],
    ["Cy", "Ops", 50, 2],
    ["Cy", "Safety", 50, 5],
  ];
  const byArea = (row: Record<string, RawCell>) => String(row.Area);
  const scores = { Hiring: 4, Retention: 4, Culture: 4, Payroll: 3, Ops: 3.5, Safety: 3.5 };

  it("stays each person's score when the table is sorted by rating", async () => {
    const fake = await converted("KRAs", kraRows, KRA_COLUMNS);
    expect(column(fake, "KRAs", "Person score", byArea)).toEqual(scores);
    await sortBy(fake, 3, false);
    expect(fake.getSheet("KRAs")?.range("B2:B7").values.map((r) => r[0])).toEqual(["Culture", "Safety", "Hiring", "Retention", "Payroll", "Ops"]);
    expect(column(fake, "KRAs", "Person score", byArea)).toEqual(scores);
  });

  it("counts an area inserted for a person, wherever it lands in the table", async () => {
    const fake = await converted("KRAs", kraRows, KRA_COLUMNS);
    await insertRow(fake, "KRAs", 4, ["Ben", "Training", 100, 5]);
    // Ben: (100 × 3 + 100 × 5) / 200.
    expect(column(fake, "KRAs", "Person score", byArea)).toEqual({ ...scores, Payroll: 4, Training: 4 });
    await insertRow(fake, "KRAs", 0, ["Cy", "Mentoring", 100, 1]);
    // Cy: (50 × 2 + 50 × 5 + 100 × 1) / 200.
    expect(column(fake, "KRAs", "Person score", byArea)).toEqual({ ...scores, Payroll: 4, Training: 4, Ops: 2.25, Safety: 2.25, Mentoring: 2.25 });
  });

  it("scores a person whose name is written once above their areas, after sorting", async () => {
    const fake = await converted(
      "KRAs",
      [
        ["Employee", "Area", "Weight", "Rating"],
        ["Ana", "Hiring", 40, 4],
        ["", "Retention", 30, 3],
        ["", "Culture", 30, 5],
        ["Ben", "Payroll", 100, 3],
      ],
      KRA_COLUMNS,
    );
    await sortBy(fake, 3, true);
    expect(column(fake, "KRAs", "Person score", byArea)).toEqual({ Hiring: 4, Retention: 4, Culture: 4, Payroll: 3 });
  });
});
