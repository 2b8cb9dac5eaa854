/**
 * What the Map view shows of a sheet: its columns as choices (`D · Objective`),
 * field labels, and the first records as Altitude would read them with a draft.
 */
import type { ColumnMapping, RawCell, SheetData, SheetKind } from "../../core/model";
import type { Settings } from "../../core/settings";
import { columnLetter, readWithMapping, SHEET_KINDS } from "../../app";
import { formatFigure, formatNumber, isPercentFormat, numberFormatAt } from "./figures";

const PREVIEW_ROWS = 3;

/**
 * What the pane calls a field of a sheet kind.
 *
 * @example
 * fieldLabel("okr", "keyResult") // "Key result"
 */
export function fieldLabel(kind: SheetKind, field: string): string {
  const fields: Record<string, { label: string }> = SHEET_KINDS[kind].fields;
  return fields[field]?.label ?? field;
}

function cellText(value: RawCell | undefined): string {
  return typeof value === "number" ? formatNumber(value) : String(value ?? "").trim();
}

/**
 * The cells of a row as choices: `D · Objective`, or `Column D` where the row is blank.
 *
 * @example
 * headerCells(sheet, 3)[0] // { col: 0, text: "", label: "Column A" }
 * headerCells(sheet, 3)[1] // { col: 1, text: "Jan", label: "B · Jan" }
 */
export function headerCells(sheet: SheetData, row: number): Array<{ col: number; label: string; text: string }> {
  const width = sheet.values.reduce((max, r) => Math.max(max, r.length), 0);
  const cells = sheet.values[row - 1 - sheet.origin.row] ?? [];
  return Array.from({ length: width }, (_, i) => {
    const col = sheet.origin.col + i;
    const text = cellText(cells[i]);
    return { col, text, label: text ? `${columnLetter(col)} · ${text}` : `Column ${columnLetter(col)}` };
  });
}

export interface PreviewRow {
  row: number;
  fields: Array<[string, string]>;
}

/** The fields a preview shows: the mapped columns, the form cells and, with period columns, each reading's period and figure. */
function shownFields(mapping: ColumnMapping): string[] {
  // What a row belongs to shows too, since headings or a form may give it rather than a column.
  const fields = new Set([...(mapping.kind === "okr" ? ["objective"] : mapping.kind === "kpi" ? ["area"] : []), ...Object.keys(mapping.columns)]);
  for (const field of Object.keys(mapping.arrangement?.formFields ?? {})) fields.add(field);
  if ((mapping.arrangement?.periodColumns.length ?? 0) > 0) {
    if (mapping.kind === "kpi") for (const f of ["period", "actual"]) fields.add(f);
    else if (mapping.kind === "okr") fields.add("target" in mapping.columns || "start" in mapping.columns ? "current" : "score");
  }
  return [...fields];
}

/**
 * The first records as Altitude reads them with this mapping, and how many problems the whole sheet gives.
 *
 * @example
 * previewRecords(sheet, { kind: "kpi", headerRow: 3, columns: { kpi: 0 }, arrangement }, settings).rows[0]
 * // { row: 4, fields: [["Area", "—"], ["KPI", "Sales Revenue (USD)"], ["Period", "2024-01"], ["Actual", "21400"]] }
 */
export function previewRecords(sheet: SheetData, mapping: ColumnMapping, settings: Settings): { rows: PreviewRow[]; problems: number } {
  const parsed = readWithMapping(sheet, mapping, settings);
  const records: Array<{ row: number } & object> =
    mapping.kind === "okr" ? parsed.keyResults : mapping.kind === "kpi" ? parsed.kpis : mapping.kind === "kra" ? parsed.kras : parsed.checkIns;
  const fields = shownFields(mapping);
  const rows = records.slice(0, PREVIEW_ROWS).map((record) => ({
    row: record.row,
    fields: fields.map((field): [string, string] => {
      const cell = "cells" in record ? (record.cells as Partial<Record<string, string>>)[field] : undefined;
      // A key result's grade is read into its current value; the preview shows it there.
      const key = field === "score" && mapping.kind === "okr" ? "current" : field;
      return [fieldLabel(mapping.kind, field), shown((record as Record<string, unknown>)[key], isPercentFormat(numberFormatAt([sheet], sheet.name, cell)))];
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
