/**
 * Map columns: when recognition is unsure or wrong, the user picks the sheet's
 * kind and the column of each field, sees the first rows as Altitude would read
 * them, and saves the mapping in the workbook, where every door uses it.
 */
import { useMemo, useState } from "react";
import { Body1, Button, Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { ColumnMapping, ParsedWorkbook, RawCell, SheetData, SheetKind } from "../../core/model";
import type { Settings } from "../../core/settings";
import { SHEET_KINDS, columnLetter, describe, forgetMapping, readWithMapping, saveMapping } from "../../app";
import { useNavigation } from "../app/navigation";
import { ActionMessages, useAction } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import { Section, formatFigure, formatNumber, isPercentFormat, numberFormatAt, useLayoutStyles } from "./common";

const KINDS = Object.keys(SHEET_KINDS) as SheetKind[];
const PREVIEW_ROWS = 3;

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

export function MapColumns() {
  const { loaded } = useWorkbook();
  const navigation = useNavigation();
  const names = loaded?.sheets.map((s) => s.name) ?? [];
  const fallback = loaded?.parsed.sheets.find((s) => s.confidence < 0.6)?.name ?? loaded?.parsed.unrecognised[0] ?? names[0];
  const [chosen, setChosen] = useState<string | undefined>(navigation.sheet);
  const sheetName = chosen && names.includes(chosen) ? chosen : fallback;
  if (!loaded) return null;
  if (!sheetName) return <Body1>The workbook has no sheets to map.</Body1>;
  const sheet = loaded.sheets.find((s) => s.name === sheetName);
  if (!sheet) return null;

  return (
    <Section title="Map columns">
      <Field label="Sheet">
        <Select value={sheetName} onChange={(_, data) => setChosen(data.value)}>
          {names.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </Select>
      </Field>
      <MappingForm key={sheetName} sheet={sheet} />
    </Section>
  );
}

function initialMapping(sheet: SheetData, saved: ColumnMapping | undefined, recognised: ParsedWorkbook["sheets"][number] | undefined): ColumnMapping {
  if (saved) return saved;
  if (recognised) return { kind: recognised.kind, headerRow: recognised.headerRow, columns: { ...recognised.columns } };
  return { kind: "okr", headerRow: sheet.origin.row + 1, columns: {} };
}

function MappingForm({ sheet }: { sheet: SheetData }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { port } = useHost();
  const { loaded, reload } = useWorkbook();
  const action = useAction();
  const saved = loaded?.state.mappings?.[sheet.name];
  const recognised = loaded?.parsed.sheets.find((s) => s.name === sheet.name);
  const [mapping, setMapping] = useState<ColumnMapping>(() => initialMapping(sheet, saved, recognised));
  const settings = loaded?.settings;

  const headers = headerCells(sheet, mapping.headerRow);
  const fields = Object.entries(SHEET_KINDS[mapping.kind].fields) as Array<[string, { label: string }]>;
  const preview = useMemo(() => (settings ? previewRecords(sheet, mapping, settings) : null), [sheet, mapping, settings]);
  if (!loaded) return null;

  const setKind = (kind: SheetKind) => {
    const auto = recognised?.kind === kind ? recognised.columns : {};
    setMapping({ ...mapping, kind, columns: { ...auto } });
  };
  const setColumn = (field: string, value: string) => {
    const columns = { ...mapping.columns };
    if (value === "") delete columns[field];
    else columns[field] = Number(value);
    setMapping({ ...mapping, columns });
  };
  const save = () =>
    action.run(async () => {
      const done = await saveMapping(port, loaded, sheet.name, mapping);
      // The pane names the missing fields as its drop-downs label them.
      if (!done.ok && done.code === "missing-columns") throw new Error(describe({ ...done, fields: done.fields.map((f) => labelOf(mapping.kind, f)) }));
      if (!done.ok) throw new Error(done.message);
      await reload();
      return `Saved: ${sheet.name} is read as ${SHEET_KINDS[mapping.kind].label} with ${Object.keys(mapping.columns).length} mapped columns.`;
    });
  const forget = () =>
    action.run(async () => {
      await forgetMapping(port, loaded, sheet.name);
      const next = await reload();
      const again = next?.parsed.sheets.find((s) => s.name === sheet.name);
      setMapping(initialMapping(sheet, undefined, again));
      return `${sheet.name} is recognised from its headers again.`;
    });

  return (
    <>
      <Caption1>
        {saved ? "A saved mapping is used for this sheet." : recognised ? `Recognised as ${SHEET_KINDS[recognised.kind].label} (confidence ${Math.round(recognised.confidence * 100)}%).` : "Not recognised yet."}
      </Caption1>
      <Field label="Sheet kind">
        <Select value={mapping.kind} onChange={(_, data) => setKind(data.value as SheetKind)}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {SHEET_KINDS[kind].label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Header row" hint="The row number that holds the column titles.">
        <Input
          type="number"
          min={1}
          value={String(mapping.headerRow)}
          onChange={(_, data) => {
            const row = Math.floor(Number(data.value));
            if (row >= 1) setMapping({ ...mapping, headerRow: row });
          }}
        />
      </Field>
      {fields.map(([field, spec]) => (
        <Field key={field} label={spec.label}>
          <Select value={mapping.columns[field] === undefined ? "" : String(mapping.columns[field])} onChange={(_, data) => setColumn(field, data.value)}>
            <option value="">(not in this sheet)</option>
            {headers.map((h) => (
              <option key={h.col} value={String(h.col)}>
                {h.label}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Section title="Preview of the first rows" id="map-preview">
        {preview && preview.rows.length > 0 ? (
          <div className={styles.preview}>
            {preview.rows.map((row) => (
              <dl key={row.row} className={styles.record} aria-label={`Row ${row.row}`}>
                <dt className={styles.term}>Row</dt>
                <dd className={styles.value}>{row.row}</dd>
                {row.fields.map(([label, value]) => (
                  <FieldPair key={label} label={label} value={value} termClass={styles.term} valueClass={styles.value} />
                ))}
              </dl>
            ))}
            <Caption1>{preview.problems === 0 ? "No problems reading these columns." : `${preview.problems} problems reading these columns (see Checks once saved).`}</Caption1>
          </div>
        ) : (
          <Body1>No rows can be read with this mapping yet: map at least the required fields ({SHEET_KINDS[mapping.kind].required.map((f) => labelOf(mapping.kind, f)).join(", ")}).</Body1>
        )}
      </Section>
      <div className={layout.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={action.busy}>
          Save mapping
        </Button>
        {saved && (
          <Button onClick={() => void forget()} disabled={action.busy}>
            Forget mapping
          </Button>
        )}
      </div>
      <ActionMessages state={action} />
    </>
  );
}

function FieldPair({ label, value, termClass, valueClass }: { label: string; value: string; termClass: string; valueClass: string }) {
  return (
    <>
      <dt className={termClass}>{label}</dt>
      <dd className={valueClass}>{value}</dd>
    </>
  );
}

function labelOf(kind: SheetKind, field: string): string {
  const fields: Record<string, { label: string }> = SHEET_KINDS[kind].fields;
  return fields[field]?.label ?? field;
}

/** The cells of the header row as choices: `D · Objective`. */
export function headerCells(sheet: SheetData, headerRow: number): Array<{ col: number; label: string }> {
  const width = sheet.values.reduce((max, row) => Math.max(max, row.length), 0);
  const row = sheet.values[headerRow - 1 - sheet.origin.row] ?? [];
  return Array.from({ length: width }, (_, i) => {
    const col = sheet.origin.col + i;
    const text = cellText(row[i] ?? "");
    return { col, label: text ? `${columnLetter(col)} · ${text}` : `Column ${columnLetter(col)}` };
  });
}

function cellText(value: RawCell): string {
  return typeof value === "number" ? formatNumber(value) : String(value).trim();
}

interface PreviewRow {
  row: number;
  fields: Array<[string, string]>;
}

/** The first rows as Altitude reads them with this mapping, and how many problems the whole sheet gives. */
export function previewRecords(sheet: SheetData, mapping: ColumnMapping, settings: Settings): { rows: PreviewRow[]; problems: number } {
  const parsed = readWithMapping(sheet, mapping, settings);
  const records: Array<{ row: number } & object> =
    mapping.kind === "okr" ? parsed.keyResults : mapping.kind === "kpi" ? parsed.kpis : mapping.kind === "kra" ? parsed.kras : parsed.checkIns;
  const mapped = Object.keys(mapping.columns);
  const rows = records.slice(0, PREVIEW_ROWS).map((record) => ({
    row: record.row,
    fields: mapped.map((field): [string, string] => {
      const cell = "cells" in record ? (record.cells as Partial<Record<string, string>>)[field] : undefined;
      return [labelOf(mapping.kind, field), shown((record as Record<string, unknown>)[field], isPercentFormat(numberFormatAt([sheet], sheet.name, cell)))];
    }),
  }));
  return { rows, problems: parsed.problems.length };
}

function shown(value: unknown, percent: boolean): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return formatFigure(value, percent);
  if (typeof value === "object" && "label" in value) return String(value.label);
  return String(value);
}
