import fc from "fast-check";
import { isoToSerial } from "../../src/core/dates";
import type { RawCell } from "../../src/core/model";
import type { OutputPlan } from "../../src/core/plan";
import { createSheetsStandIn, type StandInConditionalRule, type StandInSheet, type StandInValidation } from "../../src/hosts/sheets-stand-in";
import { parseUserEntered } from "../../src/hosts/sheets-stand-in/user-entered";
import { dateToSerial, guardText, localeSeparator, SheetsWorkbook, sheetsPort, sheetsFormula } from "../../src/sheets/adapter";
import type { SheetsValue } from "../../src/sheets/api";
import { WorkbookError } from "../../src/workbook/port";
import { loadWorkbook, runReviews, runRollup } from "../../src/workbook/use-cases";
import { sampleInSheets } from "./sample";

const AS_OF = "2026-08-15";

function workbookOf(sheets: Record<string, SheetsValue[][]>, options: { timeZone?: string; locale?: string; formats?: Record<string, string[][]> } = {}) {
  const standIn = createSheetsStandIn({ sheets, ...options });
  const book = new SheetsWorkbook(standIn.app, standIn.formatDate);
  return { ...standIn, workbook: book, port: sheetsPort(book) };
}

function sheetOf(book: ReturnType<typeof workbookOf>["book"], name: string): StandInSheet {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe("reading a spreadsheet", () => {
  it("reads each sheet with one getValues and one getNumberFormats, bounded by its content", async () => {
    const { port, calls } = workbookOf({
      OKRs: [
        ["", "", ""],
        ["", "Objective", "Key result"],
        ["", "Grow", "Reach 10 customers"],
      ],
      Notes: [["hello"]],
    });
    const sheets = await port.readSheets();
    expect(sheets.map((s) => s.name)).toEqual(["OKRs", "Notes"]);
    expect(sheets[0].origin).toEqual({ row: 1, col: 1 });
    expect(sheets[0].values).toEqual([
      ["Objective", "Key result"],
      ["Grow", "Reach 10 customers"],
    ]);
    expect(calls.getValues).toBe(2);
    expect(calls.getNumberFormats).toBe(2);
  });

  it.each([
    ["midnight in Berlin", "2026-07-01T00:00:00+02:00", "Europe/Berlin", isoToSerial("2026-07-01")],
    ["midnight in New York", "2026-07-01T00:00:00-04:00", "America/New_York", isoToSerial("2026-07-01")],
    ["noon in Tokyo", "2026-01-15T12:00:00+09:00", "Asia/Tokyo", (isoToSerial("2026-01-15") ?? 0) + 0.5],
  ])("turns a date cell into its serial in the spreadsheet's time zone (%s)", (_name, instant, timeZone, serial) => {
    const { workbook, formatDate } = workbookOf({ S: [] }, { timeZone });
    expect(dateToSerial(new Date(instant), timeZone, formatDate)).toBeCloseTo(serial ?? NaN, 9);
    expect(workbook).toBeDefined();
  });

  it("leaves hidden sheets and the state sheet out of the sheet list", async () => {
    const { port, book } = workbookOf({ A: [["x"]], B: [["y"]] });
    sheetOf(book, "B").hidden = true;
    await port.writeState({ settings: { scoreCap: 1.5 } });
    expect(await port.sheetNames()).toEqual(["A"]);
  });

  it("scores the sample workbook exactly as the .xlsx adapter does", async () => {
    const { xlsx, sheets, formats } = await sampleInSheets();
    const { port } = workbookOf(sheets, { formats, locale: "en_US", timeZone: "America/New_York" });
    const fromSheets = await loadWorkbook(port, { asOf: AS_OF });
    const fromFile = await loadWorkbook(xlsx, { asOf: AS_OF });
    expect(fromSheets.parsed.keyResults.length).toBeGreaterThan(0);
    const figures = (loaded: typeof fromFile) => ({
      keyResults: loaded.analysis.keyResults.map((k) => [k.record.keyResult, k.score, k.grade, k.pace]),
      kpis: loaded.analysis.kpis.map((k) => [k.record.kpi, k.record.period?.label, k.status]),
      kras: loaded.analysis.kras.map((k) => [k.employee, k.score]),
      findings: loaded.findings.map((f) => [f.rule, f.cell]),
    });
    expect(figures(fromSheets)).toEqual(figures(fromFile));
  });
});

describe("writing a plan", () => {
  const plan: OutputPlan = {
    sheets: [
      {
        key: "index",
        name: "Reviews 2026",
        blocks: [
          { kind: "cells", at: { row: 0, col: 0 }, values: [["Person", "Score"]], style: { bold: true, border: "bottom" } },
          { kind: "cells", at: { row: 1, col: 0 }, values: [["=HYPERLINK(\"http://evil\")", 0.45]], numberFormats: [[null, "0%"]] },
          { kind: "link", at: { row: 2, col: 0 }, text: "Ana López", target: { key: "person" }, cell: "B2" },
          { kind: "conditional", range: { row: 1, col: 1, rows: 1, cols: 1 }, rules: [{ equals: "Green", fill: "#C6EFCE", fontColor: "#006100" }] },
          { kind: "validation", range: { row: 5, col: 0, rows: 3, cols: 1 }, list: ["increase", "decrease"] },
        ],
        columnWidths: [20, 10],
        freeze: { rows: 1, cols: 0 },
        tabColor: "#1F4E78",
      },
      {
        key: "person",
        name: "Ana López",
        blocks: [
          { kind: "table", at: { row: 0, col: 0 }, name: "Areas", headers: ["Area", "Weight"], rows: [["Hiring", 0.4], ["+1 Delivery", 0.6]], columnFormats: [null, "0%"] },
          { kind: "cells", at: { row: 4, col: 0 }, values: [["Grade"], ["Green"], ["Red"]] },
          { kind: "chart", chartType: "doughnut", title: "Grades", data: { row: 4, col: 0, rows: 3, cols: 1 }, at: { row: 4, col: 3 }, size: { rows: 10, cols: 5 }, pointColors: ["#00AA00", "#AA0000"] },
          { kind: "formulas", at: { row: 8, col: 0 }, formulas: [["=ALTITUDE.OKRGRADE(B2)"]] },
        ],
      },
    ],
    activate: "index",
  };

  it("adds every planned sheet with its content, text kept as text", async () => {
    const { port, book } = workbookOf({ Data: [["x"]] });
    const result = await port.writeSheets(plan);
    expect(result.names).toEqual({ index: "Reviews 2026", person: "Ana López" });
    const index = sheetOf(book, "Reviews 2026");
    expect(index.cell(2, 1)?.value).toBe('=HYPERLINK("http://evil")');
    expect(index.cell(2, 1)?.formula).toBeUndefined();
    expect(index.cell(2, 2)).toMatchObject({ value: 0.45, format: "0%" });
    expect(index.cell(1, 1)?.style).toMatchObject({ fontWeight: "bold", borderBottom: true });
    const person = sheetOf(book, "Ana López");
    expect(index.cell(3, 1)).toMatchObject({ value: "Ana López", link: `#gid=${person.id}&range=B2` });
    const rule = index.conditionalRules[0] as StandInConditionalRule;
    expect([rule.text, rule.background, rule.fontColor, rule.getRanges()[0].getA1Notation()]).toEqual(["Green", "#C6EFCE", "#006100", "B2"]);
    expect((index.cell(6, 1)?.validation as StandInValidation).list).toEqual(["increase", "decrease"]);
    expect(index.frozen).toEqual({ rows: 1, columns: 0 });
    expect(index.tabColor).toBe("#1F4E78");
    expect(index.columnWidths.get(1)).toBe(145);
    expect(index.active).toBe(true);
    expect(person.cell(3, 1)?.value).toBe("+1 Delivery");
    expect(person.cell(2, 2)).toMatchObject({ value: 0.4, format: "0%" });
    expect(person.bandings).toEqual(["A1:B3"]);
    expect(person.charts).toEqual([
      { type: "pie", ranges: ["A5:A7"], position: { row: 5, column: 4 }, options: { pieHole: 0.5, title: "Grades", width: 320, height: 210, colors: ["#00AA00", "#AA0000"] } },
    ]);
    expect(person.cell(9, 1)?.formula).toBe("=OKRGRADE(B2)");
  });

  it("writes each block with one setter per attribute", async () => {
    const { port, calls } = workbookOf({ Data: [["x"]] });
    await port.writeSheets(plan);
    // cells ×3 + table + the Grade cells; formulas go through setFormulas.
    expect(calls.setValues).toBe(4);
    expect(calls.setFormulas).toBe(1);
    expect(calls.setNumberFormats).toBe(2);
    expect(calls.setRichTextValue).toBe(1);
    expect(calls.setConditionalFormatRules).toBe(1);
  });

  it("makes names unique and valid as Excel does, so both editions name outputs alike", async () => {
    const { port } = workbookOf({ "Reviews 2026": [["x"]] });
    const result = await port.writeSheets({ sheets: [{ key: "a", name: "Reviews 2026", blocks: [] }, { key: "b", name: "Q3: [draft]/plan", blocks: [] }] });
    expect(result.names).toEqual({ a: "Reviews 2026 (2)", b: "Q3 draft plan" });
  });

  it.each([
    ["the first setValues", "setValues", 0],
    ["the chart", "insertChart", 0],
    ["the second sheet's insert", "insertSheet", 1],
  ])("removes every sheet it added when %s fails", async (_name, method, after) => {
    const { port, book } = workbookOf({ Data: [["x"]] });
    book.failOn = { method, after, message: "Service Spreadsheets failed while accessing document" };
    await expect(port.writeSheets(plan)).rejects.toThrow(WorkbookError);
    expect(book.sheets.map((s) => s.name)).toEqual(["Data"]);
  });

  it("cuts text longer than a Sheets cell holds, with a visible marker", async () => {
    const { port, book } = workbookOf({ Data: [["x"]] });
    await port.writeSheets({ sheets: [{ key: "a", name: "Long", blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: [["x".repeat(60_000)]] }] }] });
    const value = sheetOf(book, "Long").cell(1, 1)?.value as string;
    expect(value.length).toBeLessThanOrEqual(50_000);
    expect(value).toMatch(/… \[cut: \d+ more characters\]$/);
  });

  it("grows the new sheet when a plan is larger than a new sheet's 1,000 × 26 grid", async () => {
    const { port, book } = workbookOf({ Data: [["x"]] });
    const rows = Array.from({ length: 1500 }, (_, i) => [i, "a", "b"]);
    await port.writeSheets({ sheets: [{ key: "a", name: "Big", blocks: [{ kind: "cells", at: { row: 0, col: 27 }, values: rows }] }] });
    const big = sheetOf(book, "Big");
    expect(big.cell(1500, 28)?.value).toBe(1499);
    expect(big.maxRows).toBe(1500);
  });

  it("writes the sample's rollup and reviews through the use cases", async () => {
    const { sheets, formats } = await sampleInSheets();
    const { port, book } = workbookOf(sheets, { formats });
    const rollup = await runRollup(port, { asOf: AS_OF, period: "2026-Q3" });
    expect(rollup.ok).toBe(true);
    const reviews = await runReviews(port, { asOf: AS_OF, period: "2026" });
    expect(reviews.ok).toBe(true);
    const added = book.sheets.map((s) => s.name).filter((n) => !(n in sheets));
    expect(added).toContain("Rollup 2026-Q3");
    expect(added).toContain("Reviews 2026");
    expect(sheetOf(book, "Rollup 2026-Q3").charts.length).toBeGreaterThan(0);
  });
});

describe("state", () => {
  it("round-trips settings and mappings in a hidden, warning-protected sheet", async () => {
    const { port, book } = workbookOf({ A: [["x"]] });
    const state = { settings: { scoreCap: 1.2 }, mappings: { OKRs: { kind: "okr" as const, headerRow: 2, columns: { objective: 1 } } } };
    await port.writeState(state);
    await port.writeState(state);
    expect(await port.readState()).toEqual(state);
    const sheet = sheetOf(book, "Altitude.State");
    expect(sheet.hidden).toBe(true);
    expect(sheet.protection).toEqual({ warningOnly: true, description: "Altitude's settings and column mappings" });
    expect(book.sheets.filter((s) => s.name === "Altitude.State")).toHaveLength(1);
  });

  it("reads a damaged state as no state", async () => {
    const { port } = workbookOf({ A: [["x"]], "Altitude.State": [["{not json"]] });
    expect(await port.readState()).toEqual({});
  });

  it("splits a state longer than a cell over several cells", async () => {
    const { port, book } = workbookOf({ A: [["x"]] });
    const state = { settings: { gradeBands: { note: "n".repeat(120_000) } } } as unknown as Parameters<typeof port.writeState>[0];
    await port.writeState(state);
    expect(sheetOf(book, "Altitude.State").getLastRow()).toBe(3);
    expect(await port.readState()).toEqual(state);
  });
});

describe("locale", () => {
  it.each([
    ["en_US", "."],
    ["en_GB", "."],
    ["de_DE", ","],
    ["fr_CH", ","],
    ["de_CH", "."],
    ["pt_BR", ","],
    ["ja_JP", "."],
  ])("%s writes decimals with %s", (locale, separator) => {
    expect(localeSeparator(locale)?.decimalSeparator).toBe(separator);
  });

  it("reads the spreadsheet's locale for numbers typed as text", async () => {
    const { port } = workbookOf({ A: [["x"]] }, { locale: "de_DE" });
    expect(await port.numberLocale?.()).toEqual({ decimalSeparator: "," });
  });
});

describe("text guard", () => {
  it.each<[string, RawCell]>([
    ["a formula", "=1+1"],
    ["a plus sign", "+1"],
    ["a month", "Jan 2026"],
    ["a time", "12:30"],
    ["a fraction", "1 1/2"],
    ["accounting negative", "(100)"],
    ["a percent", "45%"],
    ["a boolean word", "TRUE"],
    ["an apostrophe of its own", "'quoted"],
  ])("keeps %s as the user's text", (_name, text) => {
    const guarded = guardText(text);
    expect(parseUserEntered(guarded as string, "UTC")).toEqual({ value: text });
  });

  it("holds for any string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const entered = parseUserEntered(guardText(text) as string, "UTC");
        expect(entered.formula).toBeUndefined();
        expect(entered.value).toBe(text);
      }),
    );
  });

  it("names Altitude's functions as Sheets does", () => {
    expect(sheetsFormula("=IF(ALTITUDE.OKRSCORE(A2,B2,C2)>0.7,ALTITUDE.OKRGRADE(D2),\"\")")).toBe('=IF(OKRSCORE(A2,B2,C2)>0.7,OKRGRADE(D2),"")');
  });
});

describe("the in-memory Sheets keeps Google's limits", () => {
  it("refuses to grow a spreadsheet past 10 million cells (https://support.google.com/drive/answer/37603)", () => {
    const { book } = workbookOf({ A: [["x"]] });
    const sheet = sheetOf(book, "A");
    expect(() => sheet.insertRowsAfter(1000, 400_000)).toThrow(/above the limit of 10000000 cells/);
    expect(sheet.maxRows).toBe(1000);
  });

  it("refuses more than 50,000 characters in a cell", () => {
    const { book } = workbookOf({ A: [["x"]] });
    expect(() => sheetOf(book, "A").getRange(1, 1, 1, 1).setValues([["y".repeat(50_001)]])).toThrow(/maximum of 50000 characters/);
  });

  it("refuses a range outside the sheet's grid", () => {
    const { book } = workbookOf({ A: [["x"]] });
    expect(() => sheetOf(book, "A").getRange(1001, 1, 1, 1)).toThrow(/outside the dimensions of the sheet/);
  });

  it("keeps at least one sheet, and one visible", () => {
    const { book } = workbookOf({ A: [["x"]] });
    const only = sheetOf(book, "A");
    expect(() => book.deleteSheet(only)).toThrow(/can't remove all the sheets/);
    expect(() => only.hideSheet()).toThrow(/can't hide all the sheets/);
  });

  it("refuses a second sheet with the same name in another case", () => {
    const { book } = workbookOf({ OKRs: [["x"]] });
    expect(() => book.insertSheet("okrs", 1)).toThrow(/already exists/);
  });
});
