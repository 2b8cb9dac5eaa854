import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import type { ChartBlock, OutputPlan, SheetPlan } from "../../src/core/plan";
import { openXlsx } from "../../src/workbook/xlsx";
import { StyleSheet } from "../../src/workbook/xlsx-styles";
import { renderPlan, type PendingChart } from "../../src/workbook/xlsx-writer";

let dir: string;
let files = 0;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-charts-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

/** A rollup-like sheet: a table of team scores from A5 and one chart over it. */
function makeRollup(overrides: Partial<SheetPlan> = {}, chart: Partial<ChartBlock> = {}): SheetPlan {
  return {
    key: "rollup",
    name: "Rollup 2026-Q3",
    blocks: [
      { kind: "cells", at: { row: 0, col: 0 }, values: [["Rollup 2026-Q3"]] },
      {
        kind: "table",
        at: { row: 4, col: 0 },
        name: "TeamScores",
        headers: ["Team", "Score", "Previous"],
        rows: [
          ["Sales", 0.7, 0.6],
          ["R&D <core>", 0.55, null],
          ["Support", 0.4, 0.5],
        ],
      },
      {
        kind: "chart",
        chartType: "column",
        title: `Scores by team: "R&D" <'core'>`,
        data: { row: 4, col: 0, rows: 4, cols: 3 },
        at: { row: 1, col: 5 },
        size: { rows: 15, cols: 8 },
        ...chart,
      },
    ],
    ...overrides,
  };
}

/** Writes the plan, through the file adapter, into a copy of a workbook that already has a sheet of the same name. */
async function writeWithCharts(plan: OutputPlan, prepare: (wb: ExcelJS.Workbook) => void = () => undefined) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Rollup 2026-Q3").getCell("A1").value = "last quarter";
  prepare(workbook);
  const input = path.join(dir, `in-${++files}.xlsx`);
  await workbook.xlsx.writeFile(input);
  const port = await openXlsx(input);
  const result = await port.writeSheets(plan);
  const out = path.join(dir, `out-${files}.xlsx`);
  await port.saveAs(out);
  const bytes = await fs.readFile(out);
  return { result, bytes, zip: await JSZip.loadAsync(bytes) };
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`missing part ${path}`);
  return file.async("string");
}

/** Follows workbook.xml and its relationships to the worksheet part of a sheet name. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = parser.parse(await text(zip, "xl/workbook.xml"));
  const sheets = [workbook.workbook.sheets.sheet].flat() as Array<Record<string, string>>;
  const rId = sheets.find((s) => s["@name"] === name)?.["@r:id"];
  return `xl/${relationships(parser.parse(await text(zip, "xl/_rels/workbook.xml.rels"))).get(rId ?? "")}`;
}

function relationships(parsed: { Relationships: { Relationship: unknown } }): Map<string, string> {
  const list = [parsed.Relationships.Relationship].flat() as Array<Record<string, string>>;
  return new Map(list.map((r) => [r["@Id"], r["@Target"]]));
}

/** The chart parts of a sheet, found the way Excel finds them: sheet → drawing → charts. */
async function chartsOfSheet(zip: JSZip, name: string): Promise<{ sheetXml: string; drawing: string; charts: string[] }> {
  const part = await sheetPart(zip, name);
  const sheetXml = await text(zip, part);
  const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1] ?? "";
  const sheetRels = relationships(parser.parse(await text(zip, part.replace(/([^/]+)$/, "_rels/$1.rels"))));
  const drawing = `xl/${(sheetRels.get(drawingId) ?? "").replace(/^\.\.\//, "")}`;
  const drawingXml = await text(zip, drawing);
  const drawingRels = relationships(parser.parse(await text(zip, drawing.replace(/([^/]+)$/, "_rels/$1.rels"))));
  const chartIds = Array.from(drawingXml.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g), (m) => m[1]);
  const charts = chartIds.map((id) => `xl/${(drawingRels.get(id) ?? "").replace(/^\.\.\//, "")}`);
  return { sheetXml, drawing, charts };
}

describe("charts in the copy", () => {
  it("adds well-formed chart and drawing parts linked from the sheet and declared in the content types", async () => {
    const { zip, result } = await writeWithCharts({ sheets: [makeRollup()] });
    const sheetName = result.names.rollup;
    expect(sheetName).toBe("Rollup 2026-Q3 (2)");
    const { sheetXml, drawing, charts } = await chartsOfSheet(zip, sheetName);

    expect(charts).toEqual(["xl/charts/chart1.xml"]);
    for (const part of [drawing, ...charts, await sheetPart(zip, sheetName)]) {
      expect(XMLValidator.validate(await text(zip, part))).toBe(true);
    }
    const types = await text(zip, "[Content_Types].xml");
    expect(XMLValidator.validate(types)).toBe(true);
    expect(types).toContain(`<Override PartName="/${charts[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    expect(types).toContain(`<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    // CT_Worksheet order: page set-up before the drawing, table parts after it.
    expect(sheetXml.indexOf("<pageMargins")).toBeLessThan(sheetXml.indexOf("<drawing "));
    expect(sheetXml.indexOf("<drawing ")).toBeLessThan(sheetXml.indexOf("<tableParts"));
  });

  it("points the series at the sheet's ranges, with cached values and an escaped title", async () => {
    const { zip, result } = await writeWithCharts({ sheets: [makeRollup()] });
    const { charts } = await chartsOfSheet(zip, result.names.rollup);
    const chart = parser.parse(await text(zip, charts[0]))["c:chartSpace"]["c:chart"];
    const bar = chart["c:plotArea"]["c:barChart"];
    const series = [bar["c:ser"]].flat();

    expect(chart["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe(`Scores by team: "R&D" <'core'>`);
    expect(bar["c:barDir"]["@val"]).toBe("col");
    expect(series.map((s) => s["c:tx"]["c:strRef"]["c:f"])).toEqual(["'Rollup 2026-Q3 (2)'!$B$5", "'Rollup 2026-Q3 (2)'!$C$5"]);
    expect(series.map((s) => s["c:cat"]["c:strRef"]["c:f"])).toEqual([
      "'Rollup 2026-Q3 (2)'!$A$6:$A$8",
      "'Rollup 2026-Q3 (2)'!$A$6:$A$8",
    ]);
    expect(series.map((s) => s["c:val"]["c:numRef"]["c:f"])).toEqual(["'Rollup 2026-Q3 (2)'!$B$6:$B$8", "'Rollup 2026-Q3 (2)'!$C$6:$C$8"]);
    const cached = (ref: { "c:numCache"?: unknown; "c:strCache"?: unknown }) => {
      const cache = (ref["c:numCache"] ?? ref["c:strCache"]) as { "c:pt": unknown };
      return [cache["c:pt"]].flat().map((pt) => {
        const point = pt as { "@idx": string; "c:v": unknown };
        return [Number(point["@idx"]), point["c:v"]];
      });
    };
    expect(cached(series[0]["c:cat"]["c:strRef"])).toEqual([
      [0, "Sales"],
      [1, "R&D <core>"],
      [2, "Support"],
    ]);
    expect(cached(series[0]["c:val"]["c:numRef"])).toEqual([
      [0, 0.7],
      [1, 0.55],
      [2, 0.4],
    ]);
    // The blank previous score is left out of the cache, so it shows as a gap.
    expect(cached(series[1]["c:val"]["c:numRef"])).toEqual([
      [0, 0.6],
      [2, 0.5],
    ]);
    expect(series[1]["c:val"]["c:numRef"]["c:numCache"]["c:ptCount"]["@val"]).toBe("3");
  });

  it.each([
    { name: "column", chartType: "column" as const, element: "c:barChart", barDir: "col", series: 2 },
    { name: "bar", chartType: "bar" as const, element: "c:barChart", barDir: "bar", series: 2 },
    { name: "pie shows the first series", chartType: "pie" as const, element: "c:pieChart", barDir: undefined, series: 1 },
    { name: "doughnut has a ring per series", chartType: "doughnut" as const, element: "c:doughnutChart", barDir: undefined, series: 2 },
  ])("writes a chart: $name", async ({ chartType, element, barDir, series }) => {
    const { zip, result } = await writeWithCharts({ sheets: [makeRollup({}, { chartType })] });
    const { charts } = await chartsOfSheet(zip, result.names.rollup);
    const plot = parser.parse(await text(zip, charts[0]))["c:chartSpace"]["c:chart"]["c:plotArea"];

    expect(Object.keys(plot).filter((k) => k.endsWith("Chart"))).toEqual([element]);
    expect(plot[element]["c:barDir"]?.["@val"]).toBe(barDir);
    expect([plot[element]["c:ser"]].flat()).toHaveLength(series);
  });

  it("shows values and the value axis in the data's number format", async () => {
    const sheet = {
      key: "rollup",
      name: "Rollup 2026-Q3",
      blocks: [
        { kind: "table" as const, at: { row: 0, col: 0 }, name: "Teams", headers: ["Team", "Score"], rows: [["Ops", 0.5], ["Sales", 0.75]], columnFormats: [null, "0%"] },
        { kind: "chart" as const, chartType: "column" as const, title: "Scores", data: { row: 0, col: 0, rows: 3, cols: 2 }, at: { row: 0, col: 4 }, size: { rows: 10, cols: 6 } },
      ],
    };
    const { zip, result } = await writeWithCharts({ sheets: [sheet] });
    const { charts } = await chartsOfSheet(zip, result.names.rollup);
    const xml = await text(zip, charts[0]);
    expect(xml).toContain("<c:formatCode>0%</c:formatCode>");
    expect(xml).toContain('<c:valAx><c:axId val="');
    expect(xml).toMatch(/<c:valAx>.*<c:numFmt formatCode="0%" sourceLinked="1"\/>/s);
  });

  it("fills each point with its planned colour", async () => {
    const rollup = makeRollup({}, { chartType: "doughnut" });
    const blocks = rollup.blocks.map((b) => (b.kind === "chart" ? { ...b, pointColors: ["#63be7b", "#FFD966", "#F8696B"] } : b));
    const { zip, result } = await writeWithCharts({ sheets: [{ ...rollup, blocks }] });
    const { charts } = await chartsOfSheet(zip, result.names.rollup);
    const plot = parser.parse(await text(zip, charts[0]))["c:chartSpace"]["c:chart"]["c:plotArea"];
    const points = [[plot["c:doughnutChart"]["c:ser"]].flat()[0]["c:dPt"]].flat();
    expect(points.map((p: { "c:idx": { "@val": string }; "c:spPr": { "a:solidFill": { "a:srgbClr": { "@val": string } } } }) => [p["c:idx"]["@val"], p["c:spPr"]["a:solidFill"]["a:srgbClr"]["@val"]])).toEqual([
      ["0", "63BE7B"],
      ["1", "FFD966"],
      ["2", "F8696B"],
    ]);
  });

  it("anchors each chart over the planned cells with its title as alternative text", async () => {
    const extra: ChartBlock = {
      kind: "chart",
      chartType: "pie",
      title: "Grades",
      data: { row: 4, col: 0, rows: 4, cols: 2 },
      at: { row: 20, col: 5 },
      size: { rows: 10, cols: 4 },
    };
    const rollup = makeRollup();
    const { zip, result } = await writeWithCharts({ sheets: [{ ...rollup, blocks: [...rollup.blocks, extra] }] });
    const { drawing, charts } = await chartsOfSheet(zip, result.names.rollup);
    const anchors = [parser.parse(await text(zip, drawing))["xdr:wsDr"]["xdr:twoCellAnchor"]].flat();
    const corner = (m: Record<string, number>) => [m["xdr:row"], m["xdr:col"]];

    expect(charts).toHaveLength(2);
    expect(anchors.map((a) => [corner(a["xdr:from"]), corner(a["xdr:to"])])).toEqual([
      [
        [1, 5],
        [16, 13],
      ],
      [
        [20, 5],
        [30, 9],
      ],
    ]);
    expect(anchors.map((a) => a["xdr:graphicFrame"]["xdr:nvGraphicFramePr"]["xdr:cNvPr"]["@descr"])).toEqual([
      `Scores by team: "R&D" <'core'>`,
      "Grades",
    ]);
  });

  it("quotes sheet names with apostrophes in series formulas", async () => {
    const { zip, result } = await writeWithCharts({ sheets: [makeRollup({ name: "Ana's Q3" })] });
    const { charts } = await chartsOfSheet(zip, result.names.rollup);
    expect(await text(zip, charts[0])).toContain("<c:f>'Ana''s Q3'!$B$6:$B$8</c:f>");
  });

  it("numbers its parts after drawings already in the package and keeps them", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const { zip, result } = await writeWithCharts({ sheets: [makeRollup()] }, (wb) => {
      const logo = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
      wb.addWorksheet("Logo").addImage(logo, "B2:C3");
    });
    const { drawing } = await chartsOfSheet(zip, result.names.rollup);

    expect(drawing).toBe("xl/drawings/drawing2.xml");
    expect(await text(zip, "xl/drawings/drawing1.xml")).toContain("<xdr:pic>");
    expect(await text(zip, await sheetPart(zip, "Logo"))).toContain("<drawing ");
  });

  it("produces a file ExcelJS can read back, with every sheet and value", async () => {
    const { bytes, result } = await writeWithCharts({ sheets: [makeRollup()] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);

    expect(book.worksheets.map((ws) => ws.name)).toEqual(["Rollup 2026-Q3", result.names.rollup]);
    expect(book.getWorksheet(result.names.rollup)?.getCell("A7").value).toBe("R&D <core>");
  });

  it("records the charts it will add with the final sheet name and ranges", () => {
    const styles = new StyleSheet({ fonts: 1, fills: 2, borders: 1, cellXfs: 1, dxfs: 0, numFmts: new Map(), maxNumFmtId: 163 });
    const { sheets } = renderPlan({ sheets: [makeRollup({}, { data: { row: 4, col: 1, rows: 4, cols: 1 } })] }, { sheetNames: [], tableNames: [], maxTableId: 0 }, styles);
    const charts = sheets.flatMap((sheet) => sheet.charts);
    const expected: PendingChart = {
      sheet: "Rollup 2026-Q3",
      chartType: "column",
      title: `Scores by team: "R&D" <'core'>`,
      categories: null,
      series: [
        {
          name: { ref: "'Rollup 2026-Q3'!$B$5", cache: ["Score"] },
          values: { ref: "'Rollup 2026-Q3'!$B$6:$B$8", cache: [0.7, 0.55, 0.4], format: "General" },
        },
      ],
      anchor: { from: { row: 1, col: 5 }, to: { row: 16, col: 13 } },
    };
    expect(charts).toEqual([expected]);
  });

  it("adds no drawing when the plan has no charts", async () => {
    const rollup = makeRollup();
    const { zip, result } = await writeWithCharts({ sheets: [{ ...rollup, blocks: rollup.blocks.filter((b) => b.kind !== "chart") }] });
    expect(Object.keys(zip.files).some((p) => p.includes("chart") || p.includes("drawing"))).toBe(false);
    expect(await text(zip, await sheetPart(zip, result.names.rollup))).not.toContain("<drawing ");
  });
});
