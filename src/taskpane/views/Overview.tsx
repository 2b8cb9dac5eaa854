/**
 * Overview: the dashboard of the latest quarter, the sheets Altitude recognised
 * (kind, rows, periods, problems) and the ones it left alone. Sheets recognised with low confidence, or with
 * something recognition is unsure of (two header rows, two name columns, months with no year), say so and link to Map columns.
 */
import { Badge, Body1, Button, Caption1, Card, CardHeader, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SHEET_KINDS } from "../../app";
import { useNavigation } from "../app/navigation";
import { useWorkbook } from "../app/host";
import { Section, periodsOfSheet, useLayoutStyles } from "./common";
import { Dashboard } from "./Dashboard";
import { NotRead } from "./NotRead";

/** Below this recognition confidence the pane asks the user to confirm the columns. */
export const CONFIRM_BELOW = 0.6;

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
});

export function Overview() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { loaded, loading, reload } = useWorkbook();
  const { navigate } = useNavigation();
  if (!loaded) return null;
  const { parsed, findings, analysis } = loaded;
  const problemsOn = (sheet: string) =>
    parsed.problems.filter((p) => p.sheet === sheet).length +
    analysis.problems.filter((p) => p.sheet === sheet).length +
    findings.filter((f) => f.sheet === sheet).length;

  return (
    <>
      <Dashboard />
      <Section title="Recognised sheets">
        {parsed.sheets.length === 0 ? (
          <Body1>No sheet looks like an OKR, KPI, KRA or Check-ins sheet yet. Insert a template from Tables, or map a sheet's columns.</Body1>
        ) : (
          <ul className={styles.list} aria-label="Recognised sheets">
            {parsed.sheets.map((sheet) => {
              const periods = periodsOfSheet(parsed, sheet.name).map((p) => p.label);
              const problems = problemsOn(sheet.name);
              // Recognition that is unsure asks: the card says what it guessed and opens the Map view on it.
              const doubts = sheet.doubts ?? [];
              const unsure = sheet.confidence < CONFIRM_BELOW || doubts.length > 0;
              return (
                <li key={sheet.name}>
                  <Card size="small" aria-label={`${sheet.name}: ${SHEET_KINDS[sheet.kind].label}`}>
                    <CardHeader
                      header={<Text weight="semibold">{sheet.name}</Text>}
                      description={<Caption1>Kind: {SHEET_KINDS[sheet.kind].label}</Caption1>}
                      action={
                        unsure ? (
                          <Badge color="warning" appearance="tint">
                            Unsure
                          </Badge>
                        ) : undefined
                      }
                    />
                    <div className={styles.facts}>
                      <Caption1>{sheet.rowCount} rows</Caption1>
                      {periods.length > 0 && <Caption1>{periods.length === 1 ? periods[0] : `${periods.length} periods: ${periods.join(", ")}`}</Caption1>}
                      {problems === 0 ? (
                        <Caption1>No problems</Caption1>
                      ) : (
                        <Caption1>
                          <Link as="button" inline onClick={() => navigate("checks")} aria-label={`${problems} ${problems === 1 ? "problem" : "problems"} on ${sheet.name}: show them in Checks`}>
                            {`${problems} ${problems === 1 ? "problem" : "problems"}`}
                          </Link>
                        </Caption1>
                      )}
                    </div>
                    {doubts.map((doubt) => (
                      <Caption1 key={doubt.about}>{doubt.message}</Caption1>
                    ))}
                    {unsure && (
                      <Button size="small" onClick={() => navigate("map", { sheet: sheet.name })}>
                        Check columns of {sheet.name}
                      </Button>
                    )}
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      <Section title="Other sheets">
        {parsed.unrecognised.length === 0 ? (
          <Body1>Every sheet was recognised.</Body1>
        ) : (
          <>
            <Body1>Altitude left these alone. If one holds goals, map its columns.</Body1>
            <ul className={styles.list} aria-label="Sheets not recognised">
              {parsed.unrecognised.map((name) => (
                <li key={name} className={layout.actions}>
                  <Text>{name}</Text>
                  <Button size="small" appearance="subtle" onClick={() => navigate("map", { sheet: name })}>
                    Map columns of {name}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
      <Section title="Not read">
        <NotRead notRead={parsed.notRead} skipped={parsed.skipped} />
      </Section>
      <div className={layout.actions}>
        <Button onClick={() => void reload()} disabled={loading}>
          {loading ? "Refreshing…" : "Refresh"}
        </Button>
      </div>
    </>
  );
}
