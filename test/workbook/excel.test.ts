import fc from "fast-check";
import type { RawCell } from "../../src/core/model";
import type { OutputPlan, PlanValue, SheetPlan } from "../../src/core/plan";
import { uniqueTableName } from "../../src/core/sheet-names";
import { createExcelWorkbook, STATE_PIECE } from "../../src/workbook/excel";
import { asTypedText, columnWidthPoints } from "../../src/workbook/excel-writer";
import { createFakeExcel, type FakeExcel, type FakeSheetInput } from "../../src/hosts/excel-stand-in";
import { STATE_SHEET, WorkbookError, type StoredState } from "../../src/workbook/port";

const FOUR_MB = 4 * 1024 * 1024;

function makeRows(count: number, cols = 5, prefix = "r"): PlanValue[][] {
  return Array.from({ length: count }, (_, r) => Array.from({ length: cols }, (__, c) => (c === 0 ? r : `${prefix}${r}c${c}`)));
}

function makeSheetPlan(overrides: Partial<SheetPlan> = {}): SheetPlan {
  return { key: "rollup", name: "Rollup 2026-Q3", blocks: [], ...overrides };
}

function makePlan(...sheets: SheetPlan[]): OutputPlan {
  return { sheets };
}

function userSheets(): FakeSheetInput[] {
  return [
    { name: "OKRs", values: [["Objective", "Key result", "Current"], ["Grow", "ARR to 5M", 3.2]] },
    { name: "KPIs", values: [["KPI", "Actual"], ["NPS", 47]], numberFormats: [["General", "General"], ["General", "0"]] },
  ];
}

function setUp(sheets: FakeSheetInput[] = userSheets(), options?: Parameters<typeof createFakeExcel>[1]) {
  const fake = createFakeExcel({ sheets }, options);
  const workbook = createExcelWorkbook(fake.Excel);
  return { fake, workbook };
}

function snapshot(fake: FakeExcel, names: string[]): Record<string, RawCell[][]> {
  return Object.fromEntries(names.map((name) => [name, fake.getSheet(name)?.values ?? []]));
}

describe("sheetNames", () => {
  it("lists visible sheets in tab order in one round trip, without the state sheet or hidden sheets", async () => {
    const { fake, workbook } = setUp([
      ...userSheets(),
      { name: "Secret", values: [["x"]], visibility: "Hidden" },
      { name: STATE_SHEET, values: [["{}"]], visibility: "VeryHidden" },
    ]);
    await expect(workbook.sheetNames()).resolves.toEqual(["OKRs", "KPIs"]);
    expect(fake.stats.syncs).toBe(1);
    expect(workbook.roundTrips).toBe(1);
  });
});

describe("readSheets", () => {
  it.each([
    ["10 rows in three round trips: sheets, sizes, cells", 10, 3],
    ["10,000 rows in four: sheets, sizes, a probe, then the rest measured", 10_000, 4],
  ])("reads %s, with their origin and number formats", async (_name, count, trips) => {
    const values: RawCell[][] = [["Period", "Owner", "Score"], ...Array.from({ length: count }, (_, r) => ["2026-Q3", `Owner ${r}`, r / 100])];
    const { fake, workbook } = setUp([
      { name: "OKRs", values, origin: { row: 2, col: 1 }, numberFormats: values.map((_, r) => ["@", "General", r === 0 ? "General" : "0%"]) },
      { name: "Blank", values: [] },
    ]);
    const [okrs, blank] = await workbook.readSheets();
    expect(okrs.name).toBe("OKRs");
    expect(okrs.origin).toEqual({ row: 2, col: 1 });
    expect(okrs.values).toEqual(values);
    expect(okrs.numberFormats?.[count]).toEqual(["@", "General", "0%"]);
    expect(blank).toEqual({ name: "Blank", values: [], numberFormats: [], origin: { row: 0, col: 0 } });
    expect(fake.stats.syncs).toBe(trips);
    expect(workbook.roundTrips).toBe(trips);
  });

  // "Resource limits and performance optimization for Office Add-ins": Excel on the web refuses a
  // response over 5 MB (ResponsePayloadSizeLimitExceeded), measured in bytes, not characters.
  // https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
  it.each([
    ["ASCII text", "x", 11],
    ["text of three-byte characters (UTF-8, not UTF-16, counts)", "€", 27],
  ])("reads 20,000 rows × 10 cells of 120 characters of %s under the 5 MB response cap (Resource limits and performance optimization)", async (_name, char, most) => {
    const text = char.repeat(120);
    const row = Array.from({ length: 10 }, () => text);
    const values: RawCell[][] = Array.from({ length: 20_000 }, () => row);
    const { fake, workbook } = setUp([{ name: "Notes", values }]);
    const [notes] = await workbook.readSheets();
    expect(notes.values).toHaveLength(20_000);
    expect(notes.values[19_999]).toEqual(row);
    expect(fake.stats.largestResponseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    // Sheet list, sizes, the probe, then chunks of about 4 MB each: none refused.
    expect(fake.stats.syncs).toBeLessThanOrEqual(most);
    expect(workbook.roundTrips).toBe(fake.stats.syncs);
  });

  it("asks again with half the rows when Excel refuses a response for its size (rows heavier further down)", async () => {
    const light = Array.from({ length: 10 }, () => "x");
    const heavy = Array.from({ length: 10 }, () => "€".repeat(400));
    const values: RawCell[][] = Array.from({ length: 6_000 }, (_, r) => (r < 1_000 ? light : heavy));
    const { fake, workbook } = setUp([{ name: "Notes", values }]);
    const [notes] = await workbook.readSheets();
    expect(notes.values).toHaveLength(6_000);
    expect(notes.values[5_999]).toEqual(heavy);
    expect(notes.values[999]).toEqual(light);
    const refused = fake.stats.requests.filter((request) => request.responseBytes > 5 * 1024 * 1024);
    expect(refused.length).toBeGreaterThan(0);
  });

  it("reads only the named sheets, matching names without regard to case", async () => {
    const { workbook } = setUp();
    const sheets = await workbook.readSheets(["kpis"]);
    expect(sheets.map((sheet) => sheet.name)).toEqual(["KPIs"]);
    expect(sheets[0].values).toEqual([["KPI", "Actual"], ["NPS", 47]]);
  });

  it("reports a missing sheet as a WorkbookError", async () => {
    const { workbook } = setUp();
    await expect(workbook.readSheets(["Nope"])).rejects.toMatchObject({ name: "WorkbookError", code: "ItemNotFound" });
  });

  it("reads a sheet larger than one response in row chunks, each response within the cap", async () => {
    const values: RawCell[][] = Array.from({ length: 3_000 }, (_, r) => [r, `name ${r}`, `team ${r % 7}`, r * 1.5]);
    const fake = createFakeExcel({ sheets: [{ name: "Big", values, origin: { row: 4, col: 2 } }] }, { responseLimitBytes: 100_000 });
    const workbook = createExcelWorkbook(fake.Excel, { payloadBudgetBytes: 80_000 });
    const [big] = await workbook.readSheets();
    expect(big.values).toEqual(values);
    expect(big.origin).toEqual({ row: 4, col: 2 });
    expect(big.numberFormats).toHaveLength(values.length);
    expect(fake.stats.requests.length).toBeGreaterThan(3);
    // Sizes are read first, so no request is ever refused for its size.
    expect(fake.stats.requests.filter((request) => request.responseBytes > 100_000)).toHaveLength(0);
  });

  it("sizes later chunks from the rows already read, so light rows take fewer round trips than the worst case", async () => {
    const values: RawCell[][] = Array.from({ length: 3_000 }, (_, r) => [r, `name ${r}`, `team ${r % 7}`, r * 1.5]);
    const fake = createFakeExcel({ sheets: [{ name: "Big", values }] }, { responseLimitBytes: 100_000 });
    const workbook = createExcelWorkbook(fake.Excel, { payloadBudgetBytes: 80_000 });
    const [big] = await workbook.readSheets();
    expect(big.values).toEqual(values);
    // Worst-case sizing (100 bytes a cell) would need 15 chunk requests after the sheet list and the dimensions.
    expect(fake.stats.syncs).toBeLessThanOrEqual(2 + 8);
    expect(fake.stats.requests.filter((request) => request.responseBytes > 100_000)).toHaveLength(0);
  });
});

describe("writeSheets", () => {
  const tablePlan = (count: number) =>
    makePlan(
      makeSheetPlan({
        blocks: [
          { kind: "cells", at: { row: 0, col: 0 }, values: [["Quarterly rollup"]], style: { bold: true, fontSize: 14 } },
          { kind: "table", at: { row: 2, col: 0 }, name: "Teams", headers: ["Row", "Team", "Owner", "Objective", "Grade"], rows: makeRows(count), columnFormats: ["0", null, null, null, null] },
          { kind: "formulas", at: { row: 2, col: 6 }, formulas: [["=COUNTA(A:A)"]] },
        ],
        columnWidths: [8, 20],
        freeze: { rows: 3, cols: 0 },
      }),
    );

  it("takes the same number of round trips for 10 rows and for 10,000 rows", async () => {
    const small = setUp();
    const large = setUp();
    await small.workbook.writeSheets(tablePlan(10));
    await large.workbook.writeSheets(tablePlan(10_000));
    expect(large.fake.stats.syncs).toBe(small.fake.stats.syncs);
    expect(small.fake.stats.syncs).toBe(2);
    expect(large.fake.getSheet("Rollup 2026-Q3")?.cell("B10003").value).toBe("r9999c1");
  });

  it("writes values, tables, formulas and layout, with calculation and screen updating suspended", async () => {
    const { fake, workbook } = setUp();
    const result = await workbook.writeSheets(tablePlan(3));
    expect(result).toEqual({ names: { rollup: "Rollup 2026-Q3" } });
    const sheet = fake.getSheet("Rollup 2026-Q3");
    expect(sheet?.range("A3:E4").values).toEqual([["Row", "Team", "Owner", "Objective", "Grade"], [0, "r0c1", "r0c2", "r0c3", "r0c4"]]);
    expect(sheet?.cell("A4").numberFormat).toBe("0");
    expect(sheet?.cell("G3").formula).toBe("=COUNTA(A:A)");
    expect(sheet?.tables).toEqual([expect.objectContaining({ name: "Teams", address: "'Rollup 2026-Q3'!A3:E6", headers: ["Row", "Team", "Owner", "Objective", "Grade"] })]);
    expect(sheet?.styles).toEqual(expect.arrayContaining([{ address: "'Rollup 2026-Q3'!A1", property: "font.bold", value: true }]));
    expect(sheet?.columnWidths).toEqual({ A: columnWidthPoints(8), B: columnWidthPoints(20) });
    expect(sheet?.freeze).toEqual({ rows: 3, cols: 0 });
    expect(fake.stats.calculationSuspensions).toBeGreaterThanOrEqual(1);
    expect(fake.stats.screenUpdatingSuspensions).toBeGreaterThanOrEqual(1);
    expect(fake.activeSheet()).toBe("Rollup 2026-Q3");
  });

  it("lays out a deferred sheet (a review's person) only when it comes to it, in tab order, with the same round trips", async () => {
    const { fake, workbook } = setUp();
    const laidOut: string[] = [];
    const person = (i: number): SheetPlan => ({
      key: `person:${i}`,
      name: `Person ${i} 2026`,
      blocks: [
        { kind: "cells", at: { row: 0, col: 0 }, values: [[`Person ${i}`]] },
        { kind: "link", at: { row: 1, col: 0 }, text: "Back", target: { key: "index" } },
      ],
    });
    const plan: OutputPlan = {
      sheets: [
        { key: "index", name: "Reviews 2026", blocks: [{ kind: "link", at: { row: 0, col: 0 }, text: "Open", target: { key: "person:2" } }] },
        ...[1, 2].map((i) => ({ key: `person:${i}`, name: `Person ${i} 2026`, layout: () => (laidOut.push(`Person ${i}`), person(i)) })),
      ],
    };
    const progress: string[] = [];
    const result = await workbook.writeSheets(plan, { onProgress: (p) => progress.push(p.sheet) });
    expect(laidOut).toEqual(["Person 1", "Person 2"]);
    expect(result.names).toEqual({ index: "Reviews 2026", "person:1": "Person 1 2026", "person:2": "Person 2 2026" });
    expect(fake.getSheet("Person 2 2026")?.cell("A1").value).toBe("Person 2");
    expect(progress).toEqual(["Reviews 2026", "Person 1 2026", "Person 2 2026"]);
    expect(fake.stats.syncs).toBe(2);
  });

  it("splits a plan whose values pass 4 MB so that no request passes 4 MB", async () => {
    const { fake, workbook } = setUp();
    const rows = makeRows(60_000, 8, "a fairly long piece of text ");
    await workbook.writeSheets(makePlan(makeSheetPlan({ blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: rows }] })));
    expect(fake.stats.requests.length).toBeGreaterThan(3);
    expect(fake.stats.largestRequestBytes).toBeLessThanOrEqual(FOUR_MB);
    const sheet = fake.getSheet("Rollup 2026-Q3");
    expect(sheet?.used).toEqual({ row: 0, col: 0, rows: 60_000, cols: 8 });
    expect(sheet?.range("A60000:B60000").values).toEqual([[59_999, "a fairly long piece of text 59999c1"]]);
  });

  it.each([
    ["the second sheet cannot be added", { operation: "worksheets.add", nth: 2 }],
    ["a late request fails", { sync: 3 }],
    ["a table name is refused", { operation: "table.name", code: "InvalidArgument" }],
  ])("removes every sheet it created when %s and leaves the user's sheets as they were", async (_name, failure) => {
    const { fake, workbook } = setUp();
    const before = snapshot(fake, ["OKRs", "KPIs"]);
    fake.failOn(failure);
    const plan = makePlan(
      makeSheetPlan({ key: "index", name: "Reviews 2026", blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: makeRows(40_000, 8, "long enough text to fill requests ") }] }),
      makeSheetPlan({ key: "ana", name: "Ana Lopez", blocks: [{ kind: "table", at: { row: 0, col: 0 }, name: "Areas", headers: ["Area"], rows: [["Hiring"]] }] }),
    );
    const outcome = workbook.writeSheets(plan);
    await expect(outcome).rejects.toBeInstanceOf(WorkbookError);
    expect(fake.sheetNames()).toEqual(["OKRs", "KPIs"]);
    expect(snapshot(fake, ["OKRs", "KPIs"])).toEqual(before);
  });

  it("gives the error a plain message and Excel's code", async () => {
    const { fake, workbook } = setUp();
    fake.failOn({ operation: "worksheets.add", code: "AccessDenied" });
    await expect(workbook.writeSheets(makePlan(makeSheetPlan()))).rejects.toMatchObject({
      code: "AccessDenied",
      message: expect.stringMatching(/^The workbook is protected or read-only/),
    });
  });

  it.each([
    ["an exact name", ["Rollup 2026-Q3"], "Rollup 2026-Q3 (2)"],
    ["a name in other case", ["rollup 2026-q3"], "Rollup 2026-Q3 (2)"],
    ["two earlier rollups", ["Rollup 2026-Q3", "Rollup 2026-Q3 (2)"], "Rollup 2026-Q3 (3)"],
  ])("chooses a free name when the workbook has %s", async (_name, existing, expected) => {
    const { fake, workbook } = setUp(existing.map((name) => ({ name, values: [["mine"]] })));
    const result = await workbook.writeSheets(makePlan(makeSheetPlan()));
    expect(result.names.rollup).toBe(expected);
    expect(fake.sheetNames()).toEqual([...existing, expected]);
    expect(fake.getSheet(existing[0])?.values).toEqual([["mine"]]);
  });

  const injections = [
    ["a HYPERLINK formula", '=HYPERLINK("http://x","y")'],
    ["a DDE command", "+cmd|'/c calc'!A0"],
    ["arithmetic", "-1+1"],
    ["an implicit intersection", "@SUM(A1)"],
    ["a leading tab", "\t=1+1"],
    ["a number-like identifier", "007"],
    ["a month and year Excel reads as a date", "Jan 2026"],
    ["a time", "12:30"],
    ["a mixed fraction", "1 1/2"],
    ["an accountant's negative", "(100)"],
    ["a percentage", "45%"],
    ["an error literal", "#N/A"],
    ["text that starts with an apostrophe", "'quoted"],
  ];

  // Excel.Range.values: https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member
  it.each(injections)("writes %s from user text as text behind the apostrophe guard, in cells, tables and links (Excel.Range.values)", async (_name, text) => {
    const { fake, workbook } = setUp();
    await workbook.writeSheets(
      makePlan(
        makeSheetPlan({
          blocks: [
            { kind: "cells", at: { row: 0, col: 0 }, values: [["Objective", text]] },
            { kind: "table", at: { row: 2, col: 0 }, name: "Objectives", headers: ["Objective"], rows: [[text]] },
            { kind: "link", at: { row: 6, col: 0 }, text, target: { sheet: "OKRs" } },
          ],
        }),
      ),
    );
    const sheet = fake.getSheet("Rollup 2026-Q3");
    for (const address of ["B1", "A4", "A7"]) {
      expect(sheet?.cell(address)).toMatchObject({ value: text, formula: null, numberFormat: "General" });
    }
  });

  it("keeps any user string as the same text (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }), async (texts) => {
        const { fake, workbook } = setUp();
        await workbook.writeSheets(makePlan(makeSheetPlan({ blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: [texts] }] })));
        const written = fake.getSheet("Rollup 2026-Q3")?.range(`A1:${String.fromCharCode(64 + texts.length)}1`);
        expect(written?.formulas[0].every((formula) => formula === null)).toBe(true);
        expect(written?.values[0]).toEqual(texts);
      }),
      { numRuns: 60 },
    );
  });

  it("resolves links to the final names of planned sheets", async () => {
    const { fake, workbook } = setUp([...userSheets(), { name: "Ana Lopez", values: [["taken"]] }]);
    const result = await workbook.writeSheets({
      sheets: [
        makeSheetPlan({ key: "index", name: "Reviews 2026", blocks: [{ kind: "link", at: { row: 1, col: 0 }, text: "Ana Lopez", target: { key: "person:ana" }, cell: "B2" }] }),
        makeSheetPlan({ key: "person:ana", name: "Ana Lopez", blocks: [{ kind: "link", at: { row: 0, col: 0 }, text: "Back", target: { key: "index" } }] }),
      ],
      activate: "index",
    });
    expect(result.names).toEqual({ index: "Reviews 2026", "person:ana": "Ana Lopez (2)" });
    expect(fake.getSheet("Reviews 2026")?.cell("A2").hyperlink).toEqual({ documentReference: "'Ana Lopez (2)'!B2", textToDisplay: "Ana Lopez" });
    expect(fake.getSheet("Ana Lopez (2)")?.cell("A1").hyperlink).toEqual({ documentReference: "'Reviews 2026'!A1", textToDisplay: "Back" });
    expect(fake.activeSheet()).toBe("Reviews 2026");
  });

  it("refuses a link to a key the plan does not write, adding nothing", async () => {
    const { fake, workbook } = setUp();
    const plan = makePlan(makeSheetPlan({ blocks: [{ kind: "link", at: { row: 0, col: 0 }, text: "x", target: { key: "missing" } }] }));
    await expect(workbook.writeSheets(plan)).rejects.toMatchObject({ code: "InvalidPlan" });
    expect(fake.sheetNames()).toEqual(["OKRs", "KPIs"]);
  });

  it("writes conditional formats, charts, validation lists and the tab colour", async () => {
    const { fake, workbook } = setUp();
    await workbook.writeSheets(
      makePlan(
        makeSheetPlan({
          tabColor: "#1F6FB2",
          blocks: [
            { kind: "cells", at: { row: 0, col: 0 }, values: [["Grade", "Count"], ["Green", 3], ["Red", 1]] },
            { kind: "conditional", range: { row: 1, col: 0, rows: 2, cols: 1 }, rules: [{ equals: 'Say "Green"', fill: "#C6EFCE", fontColor: "#006100" }] },
            { kind: "chart", chartType: "pie", title: "Grades", data: { row: 0, col: 0, rows: 3, cols: 2 }, at: { row: 0, col: 4 }, size: { rows: 10, cols: 6 }, pointColors: ["#63BE7B", "#F8696B"] },
            { kind: "validation", range: { row: 1, col: 2, rows: 5, cols: 1 }, list: ["increase", "decrease"] },
          ],
        }),
      ),
    );
    const sheet = fake.getSheet("Rollup 2026-Q3");
    expect(sheet?.tabColor).toBe("#1F6FB2");
    expect(sheet?.conditionalFormats).toEqual([
      { address: "'Rollup 2026-Q3'!A2:A3", type: "CellValue", rule: { formula1: '="Say ""Green"""', operator: "EqualTo" }, fill: "#C6EFCE", fontColor: "#006100" },
    ]);
    expect(sheet?.charts).toEqual([
      expect.objectContaining({ type: "Pie", title: "Grades", source: "'Rollup 2026-Q3'!A1:B3", position: { start: "E1", end: "J10" }, pointColors: ["#63BE7B", "#F8696B"] }),
    ]);
    expect(sheet?.validations).toEqual([{ address: "'Rollup 2026-Q3'!C2:C6", rule: { list: { inCellDropDown: true, source: "increase,decrease" } } }]);
  });

  it("makes table names unique in the workbook", async () => {
    const { fake, workbook } = setUp();
    const table = { kind: "table" as const, at: { row: 0, col: 0 }, name: "Team scores", headers: ["Team"], rows: [["Ops"]] };
    await workbook.writeSheets(makePlan(makeSheetPlan({ key: "a", name: "A", blocks: [table] }), makeSheetPlan({ key: "b", name: "B", blocks: [table] })));
    expect([fake.getSheet("A")?.tables[0].name, fake.getSheet("B")?.tables[0].name]).toEqual(["Team_scores", "Team_scores_2"]);
  });

  it("reports progress after each sheet", async () => {
    const { workbook } = setUp();
    const progress: unknown[] = [];
    await workbook.writeSheets(makePlan(makeSheetPlan({ key: "a", name: "A" }), makeSheetPlan({ key: "b", name: "B" })), { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { done: 1, total: 2, sheet: "A" },
      { done: 2, total: 2, sheet: "B" },
    ]);
  });
});

describe("uniqueTableName", () => {
  it.each([
    ["spaces become underscores", "Team scores", [], "Team_scores"],
    ["a leading digit is dropped", "2026 rollup", [], "rollup"],
    ["a cell-like name is prefixed", "KR1", [], "T_KR1"],
    ["a taken name gets a number", "Teams", ["teams"], "Teams_2"],
    ["nothing usable", "!!!", [], "Table"],
  ])("%s", (_name, wanted, taken, expected) => {
    expect(uniqueTableName(wanted, new Set(taken))).toBe(expected);
  });
});

describe("asTypedText", () => {
  it.each([
    ["a formula", "=1+1", "'=1+1"],
    ["a date Excel would coerce", "Jan 2026", "'Jan 2026"],
    ["plain words, since coercion follows the user's locale", "Grow revenue", "'Grow revenue"],
    ["text already starting with an apostrophe keeps it after the guard", "'x", "''x"],
    ["the empty string stays empty", "", ""],
  ])("%s", (_name, text, expected) => {
    expect(asTypedText(text)).toBe(expected);
  });
});

describe("state", () => {
  it("round-trips through a very hidden sheet", async () => {
    const { fake, workbook } = setUp();
    await expect(workbook.readState()).resolves.toEqual({});
    const state: StoredState = { settings: { scoreCap: 1.5 }, mappings: { OKRs: { kind: "okr", headerRow: 1, columns: { objective: 0 } } } };
    await workbook.writeState(state);
    await expect(workbook.readState()).resolves.toEqual(state);
    expect(fake.getSheet(STATE_SHEET)?.visibility).toBe("VeryHidden");
    await expect(workbook.sheetNames()).resolves.toEqual(["OKRs", "KPIs"]);
  });

  it("splits long state across cells of column A and replaces it on the next write", async () => {
    const { fake, workbook } = setUp();
    const long: StoredState = { mappings: { ["=".repeat(STATE_PIECE * 2 + 10)]: { kind: "kpi", headerRow: 2, columns: {} } } };
    await workbook.writeState(long);
    const sheet = fake.getSheet(STATE_SHEET);
    expect(sheet?.used).toEqual({ row: 0, col: 0, rows: 3, cols: 1 });
    expect(sheet?.cell("A2")).toMatchObject({ formula: null, prefixed: true });
    await expect(workbook.readState()).resolves.toEqual(long);
    await workbook.writeState({});
    expect(fake.getSheet(STATE_SHEET)?.used).toEqual({ row: 0, col: 0, rows: 1, cols: 1 });
    await expect(workbook.readState()).resolves.toEqual({});
  });

  it("reads unreadable state as empty", async () => {
    const { workbook } = setUp([...userSheets(), { name: STATE_SHEET, values: [["not json"]], visibility: "VeryHidden" }]);
    await expect(workbook.readState()).resolves.toEqual({
      problems: [expect.objectContaining({ sheet: STATE_SHEET, cell: "A1", code: "state-invalid", message: "the stored settings and mappings are not readable; using the defaults" })],
    });
  });
});

describe("appendRows", () => {
  it("writes below the used range, starting at its first column, with user text kept as text", async () => {
    const { fake, workbook } = setUp([{ name: "Check-ins", values: [["Date", "Key result", "Value"], [46000, "KR1", 3]], origin: { row: 1, col: 1 } }]);
    await workbook.appendRows("Check-ins", [[46007, "=cmd()", 4]]);
    expect(fake.getSheet("Check-ins")?.range("B4:D4").values).toEqual([[46007, "=cmd()", 4]]);
    expect(fake.getSheet("Check-ins")?.cell("C4").formula).toBeNull();
    expect(workbook.roundTrips).toBe(2);
  });

  it("reports a missing sheet with Excel's code", async () => {
    const { workbook } = setUp();
    await expect(workbook.appendRows("Nope", [[1]])).rejects.toMatchObject({ name: "WorkbookError", code: "ItemNotFound" });
  });
});

describe("select", () => {
  it("shows the sheet and selects the cell in one round trip", async () => {
    const { fake, workbook } = setUp();
    await workbook.select("KPIs", "B2");
    expect(fake.activeSheet()).toBe("KPIs");
    expect(fake.selection()).toEqual({ sheet: "KPIs", address: "KPIs!B2" });
    expect(workbook.roundTrips).toBe(1);
  });
});
