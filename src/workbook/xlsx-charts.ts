/**
 * Native Excel charts for .xlsx files. ExcelJS has no chart API, so the writer
 * records each planned chart as a {@link PendingChart} and, once ExcelJS has
 * produced the package, {@link addChartsToXlsx} adds the DrawingML parts
 * (chart, drawing, relationships, content types) to the zip directly.
 *
 * The XML ExcelJS writes is regular, so the few attributes needed here are read
 * with small patterns rather than a full parser (which would be a new runtime
 * dependency for the CLI).
 */
import JSZip from "jszip";
import type { ChartBlock } from "../core/plan";
import { WorkbookError } from "./port";

/** A reference in a chart series with the values Excel last saw, for viewers that do not recalculate. */
export interface ChartRef {
  /** Absolute, sheet-qualified reference, e.g. `'Rollup 2026-Q3'!$A$5:$A$9`. */
  ref: string;
  /** One cached value per cell of `ref`; `null` where the cell has no value yet (e.g. an uncalculated formula). */
  cache: Array<string | number | null>;
  /** Number format of the cells, e.g. `0%`, so cached values and the value axis show as the sheet does. */
  format?: string;
}

/** One series: its name (the header cell) and its values (the cells under it). */
export interface ChartSeries {
  name: ChartRef;
  values: ChartRef;
}

/** A chart planned on a written sheet, waiting to be added to the saved package. */
export interface PendingChart {
  /** Final name of the sheet that shows the chart. */
  sheet: string;
  chartType: ChartBlock["chartType"];
  title: string;
  /** The label column under the header row, or `null` when the data has no label column. */
  categories: ChartRef | null;
  series: ChartSeries[];
  /** Zero-based cells: the chart covers `from` up to (not including) `to`. */
  anchor: { from: { row: number; col: number }; to: { row: number; col: number } };
  /** Fill of each category's point, `#RRGGBB`, in category order. */
  pointColors?: string[];
}

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingml: "http://schemas.openxmlformats.org/drawingml/2006/main",
  sheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
} as const;

const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
} as const;

/**
 * Worksheet children that CT_Worksheet places after `<drawing>`: the drawing goes
 * before the first of them that is present, or at the end of the sheet.
 */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * Adds the charts to an .xlsx package written by ExcelJS and returns the new package.
 * Sheets are found by name through the workbook part and its relationships, never by position.
 *
 * @example
 * const bytes = await addChartsToXlsx(await workbook.xlsx.writeBuffer(), result.charts);
 */
export async function addChartsToXlsx(buffer: Uint8Array | ArrayBuffer, charts: PendingChart[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(buffer);
  if (charts.length === 0) return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });

  const sheetParts = await worksheetPartsByName(zip);
  let nextChart = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let nextDrawing = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const overrides: Array<{ part: string; type: string }> = [];

  for (const [sheet, sheetCharts] of groupBySheet(charts)) {
    const sheetPart = sheetParts.get(sheet.toLowerCase());
    if (!sheetPart) throw new WorkbookError(`Cannot add a chart: there is no sheet named "${sheet}".`, "ItemNotFound");

    const drawingPart = `xl/drawings/drawing${nextDrawing++}.xml`;
    const drawingRels: string[] = [];
    const anchors: string[] = [];
    sheetCharts.forEach((chart, i) => {
      const chartPart = `xl/charts/chart${nextChart++}.xml`;
      zip.file(chartPart, chartXml(chart));
      overrides.push({ part: chartPart, type: CONTENT_TYPE.chart });
      const rId = `rId${i + 1}`;
      drawingRels.push(relationship(rId, REL_TYPE.chart, `../charts/${baseName(chartPart)}`));
      anchors.push(anchorXml(chart, rId, i + 2));
    });
    zip.file(drawingPart, drawingXml(anchors));
    zip.file(relsPathOf(drawingPart), relationshipsXml(drawingRels));
    overrides.push({ part: drawingPart, type: CONTENT_TYPE.drawing });

    await attachDrawing(zip, sheetPart, drawingPart);
  }

  const typesXml = await readPart(zip, "[Content_Types].xml");
  const added = overrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join("");
  zip.file("[Content_Types].xml", typesXml.replace("</Types>", `${added}</Types>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The DrawingML chart part for one chart. */
function chartXml(chart: PendingChart): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${plotXml(chart)}</c:plotArea>` +
    `<c:legend><c:legendPos val="${chart.chartType === "bar" || chart.chartType === "column" ? "b" : "r"}"/>` +
    `<c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

const CAT_AXIS = 500_000_001;
const VAL_AXIS = 500_000_002;

function plotXml(chart: PendingChart): string {
  if (chart.chartType === "pie" || chart.chartType === "doughnut") {
    // A pie shows only its first series; a doughnut draws one ring per series.
    const series = chart.chartType === "pie" ? chart.series.slice(0, 1) : chart.series;
    const body = series.map((s, i) => seriesXml(chart, s, i, "")).join("");
    const labels =
      `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
      `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>`;
    return chart.chartType === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${body}${labels}<c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:doughnutChart><c:varyColors val="1"/>${body}${labels}<c:firstSliceAng val="0"/><c:holeSize val="50"/></c:doughnutChart>`;
  }
  const horizontal = chart.chartType === "bar";
  const body = chart.series.map((s, i) => seriesXml(chart, s, i, `<c:invertIfNegative val="0"/>`)).join("");
  return (
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `${body}<c:gapWidth val="150"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(chart.series[0]?.values.format ?? "General")}" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** One `c:ser`; `extra` sits between `c:tx` and `c:cat` as the schema orders it. */
function seriesXml(chart: PendingChart, series: ChartSeries, index: number, extra: string): string {
  const categories = chart.categories ? `<c:cat>${strRef(chart.categories)}</c:cat>` : "";
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx>${strRef(series.name)}</c:tx>${extra}` +
    `${pointsXml(chart.pointColors)}${categories}<c:val>${numRef(series.values)}</c:val></c:ser>`
  );
}

/** One data point override per colour (`c:dPt` comes after the series' own shape properties, before its categories). */
function pointsXml(colors: string[] | undefined): string {
  if (!colors) return "";
  return colors
    .map((color, i) => {
      const rgb = /^#?([0-9A-Fa-f]{6})$/.exec(color);
      return rgb ? `<c:dPt><c:idx val="${i}"/><c:spPr><a:solidFill><a:srgbClr val="${rgb[1].toUpperCase()}"/></a:solidFill></c:spPr></c:dPt>` : "";
    })
    .join("");
}

function strRef(ref: ChartRef): string {
  const points = ref.cache
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join("");
  return `<c:strRef><c:f>${escapeXml(ref.ref)}</c:f><c:strCache><c:ptCount val="${ref.cache.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(ref: ChartRef): string {
  const points = ref.cache
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return (
    `<c:numRef><c:f>${escapeXml(ref.ref)}</c:f><c:numCache><c:formatCode>${escapeXml(ref.format ?? "General")}</c:formatCode>` +
    `<c:ptCount val="${ref.cache.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function anchorXml(chart: PendingChart, rId: string, shapeId: number): string {
  const marker = (tag: string, p: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  // The title doubles as alternative text so screen readers can name the chart.
  const title = escapeXml(chart.title);
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", chart.anchor.from)}${marker("to", chart.anchor.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="Chart ${shapeId - 1}" descr="${title}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${rId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function drawingXml(anchors: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.sheetDrawing}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.rel}">${anchors.join("")}</xdr:wsDr>`
  );
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

function relationshipsXml(relationships: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="${NS.pkgRels}">${relationships.join("")}</Relationships>`
  );
}

/** Links the drawing to the sheet: a relationship, then `<drawing>` at its place in CT_Worksheet. */
async function attachDrawing(zip: JSZip, sheetPart: string, drawingPart: string): Promise<void> {
  const sheetXml = await readPart(zip, sheetPart);
  if (/<drawing[\s/>]/.test(sheetXml)) {
    // Planned sheets are new and never carry images, so a drawing here means a mix-up of sheets.
    throw new WorkbookError(`Cannot add a chart to ${sheetPart}: the sheet already has a drawing.`, "InvalidArgument");
  }
  const relsPath = relsPathOf(sheetPart);
  const relsXml = zip.file(relsPath) ? await readPart(zip, relsPath) : relationshipsXml([]);
  const rId = freeRelationshipId(relsXml);
  const rel = relationship(rId, REL_TYPE.drawing, relativeTarget(sheetPart, drawingPart));
  zip.file(relsPath, relsXml.includes("</Relationships>") ? relsXml.replace("</Relationships>", `${rel}</Relationships>`) : relsXml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`));

  // Conditional formats may hold their own <extLst>, so look only after the last of them.
  const lastFormat = sheetXml.lastIndexOf("</conditionalFormatting>");
  const searchFrom = lastFormat >= 0 ? lastFormat : Math.max(0, sheetXml.indexOf("</sheetData>"));
  const after = new RegExp(`<(?:${AFTER_DRAWING.join("|")})[\\s/>]`, "g");
  after.lastIndex = searchFrom;
  const found = after.exec(sheetXml);
  const at = found ? found.index : sheetXml.lastIndexOf("</worksheet>");
  if (at < 0) throw new WorkbookError(`Cannot add a chart: ${sheetPart} is not a worksheet.`, "InvalidArgument");
  const withRelNs = /xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet"))))
    ? sheetXml
    : sheetXml.replace("<worksheet", `<worksheet xmlns:r="${NS.rel}"`);
  const shift = withRelNs.length - sheetXml.length;
  zip.file(sheetPart, `${withRelNs.slice(0, at + shift)}<drawing r:id="${rId}"/>${withRelNs.slice(at + shift)}`);
}

/** Worksheet part paths (`xl/worksheets/sheet3.xml`) by lower-cased sheet name. */
async function worksheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const workbookPart = "xl/workbook.xml";
  const workbookXml = await readPart(zip, workbookPart);
  const relsXml = await readPart(zip, relsPathOf(workbookPart));
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\s[^>]*>/g) ?? []) {
    const attrs = attributes(tag);
    if (attrs.Type === REL_TYPE.worksheet && attrs.Id && attrs.Target) {
      targets.set(attrs.Id, resolveTarget(workbookPart, attrs.Target));
    }
  }
  const parts = new Map<string, string>();
  for (const tag of workbookXml.match(/<sheet\s[^>]*>/g) ?? []) {
    const attrs = attributes(tag);
    const target = attrs["r:id"] ? targets.get(attrs["r:id"]) : undefined;
    if (attrs.name && target) parts.set(attrs.name.toLowerCase(), target);
  }
  return parts;
}

/** The attributes of one start tag, entities decoded. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? "");
  return out;
}

function groupBySheet(charts: PendingChart[]): Map<string, PendingChart[]> {
  const groups = new Map<string, PendingChart[]>();
  for (const chart of charts) {
    const key = chart.sheet;
    groups.set(key, [...(groups.get(key) ?? []), chart]);
  }
  return groups;
}

function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  for (const name of Object.keys(zip.files)) {
    const m = pattern.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function freeRelationshipId(relsXml: string): string {
  const used = new Set(Array.from(relsXml.matchAll(/\bId\s*=\s*"([^"]*)"/g), (m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

async function readPart(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new WorkbookError(`The .xlsx package has no ${path}.`, "Corrupt");
  return file.async("string");
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function baseName(part: string): string {
  return part.slice(part.lastIndexOf("/") + 1);
}

/** Resolves a relationship target against the folder of its source part. */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

/** The target of `part` as seen from `sourcePart` (both under `xl/`). */
function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/**
 * Escapes text for XML content and attributes; also drops characters XML 1.0 cannot carry.
 *
 * @example
 * escapeXml(`Q3 <"R&D">`) // "Q3 &lt;&quot;R&amp;D&quot;&gt;"
 */
function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}
