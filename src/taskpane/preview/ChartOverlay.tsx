/**
 * The charts of the active sheet, drawn where Excel floats them: over the cells
 * of their position, read from the in-memory host as the adapters wrote them.
 */
import { useLayoutEffect, useState, type RefObject } from "react";
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { DonutChart, VerticalBarChart } from "@fluentui/react-charts";
import type { PreviewChart } from "./charts";

const useStyles = makeStyles({
  chart: {
    position: "absolute",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    overflow: "hidden",
  },
});

/** Excel's default series colour when a point has no fill of its own. */
const DEFAULT_FILL = "#4472C4";

interface Placed {
  chart: PreviewChart;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Places each chart over its cells, measured from the grid's own cells once they are laid out. */
export function ChartOverlay({ charts, table }: { charts: PreviewChart[]; table: RefObject<HTMLTableElement | null> }) {
  const styles = useStyles();
  const [placed, setPlaced] = useState<Placed[]>([]);
  useLayoutEffect(() => {
    const grid = table.current;
    if (!grid) return;
    const cellAt = (address: string) => grid.querySelector<HTMLTableCellElement>(`td[data-cell="${address}"]`);
    setPlaced(
      charts.flatMap((chart) => {
        const from = cellAt(chart.from);
        const to = cellAt(chart.to);
        if (!from) return [];
        const width = to ? to.offsetLeft + to.offsetWidth - from.offsetLeft : 420;
        const height = to ? to.offsetTop + to.offsetHeight - from.offsetTop : 300;
        return [{ chart, left: from.offsetLeft, top: from.offsetTop, width, height }];
      }),
    );
  }, [charts, table]);

  return (
    <>
      {placed.map(({ chart, left, top, width, height }) => (
        <figure key={chart.name} className={styles.chart} style={{ left, top, width, height, margin: 0 }} data-chart-title={chart.title} aria-label={`Chart: ${chart.title}`}>
          <figcaption>
            <Subtitle2>{chart.title}</Subtitle2>
          </figcaption>
          <ChartBody chart={chart} width={width - 16} height={height - 104} />
          <Caption1>{chart.points.map((p) => `${p.label} ${chart.percent ? `${Math.round(p.value * 100)}%` : p.value}`).join(" · ")}</Caption1>
        </figure>
      ))}
    </>
  );
}

function ChartBody({ chart, width, height }: { chart: PreviewChart; width: number; height: number }) {
  const shown = (value: number) => (chart.percent ? Math.round(value * 100) : value);
  if (chart.kind === "doughnut") {
    const data = { chartData: chart.points.filter((p) => p.value > 0).map((p) => ({ legend: p.label, data: p.value, color: p.color ?? DEFAULT_FILL })) };
    return <DonutChart data={data} innerRadius={Math.max(20, Math.min(width, height) / 5)} width={Math.max(120, width)} height={Math.max(120, height)} valueInsideDonut={String(chart.points.reduce((n, p) => n + p.value, 0))} />;
  }
  const data = chart.points.map((p) => ({ x: p.label, y: shown(p.value), legend: p.label, color: p.color ?? DEFAULT_FILL }));
  return <VerticalBarChart data={data} width={Math.max(160, width)} height={Math.max(120, height)} hideLegend yAxisTickFormat={(v: number) => (chart.percent ? `${v}%` : String(v))} />;
}
