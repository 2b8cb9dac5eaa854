// Property: whatever order a converted table is sorted into, each KPI reading's Trend and
// each person's Person score is the figure the analysis gives that row. The table is
// converted through the application layer over the Excel stand-in, sorted with
// TableSort.apply (https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablesort#excel-excel-tablesort-apply-member(1))
// and read back through the preview's formula evaluation.
import fc from "fast-check";
import { a1 } from "../../src/core/address";
import type { RawCell } from "../../src/core/model";
import { convertToTable, loadWorkbook } from "../../src/app";
import { createFakeExcel, type FakeExcel } from "../../src/hosts/excel-stand-in";
import { evaluateFormula } from "../../src/taskpane/preview/formulas";
import { createExcelWorkbook } from "../../src/workbook/excel";
import { createExcelEditor } from "../../src/workbook/excel-editor";

const RUNS = { seed: 20261129, numRuns: 25 } as const;

/** Each KPI's floor, target and ceiling: higher is better, lower is better, and a band. */
const BOUNDS: Record<string, [RawCell, RawCell, RawCell]> = {
  "Offer rate": [40, 60, ""],
  "Time to hire": [60, 40, ""],
  "Lap speed": [40, "", 60],
};
const MONTHS = ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"];
const SERIALS = [46082, 46113, 46143, 46174, 46204, 46235];

/** Readings with no two of one KPI in one month (the analysis would order those by sheet row). */
const readings = fc.uniqueArray(fc.record({ kpi: fc.constantFrom(...Object.keys(BOUNDS)), month: fc.nat({ max: MONTHS.length - 1 }), actual: fc.option(fc.integer({ min: 0, max: 100 }), { nil: "" }) }), {
  minLength: 1,
  maxLength: 12,
  selector: (r) => `${r.kpi} ${r.month}`,
});

const people = fc.uniqueArray(fc.record({ employee: fc.constantFrom("Ana", "Ben", "Cy"), area: fc.constantFrom("Hiring", "Culture", "Payroll", "Ops"), weight: fc.integer({ min: 1, max: 60 }), rating: fc.integer({ min: 1, max: 5 }) }), {
  minLength: 1,
  maxLength: 10,
  selector: (r) => `${r.employee} ${r.area}`,
});

/** A stand-in over `sheets` whose formula cells evaluate as the preview evaluates them. */
function host(sheets: Array<{ name: string; values: RawCell[][] }>): FakeExcel {
  let fake: FakeExcel | null = null;
  const read = (sheet: string, row: number, col: number) => fake?.getSheet(sheet)?.cell(a1(row, col)).value ?? "";
  fake = createFakeExcel({ sheets }, { evaluate: (formula, sheet, row, col) => evaluateFormula(formula, sheet, read, a1(row, col)) });
  return fake;
}

/** The data rows of the sheet's first table, each as header → value. */
function tableRows(fake: FakeExcel, sheet: string): Array<Record<string, RawCell>> {
  const state = fake.getSheet(sheet);
  const table = state?.tables[0];
  if (!state || !table) throw new Error("no table");
  const [headers, ...rows] = state.range(table.address.replace(/^.*!/, "")).values;
  return rows.map((cells) => Object.fromEntries(headers.map((h, i) => [String(h), cells[i]])));
}

async function sort(fake: FakeExcel, key: number, ascending: boolean): Promise<void> {
  await fake.Excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    context.workbook.tables.getItem(tables.items[0].name).sort.apply([{ key, ascending }]);
    await context.sync();
  });
}

describe("converted tables sorted into any order", () => {
  it("give every KPI reading the trend the analysis gives it", async () => {
    await fc.assert(
      fc.asyncProperty(readings, fc.boolean(), fc.nat({ max: 5 }), fc.boolean(), async (list, textPeriods, key, ascending) => {
        const values: RawCell[][] = [
          ["KPI", "Floor", "Target", "Ceiling", "Period", "Actual"],
          ...list.map((r) => [r.kpi, ...BOUNDS[r.kpi], textPeriods ? MONTHS[r.month] : SERIALS[r.month], r.actual]),
        ];
        const fake = host([{ name: "KPIs", values }]);
        const loaded = await loadWorkbook(createExcelWorkbook(fake.Excel), { asOf: "2026-08-15" });
        // Each reading by KPI and month: the analysis names the month by its label, the table by what its Period cell holds.
        const expected = Object.fromEntries(loaded.analysis.kpis.map((k) => [`${k.record.kpi} ${MONTHS.indexOf(k.record.period?.label ?? "")}`, k.trend]));
        const done = await convertToTable(createExcelEditor(fake.Excel), loaded, "KPIs");
        expect(done.ok).toBe(true);
        await sort(fake, key, ascending);
        const month = (period: RawCell) => (textPeriods ? MONTHS.indexOf(String(period)) : SERIALS.indexOf(Number(period)));
        const seen = Object.fromEntries(tableRows(fake, "KPIs").map((row) => [`${String(row.KPI)} ${month(row.Period)}`, row.Trend]));
        expect(seen).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("give every area its person's KRA score from the analysis", async () => {
    await fc.assert(
      fc.asyncProperty(people, fc.nat({ max: 3 }), fc.boolean(), async (list, key, ascending) => {
        const values: RawCell[][] = [["Employee", "Area", "Weight", "Rating"], ...list.map((r) => [r.employee, r.area, r.weight, r.rating])];
        const fake = host([{ name: "KRAs", values }]);
        const loaded = await loadWorkbook(createExcelWorkbook(fake.Excel), { asOf: "2026-08-15" });
        const expected = Object.fromEntries(loaded.analysis.kras.map((k) => [k.employee, k.score]));
        const done = await convertToTable(createExcelEditor(fake.Excel), loaded, "KRAs");
        expect(done.ok).toBe(true);
        await sort(fake, key, ascending);
        for (const row of tableRows(fake, "KRAs")) expect(row["Person score"]).toBeCloseTo(Number(expected[String(row.Employee)]), 9);
      }),
      RUNS,
    );
  });
});
