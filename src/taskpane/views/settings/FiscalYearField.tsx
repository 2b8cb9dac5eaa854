/** The month the fiscal year starts in; review years and `FY` quarters follow it. */
import { Field, Select } from "@fluentui/react-components";
import { MONTHS, withFiscalStart } from "../../models/settings";
import type { SettingsDraft } from "./use-settings-draft";

export function FiscalYearField({ draft }: { draft: SettingsDraft }) {
  const s = draft.settings;
  return (
    <Field label="Fiscal year starts in">
      <Select value={String(s.fiscalYearStartMonth)} onChange={(_, d) => draft.edit(withFiscalStart(s, Number(d.value)))}>
        {MONTHS.map((m, i) => (
          <option key={m} value={String(i + 1)}>
            {m}
          </option>
        ))}
      </Select>
    </Field>
  );
}
