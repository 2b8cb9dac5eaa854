/** One setting kept as a share and typed as a percentage. */
import { Field, Input } from "@fluentui/react-components";
import { percentText, withPercent, type PercentSetting } from "../../models/settings";
import { usePairStyles } from "./styles";
import type { SettingsDraft } from "./use-settings-draft";

export function PercentField({ draft, setting }: { draft: SettingsDraft; setting: PercentSetting }) {
  const styles = usePairStyles();
  return (
    <Field label={setting.label} hint={setting.hint} validationState={draft.state(setting.part)}>
      <Input
        className={styles.input}
        type="number"
        step={1}
        contentAfter="%"
        value={percentText(setting.read(draft.settings))}
        onChange={(_, d) => draft.edit(withPercent(draft.settings, setting, d.value))}
      />
    </Field>
  );
}
