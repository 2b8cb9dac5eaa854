/**
 * What Altitude did not read, and why: sheets left alone and rows under a table
 * that are not records (summary rows, headings, notes). A list the Overview
 * places; nothing is dropped without a word.
 */
import { Body1, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { rowSpans } from "../../app";
import type { SheetNotRead, SkippedRows } from "../../core/model";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
});

export interface NotReadProps {
  notRead: readonly SheetNotRead[];
  skipped: readonly SkippedRows[];
}

export function NotRead({ notRead, skipped }: NotReadProps) {
  const styles = useStyles();
  if (notRead.length === 0 && skipped.length === 0) return <Body1>Every row with content was read.</Body1>;
  return (
    <ul className={styles.list} aria-label="Not read">
      {notRead.map((n) => (
        <li key={`sheet:${n.sheet}`}>
          <Text weight="semibold">{n.sheet}</Text> <Caption1>{`not read: ${n.reason}`}</Caption1>
        </li>
      ))}
      {skipped.map((s) => (
        <li key={`rows:${s.sheet}:${s.reason}`}>
          <Text weight="semibold">{`${s.sheet} ${s.rows.length === 1 ? "row" : "rows"} ${rowSpans(s.rows)}`}</Text> <Caption1>{s.reason}</Caption1>
        </li>
      ))}
    </ul>
  );
}
