import fc from "fast-check";
import { analyse } from "../../src/core/analyse";
import { arrangementProblems, plainArrangement, readArrangement } from "../../src/core/arrangement";
import { checkWorkbook } from "../../src/core/checks";
import type { ColumnMapping, RawCell, SheetArrangement } from "../../src/core/model";
import { guessArrangement, parseWorkbook } from "../../src/core/parse";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";
import { LAYOUTS } from "../fixtures/layouts";
import { compareReading, readLayout, type SkippedRow } from "../fixtures/layouts/read";
import { makeSheet } from "../support/builders";

const arranged = (over: Partial<SheetArrangement>): SheetArrangement => ({ ...plainArrangement(), ...over });
const mapped = (rows: RawCell[][], mapping: ColumnMapping, asOf = "2026-08-15") =>
  parseWorkbook([makeSheet("Sheet", rows)], { settings: DEFAULT_SETTINGS, asOf, mappings: { Sheet: { ...mapping, version: 2 } } });

describe("arrangementProblems", () => {
  const kpi: ColumnMapping = { kind: "kpi", headerRow: 3, columns: { kpi: 0, target: 1 } };
  it.each<[string, ColumnMapping, SheetArrangement, string[]]>([
    ["a plain arrangement", kpi, plainArrangement(), []],
    ["a group row above the header", kpi, arranged({ groupRow: 2 }), []],
    ["a group row that is the header row", kpi, arranged({ groupRow: 3 }), ["The group row (3) must be above the header row (3)."]],
    ["a form cell for a field with a column", kpi, arranged({ formFields: { target: "B1" } }), ["Target is read from a column already; choose a column or a form cell, not both."]],
    ["a form cell that is no cell", kpi, arranged({ formFields: { owner: "the top" } }), ["The form cell of Owner (the top) is not a cell address such as B3."]],
    ["a form cell in the header row", kpi, arranged({ formFields: { owner: "D3" } }), ["The form cell of Owner (D3) is in the header row."]],
    ["one period column", kpi, arranged({ periodColumns: [4] }), ["Choose at least two period columns, or none."]],
    ["a period column read as a field", kpi, arranged({ periodColumns: [1, 2, 3] }), ["Column B is read as a field already; a period column holds one figure per period."]],
    [
      "period columns on a KRA sheet",
      { kind: "kra", headerRow: 1, columns: { area: 0, weight: 1 } },
      arranged({ periodColumns: [2, 3] }),
      ["Period columns are read on OKR and KPI sheets, not on KRAs sheets."],
    ],
  ])("%s", (_name, mapping, arrangement, problems) => {
    expect(arrangementProblems(mapping, arrangement)).toEqual(problems);
  });
});

describe("readArrangement", () => {
  it.each<[string, unknown, Partial<SheetArrangement>, string[]]>([
    ["a whole arrangement", { groupRow: 2, headingRows: false, formFields: { owner: "b1" }, periodColumns: [5, 3, 4], year: 2025 }, { groupRow: 2, headingRows: false, formFields: { owner: "B1" }, periodColumns: [3, 4, 5], year: 2025 }, []],
    ["not an object", "rows 1-2", {}, ["its arrangement is not an object; reading the sheet by its header row and columns alone"]],
    ["a group row of zero", { groupRow: 0 }, {}, ["its group row is not a row number; reading a one-row header"]],
    ["heading rows as text", { headingRows: "yes" }, {}, ["its heading rows setting is not true or false; reading lone lines as headings"]],
    ["a form field that is no field", { formFields: { salary: "B2", owner: "B3" } }, { formFields: { owner: "B3" } }, ['its form field "salary" at "B2" is not a field and cell of the sheet; leaving it out']],
    ["a form cell that is no cell", { formFields: { owner: "row 3" } }, {}, ['its form field "owner" at "row 3" is not a field and cell of the sheet; leaving it out']],
    ["period columns as a range", { periodColumns: "D:O" }, {}, ["its period columns are not a list of columns; reading without period columns"]],
    ["a period column twice", { periodColumns: [3, 3] }, {}, ["its period columns are not a list of columns; reading without period columns"]],
    ["a year of 26", { year: 26 }, {}, ["its year is not a year such as 2026; reading the year from the sheet"]],
  ])("%s", (_name, stored, expected, issues) => {
    const read = readArrangement("kpi", stored);
    expect(read.arrangement).toEqual(arranged(expected));
    expect(read.issues).toEqual(issues);
  });

  it("never throws, and what it keeps is always usable (property)", () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom("okr" as const, "kpi" as const, "kra" as const, "checkins" as const), (stored, kind) => {
        const { arrangement } = readArrangement(kind, stored);
        expect(arrangement.groupRow === null || (Number.isInteger(arrangement.groupRow) && arrangement.groupRow >= 1)).toBe(true);
        expect(typeof arrangement.headingRows).toBe("boolean");
        for (const address of Object.values(arrangement.formFields)) expect(address).toMatch(/^[A-Z]{1,3}\d+$/);
        expect(arrangement.periodColumns.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
      }),
    );
  });
});

describe("reading with a saved arrangement", () => {
  it("reads months under a year written in the group row above the header", () => {
    const parsed = mapped(
      [
        ["", "", "2025", "", ""],
        ["Metric", "Goal", "Jan", "Feb", "Mar"],
        ["Uptime", 0.999, 0.998, 0.9995, ""],
      ],
      { kind: "kpi", headerRow: 2, columns: { kpi: 0, target: 1 }, arrangement: arranged({ groupRow: 1, periodColumns: [2, 3, 4] }) },
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.kpis.map((k) => [k.kpi, k.period?.label, k.actual, k.cells.actual])).toEqual([
      ["Uptime", "2025-01", 0.998, "C3"],
      ["Uptime", "2025-02", 0.9995, "D3"],
    ]);
  });

  it("takes the arrangement's year over the title's", () => {
    const parsed = mapped([["Plan 2023"], ["KPI", "Target", "Q1", "Q2"], ["Leads", 100, 90, 120]], {
      kind: "kpi",
      headerRow: 2,
      columns: { kpi: 0, target: 1 },
      arrangement: arranged({ periodColumns: [2, 3], year: 2026 }),
    });
    expect(parsed.kpis.map((k) => k.period?.label)).toEqual(["2026-Q1", "2026-Q2"]);
  });

  it("reads no period columns when the person chose none, though the header looks like months", () => {
    const parsed = mapped([["KPI", "Target", "Jan", "Feb"], ["Leads", 100, 90, 120]], { kind: "kpi", headerRow: 1, columns: { kpi: 0, target: 1 }, arrangement: plainArrangement() });
    expect(parsed.kpis.map((k) => [k.kpi, k.actual, k.period])).toEqual([["Leads", null, null]]);
  });

  it("reads weekly grades on a key-result sheet as the latest graded week", () => {
    const parsed = mapped(
      [
        ["Objective", "Key result", "W1", "W2", "W3"],
        ["Grow", "Ship the beta", 0.2, 0.5, ""],
      ],
      { kind: "okr", headerRow: 1, columns: { objective: 0, keyResult: 1 }, arrangement: arranged({ periodColumns: [2, 3, 4] }) },
    );
    expect(parsed.keyResults.map((k) => [k.keyResult, k.current, k.cells.score])).toEqual([["Ship the beta", 0.5, "D2"]]);
  });

  it("fills fields from the form cells chosen, with the label written in the cell or beside it", () => {
    const parsed = mapped(
      [
        ["Employee Name: Ravi Kumar", "", "Manager", "Imran Ali"],
        ["Period: FY 2026"],
        ["KRA", "Weightage", "Rating"],
        ["Sales", 60, 4],
      ],
      { kind: "kra", headerRow: 3, columns: { area: 0, weight: 1, rating: 2 }, arrangement: arranged({ formFields: { employee: "A1", manager: "D1", period: "A2" } }) },
    );
    expect(parsed.kras.map((k) => [k.employee, k.manager, k.period?.label, k.cells.employee, k.cells.manager])).toEqual([["Ravi Kumar", "Imran Ali", "2026", "A1", "D1"]]);
  });

  it.each<[string, boolean, Array<[string, string]>, string[]]>([
    [
      "heading rows on: each lone line names the objective of the rows below",
      true,
      [
        ["Ship the beta", "Launch"],
        ["Sign 3 pilots", "Sell"],
      ],
      ["section heading (read as the objective of the rows below)"],
    ],
    [
      "heading rows off: lone lines are notes, and name nothing",
      false,
      [
        ["Ship the beta", ""],
        ["Sign 3 pilots", ""],
      ],
      ["section heading"],
    ],
  ])("%s", (_name, headingRows, records, reasons) => {
    const parsed = mapped(
      [
        ["Key result", "Target", "Current"],
        ["Launch:", "", ""],
        ["Ship the beta", 1, 0],
        ["Sell:", "", ""],
        ["Sign 3 pilots", 3, 1],
      ],
      { kind: "okr", headerRow: 1, columns: { keyResult: 0, target: 1, current: 2 }, arrangement: arranged({ headingRows }) },
    );
    expect(parsed.keyResults.map((k) => [k.keyResult, k.objective])).toEqual(records);
    expect(parsed.skipped.map((s) => s.reason)).toEqual(reasons);
  });

  it("skips a header repeated under each objective heading, and reads each section's objective", () => {
    const parsed = mapped(
      [
        ["Objective 1: Grow"],
        ["Key result", "Target", "Current"],
        ["Reach 50 customers", 50, 20],
        [""],
        ["Objective 2: Keep"],
        ["Why this matters: churn"],
        ["Key result", "Target", "Current"],
        ["Renew 90%", 0.9, 0.8],
      ],
      { kind: "okr", headerRow: 2, columns: { keyResult: 0, target: 1, current: 2 }, arrangement: plainArrangement() },
    );
    expect(parsed.keyResults.map((k) => [k.row, k.keyResult, k.objective])).toEqual([
      [3, "Reach 50 customers", "Grow"],
      [8, "Renew 90%", "Keep"],
    ]);
    expect(parsed.skipped).toEqual(
      expect.arrayContaining([
        { sheet: "Sheet", rows: [7], reason: "the header repeated for the next section" },
        expect.objectContaining({ rows: expect.arrayContaining([5, 6]) }),
      ]),
    );
  });

  it("gives one reading per filled period cell, with its column's month and the arrangement's year, whatever is filled (property)", () => {
    const cell = fc.oneof(fc.constant<RawCell>(""), fc.integer({ min: 0, max: 1000 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 2000, max: 2040 }), (rows, year) => {
        const sheet: RawCell[][] = [["Line", "Goal", "Apr", "May", "Jun", "Jul"], ...rows.map((r, i) => [`Line ${i + 1}`, 10, ...r])];
        const parsed = mapped(sheet, { kind: "kpi", headerRow: 1, columns: { kpi: 0, target: 1 }, arrangement: arranged({ periodColumns: [2, 3, 4, 5], year }) });
        let filled = 0;
        for (const r of rows) for (const c of r) if (c !== "") filled++;
        expect(parsed.problems).toEqual([]);
        expect(parsed.kpis).toHaveLength(filled);
        for (const k of parsed.kpis) {
          const col = k.cells.actual!.charCodeAt(0) - 65;
          expect(k.actual).toBe(sheet[k.row - 1][col]);
          expect(k.period?.label).toBe(`${year}-${String(col + 2).padStart(2, "0")}`);
        }
      }),
    );
  });

  it("reads a mapping saved before arrangements existed (version 1) as it always did", () => {
    const rows: RawCell[][] = [["Objective 1: Grow"], ["Key result", "Target", "Current"], ["Reach 50 customers", 50, 20]];
    const parsed = parseWorkbook([makeSheet("Sheet", rows)], { settings: DEFAULT_SETTINGS, mappings: { Sheet: { kind: "okr", headerRow: 2, columns: { keyResult: 0, target: 1, current: 2 } } } });
    expect(parsed.keyResults.map((k) => [k.keyResult, k.objective, k.current])).toEqual([["Reach 50 customers", "Grow", 20]]);
  });
});

describe("the reader's guess of an arrangement", () => {
  const skippedRows = (parsed: ReturnType<typeof parseWorkbook>): SkippedRow[] => parsed.skipped.flatMap((s) => s.rows.map((row) => ({ sheet: s.sheet, row, reason: s.reason })));
  const readRight = LAYOUTS.filter((layout) => compareReading(layout, readLayout(layout)).length === 0);

  // Saving what recognition guessed must never read a sheet worse than recognition itself.
  it.each(readRight.map((layout) => [layout.id, layout] as const))("%s: saved as guessed, it reads the same figures", (_id, layout) => {
    const mappings: Record<string, ColumnMapping> = {};
    for (const sheet of layout.sheets) {
      const guess = guessArrangement(sheet);
      if (guess?.complete) mappings[sheet.name] = guess.mapping;
    }
    const settings = withDefaults(layout.settings);
    const parsed = parseWorkbook(layout.sheets, { settings, asOf: layout.asOf, mappings });
    const analysis = analyse(parsed, settings, layout.asOf);
    const findings = checkWorkbook(parsed, analysis, { settings, asOf: layout.asOf });
    expect(compareReading(layout, { parsed, analysis, findings, skipped: skippedRows(parsed) })).toEqual([]);
  });

  it.each<[string, string, boolean]>([
    ["months under a merged group", "19-kpi-months-as-columns-annual", true],
    ["a monthly planner with the target above", "25-kpi-monthly-planner-year-in-title", true],
    ["a tool's numbered key-result groups", "03-culture-amp-numbered-key-results", false],
    ["sections whose Owner column moves", "04-kpi-tracker-sections-owner-moves", false],
  ])("%s (%s): complete is %s", (_name, id, complete) => {
    const layout = LAYOUTS.find((l) => l.id === id);
    expect(guessArrangement(layout!.sheets[0])?.complete).toBe(complete);
  });

  it("guesses the group row, the period columns and the form cell of a monthly planner", () => {
    const layout = LAYOUTS.find((l) => l.id === "25-kpi-monthly-planner-year-in-title");
    expect(guessArrangement(layout!.sheets[0])?.mapping).toEqual({
      kind: "kpi",
      headerRow: 3,
      columns: { kpi: 0 },
      version: 2,
      arrangement: { groupRow: null, headingRows: true, formFields: { target: "B1" }, periodColumns: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], year: null },
    });
  });
});

describe("what recognition is unsure of", () => {
  const doubts = (rows: RawCell[][]) => parseWorkbook([makeSheet("Sheet", rows)], { settings: DEFAULT_SETTINGS }).sheets[0]?.doubts?.map((d) => [d.about, d.message, d.candidates]);

  it.each<[string, RawCell[][], Array<[string, string, number[]]>]>([
    ["a tidy sheet", [["Objective", "Key result", "Owner", "Start", "Target", "Current"], ["Grow", "Reach 50", "Ana", 0, 50, 20]], []],
    [
      "two rows that could be the header",
      [["Objective", "Key result", "Target"], ["Goal", "KR", "Target", "Current"], ["Grow", "Reach 50", 50, 20]],
      [["header-row", "row 2 could also be the header; read from row 1.", [2]]],
    ],
    [
      "two name columns",
      [["Objective", "Key result", "Key results", "Owner", "Target", "Current"], ["Grow", "Reach 50", "Reach 60", "Ana", 50, 20]],
      [["name-column", "Column B (Key result) and C (Key results) could each be the Key result; read from B.", [2]]],
    ],
    [
      "month columns with no year anywhere",
      [["KPI", "Owner", "Target", "Jan", "Feb"], ["NPS", "Ana", 45, 40, 41]],
      [["year", "No year is written for the period columns; read as the year of the as-of date.", []]],
    ],
    [
      "a header of months over blank-headed names",
      [["", "Jan", "Feb", "Mar"], ["Revenue", 10, 12, 13]],
      [
        ["kind", "Read as KPIs from few column names (confidence 40%); check the kind and columns.", []],
        ["year", "No year is written for the period columns; read as the year of the as-of date.", []],
      ],
    ],
  ])("%s", (_name, rows, expected) => {
    expect(doubts(rows)).toEqual(expected);
  });

  it("asks nothing about a sheet the person mapped", () => {
    const parsed = mapped([["", "Jan", "Feb", "Mar"], ["Revenue", 10, 12, 13]], { kind: "kpi", headerRow: 1, columns: { kpi: 0 }, arrangement: arranged({ periodColumns: [1, 2, 3] }) });
    expect(parsed.sheets[0].doubts).toEqual([]);
  });
});
