/** A drop-down of periods (quarters or years), latest first. */
import { Field, Select } from "@fluentui/react-components";
import type { Period } from "../../../core/model";

export function PeriodField({ label, periods, value, onChoose }: { label: string; periods: Period[]; value: string; onChoose(label: string): void }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChoose(data.value)}>
        {periods.map((p) => (
          <option key={p.label}>{p.label}</option>
        ))}
      </Select>
    </Field>
  );
}
