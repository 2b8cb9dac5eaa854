/**
 * One dashboard chart: its title, a sentence for screen readers, the drawing
 * (inert) and one button per figure that selects the rows behind it, so
 * keyboard and screen-reader users meet each figure once, as a button.
 */
import { Body1, Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { DashboardChart, Figure, Tone } from "../../../app/dashboard";
import { figureLabel } from "../../models/dashboard";
import { ChartDrawing } from "./ChartDrawing";
import { useCardStyles } from "./styles";

const useStyles = makeStyles({
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
  hidden: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 },
});

export function ChartCard({ chart, colours, onOpen }: { chart: DashboardChart; colours: Record<Tone, string>; onOpen(figure: Figure): void }) {
  const styles = useStyles();
  const card = useCardStyles();
  const headingId = `chart-${chart.id}`;
  const summaryId = `chart-${chart.id}-summary`;
  return (
    <section className={card.card} aria-labelledby={headingId} aria-describedby={summaryId} data-chart={chart.id}>
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
                <Button size="small" appearance="subtle" onClick={() => onOpen(figure)} aria-label={figureLabel(chart, figure)} icon={<span className={styles.swatch} style={{ backgroundColor: colours[figure.tone] }} />}>
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
