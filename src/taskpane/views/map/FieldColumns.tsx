/**
 * Which column holds each field, the name first (the key result, KPI or area
 * each row is about). Columns read as period columns are not offered here.
 */
import { Field, Select } from "@fluentui/react-components";
import type { SheetData } from "../../../core/model";
import { NAME_FIELD, SHEET_KINDS } from "../../../app";
import { headerCells } from "../../models/map";
import type { MappingDraft } from "./draft";

export function FieldColumns({ sheet, draft }: { sheet: SheetData; draft: MappingDraft }) {
  const { mapping } = draft;
  const headers = headerCells(sheet, mapping.headerRow);
  const name = NAME_FIELD[mapping.kind];
  const fields = Object.entries(SHEET_KINDS[mapping.kind].fields) as Array<[string, { label: string }]>;
  const ordered = [...fields.filter(([f]) => f === name), ...fields.filter(([f]) => f !== name)];
  const periods = new Set(mapping.arrangement.periodColumns);
  return (
    <>
      {ordered.map(([field, spec]) => (
        <Field key={field} label={spec.label} hint={field === name ? "The name of each row: the column that says what the row is about." : undefined}>
          <Select value={mapping.columns[field] === undefined ? "" : String(mapping.columns[field])} onChange={(_, data) => draft.setColumn(field, data.value === "" ? null : Number(data.value))}>
            <option value="">(not in this sheet)</option>
            {headers
              .filter((h) => !periods.has(h.col) || mapping.columns[field] === h.col)
              .map((h) => (
                <option key={h.col} value={String(h.col)}>
                  {h.label}
                </option>
              ))}
          </Select>
        </Field>
      ))}
    </>
  );
}
