/**
 * Overview: the dashboard of the latest quarter, the sheets Altitude recognised
 * (kind, rows, periods, problems) and the ones it left alone. Sheets recognised with low confidence, or with
 * something recognition is unsure of (two header rows, two name columns, months with no year), say so and link to Map columns.
 */
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { useWorkbook } from "../app/host";
import { sheetCards } from "../models/overview";
import { Section, useLayoutStyles } from "./common";
import { Dashboard } from "./Dashboard";
import { NotRead } from "./NotRead";
import { OtherSheets } from "./overview/OtherSheets";
import { SheetCardView } from "./overview/SheetCardView";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
});

export function Overview() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { loaded, loading, reload } = useWorkbook();
  if (!loaded) return null;
  const cards = sheetCards(loaded);

  return (
    <>
      <Dashboard />
      <Section title="Recognised sheets">
        {cards.length === 0 ? (
          <Body1>No sheet looks like an OKR, KPI, KRA or Check-ins sheet yet. Insert a template from Tables, or map a sheet's columns.</Body1>
        ) : (
          <ul className={styles.list} aria-label="Recognised sheets">
            {cards.map((card) => (
              <li key={card.name}>
                <SheetCardView card={card} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Other sheets">
        <OtherSheets names={loaded.parsed.unrecognised} />
      </Section>
      <Section title="Not read">
        <NotRead notRead={loaded.parsed.notRead} skipped={loaded.parsed.skipped} />
      </Section>
      <div className={layout.actions}>
        <Button onClick={() => void reload()} disabled={loading}>
          {loading ? "Refreshing…" : "Refresh"}
        </Button>
      </div>
    </>
  );
}
