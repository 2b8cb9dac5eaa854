/**
 * Convert to table: each recognised sheet as a button that turns its range into
 * an Excel table with live computed columns (the user's own cells stay as they are).
 */
import { useState } from "react";
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { SHEET_KINDS, convertToTable, type LoadedWorkbook } from "../../../app";
import { ActionMessages, useAction } from "../../app/feedback";
import { useHost, useWorkbook } from "../../app/host";
import { computedHint, convertedMessage, convertingText } from "../../models/tables";
import { Section } from "../common";
import { BusyBar } from "../parts/BusyBar";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

export function ConvertSection({ loaded }: { loaded: LoadedWorkbook }) {
  const styles = useStyles();
  const { editor } = useHost();
  const { reload } = useWorkbook();
  const convert = useAction();
  const [converting, setConverting] = useState<string | null>(null);

  const convertSheet = (name: string) =>
    convert.run(async () => {
      const done = await convertToTable(editor, loaded, name, { onStart: (size) => setConverting(convertingText(name, size)) }).finally(() => setConverting(null));
      if (!done.ok) throw new Error(done.message);
      await reload();
      return convertedMessage(name, done);
    });

  return (
    <Section title="Convert to table">
      <Body1>Turns a recognised range into an Excel table. Scores, grades and statuses are added on the right as live formulas; your own columns stay as they are.</Body1>
      {loaded.parsed.sheets.length === 0 ? (
        <Body1>No recognised sheet to convert.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Sheets that can be converted">
          {loaded.parsed.sheets.map((sheet) => (
            <li key={sheet.name} className={styles.item}>
              <Button onClick={() => void convertSheet(sheet.name)} disabled={convert.busy}>
                Convert {sheet.name}
              </Button>
              <Caption1>
                {SHEET_KINDS[sheet.kind].label}, {sheet.rowCount} rows{computedHint(sheet.kind)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <BusyBar text={converting} />
      <ActionMessages state={convert} />
    </Section>
  );
}
