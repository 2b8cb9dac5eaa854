/**
 * What the figure chosen stands for: how many rows, the block selected, and the
 * other blocks to select one by one (Excel selects one block at a time).
 */
import { Body1, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Area } from "../../../app/dashboard";
import { areaText, rowsBehindText } from "../../models/dashboard";
import { useCardStyles } from "./styles";
import type { Chosen } from "./use-dashboard";

const useStyles = makeStyles({
  behind: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, alignItems: "baseline" },
});

export function RowsBehind({ chosen, failure, onSelect }: { chosen: Chosen; failure: string | null; onSelect(area: Area): void }) {
  const styles = useStyles();
  const card = useCardStyles();
  const { areas } = chosen.figure.behind;
  return (
    <div className={card.card} role="status" aria-live="polite" data-testid="rows-behind">
      <Body1>{rowsBehindText(chosen.chart, chosen.figure)}</Body1>
      {areas.length > 1 && (
        <div className={styles.behind}>
          <Caption1>Excel selects one block at a time:</Caption1>
          {areas.map((area) => (
            <Link key={areaText(area)} as="button" inline onClick={() => onSelect(area)}>
              {areaText(area)}
            </Link>
          ))}
        </div>
      )}
      {failure && <Caption1 role="alert">{`Could not select the rows: ${failure}`}</Caption1>}
    </div>
  );
}
