/**
 * Tables: convert a recognised range into an Excel table with live computed
 * columns, colours and drop-downs (the user's own cells stay as they are), or
 * insert a starter sheet with example rows.
 */
import { useState } from "react";
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetKind } from "../../core/model";
import { SHEET_KINDS, convertToTable, insertTemplate } from "../../app";
import { ActionMessages, useAction } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import { Section, useLayoutStyles } from "./common";
import { BusyBar } from "./run-progress";

const TEMPLATE_KINDS: readonly SheetKind[] = ["okr", "kpi", "kra", "checkins"];

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

export function Tables() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { port, editor, asOf } = useHost();
  const { loaded, reload } = useWorkbook();
  const convert = useAction();
  const insert = useAction();
  const [converting, setConverting] = useState<string | null>(null);
  if (!loaded) return null;

  const convertSheet = (name: string) =>
    convert.run(async () => {
      const done = await convertToTable(editor, loaded, name, {
        onStart: ({ rows, computed }) => setConverting(`Converting ${name}: ${rows} rows${computed ? `, ${computed} computed ${computed === 1 ? "column" : "columns"}` : ""}…`),
      }).finally(() => setConverting(null));
      if (!done.ok) throw new Error(done.message);
      await reload();
      const read = done.asRead.length ? ` ${done.asRead.join(" and ")} ${done.asRead.length === 1 ? "holds" : "hold"} what Altitude read for each row: fill ${done.asRead.length === 1 ? "it" : "them"} in for rows you add.` : "";
      return `${name} is now the table ${done.tableName} (${done.address})${done.computed.length ? ` with ${done.computed.join(", ")} computed live` : ""}.${read}`;
    });

  const addTemplate = (kind: SheetKind) =>
    insert.run(async () => {
      const done = await insertTemplate(port, kind, asOf);
      if (done.sheet) await editor.select(done.sheet, "A1");
      await reload();
      return `Added the sheet "${done.sheet}" with example rows for ${done.quarter}.`;
    });

  return (
    <>
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
      <Section title="Templates">
        <Body1>Insert a ready sheet with example rows, as a table Altitude recognises.</Body1>
        <div className={layout.actions}>
          {TEMPLATE_KINDS.map((kind) => (
            <Button key={kind} onClick={() => void addTemplate(kind)} disabled={insert.busy}>
              {`Insert ${SHEET_KINDS[kind].label}`}
            </Button>
          ))}
        </div>
        <ActionMessages state={insert} />
      </Section>
    </>
  );
}

function computedHint(kind: SheetKind): string {
  switch (kind) {
    case "okr":
      return ": adds Score, Grade and Pace";
    case "kpi":
      return ": adds Status and Trend";
    case "kra":
      return ": adds Person score";
    default:
      return "";
  }
}
