import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { OutputPlan } from "../../src/core/plan";
import { STATE_SHEET, WorkbookError } from "../../src/workbook/port";
import { openXlsx } from "../../src/workbook/xlsx";

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-xlsx-"));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function save(build: (workbook: ExcelJS.Workbook) => void, name = "book.xlsx"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A workbook of one sheet whose cell B2 is set by `set`. */
async function oneCell(set: (cell: ExcelJS.Cell) => void): Promise<string> {
  return save((wb) => {
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "label";
    set(ws.getCell("B2"));
  });
}

describe("readSheets", () => {
  it.each<[string, (cell: ExcelJS.Cell) => void, string | number | boolean, string]>([
    ["a percentage with its format", (c) => ((c.value = 0.45), (c.numFmt = "0%")), 0.45, "0%"],
    ["a date with its format", (c) => ((c.value = new Date(Date.UTC(2026, 6, 1))), (c.numFmt = "yyyy-mm-dd")), 46204, "yyyy-mm-dd"],
    ["a plain number as General", (c) => (c.value = 1200), 1200, "General"],
    ["an error value", (c) => (c.value = { error: "#N/A" }), "#N/A", "General"],
    ["a formula's cached result", (c) => (c.value = { formula: "1+1", result: 2 }), 2, "General"],
    ["a hyperlink's text", (c) => (c.value = { text: "Link", hyperlink: "https://example.com" }), "Link", "General"],
    ["a number", (c) => (c.value = 42.5), 42.5, "General"],
    ["text", (c) => (c.value = "churn"), "churn", "General"],
    ["a boolean", (c) => (c.value = true), true, "General"],
    ["a date and time with the time as a fraction", (c) => ((c.value = new Date(Date.UTC(2026, 6, 1, 12))), (c.numFmt = "yyyy-mm-dd hh:mm")), 46204.5, "yyyy-mm-dd hh:mm"],
    ["a formula whose result is an error", (c) => (c.value = { formula: "1/0", result: { error: "#DIV/0!" } }), "#DIV/0!", "General"],
    ["a formula whose result is text", (c) => (c.value = { formula: "A1", result: "label" }), "label", "General"],
    ["rich text as plain text", (c) => (c.value = { richText: [{ text: "Reduce " }, { font: { bold: true }, text: "churn" }] }), "Reduce churn", "General"],
  ])("reads %s the way Office.js does", async (_name, set, value, format) => {
    const book = await openXlsx(await oneCell(set));
    const [sheet] = await book.readSheets();
    expect(sheet.values[1][1]).toBe(value);
    expect(sheet.numberFormats?.[1][1]).toBe(format);
  });

  it("gives dates of a 1904-system workbook as 1900-system serials, as Office.js does", async () => {
    const file = await save((wb) => {
      wb.properties.date1904 = true;
      const cell = wb.addWorksheet("Dates").getCell("A1");
      cell.value = new Date(Date.UTC(2026, 6, 1));
      cell.numFmt = "yyyy-mm-dd";
    });
    const [sheet] = await (await openXlsx(file)).readSheets();
    expect(sheet.values).toEqual([[46204]]);
  });

  it("gives each row its formats, rows formatted alike sharing one array (a million rows hold one copy, not a million)", async () => {
    const file = await save((wb) => {
      const ws = wb.addWorksheet("Goals");
      ws.addRow(["Key result", "Target"]);
      for (let i = 0; i < 3; i++) ws.addRow([`KR ${i}`, 0.5]).getCell(2).numFmt = "0%";
      ws.addRow(["KR 3", 7]);
    });
    const [sheet] = await (await openXlsx(file)).readSheets();
    expect(sheet.numberFormats).toEqual([["General", "General"], ["General", "0%"], ["General", "0%"], ["General", "0%"], ["General", "General"]]);
    expect(sheet.numberFormats?.[2]).toBe(sheet.numberFormats?.[1]);
    expect(sheet.numberFormats?.[3]).toBe(sheet.numberFormats?.[1]);
    expect(sheet.numberFormats?.[4]).not.toBe(sheet.numberFormats?.[0]);
  });

  it("trims empty leading rows and columns, like a used range, and reports the origin", async () => {
    const file = await save((wb) => {
      const ws = wb.addWorksheet("Goals");
      ws.getCell("C3").value = "Objective";
      ws.getCell("D5").value = 7;
      ws.getCell("A1").numFmt = "0%"; // formatted but empty: not part of the values
    });
    const [sheet] = await (await openXlsx(file)).readSheets();
    expect(sheet.origin).toEqual({ row: 2, col: 2 });
    expect(sheet.values).toEqual([
      ["Objective", ""],
      ["", ""],
      ["", 7],
    ]);
  });

  it("gives a merged area's value only to its top-left cell", async () => {
    const file = await save((wb) => {
      const ws = wb.addWorksheet("Goals");
      ws.getCell("A1").value = "Objective";
      ws.getCell("A2").value = "Grow";
      ws.mergeCells("A2:A4");
      ws.getCell("B4").value = 1;
    });
    const [sheet] = await (await openXlsx(file)).readSheets();
    expect(sheet.values.map((row) => row[0])).toEqual(["Objective", "Grow", "", ""]);
  });

  it("reads an empty sheet as no values", async () => {
    const file = await save((wb) => void wb.addWorksheet("Empty"));
    const [sheet] = await (await openXlsx(file)).readSheets();
    expect(sheet).toEqual({ name: "Empty", values: [], numberFormats: [], origin: { row: 0, col: 0 } });
  });

  it("lists visible sheets in tab order and leaves out hidden ones and the state sheet", async () => {
    const file = await save((wb) => {
      wb.addWorksheet("OKRs").getCell("A1").value = "x";
      wb.addWorksheet("Secret", { state: "hidden" }).getCell("A1").value = "x";
      wb.addWorksheet(STATE_SHEET, { state: "veryHidden" }).getCell("A1").value = "{}";
      wb.addWorksheet("KPIs").getCell("A1").value = "x";
    });
    const book = await openXlsx(file);
    expect(await book.sheetNames()).toEqual(["OKRs", "KPIs"]);
    expect((await book.readSheets()).map((s) => s.name)).toEqual(["OKRs", "KPIs"]);
  });

  it("reads named sheets in the order asked and refuses an unknown one", async () => {
    const file = await save((wb) => {
      wb.addWorksheet("OKRs").getCell("A1").value = 1;
      wb.addWorksheet("KPIs").getCell("A1").value = 2;
    });
    const book = await openXlsx(file);
    expect((await book.readSheets(["kpis", "OKRs"])).map((s) => s.values[0][0])).toEqual([2, 1]);
    await expect(book.readSheets(["Nope"])).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("state", () => {
  it("is empty for a workbook that has none", async () => {
    const book = await openXlsx(await oneCell((c) => (c.value = 1)));
    expect(await book.readState()).toEqual({});
  });

  it("round-trips through a saved copy in a very hidden sheet, however long", async () => {
    const book = await openXlsx(await oneCell((c) => (c.value = 1)));
    const long = "x".repeat(70_000);
    const state = { settings: { scoreCap: 1.5, rating: { labels: [long] } }, mappings: { Data: { kind: "okr" as const, headerRow: 2, columns: { keyResult: 1 } } } };
    await book.writeState(state);
    await book.writeState(state);
    const out = path.join(dir, "copy.xlsx");
    await book.saveAs(out);

    const copy = await openXlsx(out);
    expect(await copy.readState()).toEqual(state);
    expect(await copy.sheetNames()).toEqual(["Data"]);
    const model = new ExcelJS.Workbook();
    await model.xlsx.readFile(out);
    expect(model.getWorksheet(STATE_SHEET)?.state).toBe("veryHidden");
    expect(model.worksheets.filter((ws) => ws.name === STATE_SHEET)).toHaveLength(1);

    // Saved again from the copy, the state sheet is replaced, not added twice.
    await copy.writeState({ settings: { scoreCap: 2 } });
    const again = path.join(dir, "again.xlsx");
    await copy.saveAs(again);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(again);
    expect(reread.worksheets.filter((ws) => ws.name === STATE_SHEET)).toHaveLength(1);
    expect(await (await openXlsx(again)).readState()).toEqual({ settings: { scoreCap: 2 } });
  });

  it("falls back to no state when the state sheet is damaged", async () => {
    const file = await save((wb) => {
      wb.addWorksheet("Data").getCell("A1").value = 1;
      wb.addWorksheet(STATE_SHEET, { state: "veryHidden" }).getCell("A1").value = "{not json";
    });
    expect(await (await openXlsx(file)).readState()).toEqual({
      problems: [expect.objectContaining({ sheet: STATE_SHEET, cell: "A1", code: "state-invalid", message: "the stored settings and mappings are not readable; using the defaults" })],
    });
  });
});

describe("openXlsx failures", () => {
  it.each<[string, (file: string) => Promise<void>, string, string]>([
    ["a missing file", async () => undefined, "ENOENT", "file not found"],
    ["an empty file", (f) => fs.writeFile(f, ""), "Empty", "the file is empty"],
    ["random bytes", (f) => fs.writeFile(f, Buffer.from("this is not a workbook at all")), "NotXlsx", "it is not an .xlsx workbook"],
    ["a damaged zip", (f) => fs.writeFile(f, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)])), "Corrupt", "the file is damaged"],
    [
      "an encrypted (OLE compound) file",
      (f) => fs.writeFile(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)])),
      "Encrypted",
      "it is password-protected",
    ],
    ["a folder", (f) => fs.mkdir(f), "EISDIR", "it is a folder, not a file"],
  ])("reports %s as one plain line with a code", async (_name, make, code, reason) => {
    const file = path.join(dir, "input.xlsx");
    await make(file);
    const error = await openXlsx(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code });
    const message = (error as WorkbookError).message;
    expect(message.startsWith(`cannot read "${file}": ${reason}`)).toBe(true);
    expect(message).not.toContain("\n");
  });
});

describe("writeSheets and saveAs", () => {
  const plan: OutputPlan = {
    sheets: [
      {
        key: "summary",
        name: "Data",
        blocks: [
          { kind: "cells", at: { row: 0, col: 0 }, values: [["Grade", "Count"], ["Green", 3], ["Red", 1], ["=HYPERLINK(\"http://x\",\"y\")", 0]] },
          { kind: "chart", chartType: "pie", title: "Grades", data: { row: 0, col: 0, rows: 3, cols: 2 }, at: { row: 0, col: 3 }, size: { rows: 10, cols: 5 } },
        ],
      },
    ],
  };

  it("adds the planned sheets with unique names and saves a copy with its charts, leaving the input alone", async () => {
    const input = await oneCell((c) => (c.value = 5));
    const before = await fs.readFile(input);
    const book = await openXlsx(input);
    const result = await book.writeSheets(plan);
    expect(result.names).toEqual({ summary: "Data (2)" });

    const out = path.join(dir, "out.xlsx");
    await book.saveAs(out);
    expect(await fs.readFile(input)).toEqual(before);
    expect((await fs.readFile(out)).includes("xl/charts/chart1.xml")).toBe(true);
    expect((await fs.readdir(dir)).sort()).toEqual(["book.xlsx", "out.xlsx"]);

    const copy = await openXlsx(out);
    const [original, written] = await copy.readSheets();
    expect(original.values[1][1]).toBe(5);
    expect(written.name).toBe("Data (2)");
    expect(written.values[3][0]).toBe('=HYPERLINK("http://x","y")');
    const model = new ExcelJS.Workbook();
    await model.xlsx.readFile(out);
    expect(model.getWorksheet("Data (2)")?.getCell("A4").type).toBe(ExcelJS.ValueType.String);
  });

  it.each<[string, (input: string) => string]>([
    ["the same path", (input) => input],
    ["the same file through another relative path", (input) => path.join(path.dirname(input), ".", "..", path.basename(path.dirname(input)), path.basename(input))],
  ])("refuses to overwrite the input file given as %s", async (_name, target) => {
    const input = await oneCell((c) => (c.value = 5));
    const before = await fs.readFile(input);
    const book = await openXlsx(input);
    await expect(book.saveAs(target(input))).rejects.toMatchObject({ code: "SameFile" });
    expect(await fs.readFile(input)).toEqual(before);
  });

  it("reports a destination folder that does not exist and leaves no temporary file", async () => {
    const book = await openXlsx(await oneCell((c) => (c.value = 5)));
    await expect(book.saveAs(path.join(dir, "missing", "out.xlsx"))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await fs.readdir(dir)).toEqual(["book.xlsx"]);
  });
});
