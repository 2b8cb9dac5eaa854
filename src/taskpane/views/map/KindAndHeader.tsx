/** The sheet's kind and the row(s) of its header: one row, or a group row above it (`Self | Reviewer`, a year over months). */
import { Field, Input, Select } from "@fluentui/react-components";
import type { SheetKind } from "../../../core/model";
import { SHEET_KINDS } from "../../../app";
import type { MappingDraft } from "./draft";

const KINDS = Object.keys(SHEET_KINDS) as SheetKind[];

/** A row number typed in a field: a whole number from 1, or `null` for blank or anything else. */
export function rowNumber(text: string): number | null {
  const n = Number(text);
  return text.trim() !== "" && Number.isInteger(n) && n >= 1 ? n : null;
}

export function KindAndHeader({ draft }: { draft: MappingDraft }) {
  const { mapping } = draft;
  const group = mapping.arrangement.groupRow;
  return (
    <>
      <Field label="Sheet kind">
        <Select value={mapping.kind} onChange={(_, data) => draft.setKind(data.value as SheetKind)}>
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
            const row = rowNumber(data.value);
            if (row !== null) draft.setHeaderRow(row);
          }}
        />
      </Field>
      <Field
        label="Group row above the header"
        hint="For a two-row header: the row of merged labels over the titles (Self | Reviewer, or a year over months). Leave blank for none."
        validationState={group !== null && group >= mapping.headerRow ? "error" : "none"}
        validationMessage={group !== null && group >= mapping.headerRow ? "The group row must be above the header row." : undefined}
      >
        <Input type="number" min={1} value={group === null ? "" : String(group)} onChange={(_, data) => draft.arrange({ groupRow: rowNumber(data.value) })} />
      </Field>
    </>
  );
}
