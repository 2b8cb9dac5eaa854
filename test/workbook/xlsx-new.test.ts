/**
 * A workbook written from scratch (`review --split`): only the planned sheets, in
 * a sound package of its own, rendered as a copy renders them, with links to
 * sheets outside it stored as hyperlinks into the linked file (ECMA-376 Part 1
 * §18.3.1.47 hyperlink: `r:id` to an external relationship, `location` the cell).
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { LaidOutPlan, OutputPlan } from "../../src/core/plan";
import { WorkbookError } from "../../src/workbook/port";
import { openXlsx } from "../../src/workbook/xlsx";
import { BARE_STYLE_COUNTS, BARE_STYLES } from "../../src/workbook/xlsx-copy";
import { NewXlsxWorkbook, relativeFileUri } from "../../src/workbook/xlsx-new";
import { jszipParts } from "../../src/workbook/xlsx-archive";
import { readExistingStyles } from "../../src/workbook/xlsx-styles";
import { packageProblems, relationshipsOf, resolvePart } from "../support/package-checks";

const HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

let dir: string;
let files = 0;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-new-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** An index linking to a person sheet, which links back, to two cells of the source file, and holds a table, a chart and a formula. */
const PLAN: LaidOutPlan = {
  activate: "index",
  sheets: [
    {
      key: "index",
      name: "Reviews 2026",
      columnWidths: [24, 12],
      freeze: { rows: 1, cols: 0 },
      blocks: [
        { kind: "cells", at: { row: 0, col: 0 }, values: [["Reviews 2026"]], style: { bold: true, fontSize: 14 } },
        { kind: "table", at: { row: 2, col: 0 }, name: "Reviews", headers: ["Person", "Score", "Open"], rows: [["Ben Okafor", 0.75, "Open"]], columnFormats: [null, "0%", null] },
        { kind: "link", at: { row: 3, col: 2 }, text: "Open", target: { key: "person" } },
        { kind: "chart", chartType: "bar", title: "Scores", data: { row: 2, col: 0, rows: 2, cols: 2 }, at: { row: 6, col: 0 }, size: { rows: 10, cols: 6 } },
      ],
    },
    {
      key: "person",
      name: "Ben Okafor 2026",
      tabColor: "#0563C1",
      blocks: [
        { kind: "link", at: { row: 0, col: 0 }, text: "Back to Reviews 2026", target: { key: "index" } },
        { kind: "cells", at: { row: 2, col: 0 }, values: [["KRA score", 3.5]], numberFormats: [[null, "0.0"]] },
        { kind: "link", at: { row: 2, col: 2 }, text: "KRAs!E5", target: { sheet: "KRAs" }, cell: "E5" },
        { kind: "table", at: { row: 4, col: 0 }, name: "Krs_ben", headers: ["Key result", "Source"], rows: [["Cut the sales cycle", "OKRs!E10"]] },
        { kind: "link", at: { row: 5, col: 1 }, text: "OKRs!E10", target: { sheet: "O'Brien's OKRs" }, cell: "E10" },
        { kind: "formulas", at: { row: 7, col: 0 }, formulas: [["=B3*2"]] },
        { kind: "conditional", range: { row: 5, col: 0, rows: 1, cols: 1 }, rules: [{ equals: "Green", fill: "#C6EFCE", fontColor: "#006100" }] },
      ],
    },
  ],
};

async function writeNew(plan: OutputPlan, linked = "../goals.xlsx") {
  const book = new NewXlsxWorkbook(linked);
  const result = await book.writeSheets(plan);
  const file = path.join(dir, `new-${++files}.xlsx`);
  await book.saveAs(file);
  const bytes = await fs.readFile(file);
  return { result, file, zip: await JSZip.loadAsync(bytes), bytes };
}

/** The worksheet part of each sheet, by name, through the workbook's relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = new Map((await relationshipsOf(zip, "xl/_rels/workbook.xml.rels")).map((r) => [r.id, r.target]));
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet name="([^"]*)"[^>]*r:id="([^"]+)"/g)) parts.set(m[1], resolvePart("xl/workbook.xml", rels.get(m[2])!));
  return parts;
}

const unescape = (text: string) => text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hyperlinks of a sheet: where each sits, its location, and the external target its r:id names (if any). */
async function hyperlinksOf(zip: JSZip, part: string) {
  const xml = await zip.file(part)!.async("string");
  const rels = await relationshipsOf(zip, part.replace(/([^/]+)$/, "_rels/$1.rels"));
  return Array.from(xml.matchAll(/<hyperlink ([^>]*)\/>/g), (m) => {
    const attr = (name: string) => new RegExp(`(?:^| )${name}="([^"]*)"`).exec(m[1])?.[1];
    const rId = attr("r:id");
    const rel = rId === undefined ? undefined : rels.find((r) => r.id === rId);
    return { ref: attr("ref"), location: unescape(attr("location") ?? ""), rel: rel && { type: rel.type, target: rel.target, external: rel.external } };
  });
}

describe("relative file URIs for links into the input", () => {
  it.each([
    ["a file in the parent folder", "/data/reviews", "/data/goals.xlsx", "../goals.xlsx"],
    ["a file in the same folder", "/data", "/data/goals.xlsx", "goals.xlsx"],
    ["a file further away", "/out/2026/reviews", "/hr/goals.xlsx", "../../../hr/goals.xlsx"],
    ["a space in a name", "/data/reviews", "/data/goals 2026.xlsx", "../goals%202026.xlsx"],
    ["a # that would start a fragment", "/data/reviews", "/data/#1 goals.xlsx", "../%231%20goals.xlsx"],
    ["a ? that would start a query", "/data/reviews", "/data/what?.xlsx", "../what%3F.xlsx"],
    ["letters outside ASCII", "/data/reviews", "/data/Équipe.xlsx", "../%C3%89quipe.xlsx"],
    ["a name that looks like a URI scheme", "/data/reviews", "/data/C:/goals.xlsx", "../C%3A/goals.xlsx"],
  ])("%s", (_name, from, file, expected) => {
    expect(relativeFileUri(from, file, path.posix)).toBe(expected);
  });

  it.each([
    ["the same Windows drive", "C:\\data\\reviews", "C:\\data\\goals 2026.xlsx", "../goals%202026.xlsx"],
    ["another Windows drive", "C:\\data\\reviews", "D:\\hr\\goals 2026.xlsx", "file:///D:/hr/goals%202026.xlsx"],
    ["a network share", "C:\\data\\reviews", "\\\\hr-server\\people\\goals.xlsx", "file://hr-server/people/goals.xlsx"],
    ["a folder on the same network share", "\\\\hr-server\\people\\reviews", "\\\\hr-server\\people\\goals.xlsx", "../goals.xlsx"],
  ])("on Windows, %s", (_name, from, file, expected) => {
    expect(relativeFileUri(from, file, path.win32)).toBe(expected);
  });
});

describe("a workbook written from scratch", () => {
  it("holds only the planned sheets, in a sound package (content types, relationships, well-formed parts)", async () => {
    const { zip, result } = await writeNew(PLAN);
    expect(result.names).toEqual({ index: "Reviews 2026", person: "Ben Okafor 2026" });
    expect([...(await sheetParts(zip)).keys()]).toEqual(["Reviews 2026", "Ben Okafor 2026"]);
    expect(await packageProblems(zip)).toEqual([]);
    expect(Object.keys(zip.files).filter((n) => /sharedStrings|theme|externalLink/.test(n))).toEqual([]);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('<calcPr fullCalcOnLoad="1"/>');
  });

  it("is read by ExcelJS with the sheets' values, formats, tables and links", async () => {
    const { bytes } = await writeNew(PLAN);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(["Reviews 2026", "Ben Okafor 2026"]);
    const index = book.getWorksheet("Reviews 2026")!;
    expect(index.getCell("A1").font?.bold).toBe(true);
    expect(index.getCell("B4").numFmt).toBe("0%");
    expect(index.getCell("B4").value).toBe(0.75);
    const person = book.getWorksheet("Ben Okafor 2026")!;
    expect(person.getCell("B3").numFmt).toBe("0.0");
    expect(person.getCell("C3").value).toEqual({ text: "KRAs!E5", hyperlink: "../goals.xlsx" });
    expect(person.getCell("A8").formula).toBe("B3*2");
  });

  it("links to a sheet outside it through an external relationship to the linked file, with the sheet and cell as the location", async () => {
    const { zip } = await writeNew(PLAN, "../hr/goals%202026.xlsx");
    const parts = await sheetParts(zip);
    const links = await hyperlinksOf(zip, parts.get("Ben Okafor 2026")!);
    expect(links).toEqual([
      { ref: "A1", location: "'Reviews 2026'!A1", rel: undefined },
      { ref: "C3", location: "'KRAs'!E5", rel: { type: HYPERLINK, target: "../hr/goals%202026.xlsx", external: true } },
      { ref: "B6", location: "'O''Brien''s OKRs'!E10", rel: { type: HYPERLINK, target: "../hr/goals%202026.xlsx", external: true } },
    ]);
    // The table's relationship keeps rId1; the links take the ids after it.
    const rels = await relationshipsOf(zip, parts.get("Ben Okafor 2026")!.replace(/([^/]+)$/, "_rels/$1.rels"));
    expect(rels.map((r) => [r.id, r.type.split("/").pop(), r.external])).toEqual([
      ["rId1", "table", false],
      ["rId2", "hyperlink", true],
      ["rId3", "hyperlink", true],
    ]);
  });

  it("keeps links between its own sheets inside it, and numbers links after a sheet's tables and drawing", async () => {
    const withSource: OutputPlan = {
      sheets: [{ ...PLAN.sheets[0], blocks: [...PLAN.sheets[0].blocks, { kind: "link", at: { row: 0, col: 4 }, text: "Source", target: { sheet: "OKRs" } }] }, PLAN.sheets[1]],
    };
    const { zip } = await writeNew(withSource);
    const part = (await sheetParts(zip)).get("Reviews 2026")!;
    expect(await hyperlinksOf(zip, part)).toEqual([
      { ref: "C4", location: "'Ben Okafor 2026'!A1", rel: undefined },
      { ref: "E1", location: "'OKRs'!A1", rel: { type: HYPERLINK, target: "../goals.xlsx", external: true } },
    ]);
    const rels = await relationshipsOf(zip, part.replace(/([^/]+)$/, "_rels/$1.rels"));
    expect(rels.map((r) => [r.id, r.type.split("/").pop()])).toEqual([
      ["rId1", "table"],
      ["rId2", "drawing"],
      ["rId3", "hyperlink"],
    ]);
    expect(await zip.file(part)!.async("string")).toContain('<drawing r:id="rId2"/>');
  });

  it("renders each sheet exactly as a copy does, but for the links that leave it", async () => {
    // A copy of an input whose style part is the bare one, so style indexes agree.
    const input = new ExcelJS.Workbook();
    input.addWorksheet("KRAs").getCell("E5").value = 3.5;
    const inputFile = path.join(dir, `input-${++files}.xlsx`);
    await input.xlsx.writeFile(inputFile);
    const zip = await JSZip.loadAsync(await fs.readFile(inputFile));
    zip.file("xl/styles.xml", BARE_STYLES);
    await fs.writeFile(inputFile, await zip.generateAsync({ type: "nodebuffer" }));
    const copy = await openXlsx(inputFile);
    await copy.writeSheets(PLAN);
    const copyFile = path.join(dir, `copy-${files}.xlsx`);
    await copy.saveAs(copyFile);
    const copied = await JSZip.loadAsync(await fs.readFile(copyFile));
    const { zip: fresh } = await writeNew(PLAN);

    const copiedParts = await sheetParts(copied);
    const freshParts = await sheetParts(fresh);
    for (const name of ["Reviews 2026", "Ben Okafor 2026"]) {
      const ours = await fresh.file(freshParts.get(name)!)!.async("string");
      const theirs = await copied.file(copiedParts.get(name)!)!.async("string");
      expect([name, ours.replace(/ r:id="rId\d+" location=/g, " location=")]).toEqual([name, theirs]);
    }
    expect(await fresh.file("xl/styles.xml")!.async("string")).toBe(await copied.file("xl/styles.xml")!.async("string"));
  });

  it("says so when nothing was written to it, and writes no file", async () => {
    const file = path.join(dir, "empty.xlsx");
    await expect(new NewXlsxWorkbook("goals.xlsx").saveAs(file)).rejects.toThrow(WorkbookError);
    await expect(fs.access(file)).rejects.toThrow();
  });

  it("names the bare style part's entries as readExistingStyles counts them", async () => {
    const zip = new JSZip();
    zip.file("xl/styles.xml", BARE_STYLES);
    expect(await readExistingStyles(jszipParts(zip), "xl/styles.xml")).toEqual(BARE_STYLE_COUNTS);
  });
});
