/**
 * Fields written once in a form above or beside the table (`Employee Name:
 * Ravi Kumar`): the cell each is read from, for fields no column holds.
 */
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetData, SheetKind } from "../../../core/model";
import { parseA1 } from "../../../app";
import { fieldLabel } from "../../models/map";
import type { MappingDraft } from "./draft";

/** The fields a form above a table of each kind typically gives. */
const FORM_FIELDS: Readonly<Record<SheetKind, readonly string[]>> = {
  okr: ["objective", "team", "owner", "period"],
  kpi: ["area", "owner", "period", "frequency", "unit", "target"],
  kra: ["employee", "role", "manager", "period"],
  checkins: [],
};

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
});

function cellText(sheet: SheetData, address: string): string | null {
  const at = parseA1(address);
  if (!at) return null;
  const value = sheet.values[at.row - sheet.origin.row]?.[at.col - sheet.origin.col];
  return value === undefined || value === "" ? "" : String(value);
}

export function FormCells({ sheet, draft }: { sheet: SheetData; draft: MappingDraft }) {
  const styles = useStyles();
  const { mapping } = draft;
  const fields = FORM_FIELDS[mapping.kind].filter((f) => !(f in mapping.columns));
  if (fields.length === 0) return null;
  const set = (field: string, text: string) => {
    const formFields = { ...mapping.arrangement.formFields };
    if (text.trim() === "") delete formFields[field];
    else formFields[field] = text.trim().toUpperCase();
    draft.arrange({ formFields });
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Form cells above the table</legend>
      {fields.map((field) => {
        const address = mapping.arrangement.formFields[field] ?? "";
        const text = address === "" ? null : cellText(sheet, address);
        const bad = address !== "" && text === null;
        return (
          <Field
            key={field}
            label={`${fieldLabel(mapping.kind, field)} from cell`}
            validationState={bad ? "error" : "none"}
            validationMessage={bad ? "Write a cell address such as B3." : undefined}
            hint={text ? `${address} holds "${text.slice(0, 60)}"` : text === "" ? `${address} is blank` : undefined}
          >
            <Input value={address} placeholder="e.g. B3" onChange={(_, data) => set(field, data.value)} />
          </Field>
        );
      })}
    </fieldset>
  );
}
