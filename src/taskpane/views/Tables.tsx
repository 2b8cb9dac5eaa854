/**
 * Tables: convert a recognised range into an Excel table with live computed
 * columns, colours and drop-downs (the user's own cells stay as they are), or
 * insert a starter sheet with example rows.
 */
import { useState } from "react";
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetKind } from "../../core/model";
import { periodContaining } from "../../core/periods";
import { SHEET_KINDS } from "../../core/recognise";
import { planTableConversion } from "../../core/tables";
import { planTemplate } from "../../core/templates";
import { todayIso } from "../../core/dates";
import { WorkbookError } from "../../workbook/port";
import { ActionMessages, useAction } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import { Section, useLayoutStyles } from "./common";
import { BusyBar } from "./run-progress";

const TEMPLATE_KINDS: readonly SheetKind[] = ["okr", "kpi", "kra", "checkins"];
/** Office error codes with which Excel refuses a table over a range (most often one that already holds a table). */
const REFUSED: ReadonlySet<string> = new Set(["InvalidArgument", "InvalidOperation"]);

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
      const recognised = loaded.parsed.sheets.find((s) => s.name === name);
      const sheet = loaded.sheets.find((s) => s.name === name);
      if (!recognised || !sheet) throw new Error(`"${name}" is no longer a recognised sheet; refresh the overview.`);
      const plan = planTableConversion(sheet, recognised, loaded.settings);
      if (!plan.ok) throw new Error(plan.message);
      const columns = plan.value.computed.length;
      setConverting(`Converting ${name}: ${recognised.rowCount} rows${columns ? `, ${columns} computed ${columns === 1 ? "column" : "columns"}` : ""}…`);
      const done = await editor.convertToTable(plan.value).finally(() => setConverting(null)).catch((failure: unknown) => {
        // Excel's own wording ("A table can't overlap another table. (at TableCollection.add)") names its internals, not the cause a user can act on.
        if (failure instanceof WorkbookError && REFUSED.has(failure.code)) {
          throw new Error(`Excel would not make ${name} into a table. Usually part of it is an Excel table already (an earlier Convert does that); then there is nothing more to do.`);
        }
        throw failure;
      });
      await reload();
      const added = plan.value.computed.map((c) => c.header);
      return `${name} is now the table ${done.tableName} (${done.address})${added.length ? ` with ${added.join(", ")} computed live` : ""}.`;
    });

  const insertTemplate = (kind: SheetKind) =>
    insert.run(async () => {
      const quarter = periodContaining(asOf ?? todayIso(), "quarter");
      const written = await port.writeSheets(planTemplate(kind, quarter));
      const name = written.names[kind] ?? Object.values(written.names)[0];
      if (name) await editor.select(name, "A1");
      await reload();
      return `Added the sheet "${name}" with example rows for ${quarter.label}.`;
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
            <Button key={kind} onClick={() => void insertTemplate(kind)} disabled={insert.busy}>
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
