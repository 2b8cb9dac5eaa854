/**
 * Every figure of a review or rollup written by the CLI links back to its source:
 * each link is followed to the cell it names in the same file, and that cell must
 * hold what the figure was read or computed from.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { altitude, ensureBuilt, readWorkbook, SAMPLE, textOf } from "./support";

jest.setTimeout(60_000);

let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-links-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Followed {
  /** The sheet and cell holding the link. */
  from: { sheet: string; address: string; row: number; col: number };
  text: string;
  target: ExcelJS.Cell;
  targetSheet: string;
  /** The header of the link's column and the values of its row, by header (when it sits in a table). */
  column: string;
  row: Record<string, ExcelJS.CellValue>;
}

/**
 * Every link inside the workbook, by sheet and cell, as Excel stores it: `<hyperlink ref="B5"
 * location="'OKRs'!E9"/>` in the sheet's part (ExcelJS reads only the cell's text of these).
 */
async function linksOf(file: string): Promise<Map<string, Map<string, string>>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const unescape = (text: string) => text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const links = new Map<string, Map<string, string>>();
  for (const tag of workbook.match(/<sheet [^>]*>/g) ?? []) {
    const name = unescape(/name="([^"]*)"/.exec(tag)?.[1] ?? "");
    const rId = /r:id="([^"]+)"/.exec(tag)?.[1];
    const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rId}"`).exec(rels)?.[1] ?? "";
    const part = zip.file(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    if (!part) continue;
    const xml = await part.async("string");
    const onSheet = new Map<string, string>();
    for (const link of xml.match(/<hyperlink [^>]*>/g) ?? []) {
      const ref = /ref="([^"]+)"/.exec(link)?.[1];
      const location = /location="([^"]*)"/.exec(link)?.[1];
      if (ref && location !== undefined) onSheet.set(ref, `#${unescape(location)}`);
    }
    links.set(name, onSheet);
  }
  return links;
}

/** `#'Team OKRs'!E10` → the sheet and cell it names. */
function parseLink(hyperlink: string): { sheet: string; cell: string } {
  const match = /^#(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(hyperlink);
  if (!match) throw new Error(`not a link inside the workbook: ${hyperlink}`);
  return { sheet: (match[1] ?? match[2]).replace(/''/g, "'"), cell: match[3] };
}

const plain = (value: ExcelJS.CellValue): ExcelJS.CellValue =>
  value && typeof value === "object" && "hyperlink" in value ? value.text : value;

let fileLinks = new Map<string, Map<string, string>>();

/** Every link of a sheet, followed to its target, with the table row it sits in. */
function follow(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet): Followed[] {
  const followed: Followed[] = [];
  const onSheet = fileLinks.get(ws.name) ?? new Map<string, string>();
  ws.eachRow((row, rowNumber) =>
    row.eachCell((cell, colNumber) => {
      const hyperlink = onSheet.get(cell.address);
      if (hyperlink === undefined) return;
      const { sheet, cell: address } = parseLink(hyperlink);
      const target = workbook.getWorksheet(sheet);
      if (!target) throw new Error(`${ws.name}!${cell.address} links to a missing sheet "${sheet}"`);
      // The header is the nearest "Source" or "Where" cell above the link, in its column.
      let header = 0;
      for (let r = rowNumber - 1; r >= 1 && header === 0; r--) {
        if (["Source", "Where"].includes(textOf(ws.getCell(r, colNumber).value))) header = r;
      }
      const record: Record<string, ExcelJS.CellValue> = {};
      if (header > 0) {
        ws.getRow(header).eachCell((h, c) => (record[textOf(h.value)] = plain(ws.getCell(rowNumber, c).value)));
      }
      followed.push({
        from: { sheet: ws.name, address: cell.address, row: rowNumber, col: colNumber },
        text: textOf(cell.value),
        target: target.getCell(address),
        targetSheet: sheet,
        column: header > 0 ? textOf(ws.getCell(header, colNumber).value) : "",
        row: record,
      });
    }),
  );
  return followed;
}

describe("altitude review on the sample", () => {
  let workbook: ExcelJS.Workbook;
  let people: ExcelJS.Worksheet[];

  beforeAll(async () => {
    const out = path.join(dir, "reviews.xlsx");
    const run = altitude(["review", SAMPLE, "--period", "2026", "--as-of", "2026-08-15", "-o", out]);
    expect(run.code).toBe(0);
    workbook = await readWorkbook(out);
    fileLinks = await linksOf(out);
    people = workbook.worksheets.filter((ws) => / 2026$/.test(ws.name) && ws.name !== "Reviews 2026");
  });

  it("writes a sheet per person, each with source links", () => {
    expect(people.length).toBeGreaterThanOrEqual(5);
    for (const ws of people) expect(follow(workbook, ws).filter((l) => l.column !== "").length).toBeGreaterThan(0);
  });

  it("links each OKR contribution to the key result's own cell", () => {
    const links = people.flatMap((ws) => follow(workbook, ws)).filter((l) => "Key result" in l.row);
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const link of links) {
      expect([link.from.address, link.targetSheet, link.target.value]).toEqual([link.from.address, "OKRs", link.row["Key result"]]);
      expect(link.text).toBe(`OKRs!${link.target.address}`);
    }
  });

  it("links each KPI reading to its Actual cell, which holds the reading shown", () => {
    const links = people.flatMap((ws) => follow(workbook, ws)).filter((l) => "Trend" in l.row);
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const link of links) {
      expect([link.from.address, link.targetSheet, link.target.value]).toEqual([link.from.address, "KPIs", link.row.Actual]);
      // The reading's KPI and period are on the same source row.
      expect(workbook.getWorksheet("KPIs")!.getRow(Number(link.target.row)).getCell(1).value).toBe(link.row.KPI);
    }
  });

  it("links each KRA area to the rating given, or to the actual it was derived from", () => {
    const links = people.flatMap((ws) => follow(workbook, ws)).filter((l) => "Rating source" in l.row);
    expect(links.length).toBeGreaterThanOrEqual(6);
    for (const link of links) {
      const rating = Object.entries(link.row).find(([h]) => h.startsWith("Rating (of"))?.[1];
      const expected = link.row["Rating source"] === "Given" ? rating : link.row.Actual;
      expect([link.from.address, link.targetSheet, link.target.value]).toEqual([link.from.address, "KRAs", expected]);
      expect(workbook.getWorksheet("KRAs")!.getRow(Number(link.target.row)).getCell(5).value).toBe(link.row.Area);
    }
  });

  it("links the KRA score to its first area and says how many areas it comes from", () => {
    for (const ws of people) {
      const score = follow(workbook, ws).find((l) => l.column === "" && l.targetSheet === "KRAs");
      if (!score) continue;
      const areas = follow(workbook, ws).filter((l) => "Rating source" in l.row);
      expect(score.text).toBe(`KRAs!${score.target.address} (first of ${areas.length} rows)`);
      expect(score.target.value).toBe(areas[0].row.Area);
    }
  });

  it("links each finding to the cell it is about", () => {
    const links = people.flatMap((ws) => follow(workbook, ws)).filter((l) => l.column === "Where");
    expect(links.length).toBeGreaterThanOrEqual(1);
    for (const link of links) {
      expect(link.row.Where).toBe(link.text);
      expect(link.text.replace(/^'|'(?=!)/g, "").replace(/''/g, "'")).toBe(`${link.targetSheet}!${link.target.address}`);
    }
  });

  it("keeps the links back to the index", () => {
    for (const ws of people) {
      expect(follow(workbook, ws).filter((l) => l.targetSheet === "Reviews 2026").map((l) => l.text)).toEqual(["Back to Reviews 2026"]);
    }
  });
});

describe("altitude rollup on the sample", () => {
  it("links each objective to its first key result and says how many, and each KPI row to its reading", async () => {
    const out = path.join(dir, "rollup.xlsx");
    expect(altitude(["rollup", SAMPLE, "--period", "2026-Q3", "--as-of", "2026-08-15", "-o", out]).code).toBe(0);
    const workbook = await readWorkbook(out);
    fileLinks = await linksOf(out);
    const links = follow(workbook, workbook.getWorksheet("Rollup 2026-Q3")!);
    const objectives = links.filter((l) => "Objective" in l.row && "Owners" in l.row);
    expect(objectives.map((l) => l.row.Objective)).toHaveLength(5);
    for (const link of objectives) {
      expect(link.target.value).toBe(link.row.Objective);
      const count = Number(link.row["Key results"]);
      expect(link.text).toBe(count > 1 ? `OKRs!${link.target.address} (first of ${count} rows)` : `OKRs!${link.target.address}`);
    }
    const readings = links.filter((l) => "Unit" in l.row);
    expect(readings.length).toBeGreaterThanOrEqual(1);
    for (const link of readings) expect([link.targetSheet, link.target.value]).toEqual(["KPIs", link.row.Actual]);
  });
});
