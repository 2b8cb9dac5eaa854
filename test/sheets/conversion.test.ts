import { createSheetsStandIn, type StandInSheet } from "../../src/hosts/sheets-stand-in";
import { runContracts } from "../../src/sheets/contracts";
import { convertInSheets, formulaRuns } from "../../src/sheets/conversion";
import { SheetsWorkbook } from "../../src/sheets/adapter";
import type { SheetsValue } from "../../src/sheets/api";
import { remoteHost, serveCall, type ScriptRun } from "../../src/sheets/rpc";
import { planTableConversion, type TableConversion } from "../../src/core/tables";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { WorkbookError } from "../../src/workbook/port";
import { loadWorkbook } from "../../src/app";

describe("ranged formulas", () => {
  it.each<[string, string[], number, Array<{ offset: number; rows: number; formula: string }>]>([
    [
      "rows that repeat one formula become one ranged call",
      ["=ALTITUDE.OKRSCORE(J2,K2,L2,H2)", "=ALTITUDE.OKRSCORE(J3,K3,L3,H3)", "=ALTITUDE.OKRSCORE(J4,K4,L4,H4)"],
      2,
      [{ offset: 0, rows: 3, formula: "=OKRSCORE(J2:J4,K2:K4,L2:L4,H2:H4)" }],
    ],
    [
      "a row that differs starts a new run",
      ['=ALTITUDE.OKRPACE(P5,DATE(2026,7,1),DATE(2026,9,30))', '=ALTITUDE.OKRPACE(P6,DATE(2026,7,1),DATE(2026,9,30))', '=""', '=ALTITUDE.OKRPACE(P8,DATE(2026,10,1),DATE(2026,12,31))'],
      5,
      [
        { offset: 0, rows: 2, formula: "=OKRPACE(P5:P6,DATE(2026,7,1),DATE(2026,9,30))" },
        { offset: 2, rows: 1, formula: '=""' },
        { offset: 3, rows: 1, formula: "=OKRPACE(P8,DATE(2026,10,1),DATE(2026,12,31))" },
      ],
    ],
    [
      "absolute ranges (a person's KRA block) stay one formula per row",
      ["=ALTITUDE.KRASCORE($H$2:$H$4,$G$2:$G$4)", "=ALTITUDE.KRASCORE($H$2:$H$4,$G$2:$G$4)"],
      2,
      [
        { offset: 0, rows: 1, formula: "=KRASCORE($H$2:$H$4,$G$2:$G$4)" },
        { offset: 1, rows: 1, formula: "=KRASCORE($H$2:$H$4,$G$2:$G$4)" },
      ],
    ],
    [
      "a trend over two readings is not per row, so it is never widened",
      ["=ALTITUDE.KPITREND(CHOOSE({1,2},E2,E3))", "=ALTITUDE.KPITREND(CHOOSE({1,2},E3,E4))"],
      3,
      [
        { offset: 0, rows: 1, formula: "=KPITREND(CHOOSE({1,2},E2,E3))" },
        { offset: 1, rows: 1, formula: "=KPITREND(CHOOSE({1,2},E3,E4))" },
      ],
    ],
    [
      "text in quotes is never read as a cell",
      ['=ALTITUDE.OKRGRADE(P2,"Q3")', '=ALTITUDE.OKRGRADE(P3,"Q3")'],
      2,
      [{ offset: 0, rows: 2, formula: '=OKRGRADE(P2:P3,"Q3")' }],
    ],
  ])("%s", (_name, formulas, firstRow, runs) => {
    expect(formulaRuns(formulas, firstRow)).toEqual(runs);
  });
});

describe("convert to table in Sheets", () => {
  const conversion: TableConversion = {
    sheet: "OKRs",
    range: { row: 0, col: 0, rows: 3, cols: 3 },
    tableName: "OKRs_Table",
    tableRange: { row: 0, col: 0, rows: 3, cols: 4 },
    columnNames: ["Start", "Target", "Current", "Score"],
    // As core plans them for Excel: structured references to each row's own cells.
    computed: [{ header: "Score", numberFormat: "0%", asRead: false, formulas: ["=ALTITUDE.OKRSCORE([@Start],[@Target],[@Current])", "=ALTITUDE.OKRSCORE([@Start],[@Target],[@Current])"] }],
    conditional: [{ kind: "conditional", range: { row: 1, col: 3, rows: 2, cols: 1 }, rules: [{ equals: "Green", fill: "#C6EFCE", fontColor: "#006100" }] }],
    validations: [{ kind: "validation", range: { row: 1, col: 0, rows: 2, cols: 1 }, list: ["increase", "decrease"] }],
  };
  const sheets = (): Record<string, SheetsValue[][]> => ({
    OKRs: [
      ["Start", "Target", "Current"],
      [0, 100, 50],
      [10, 20, 15],
    ],
  });

  it("writes one ranged formula per column, bands the range and keeps the user's cells", () => {
    const { app, book } = createSheetsStandIn({ sheets: sheets() });
    const sheet = book.sheets[0] as StandInSheet;
    expect(convertInSheets(app, sheet, conversion)).toEqual({ address: "A1:D3" });
    expect(sheet.cell(1, 4)?.value).toBe("Score");
    expect(sheet.cell(2, 4)?.formula).toBe("=OKRSCORE(A2:A3,B2:B3,C2:C3)");
    expect(sheet.cell(3, 4)?.formula).toBeUndefined();
    expect(sheet.cell(2, 1)?.value).toBe(0);
    expect(sheet.bandings).toEqual(["A1:D3"]);
    expect(sheet.conditionalRules).toHaveLength(1);
  });

  it("refuses, writing nothing, when the columns it needs hold the user's cells", () => {
    const data = sheets();
    data.OKRs[1].push(0, "note");
    const { app, book } = createSheetsStandIn({ sheets: data });
    const sheet = book.sheets[0] as StandInSheet;
    expect(() => convertInSheets(app, sheet, conversion)).toThrow(/Column D of "OKRs" is not empty/);
    expect(sheet.cell(1, 4)?.value ?? "").toBe("");
    expect(sheet.bandings).toEqual([]);
  });

  it("clears what it wrote when Sheets refuses a later step (a range already banded)", () => {
    const { app, book } = createSheetsStandIn({ sheets: sheets() });
    const sheet = book.sheets[0] as StandInSheet;
    sheet.bandings.push("A1:D3");
    expect(() => convertInSheets(app, sheet, conversion)).toThrow(WorkbookError);
    expect(sheet.cell(1, 4)?.value).toBe("");
    expect(sheet.cell(2, 4)?.formula).toBeUndefined();
    expect(sheet.conditionalRules).toEqual([]);
  });
  it("writes a lookup over whole columns once per row, over the columns' data rows and inside ARRAYFORMULA", () => {
    const values: SheetsValue[][] = [
      ["Employee", "Weight", "Rating"],
      ["Ana", 40, 4],
      ["Ben", 100, 3],
    ];
    const planned = planTableConversion(
      { name: "KRAs", values: values.map((row) => row.map((v) => (typeof v === "string" || typeof v === "number" ? v : ""))), origin: { row: 0, col: 0 } },
      { name: "KRAs", kind: "kra", confidence: 1, headerRow: 1, columns: { employee: 0, weight: 1, rating: 2 }, unmappedHeaders: [], rowCount: 2 },
      DEFAULT_SETTINGS,
    );
    if (!planned.ok) throw new Error(planned.message);
    const { app, book } = createSheetsStandIn({ sheets: { KRAs: values } });
    const sheet = book.sheets[0] as StandInSheet;
    convertInSheets(app, sheet, planned.value);
    const score = (row: number) =>
      `=ARRAYFORMULA(LET(mine,($A$2:$A$3=A${row}),KRASCORE(FILTER(IF($C$2:$C$3="","",$C$2:$C$3),mine),FILTER(IF($B$2:$B$3="","",$B$2:$B$3),mine))))`;
    expect([sheet.cell(2, 4)?.formula, sheet.cell(3, 4)?.formula]).toEqual([score(2), score(3)]);
  });
});

describe("the sidebar's remote port", () => {
  /** google.script.run as the sidebar sees it, answered by the server code over an in-memory spreadsheet. */
  function scriptRun(book: SheetsWorkbook, app: Parameters<typeof serveCall>[1]): ScriptRun {
    const make = (ok?: (v: string) => void, fail?: (e: Error) => void): ScriptRun => ({
      withSuccessHandler: (handler) => make(handler, fail),
      withFailureHandler: (handler) => make(ok, handler),
      altitudeCall: (method, argsJson) => {
        const reply = serveCall(book, app, method, argsJson);
        queueMicrotask(() => ok?.(reply));
      },
    });
    return make();
  }

  it("reads, scores and writes through the server as the Excel pane does", async () => {
    const { app, book, formatDate } = createSheetsStandIn({
      sheets: {
        OKRs: [
          ["Period", "Objective", "Key result", "Owner", "Start", "Target", "Current"],
          ["2026-Q3", "Grow", "Reach 100 customers", "Ana", 0, 100, 50],
        ],
      },
    });
    const workbook = new SheetsWorkbook(app, formatDate);
    const { port, editor } = remoteHost(scriptRun(workbook, app));
    const loaded = await loadWorkbook(port, { asOf: "2026-08-15" });
    expect(loaded.analysis.keyResults.map((k) => k.score)).toEqual([0.5]);
    await port.writeState({ settings: { scoreCap: 1.2 } });
    expect(await port.readState()).toEqual({ settings: { scoreCap: 1.2 } });
    await editor.select("OKRs", "G2");
    expect((book.sheets[0] as StandInSheet).selection).toBe("G2");
    await expect(editor.select("Nope", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("sends a sheet laid out only when written (a review's person) to the server with its cells", async () => {
    const { app, book, formatDate } = createSheetsStandIn({ sheets: { Data: [["x"]] } });
    const { port } = remoteHost(scriptRun(new SheetsWorkbook(app, formatDate), app));
    const ana = { key: "person:ana", name: "Ana 2026", blocks: [{ kind: "cells" as const, at: { row: 0, col: 0 }, values: [["Ana López"]] }] };
    const result = await port.writeSheets({ sheets: [{ key: ana.key, name: ana.name, layout: () => ana }] });
    expect(result.names).toEqual({ "person:ana": "Ana 2026" });
    expect((book.sheets[1] as StandInSheet).cell(1, 1)?.value).toBe("Ana López");
  });
});

describe("the Sheets contract suite", () => {
  it("passes against the in-memory Sheets and leaves nothing behind", () => {
    const { app, book, formatDate } = createSheetsStandIn({ sheets: { Data: [["x"]] } });
    const results = runContracts(app, formatDate);
    expect(results.filter((r) => !r.pass)).toEqual([]);
    expect(results.map((r) => r.id)).toEqual(["text-stays-text", "sheet-names", "all-or-nothing", "cell-text-limit", "dates-in-zone", "grid-grows"]);
    expect(book.sheets.map((s) => s.name)).toEqual(["Data"]);
  });
});
