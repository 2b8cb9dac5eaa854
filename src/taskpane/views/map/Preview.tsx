/** The first records as Altitude would read them with the draft, before anything is saved. */
import { useMemo } from "react";
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetData } from "../../../core/model";
import type { Settings } from "../../../core/settings";
import { SHEET_KINDS } from "../../../app";
import { Section } from "../common";
import { fieldLabel, previewRecords } from "../../models/map";
import type { Draft } from "./draft";

const useStyles = makeStyles({
  preview: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  record: {
    display: "grid",
    gridTemplateColumns: "minmax(80px, auto) 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    wordBreak: "break-word",
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

export function Preview({ sheet, mapping, settings }: { sheet: SheetData; mapping: Draft; settings: Settings }) {
  const styles = useStyles();
  const preview = useMemo(() => previewRecords(sheet, mapping, settings), [sheet, mapping, settings]);
  return (
    <Section title="Preview of the first rows" id="map-preview">
      {preview.rows.length > 0 ? (
        <div className={styles.preview}>
          {preview.rows.map((row, i) => (
            // A row with period columns gives several readings: each is a record of its own.
            <dl key={`${row.row}:${i}`} className={styles.record} aria-label={`Row ${row.row}`}>
              <dt className={styles.term}>Row</dt>
              <dd className={styles.value}>{row.row}</dd>
              {row.fields.map(([label, value]) => [
                <dt key={`t:${label}`} className={styles.term}>
                  {label}
                </dt>,
                <dd key={`d:${label}`} className={styles.value}>
                  {value}
                </dd>,
              ])}
            </dl>
          ))}
          <Caption1>{preview.problems === 0 ? "No problems reading these columns." : `${preview.problems} problems reading these columns (see Checks once saved).`}</Caption1>
        </div>
      ) : (
        <Body1>
          No rows can be read with this mapping yet: map at least the required fields ({SHEET_KINDS[mapping.kind].required.map((f) => fieldLabel(mapping.kind, f)).join(", ")}).
        </Body1>
      )}
    </Section>
  );
}
