import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { Block, OutputPlan, SheetPlan } from "../../src/core/plan";
import { MAX_SHEET_NAME } from "../../src/core/sheet-names";
import { WorkbookError } from "../../src/workbook/port";
import { openXlsx } from "../../src/workbook/xlsx";
import { StyleSheet } from "../../src/workbook/xlsx-styles";
import { renderPlan, type XlsxWriteOptions } from "../../src/workbook/xlsx-writer";

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-writer-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function makeSheet(overrides: Partial<SheetPlan> = {}): SheetPlan {
  return { key: "main", name: "Rollup 2026-Q3", blocks: [], ...overrides };
}

function makePlan(...sheets: SheetPlan[]): OutputPlan {
  return { sheets };
}

/** A user's workbook: a sheet with formats, a formula and a table, and last quarter's rollup. */
function userWorkbook(): ExcelJS.Workbook {
  const source = new ExcelJS.Workbook();
  const okrs = source.addWorksheet("OKRs");
  okrs.addRow(["Objective", "Key result", "Score"]);
  okrs.addRow(["Grow", "=SUM(1)", 0.7]);
  okrs.getCell("C2").numFmt = "0%";
  okrs.getCell("A1").font = { bold: true };
  okrs.getCell("D2").value = { formula: "C2*2", result: 1.4 };
  okrs.addTable({ name: "Teams", ref: "F1", headerRow: true, columns: [{ name: "Team" }], rows: [["Sales"]] });
  source.addWorksheet("Rollup 2026-Q3").getCell("A1").value = "last quarter's rollup";
  return source;
}

/** A workbook holding only sheets of these names. */
function withSheets(...names: string[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const name of names) workbook.addWorksheet(name).getCell("A1").value = name;
  if (names.length === 0) workbook.addWorksheet("Data");
  return workbook;
}

let files = 0;

/**
 * Writes the plans through the file adapter into a copy of `input`, then opens the
 * copy with ExcelJS (an independent reader) and as a zip for looking at the XML.
 */
async function writeThrough(input: ExcelJS.Workbook, plans: OutputPlan | OutputPlan[], options?: XlsxWriteOptions) {
  const n = ++files;
  const inputFile = path.join(dir, `in-${n}.xlsx`);
  await input.xlsx.writeFile(inputFile);
  const port = await openXlsx(inputFile);
  const results = [];
  for (const plan of [plans].flat()) results.push(await port.writeSheets(plan, options));
  const out = path.join(dir, `out-${n}.xlsx`);
  await port.saveAs(out);
  const bytes = await fs.readFile(out);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { names: results[results.length - 1].names, book, zip: await JSZip.loadAsync(bytes), inputFile, port };
}

/** The worksheet XML of a sheet found by name through the workbook part and its relationships. */
async function sheetXml(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = name.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const rId = new RegExp(`<sheet [^>]*name="${escaped.replace(/[()]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
  return zip.file(target.startsWith("/") ? target.slice(1) : `xl/${target}`)!.async("string");
}

function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

const noStyles = () => new StyleSheet({ fonts: 1, fills: 2, borders: 1, cellXfs: 1, dxfs: 0, numFmts: new Map(), maxNumFmtId: 163 });

describe("writing a plan into a copy: sheet names", () => {
  it.each([
    { name: "free name", existing: ["OKRs"], wanted: "Rollup 2026-Q3", final: "Rollup 2026-Q3" },
    { name: "taken name gets (2)", existing: ["Rollup 2026-Q3"], wanted: "Rollup 2026-Q3", final: "Rollup 2026-Q3 (2)" },
    { name: "clash ignores case", existing: ["ROLLUP 2026-q3"], wanted: "Rollup 2026-Q3", final: "Rollup 2026-Q3 (2)" },
    { name: "next free suffix", existing: ["Reviews", "Reviews (2)"], wanted: "Reviews", final: "Reviews (3)" },
    { name: "invalid characters removed", existing: [], wanted: "Reviews: Ana / Q3", final: "Reviews Ana Q3" },
    { name: "long name cut to 31", existing: [], wanted: "Review summary for Maria-Jose Fernandez", final: "Review summary for Maria-Jose F" },
    {
      name: "long clash keeps suffix within 31",
      existing: ["Review summary for Maria-Jose F"],
      wanted: "Review summary for Maria-Jose Fernandez",
      final: "Review summary for Maria-Jo (2)",
    },
  ])("$name", async ({ existing, wanted, final }) => {
    const { names, book } = await writeThrough(withSheets(...existing), makePlan(makeSheet({ name: wanted })));
    expect(names.main).toBe(final);
    expect(book.worksheets.map((ws) => ws.name)).toEqual([...(existing.length ? existing : ["Data"]), final]);
  });

  it("gives planned sheets with the same wanted name distinct names", () => {
    const { names } = renderPlan(makePlan(makeSheet({ key: "a", name: "Ana" }), makeSheet({ key: "b", name: "ana" })), { sheetNames: [], tableNames: [], maxTableId: 0 }, noStyles());
    expect(names).toEqual({ a: "Ana", b: "ana (2)" });
  });

  it("keeps names unique, valid and at most 31 characters for any wanted names", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }),
        fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 4 }),
        (existingWanted, plannedWanted) => {
          const existing = renderPlan(
            makePlan(...existingWanted.map((name, i) => makeSheet({ key: `e${i}`, name }))),
            { sheetNames: [], tableNames: [], maxTableId: 0 },
            noStyles(),
          );
          const { names } = renderPlan(
            makePlan(...plannedWanted.map((name, i) => makeSheet({ key: `p${i}`, name }))),
            { sheetNames: Object.values(existing.names), tableNames: [], maxTableId: 0 },
            noStyles(),
          );
          const all = [...Object.values(existing.names), ...Object.values(names)];
          expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(all.length);
          for (const name of all) {
            expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
            expect(name).not.toMatch(/[:\\/?*[\]]/);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("rejects a plan with two sheets under one key and adds nothing", async () => {
    await expect(writeThrough(withSheets("OKRs"), makePlan(makeSheet(), makeSheet()))).rejects.toThrow(WorkbookError);
  });
});

describe("writing a plan into a copy: cells", () => {
  it("writes values, number formats and the block's style", async () => {
    const workbook = withSheets();
    const block: Block = {
      kind: "cells",
      at: { row: 1, col: 1 },
      values: [
        ["Team", "Score", true],
        ["Sales", 0.75, null],
      ],
      numberFormats: [
        [null, null, null],
        [null, "0.0%", null],
      ],
      style: { bold: true, italic: true, fontSize: 14, fontColor: "#1F6FEB", fill: "#fff3c4", wrap: true, align: "center" },
    };
    const ws = sheet((await writeThrough(workbook, makePlan(makeSheet({ blocks: [block] })))).book, "Rollup 2026-Q3");

    expect([ws.getCell("B2").value, ws.getCell("C2").value, ws.getCell("D2").value]).toEqual(["Team", "Score", true]);
    expect([ws.getCell("B3").value, ws.getCell("C3").value, ws.getCell("D3").value]).toEqual(["Sales", 0.75, null]);
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect(ws.getCell("B3").font).toMatchObject({ bold: true, italic: true, size: 14, color: { argb: "FF1F6FEB" } });
    expect(ws.getCell("C2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF3C4" } });
    expect(ws.getCell("B2").alignment).toMatchObject({ wrapText: true, horizontal: "center" });
    expect(ws.getCell("A1").value).toBeNull();
  });

  it.each([
    {
      name: "bottom border only under the last row",
      border: "bottom" as const,
      expected: { B2: [], C2: [], B3: ["bottom"], C3: ["bottom"] },
    },
    {
      name: "box border on the outer edges",
      border: "box" as const,
      expected: { B2: ["left", "top"], C2: ["right", "top"], B3: ["bottom", "left"], C3: ["bottom", "right"] },
    },
  ])("$name", async ({ border, expected }) => {
    const workbook = withSheets();
    const block: Block = { kind: "cells", at: { row: 1, col: 1 }, values: [["a", "b"], ["c", "d"]], style: { border } };
    const ws = sheet((await writeThrough(workbook, makePlan(makeSheet({ blocks: [block] })))).book, "Rollup 2026-Q3");
    const sides = (address: string) =>
      Object.entries(ws.getCell(address).border ?? {})
        .filter(([, edge]) => edge && typeof edge === "object" && "style" in edge && edge.style === "thin")
        .map(([side]) => side)
        .sort();
    expect({ B2: sides("B2"), C2: sides("C2"), B3: sides("B3"), C3: sides("C3") }).toEqual(expected);
  });

  it.each([
    { name: "HYPERLINK formula", text: '=HYPERLINK("http://x","y")' },
    { name: "DDE command", text: "+cmd|'/c calc'!A0" },
    { name: "leading minus", text: "-2+3" },
    { name: "at sign", text: "@SUM(A1)" },
    { name: "plain equals sum", text: "=SUM(A1:A9)" },
  ])("writes user text that looks like a formula ($name) as a string cell", async ({ text }) => {
    const workbook = withSheets();
    const blocks: Block[] = [
      { kind: "cells", at: { row: 0, col: 0 }, values: [[text]] },
      { kind: "table", at: { row: 2, col: 0 }, name: "Injected", headers: ["Note"], rows: [[text]] },
      { kind: "link", at: { row: 0, col: 2 }, text, target: { key: "main" } },
    ];
    const { book, zip } = await writeThrough(workbook, makePlan(makeSheet({ blocks })));
    const ws = sheet(book, "Rollup 2026-Q3");

    for (const address of ["A1", "A4"]) {
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(address).value).toBe(text);
    }
    expect(ws.getCell("C1").value).toBe(text);
    const xml = await sheetXml(zip, "Rollup 2026-Q3");
    expect(xml).toContain(`<hyperlink ref="C1" location="'Rollup 2026-Q3'!A1"`);
    expect(xml).not.toContain("<f>");
    expect(xml).toMatch(/<c r="A1" t="inlineStr">/);
    expect(xml).toMatch(/<c r="A4" t="inlineStr">/);
  });

  it("writes a number that is not finite as #NUM! rather than text", async () => {
    const { book } = await writeThrough(withSheets(), makePlan(makeSheet({ blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: [[Number.NaN]] }] })));
    expect(sheet(book, "Rollup 2026-Q3").getCell("A1").value).toEqual({ error: "#NUM!" });
  });
});

describe("writing a plan: the order of rows and cells", () => {
  const cells = (row: number, col: number, values: Array<string | number>): Block => ({ kind: "cells", at: { row, col }, values: [values] });
  const refsOf = (xml: string) => Array.from(xml.matchAll(/<(row|c) r="([A-Z]*\d+)"/g), (m) => m[2]);

  it.each<[string, Block[], string[]]>([
    ["blocks in order", [cells(0, 0, ["a", "b"]), cells(1, 0, ["c"])], ["1", "A1", "B1", "2", "A2"]],
    ["a row written before the rows above it", [cells(3, 0, ["low"]), cells(0, 0, ["top"]), cells(1, 2, ["mid"])], ["1", "A1", "2", "C2", "4", "A4"]],
    ["a cell written left of the row's others", [cells(0, 4, ["right"]), cells(0, 0, ["left", "next"]), cells(0, 27, ["far"])], ["1", "A1", "B1", "E1", "AB1"]],
  ])("puts rows and their cells in ascending order: %s", (_name, blocks, expected) => {
    // SpreadsheetML requires rows and the cells in each in ascending order (ECMA-376 Part 1, §18.3.1.73 row, §18.3.1.4 c).
    const { sheets } = renderPlan(makePlan(makeSheet({ blocks })), { sheetNames: [], tableNames: [], maxTableId: 0 }, noStyles());
    expect(refsOf(sheets[0].xml)).toEqual(expected);
  });
});

describe("writing a plan into a copy: formulas", () => {
  it("writes Altitude's formulas as formulas, without the leading =, with their formats", async () => {
    const workbook = withSheets();
    const block: Block = {
      kind: "formulas",
      at: { row: 1, col: 0 },
      formulas: [["=ALTITUDE.OKRSCORE(J2,K2,L2,H2)", "SUM(A1:A3)"]],
      numberFormats: [["0%", null]],
    };
    const { book, zip } = await writeThrough(workbook, makePlan(makeSheet({ blocks: [block] })));
    const ws = sheet(book, "Rollup 2026-Q3");

    expect(ws.getCell("A2").value).toMatchObject({ formula: "ALTITUDE.OKRSCORE(J2,K2,L2,H2)" });
    expect(ws.getCell("B2").value).toMatchObject({ formula: "SUM(A1:A3)" });
    expect(ws.getCell("A2").numFmt).toBe("0%");
    expect(await sheetXml(zip, "Rollup 2026-Q3")).toContain("<f>ALTITUDE.OKRSCORE(J2,K2,L2,H2)</f>");
  });
});

describe("writing a plan into a copy: tables", () => {
  const table = (overrides: Partial<Extract<Block, { kind: "table" }>> = {}): Block => ({
    kind: "table",
    at: { row: 3, col: 1 },
    name: "TeamScores",
    headers: ["Team", "Score"],
    rows: [
      ["Sales", 0.7],
      ["Support", 0.45],
    ],
    columnFormats: [null, "0%"],
    style: "TableStyleLight9",
    ...overrides,
  });

  async function tableXml(zip: JSZip): Promise<string[]> {
    const parts = Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    return Promise.all(parts.map((p) => zip.file(p)!.async("string")));
  }

  it("adds a table with its ref, headers, rows, style and column formats", async () => {
    const workbook = withSheets();
    const { book, zip } = await writeThrough(workbook, makePlan(makeSheet({ blocks: [table()] })));
    const ws = sheet(book, "Rollup 2026-Q3");

    const [xml] = await tableXml(zip);
    expect(xml).toContain('name="TeamScores"');
    expect(xml).toContain('ref="B4:C6"');
    expect(xml).toContain('<tableStyleInfo name="TableStyleLight9"');
    expect(xml).toContain('showRowStripes="1"');
    expect([ws.getCell("B4").value, ws.getCell("C4").value]).toEqual(["Team", "Score"]);
    expect([ws.getCell("B6").value, ws.getCell("C6").value]).toEqual(["Support", 0.45]);
    expect(ws.getCell("C5").numFmt).toBe("0%");
    expect(ws.getCell("C6").numFmt).toBe("0%");
    expect(ws.getCell("C4").numFmt).toBeUndefined();
  });

  it("gives an empty table one blank data row so Excel accepts it", async () => {
    const workbook = withSheets();
    const { book, zip } = await writeThrough(workbook, makePlan(makeSheet({ blocks: [table({ rows: [] })] })));

    expect((await tableXml(zip))[0]).toContain('ref="B4:C5"');
    const ws = sheet(book, "Rollup 2026-Q3");
    expect(ws.getCell("B4").value).toBe("Team");
    expect([ws.getCell("B5").value, ws.getCell("C5").value]).toEqual([null, null]);
  });

  it.each([
    { name: "name taken on an existing sheet", wanted: "Teams", final: "Teams_2" },
    { name: "clash ignores case", wanted: "TEAMS", final: "TEAMS_2" },
    { name: "name that reads as a cell", wanted: "KR1", final: "T_KR1" },
    { name: "name that reads as R1C1", wanted: "R2C3", final: "T_R2C3" },
    { name: "free name kept", wanted: "Objectives", final: "Objectives" },
  ])("makes table names valid and unique in the workbook: $name", async ({ wanted, final }) => {
    const xml = await tableXml((await writeThrough(userWorkbook(), makePlan(makeSheet({ blocks: [table({ name: wanted })] })))).zip);
    expect(xml.some((x) => x.includes(`name="${final}"`))).toBe(true);
    expect(xml.some((x) => x.includes('name="Teams"'))).toBe(true);
  });

  it("numbers repeated tables of one plan", async () => {
    const { zip } = await writeThrough(withSheets(), makePlan(makeSheet({ key: "a", blocks: [table()] }), makeSheet({ key: "b", blocks: [table()] })));
    const names = (await tableXml(zip)).map((x) => /name="([^"]+)"/.exec(x)?.[1]).sort();
    expect(names).toEqual(["TeamScores", "TeamScores_2"]);
  });

  it("makes repeated or empty headers distinct as Excel requires", async () => {
    const { book } = await writeThrough(withSheets(), makePlan(makeSheet({ blocks: [table({ headers: ["Score", "score", ""], rows: [[1, 2, 3]] })] })));
    const ws = sheet(book, "Rollup 2026-Q3");
    expect([ws.getCell("B4").value, ws.getCell("C4").value, ws.getCell("D4").value]).toEqual(["Score", "score2", "Column3"]);
  });

  it.each([
    { name: "space in name", block: table({ name: "Team Scores" }) },
    { name: "leading digit", block: table({ name: "2026Q3" }) },
    { name: "no columns", block: table({ headers: [] }) },
    { name: "unknown style", block: table({ style: "Fancy" }) },
  ])("rejects an invalid table ($name)", ({ block }) => {
    expect(() => renderPlan(makePlan(makeSheet({ blocks: [block] })), { sheetNames: [], tableNames: [], maxTableId: 0 }, noStyles())).toThrow(WorkbookError);
  });
});

describe("writing a plan into a copy: links", () => {
  it("points links at the final, suffixed names, including sheets written later", async () => {
    const { names, book, zip } = await writeThrough(
      withSheets("Ana Lopez"),
      makePlan(
        makeSheet({
          key: "index",
          name: "Reviews 2026",
          blocks: [
            { kind: "link", at: { row: 1, col: 0 }, text: "Ana Lopez", target: { key: "person:ana" } },
            { kind: "link", at: { row: 2, col: 0 }, text: "Source", target: { sheet: "Ana Lopez" }, cell: "$B$3" },
          ],
        }),
        makeSheet({ key: "person:ana", name: "Ana Lopez" }),
      ),
    );
    expect(names["person:ana"]).toBe("Ana Lopez (2)");
    const ws = sheet(book, "Reviews 2026");

    // Links inside the workbook are `location`s, as Excel writes them (ExcelJS reads only the text).
    expect([ws.getCell("A2").value, ws.getCell("A3").value]).toEqual(["Ana Lopez", "Source"]);
    const xml = await sheetXml(zip, "Reviews 2026");
    expect(xml).toContain(`<hyperlink ref="A2" location="'Ana Lopez (2)'!A1" display="Ana Lopez"/>`);
    expect(xml).toContain(`<hyperlink ref="A3" location="'Ana Lopez'!B3" display="Source"/>`);
    expect(ws.getCell("A2").font).toMatchObject({ underline: true, color: { argb: "FF0563C1" } });
  });

  it("doubles apostrophes in the target sheet name", async () => {
    const { zip } = await writeThrough(
      withSheets(),
      makePlan(makeSheet({ key: "x", name: "O'Brien", blocks: [{ kind: "link", at: { row: 0, col: 0 }, text: "me", target: { key: "x" } }] })),
    );
    expect(await sheetXml(zip, "O'Brien")).toContain(`location="'O''Brien'!A1"`);
  });

  it.each([
    { name: "unknown key", block: { kind: "link", at: { row: 0, col: 0 }, text: "x", target: { key: "nope" } } as Block },
    { name: "bad cell", block: { kind: "link", at: { row: 0, col: 0 }, text: "x", target: { key: "main" }, cell: "1A" } as Block },
  ])("rejects a broken link ($name)", ({ block }) => {
    expect(() => renderPlan(makePlan(makeSheet({ blocks: [block] })), { sheetNames: [], tableNames: [], maxTableId: 0 }, noStyles())).toThrow(WorkbookError);
  });
});

describe("writing a plan into a copy: conditional formats and validations", () => {
  it("colours cells equal to each text with a cellIs rule", async () => {
    const workbook = withSheets();
    const block: Block = {
      kind: "conditional",
      range: { row: 1, col: 2, rows: 5, cols: 1 },
      rules: [
        { equals: "Green", fill: "#C6EFCE", fontColor: "#006100" },
        { equals: 'Say "hi"', fill: "#FFC7CE", fontColor: "#9C0006" },
      ],
    };
    const { book, zip } = await writeThrough(workbook, makePlan(makeSheet({ blocks: [block] })));
    const xml = await sheetXml(zip, "Rollup 2026-Q3");

    expect(xml).toContain('<conditionalFormatting sqref="C2:C6">');
    expect(xml).toContain("<formula>&quot;Green&quot;</formula>");
    expect(xml).toContain("<formula>&quot;Say &quot;&quot;hi&quot;&quot;&quot;</formula>");
    const [format] = conditionalFormatsOf(sheet(book, "Rollup 2026-Q3"));
    expect(format.rules.map((r) => ("operator" in r ? [r.type, r.operator, r.priority] : []))).toEqual([
      ["cellIs", "equal", 1],
      ["cellIs", "equal", 2],
    ]);
    expect(format.rules[0].style).toMatchObject({ fill: { bgColor: { argb: "FFC6EFCE" } }, font: { color: { argb: "FF006100" } } });
  });

  it("adds a drop-down list to every cell of the range", async () => {
    const workbook = withSheets();
    const block: Block = { kind: "validation", range: { row: 1, col: 0, rows: 2, cols: 2 }, list: ["On track", "At risk", 'Say "no"'] };
    const ws = sheet((await writeThrough(workbook, makePlan(makeSheet({ blocks: [block] })))).book, "Rollup 2026-Q3");

    for (const address of ["A2", "B2", "A3", "B3"]) {
      expect(ws.getCell(address).dataValidation).toMatchObject({ type: "list", formulae: ['"On track,At risk,Say ""no"""'] });
    }
    expect(ws.getCell("A4").dataValidation).toBeUndefined();
  });

  it.each([
    { name: "entry with a comma", list: ["a,b"] },
    { name: "empty list", list: [] },
    { name: "longer than 255 characters", list: Array.from({ length: 30 }, (_, i) => `Choice number ${i}`) },
  ])("rejects a drop-down list Excel cannot hold ($name)", ({ list }) => {
    const block: Block = { kind: "validation", range: { row: 0, col: 0, rows: 1, cols: 1 }, list };
    expect(() => renderPlan(makePlan(makeSheet({ blocks: [block] })), { sheetNames: [], tableNames: [], maxTableId: 0 }, noStyles())).toThrow(WorkbookError);
  });
});

describe("writing a plan into a copy: sheet settings", () => {
  it("sets column widths, frozen panes and the tab colour", async () => {
    const { book } = await writeThrough(withSheets(), makePlan(makeSheet({ columnWidths: [30, 12], freeze: { rows: 3, cols: 1 }, tabColor: "#2E7D32" })));
    const ws = sheet(book, "Rollup 2026-Q3");

    expect([ws.getColumn(1).width, ws.getColumn(2).width]).toEqual([30, 12]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(ws.properties.tabColor).toEqual({ argb: "FF2E7D32" });
  });

  it("rejects a colour that is not #RRGGBB", () => {
    expect(() => renderPlan(makePlan(makeSheet({ tabColor: "green" })), { sheetNames: [], tableNames: [], maxTableId: 0 }, noStyles())).toThrow(WorkbookError);
  });

  it("leaves the workbook's own views alone, so no user sheet is rewritten and no two tabs end up grouped", async () => {
    const workbook = userWorkbook();
    sheet(workbook, "OKRs").views = [{ state: "normal", tabSelected: true } as Partial<ExcelJS.WorksheetView>];
    const { book, zip, inputFile } = await writeThrough(workbook, {
      sheets: [makeSheet({ key: "index", name: "Index" }), makeSheet({ key: "detail", name: "Detail" })],
      activate: "detail",
    });
    const input = await JSZip.loadAsync(await fs.readFile(inputFile));

    expect(/<bookViews>.*<\/bookViews>/.exec(await zip.file("xl/workbook.xml")!.async("string"))?.[0]).toBe(
      /<bookViews>.*<\/bookViews>/.exec(await input.file("xl/workbook.xml")!.async("string"))?.[0],
    );
    const selected = await Promise.all(book.worksheets.map(async (ws) => (await sheetXml(zip, ws.name)).includes('tabSelected="1"')));
    expect(book.worksheets.filter((_, i) => selected[i]).map((ws) => ws.name)).toEqual(["OKRs"]);
    expect(await sheetXml(zip, "OKRs")).toBe(await sheetXml(input, "OKRs"));
  });

  it("reports progress after each sheet with its final name", async () => {
    const onProgress = jest.fn();
    await writeThrough(withSheets("Index"), makePlan(makeSheet({ key: "a", name: "Index" }), makeSheet({ key: "b", name: "Ana" })), { onProgress });
    expect(onProgress.mock.calls).toEqual([[{ done: 1, total: 2, sheet: "Index (2)" }], [{ done: 2, total: 2, sheet: "Ana" }]]);
  });
});

describe("writing a plan into a copy: all or nothing", () => {
  const good = makeSheet({
    key: "a",
    name: "Index",
    blocks: [{ kind: "table", at: { row: 0, col: 0 }, name: "Index", headers: ["Name"], rows: [["Ana"]] }],
  });

  it.each([
    {
      name: "invalid table name on the second sheet",
      second: makeSheet({ key: "b", name: "Ana", blocks: [{ kind: "table", at: { row: 0, col: 0 }, name: "bad name!", headers: ["x"], rows: [] }] }),
    },
    {
      name: "unknown block kind",
      second: makeSheet({ key: "b", name: "Ana", blocks: [{ kind: "sparkline" } as unknown as Block] }),
    },
    {
      name: "chart without data rows",
      second: makeSheet({
        key: "b",
        name: "Ana",
        blocks: [{ kind: "chart", chartType: "pie", title: "t", data: { row: 0, col: 0, rows: 1, cols: 2 }, at: { row: 0, col: 3 }, size: { rows: 5, cols: 5 } }],
      }),
    },
  ])("leaves no added sheet when a block fails ($name)", async ({ second }) => {
    const inputFile = path.join(dir, `fail-${++files}.xlsx`);
    await userWorkbook().xlsx.writeFile(inputFile);
    const port = await openXlsx(inputFile);

    await expect(port.writeSheets(makePlan(good, second))).rejects.toThrow(WorkbookError);
    // Nothing of the failed plan was kept, so its table name is free again.
    await port.writeSheets(makePlan(good));
    const out = path.join(dir, `fail-out-${files}.xlsx`);
    await port.saveAs(out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(["OKRs", "Rollup 2026-Q3", "Index"]);
    expect(book.worksheets.map((ws) => Object.keys(tablesOf(ws)))).toEqual([["Teams"], [], ["Index"]]);
  });

  it("adds nothing when the progress callback throws", async () => {
    const inputFile = path.join(dir, `cancel-${++files}.xlsx`);
    await withSheets("OKRs").xlsx.writeFile(inputFile);
    const port = await openXlsx(inputFile);
    const onProgress = () => {
      throw new Error("cancelled");
    };
    await expect(port.writeSheets(makePlan(good), { onProgress })).rejects.toThrow("cancelled");
    const out = path.join(dir, `cancel-out-${files}.xlsx`);
    await port.saveAs(out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(["OKRs"]);
  });

  it("leaves every part of the user's workbook byte for byte as it was", async () => {
    const { zip, inputFile, book } = await writeThrough(userWorkbook(), makePlan(good, makeSheet({ key: "r", name: "Rollup 2026-Q3", tabColor: "#FF0000" })));
    const input = await JSZip.loadAsync(await fs.readFile(inputFile));
    const listed = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);
    for (const name of Object.keys(input.files)) {
      if (listed.has(name) || input.files[name].dir) continue;
      expect([name, await zip.file(name)?.async("string")]).toEqual([name, await input.file(name)?.async("string")]);
    }
    expect(Object.keys(tablesOf(sheet(book, "OKRs")))).toEqual(["Teams"]);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(["OKRs", "Rollup 2026-Q3", "Index", "Rollup 2026-Q3 (2)"]);
    expect(sheet(book, "OKRs").getCell("C2").numFmt).toBe("0%");
    expect(sheet(book, "OKRs").getCell("A1").font).toMatchObject({ bold: true });
  });
});

/** ExcelJS keeps a sheet's tables in `tables` by name, which its typings leave out. */
function tablesOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  return (ws as unknown as { tables: Record<string, unknown> }).tables;
}

/** ExcelJS keeps a sheet's conditional formats in `conditionalFormattings`, which its typings leave out. */
function conditionalFormatsOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}
