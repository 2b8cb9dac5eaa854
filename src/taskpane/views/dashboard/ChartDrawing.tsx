/** The picture of a dashboard chart: a doughnut of grades, bars for the rest, in the theme's colours. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { DonutChart, HorizontalBarChart, type ChartDataPoint, type ChartProps } from "@fluentui/react-charts";
import type { DashboardChart, Figure, Tone } from "../../../app/dashboard";
import type { ThemeName } from "../../app/navigation";
import { bars } from "../../models/dashboard";

/**
 * The chart fill of each tone, from the Fluent theme in use (SVG fills cannot read CSS variables).
 *
 * @example
 * toneColours("dark").good // webDarkTheme.colorPaletteGreenBackground3
 */
export function toneColours(theme: ThemeName): Record<Tone, string> {
  const t: Theme = theme === "dark" ? webDarkTheme : webLightTheme;
  return {
    good: t.colorPaletteGreenBackground3,
    warning: t.colorPaletteMarigoldBackground3,
    bad: t.colorPaletteRedBackground3,
    info: t.colorPaletteBlueBorderActive,
    neutral: t.colorNeutralForeground4,
  };
}

export function ChartDrawing({ chart, colours }: { chart: DashboardChart; colours: Record<Tone, string> }) {
  const point = (figure: Figure): ChartDataPoint => ({ legend: figure.label, color: colours[figure.tone] });
  if (chart.id === "grades") {
    const total = chart.figures.reduce((n, f) => n + f.value, 0);
    const data: ChartProps = { chartTitle: chart.title, chartData: chart.figures.filter((f) => f.value > 0).map((f) => ({ ...point(f), data: f.value })) };
    return <DonutChart data={data} innerRadius={38} height={150} width={260} hideLegend valueInsideDonut={String(total)} />;
  }
  const lengths = bars(chart);
  const rows: ChartProps[] = chart.figures.map((f, i) => ({ chartTitle: f.label, chartData: [{ ...point(f), horizontalBarChartdata: { x: lengths[i].x, total: lengths[i].total } }] }));
  return <HorizontalBarChart data={rows} chartDataMode={chart.unit === null ? "percentage" : "fraction"} hideTooltip barHeight={10} />;
}
