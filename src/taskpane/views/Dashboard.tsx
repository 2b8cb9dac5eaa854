/**
 * The Overview's dashboard: one quarter's figures as charts (computed by
 * `computeDashboard` in the application layer; this view only draws them).
 * Every figure is a button that selects the rows behind it in the workbook;
 * each chart also reads as one sentence for screen readers.
 */
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useThemeName } from "../app/navigation";
import { headline } from "../models/dashboard";
import { ChartCard } from "./dashboard/ChartCard";
import { toneColours } from "./dashboard/ChartDrawing";
import { RowsBehind } from "./dashboard/RowsBehind";
import { useDashboard } from "./dashboard/use-dashboard";
import { PeriodField } from "./parts/PeriodField";

const useStyles = makeStyles({
  dashboard: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  headline: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
});

export function Dashboard() {
  const styles = useStyles();
  const theme = useThemeName();
  const { dashboard, chosen, failure, choosePeriod, open, select } = useDashboard();
  if (!dashboard) return null;
  const colours = toneColours(theme);
  const { period, periods } = dashboard;

  return (
    <section className={styles.dashboard} aria-labelledby="dashboard-heading">
      <Subtitle2 as="h2" id="dashboard-heading">
        {period ? `Dashboard ${period.label}` : "Dashboard"}
      </Subtitle2>
      {periods.length > 1 && period && <PeriodField label="Quarter" periods={periods} value={period.label} onChoose={choosePeriod} />}
      {period && (
        <div className={styles.headline}>
          {headline(dashboard).map((line) => (
            <Body1 key={line}>{line}</Body1>
          ))}
        </div>
      )}
      {chosen && <RowsBehind chosen={chosen} failure={failure} onSelect={select} />}
      {dashboard.charts.map((chart) => (
        <ChartCard key={chart.id} chart={chart} colours={colours} onOpen={(figure) => open(chart, figure)} />
      ))}
    </section>
  );
}
