import type { RecognisedSheet } from "../../src/core/model";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planTableConversion, tableColumnNames, tableNameFor, withRowAddresses } from "../../src/core/tables";
import { makeSheet } from "../support/builders";

function recognised(overrides: Partial<RecognisedSheet>): RecognisedSheet {
  return { name: "OKRs", kind: "okr", confidence: 1, headerRow: 2, columns: {}, unmappedHeaders: [], rowCount: 0, ...overrides };
}

describe("tableColumnNames", () => {
  it.each([
    ["header texts as they are", ["Start", "Key result"], ["Start", "Key result"]],
    ["a blank header as ColumnN", ["Start", ""], ["Start", "Column2"]],
    ["a repeated header numbered, ignoring case", ["Owner", "owner", "OWNER"], ["Owner", "owner2", "OWNER3"]],
    ["a number as its text", [2026], ["2026"]],
  ])("names %s", (_name, headers, names) => {
    expect(tableColumnNames(headers)).toEqual(names);
  });
});

describe("withRowAddresses", () => {
  const conversion = { range: { row: 2, col: 1, rows: 4, cols: 3 }, columnNames: ["Start", "Key result", "It's [x]", "Score"] };
  it.each([
    ["a plain name", "=ALTITUDE.OKRGRADE([@Score])", 3, "=ALTITUDE.OKRGRADE(E4)"],
    ["a bracketed name with a space", "=F([@[Key result]])", 5, "=F(C6)"],
    ["escaped brackets and apostrophe", "=F([@[It''s '[x']]])", 3, "=F(D4)"],
    ["a name the table lacks, left as written", "=F([@Nope])", 3, "=F([@Nope])"],
  ])("turns %s into the row's address", (_name, formula, row, expected) => {
    expect(withRowAddresses(conversion, formula, row)).toBe(expected);
  });
});

describe("planTableConversion", () => {
  const okrSheet = makeSheet("OKRs", [
    ["Team goals", "", "", "", "", ""],
    ["Period", "Objective", "Key result", "Start", "Target", "Current"],
    ["2026-Q3", "Grow", "Churn 4.2% to 2.8%", 0.042, 0.028, 0.035],
    ["", "", "Cycle 47 to 31", 47, 31, 39],
    ["", "", "", "", "", ""],
  ]);
  const okr = recognised({ columns: { period: 0, objective: 1, keyResult: 2, start: 3, target: 4, current: 5 } });

  it("covers the header and data rows and adds Score, Grade and Pace to the right", () => {
    const plan = planTableConversion(okrSheet, okr, DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.range).toEqual({ row: 1, col: 0, rows: 3, cols: 6 });
    expect(plan.value.tableRange).toEqual({ row: 1, col: 0, rows: 3, cols: 9 });
    expect(plan.value.computed.map((c) => c.header)).toEqual(["Score", "Grade", "Pace"]);
    // Structured references to the formula's own row, which sorting cannot break.
    expect(plan.value.computed[0].formulas).toEqual(["=ALTITUDE.OKRSCORE([@Start],[@Target],[@Current])", "=ALTITUDE.OKRSCORE([@Start],[@Target],[@Current])"]);
    expect(plan.value.computed[1].formulas[1]).toBe("=ALTITUDE.OKRGRADE([@Score])");
  });

  it("fills the period down so every row's pace uses its quarter's dates", () => {
    const plan = planTableConversion(okrSheet, okr, DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.computed[2].formulas).toEqual([
      "=ALTITUDE.OKRPACE([@Score],DATE(2026,7,1),DATE(2026,9,30))",
      "=ALTITUDE.OKRPACE([@Score],DATE(2026,7,1),DATE(2026,9,30))",
    ]);
  });

  it("colours grade and pace and offers drop-downs for type and commitment", () => {
    const sheet = makeSheet("OKRs", [
      ["Key result", "Type", "Commitment", "Start", "Target", "Current"],
      ["A", "increase", "committed", 0, 10, 5],
    ]);
    const plan = planTableConversion(sheet, recognised({ headerRow: 1, columns: { keyResult: 0, type: 1, commitment: 2, start: 3, target: 4, current: 5 } }), DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.conditional.map((c) => [c.range.col, c.rules[0].equals])).toEqual([
      [7, "Green"],
      [8, "Done"],
    ]);
    expect(plan.value.validations.map((v) => [v.range.col, v.list[0]])).toEqual([
      [1, "increase"],
      [2, "aspirational"],
    ]);
    expect(plan.value.computed[1].formulas[0]).toBe("=ALTITUDE.OKRGRADE([@Score],[@Commitment])");
  });

  it("gives each KPI reading a trend against the same KPI's previous row", () => {
    const sheet = makeSheet("KPIs", [
      ["KPI", "Floor", "Target", "Period", "Actual"],
      ["Time to hire", 45, 30, "2026-07", 50],
      ["Offer rate", 0.7, 0.9, "2026-07", 0.8],
      ["Time to hire", 45, 30, "2026-08", 38],
    ]);
    const plan = planTableConversion(sheet, recognised({ kind: "kpi", headerRow: 1, columns: { kpi: 0, floor: 1, target: 2, period: 3, actual: 4 } }), DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.computed[0].formulas[0]).toBe("=ALTITUDE.KPISTATUS([@Actual],[@Floor],[@Target])");
    // Floor above target: lower is better, so the trend is read that way.
    expect(plan.value.computed[1].formulas).toEqual(['="Flat"', '="Flat"', '=ALTITUDE.KPITREND(CHOOSE({1,2},E2,E4),"lower")']);
  });

  it("grades a key result by its objective's commitment carried down from above, as the analysis does", () => {
    const sheet = makeSheet("OKRs", [
      ["Objective", "Key result", "Commitment", "Start", "Target", "Current"],
      ["Ship payroll", "Migrate 10 clients", "committed", 0, 10, 5],
      ["", "Cut errors from 12 to 2", "", 12, 2, 5],
      ["Grow", "Reach 50 customers", "", 0, 50, 10],
    ]);
    const plan = planTableConversion(sheet, recognised({ headerRow: 1, columns: { objective: 0, keyResult: 1, commitment: 2, start: 3, target: 4, current: 5 } }), DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    // The carried commitment is written as its value: a reference to the objective's row would break on sorting.
    expect(plan.value.computed[1].formulas).toEqual(["=ALTITUDE.OKRGRADE([@Score],[@Commitment])", '=ALTITUDE.OKRGRADE([@Score],"committed")', "=ALTITUDE.OKRGRADE([@Score],[@Commitment])"]);
  });

  it("reads a continued KPI's floor and target from the row above, as the analysis does", () => {
    const sheet = makeSheet("KPIs", [
      ["KPI", "Floor", "Target", "Period", "Actual"],
      ["Time to hire", 45, 30, "2026-07", 50],
      ["", "", "", "2026-08", 38],
      ["", "", 28, "2026-09", 29],
      ["Offer rate", "", 0.9, "2026-07", 0.8],
    ]);
    const plan = planTableConversion(sheet, recognised({ kind: "kpi", headerRow: 1, columns: { kpi: 0, floor: 1, target: 2, period: 3, actual: 4 } }), DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.computed[0].formulas).toEqual([
      "=ALTITUDE.KPISTATUS([@Actual],[@Floor],[@Target])",
      "=ALTITUDE.KPISTATUS([@Actual],45,30)",
      "=ALTITUDE.KPISTATUS([@Actual],45,[@Target])",
      "=ALTITUDE.KPISTATUS([@Actual],[@Floor],[@Target])",
    ]);
    expect(plan.value.computed[1].formulas[1]).toBe('=ALTITUDE.KPITREND(CHOOSE({1,2},E2,E3),"lower")');
  });

  it("writes a carried number Excel cannot hold (Infinity) as a blank, never as text in the formula", () => {
    const sheet = makeSheet("KPIs", [
      ["KPI", "Target", "Ceiling", "Actual"],
      ["NPS", 45, Number.POSITIVE_INFINITY, 41],
      ["", "", "", 44],
    ]);
    const plan = planTableConversion(sheet, recognised({ kind: "kpi", headerRow: 1, columns: { kpi: 0, target: 1, ceiling: 2, actual: 3 } }), DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.computed[0].formulas[1]).toBe('=ALTITUDE.KPISTATUS([@Actual],"",45,"")');
  });

  it("scores each KRA person over their own run of rows", () => {
    const sheet = makeSheet("KRAs", [
      ["Employee", "Weight", "Rating"],
      ["Ana", 40, 4],
      ["", 30, 3],
      ["Ana", 30, 5],
      ["Ben", 100, 3],
    ]);
    const plan = planTableConversion(sheet, recognised({ kind: "kra", headerRow: 1, columns: { employee: 0, weight: 1, rating: 2 } }), DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.computed[0].formulas).toEqual([
      "=ALTITUDE.KRASCORE($C$2:$C$4,$B$2:$B$4)",
      "=ALTITUDE.KRASCORE($C$2:$C$4,$B$2:$B$4)",
      "=ALTITUDE.KRASCORE($C$2:$C$4,$B$2:$B$4)",
      "=ALTITUDE.KRASCORE($C$5:$C$5,$B$5:$B$5)",
    ]);
  });

  it("refuses a sheet with a header and no rows", () => {
    const plan = planTableConversion(makeSheet("OKRs", [["Key result", "Target"]]), recognised({ headerRow: 1, columns: { keyResult: 0, target: 1 } }), DEFAULT_SETTINGS);
    expect(plan).toMatchObject({ ok: false, message: expect.stringContaining("no rows") });
  });

  it.each([
    ["OKRs 2026", "Altitude_OKRs_2026"],
    ["Check-ins", "Altitude_Check_ins"],
    ["***", "Altitude_Table"],
  ])("names the table of %s %s", (sheet, name) => {
    expect(tableNameFor(sheet)).toBe(name);
  });
});
