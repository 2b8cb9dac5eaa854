/**
 * The Overview's dashboard: one quarter's figures as charts (computed by
 * `computeDashboard` in the application layer; this view only draws them).
 * Every figure is a button that selects the rows behind it in the workbook;
 * each chart also reads as one sentence for screen readers. The drawing itself
 * is inert: its figures are the buttons below it, so keyboard and screen-reader
 * users meet each figure once, as a button that says what it selects.
 */
import { useMemo, useState } from "react";
import { Body1, Button, Caption1, Link, Subtitle2, makeStyles, tokens, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { DonutChart, HorizontalBarChart, type ChartDataPoint, type ChartProps } from "@fluentui/react-charts";
import { computeDashboard, type Area, type DashboardChart, type Figure, type Tone } from "../../app/dashboard";
import { quoteSheet } from "../../core/address";
import { useThemeName, type ThemeName } from "../app/App";
import { useHost, useWorkbook } from "../app/host";
import { PeriodField } from "./common";

const useStyles = makeStyles({
  dashboard: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  headline: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  chart: { width: "100%", overflow: "hidden" },
  figures: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: "none" },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    borderRadius: tokens.borderRadiusCircular,
    marginRight: tokens.spacingHorizontalXS,
    // Forced colours drop backgrounds; the border keeps the swatch visible there.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    flexShrink: 0,
  },
  behind: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, alignItems: "baseline" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** The chart fill of each tone, from the Fluent theme in use (SVG fills cannot read CSS variables). */
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

/** `OKRs!A5:L7`, quoted as Excel writes it. */
function areaText(area: Area): string {
  return `${quoteSheet(area.sheet)}!${area.address}`;
}

interface Shown {
  chart: DashboardChart;
  figure: Figure;
}

export function Dashboard() {
  const styles = useStyles();
  const { loaded } = useWorkbook();
  const { editor } = useHost();
  const theme = useThemeName();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [shown, setShown] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const dashboard = useMemo(() => (loaded ? computeDashboard(loaded, { period }) : null), [loaded, period]);
  if (!dashboard) return null;
  const colours = toneColours(theme);

  const select = (area: Area) => {
    setFailure(null);
    editor.select(area.sheet, area.address).catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  };
  const open = (chart: DashboardChart, figure: Figure) => {
    setShown({ chart, figure });
    // Excel selects one rectangle at a time (RangeAreas has no select()): the first, the others are listed.
    if (figure.behind.areas.length > 0) select(figure.behind.areas[0]);
  };

  return (
    <section className={styles.dashboard} aria-labelledby="dashboard-heading">
      <Subtitle2 as="h2" id="dashboard-heading">
        {dashboard.period ? `Dashboard ${dashboard.period.label}` : "Dashboard"}
      </Subtitle2>
      {dashboard.periods.length > 1 && dashboard.period && (
        <PeriodField label="Quarter" periods={dashboard.periods} value={dashboard.period.label} onChoose={(label) => { setPeriod(label); setShown(null); }} />
      )}
      {dashboard.period && (
        <div className={styles.headline}>
          <Body1>{`${dashboard.objectives} objectives`}</Body1>
          <Body1>{`${dashboard.keyResults} key results`}</Body1>
          <Body1>{dashboard.averageScore === null ? "No score yet" : `Average score ${Math.round(dashboard.averageScore * 100)}%`}</Body1>
        </div>
      )}
      {shown && (
        <div className={styles.card} role="status" aria-live="polite" data-testid="rows-behind">
          <Body1>
            {shown.figure.behind.areas.length === 0
              ? `Nothing behind ${shown.figure.label}: no ${shown.chart.unit ?? "rows"}.`
              : `${shown.chart.title}, ${shown.figure.label}: ${shown.figure.behind.count} ${shown.chart.id === "findings" ? "cells" : "rows"}. Selected ${areaText(shown.figure.behind.areas[0])}.`}
          </Body1>
          {shown.figure.behind.areas.length > 1 && (
            <div className={styles.behind}>
              <Caption1>Excel selects one block at a time:</Caption1>
              {shown.figure.behind.areas.map((area) => (
                <Link key={areaText(area)} as="button" inline onClick={() => select(area)}>
                  {areaText(area)}
                </Link>
              ))}
            </div>
          )}
          {failure && <Caption1 role="alert">{`Could not select the rows: ${failure}`}</Caption1>}
        </div>
      )}
      {dashboard.charts.map((chart) => (
        <ChartCard key={chart.id} chart={chart} colours={colours} onOpen={(figure) => open(chart, figure)} />
      ))}
    </section>
  );
}

function ChartCard({ chart, colours, onOpen }: { chart: DashboardChart; colours: Record<Tone, string>; onOpen(figure: Figure): void }) {
  const styles = useStyles();
  const headingId = `chart-${chart.id}`;
  const summaryId = `chart-${chart.id}-summary`;
  return (
    <section className={styles.card} aria-labelledby={headingId} aria-describedby={summaryId} data-chart={chart.id}>
      <Subtitle2 as="h3" id={headingId}>
        {chart.title}
      </Subtitle2>
      <p id={summaryId} className={styles.hidden}>
        {chart.summary}
      </p>
      {chart.empty ? (
        <Body1>{chart.empty}</Body1>
      ) : (
        <>
          <div className={styles.chart} inert>
            <ChartDrawing chart={chart} colours={colours} />
          </div>
          <ul className={styles.figures} aria-label={`${chart.title}: figures`}>
            {chart.figures.map((figure) => (
              <li key={figure.key}>
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => onOpen(figure)}
                  aria-label={`${figure.label}: ${figure.text}${chart.unit ? ` ${chart.unit}` : ""}. Select the ${chart.id === "findings" ? "cells" : "rows"} behind it.`}
                  icon={<span className={styles.swatch} style={{ backgroundColor: colours[figure.tone] }} />}
                >
                  {`${figure.label} ${figure.text}`}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The picture: a doughnut of grades, bars for the rest. */
function ChartDrawing({ chart, colours }: { chart: DashboardChart; colours: Record<Tone, string> }) {
  const point = (figure: Figure): ChartDataPoint => ({ legend: figure.label, color: colours[figure.tone] });
  if (chart.id === "grades") {
    const total = chart.figures.reduce((n, f) => n + f.value, 0);
    const data: ChartProps = { chartTitle: chart.title, chartData: chart.figures.filter((f) => f.value > 0).map((f) => ({ ...point(f), data: f.value })) };
    return <DonutChart data={data} innerRadius={38} height={150} width={260} hideLegend valueInsideDonut={String(total)} />;
  }
  const total = chart.figures.reduce((n, f) => n + f.value, 0);
  const rows: ChartProps[] = chart.figures.map((f) => ({
    chartTitle: f.label,
    chartData: [
      {
        ...point(f),
        // Team averages are out of 100 %; counts are out of the chart's total.
        horizontalBarChartdata: chart.unit === null ? { x: Math.round(f.value * 100), total: 100 } : { x: f.value, total: Math.max(1, total) },
      },
    ],
  }));
  return <HorizontalBarChart data={rows} chartDataMode={chart.unit === null ? "percentage" : "fraction"} hideTooltip barHeight={10} />;
}
