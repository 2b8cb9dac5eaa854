import fc from "fast-check";
import { analyse } from "../../src/core/analyse";
import type { RawCell } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { periodLabel } from "../../src/core/parse/period-columns";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";
import { makeSheet } from "../support/builders";

const parse = (rows: RawCell[][], asOf = "2026-08-15", settings = DEFAULT_SETTINGS) => parseWorkbook([makeSheet("Sheet", rows)], { settings, asOf });

describe("periodLabel", () => {
  it.each<[string, string, ReturnType<typeof periodLabel>]>([
    ["a month", "Jan", { unit: "month", label: "Jan", year: null }],
    ["a month written out", "September", { unit: "month", label: "September", year: null }],
    ["a month with a two-digit year", "Mar-25", { unit: "month", label: "Mar", year: "2025" }],
    ["a month with its year", "Dec 2024", { unit: "month", label: "Dec", year: "2024" }],
    ["a week", "Week 3", { unit: "week", label: "Week 3", year: null }],
    ["a short week", "Wk12", { unit: "week", label: "Week 12", year: null }],
    ["a week written W1", "W1", { unit: "week", label: "Week 1", year: null }],
    ["a quarter", "q2", { unit: "quarter", label: "Q2", year: null }],
    ["a quarter with its year", "Q4 2025", { unit: "quarter", label: "Q4", year: "2025" }],
    ["a field name", "Target", null],
    ["a week out of range", "Week 60", null],
    ["blank", "", null],
    ["a month-like word", "Marketing", null],
  ])("%s (%s)", (_name, text, expected) => {
    expect(periodLabel(text)).toEqual(expected);
  });
});

describe("period columns on KPI sheets", () => {
  it.each<[string, RawCell[][], string, Array<[string, number]>]>([
    [
      "months under a merged year group",
      [
        ["", "", "2025", ""],
        ["KPI", "Target", "Jan", "Feb"],
        ["Churn rate", 0.02, 0.025, 0.019],
      ],
      "2026-08-15",
      [
        ["2025-01", 0.025],
        ["2025-02", 0.019],
      ],
    ],
    [
      "quarters with the year in the title",
      [["Quarterly KPIs 2025"], ["KPI", "Target", "Q1", "Q2", "Q3", "Q4"], ["Win rate", 0.3, 0.22, 0.27, "", ""]],
      "2026-08-15",
      [
        ["2025-Q1", 0.22],
        ["2025-Q2", 0.27],
      ],
    ],
    [
      "months with no year anywhere take the as-of year",
      [["KPI", "Target", "Jan", "Feb", "Mar"], ["NPS", 45, 40, 41, 44]],
      "2024-03-31",
      [
        ["2024-01", 40],
        ["2024-02", 41],
        ["2024-03", 44],
      ],
    ],
    [
      "a row of month labels under the header",
      [
        ["KPI", "Target", "Monthly results", "", ""],
        ["", "", "Apr", "May", "Jun"],
        ["Tickets closed", 100, 90, 104, 99],
      ],
      "2026-08-15",
      [
        ["2026-04", 90],
        ["2026-05", 104],
        ["2026-06", 99],
      ],
    ],
  ])("%s: one reading per filled column, with its period", (_name, rows, asOf, readings) => {
    const parsed = parse(rows, asOf);
    expect(parsed.problems).toEqual([]);
    expect(parsed.kpis.map((k) => [k.period?.label, k.actual])).toEqual(readings);
  });

  it("reads quarters of a financial year named in the title as fiscal quarters", () => {
    const parsed = parse([["KPIs FY 2026"], ["KPI", "Target", "Q1", "Q2"], ["Margin", 0.2, 0.18, 0.21]], "2026-08-15", withDefaults({ fiscalYearStartMonth: 4 }));
    expect(parsed.kpis.map((k) => [k.period?.label, k.period?.start])).toEqual([
      ["FY2026-Q1", "2025-04-01"],
      ["FY2026-Q2", "2025-07-01"],
    ]);
  });

  it("points each reading at its own cell, and the period at its column's header", () => {
    const parsed = parse([["KPI", "Target", "Jan", "Feb"], ["NPS", 45, 40, 46]], "2026-08-15");
    expect(parsed.kpis.map((k) => [k.cells.actual, k.cells.period])).toEqual([
      ["C2", "C1"],
      ["D2", "D1"],
    ]);
  });

  it("reads a header of month columns over blank-headed names, asking to confirm (low confidence)", () => {
    const parsed = parse([["Sales plan (Year: 2025)"], ["", "Jan", "Feb", "Mar"], ["Revenue", 10, 12, ""], ["Leads", 40, 38, 45]]);
    expect(parsed.sheets[0].confidence).toBeLessThan(0.6);
    expect(parsed.kpis.map((k) => [k.kpi, k.period?.label, k.actual])).toEqual([
      ["Revenue", "2025-01", 10],
      ["Revenue", "2025-02", 12],
      ["Leads", "2025-01", 40],
      ["Leads", "2025-02", 38],
      ["Leads", "2025-03", 45],
    ]);
  });

  it("trends each month against the month before", () => {
    const parsed = parse([["KPI", "Target", "Jan", "Feb", "Mar"], ["NPS", 45, 40, 46, 43]], "2026-08-15");
    const analysis = analyse(parsed, DEFAULT_SETTINGS, "2026-08-15");
    expect(analysis.kpis.map((k) => [k.record.period?.label, k.status, k.trend])).toEqual([
      ["2026-01", "Watch", "Flat"],
      ["2026-02", "On target", "Improving"],
      ["2026-03", "Watch", "Declining"],
    ]);
  });

  it("gives as many readings as filled period cells, whatever is filled (property)", () => {
    const cell = fc.oneof(fc.constant<RawCell>(""), fc.integer({ min: 0, max: 1000 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const sheet: RawCell[][] = [["KPI", "Target", "Jan", "Feb", "Mar", "Apr", "May", "Jun"], ...rows.map((r, i) => [`KPI ${i + 1}`, 50, ...r])];
        const parsed = parse(sheet, "2026-08-15");
        let filled = 0;
        for (const r of rows) for (const c of r) if (c !== "") filled++;
        expect(parsed.kpis).toHaveLength(filled);
        expect(parsed.problems).toEqual([]);
        for (const k of parsed.kpis) expect(k.actual).toBe(sheet[k.row - 1][k.cells.actual!.charCodeAt(0) - 65]);
      }),
    );
  });
});

describe("period columns on key-result sheets", () => {
  it.each<[string, RawCell[][], Array<[string, number | null, string | undefined]>]>([
    [
      "weekly grades: the latest graded week is the score",
      [
        ["Objective", "Key result", "Week 1", "Week 2", "Week 3", "Week 4"],
        ["Grow", "Ship the beta", 0.1, 0.3, 0.5, ""],
        ["", "Sign 3 pilots", 0, 0.3, "", ""],
        ["", "Hire a designer", "", "", "", ""],
      ],
      [
        ["Ship the beta", 0.5, "E2"],
        ["Sign 3 pilots", 0.3, "D3"],
        ["Hire a designer", null, "C4"],
      ],
    ],
    [
      "quarterly values toward a target: the latest quarter is the current value",
      [
        ["Objective", "Key result", "Target", "Q1", "Q2", "Q3", "Q4"],
        ["Grow", "Reach 40 customers", 40, 10, 18, "", ""],
      ],
      [["Reach 40 customers", 18, "E2"]],
    ],
  ])("%s", (_name, rows, expected) => {
    const parsed = parse(rows);
    expect(parsed.keyResults.map((k) => [k.keyResult, k.current, k.cells.current ?? k.cells.score])).toEqual(expected);
  });

  it("scores a graded key result by its latest grade", () => {
    const parsed = parse([
      ["Objective", "Key result", "Week 1", "Week 2", "Week 3"],
      ["Grow", "Ship the beta", 0.2, 0.6, ""],
      ["", "Sign 3 pilots", 0.4, 0.4, 0.8],
    ]);
    const analysis = analyse(parsed, DEFAULT_SETTINGS, "2026-08-15");
    expect(analysis.keyResults.map((k) => k.score)).toEqual([0.6, 0.8]);
    expect(analysis.objectives[0].score).toBeCloseTo(0.7, 9);
  });

  it("takes the right-most filled week whatever the pattern of blanks (property)", () => {
    const grade = fc.oneof(fc.constant<RawCell>(""), fc.integer({ min: 0, max: 10 }).map((n) => n / 10));
    fc.assert(
      fc.property(fc.array(grade, { minLength: 12, maxLength: 12 }), (weeks) => {
        const header = ["Objective", "Key result", ...weeks.map((_, i) => `Week ${i + 1}`)];
        const parsed = parse([header, ["Grow", "Ship it", ...weeks]]);
        let latest: RawCell | null = null;
        for (const w of weeks) if (w !== "") latest = w;
        expect(parsed.keyResults[0].current).toBe(latest);
      }),
    );
  });
});
