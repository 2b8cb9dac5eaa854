/**
 * Native Excel charts for .xlsx files: the DrawingML parts (charts, the drawing
 * that places them on a sheet, its relationships) for the charts of one new sheet.
 */
import type { ChartBlock } from "../core/plan";
import { escapeXmlMarkup } from "./xlsx-xml";

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
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingml: "http://schemas.openxmlformats.org/drawingml/2006/main",
  sheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

const REL_TYPE = {
  chart: `${NS.rel}/chart`,
} as const;

const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
} as const;


/** A part to add to the package, with its content type when it needs an override. */
export interface NewPart {
  path: string;
  xml: string;
  contentType?: string;
}

/**
 * The drawing that shows one sheet's charts, and a part per chart: chart parts
 * are numbered from `firstChart`, the drawing is `xl/drawings/drawing{drawingNumber}.xml`.
 * The sheet links to the returned drawing part.
 *
 * @example
 * const { drawingPart, parts } = chartDrawing(charts, 3, 7); // drawing3.xml with chart7.xml, chart8.xml …
 */
export function chartDrawing(charts: PendingChart[], drawingNumber: number, firstChart: number): { drawingPart: string; parts: NewPart[] } {
  const drawingPart = `xl/drawings/drawing${drawingNumber}.xml`;
  const parts: NewPart[] = [];
  const drawingRels: string[] = [];
  const anchors: string[] = [];
  charts.forEach((chart, i) => {
    const chartPart = `xl/charts/chart${firstChart + i}.xml`;
    parts.push({ path: chartPart, xml: chartXml(chart), contentType: CONTENT_TYPE.chart });
    const rId = `rId${i + 1}`;
    drawingRels.push(relationship(rId, REL_TYPE.chart, `../charts/chart${firstChart + i}.xml`));
    anchors.push(anchorXml(chart, rId, i + 2));
  });
  parts.push({ path: drawingPart, xml: drawingXml(anchors), contentType: CONTENT_TYPE.drawing });
  parts.push({ path: `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, xml: relationshipsXml(drawingRels) });
  return { drawingPart, parts };
}

/** The DrawingML chart part for one chart. */
function chartXml(chart: PendingChart): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" b="1"/><a:t>${escapeXmlMarkup(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
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
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="${escapeXmlMarkup(chart.series[0]?.values.format ?? "General")}" sourceLinked="1"/>` +
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
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXmlMarkup(String(v))}</c:v></c:pt>`))
    .join("");
  return `<c:strRef><c:f>${escapeXmlMarkup(ref.ref)}</c:f><c:strCache><c:ptCount val="${ref.cache.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(ref: ChartRef): string {
  const points = ref.cache
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return (
    `<c:numRef><c:f>${escapeXmlMarkup(ref.ref)}</c:f><c:numCache><c:formatCode>${escapeXmlMarkup(ref.format ?? "General")}</c:formatCode>` +
    `<c:ptCount val="${ref.cache.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function anchorXml(chart: PendingChart, rId: string, shapeId: number): string {
  const marker = (tag: string, p: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  // The title doubles as alternative text so screen readers can name the chart.
  const title = escapeXmlMarkup(chart.title);
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

/**
 * One `<Relationship>` element of a `.rels` part, its target escaped.
 *
 * @example
 * relationship("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart", "../charts/chart1.xml")
 * // '<Relationship Id="rId1" Type="http://…/relationships/chart" Target="../charts/chart1.xml"/>'
 */
export function relationship(id: string, type: string, target: string, mode: "Internal" | "External" = "Internal"): string {
  const external = mode === "External" ? ' TargetMode="External"' : "";
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXmlMarkup(target)}"${external}/>`;
}

/**
 * A whole `.rels` part around the given `<Relationship>` elements.
 *
 * @example
 * relationshipsXml([relationship("rId1", type, "../charts/chart1.xml")])
 * // '<?xml …?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" …/></Relationships>'
 */
export function relationshipsXml(relationships: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="${NS.pkgRels}">${relationships.join("")}</Relationships>`
  );
}
