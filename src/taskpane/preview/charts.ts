/**
 * What a chart the adapters wrote onto the in-memory host shows: its title, its
 * categories and values read from its source range (header row and label column
 * included, as the chart plan lays them out), and each point's fill.
 */
import { parseA1 } from "../../app";
import type { ChartState, FakeSheetView } from "../../hosts/excel-stand-in";

export interface PreviewPoint {
  label: string;
  value: number;
  /** `#RRGGBB` when the point's fill was set, else `null` (the host's palette). */
  color: string | null;
}

export interface PreviewChart {
  name: string;
  title: string;
  kind: "doughnut" | "column" | "bar";
  /** The values' number format shows a percentage. */
  percent: boolean;
  /** Name of the series (its header cell). */
  series: string;
  points: PreviewPoint[];
  /** The cells the chart floats over, e.g. `K3` to `Q16`. */
  from: string;
  to: string;
}

const KINDS: Record<string, PreviewChart["kind"]> = {
  Doughnut: "doughnut",
  Pie: "doughnut",
  ColumnClustered: "column",
  BarClustered: "bar",
};

/**
 * The chart as the preview draws it, or `null` when its source cannot be read.
 *
 * @example
 * previewChart(sheet, chart)?.points // [{ label: "Green", value: 2, color: "#63BE7B" }, ...]
 */
export function previewChart(sheet: FakeSheetView, chart: ChartState): PreviewChart | null {
  const address = chart.source.slice(chart.source.lastIndexOf("!") + 1);
  const [startText, endText = startText] = address.split(":");
  const start = parseA1(startText);
  const end = parseA1(endText);
  if (!start || !end || !chart.position) return null;
  const range = sheet.range(address);
  const labelled = end.col > start.col;
  const valueCol = labelled ? 1 : 0;
  const points = range.values.slice(1).map((row, i) => ({
    label: labelled ? String(row[0]) : String(i + 1),
    value: typeof row[valueCol] === "number" ? row[valueCol] : 0,
    color: chart.pointColors[i] ?? null,
  }));
  return {
    name: chart.name,
    title: chart.title,
    kind: KINDS[chart.type] ?? "column",
    percent: (range.numberFormats[1]?.[valueCol] ?? "").includes("%"),
    series: String(range.values[0]?.[valueCol] ?? ""),
    points,
    from: chart.position.start,
    to: chart.position.end ?? chart.position.start,
  };
}
