/** Where Yellow and Green start, for aspirational and for committed key results. */
import { Body1 } from "@fluentui/react-components";
import { PERCENT_SETTINGS as P } from "../../models/settings";
import { PercentField } from "./PercentField";
import { usePairStyles } from "./styles";
import type { SettingsDraft } from "./use-settings-draft";

export function GradeFields({ draft }: { draft: SettingsDraft }) {
  const styles = usePairStyles();
  return (
    <>
      <Body1>Aspirational</Body1>
      <div className={styles.pair}>
        <PercentField draft={draft} setting={P.aspirationalYellow} />
        <PercentField draft={draft} setting={P.aspirationalGreen} />
      </div>
      <Body1>Committed</Body1>
      <div className={styles.pair}>
        <PercentField draft={draft} setting={P.committedYellow} />
        <PercentField draft={draft} setting={P.committedGreen} />
      </div>
    </>
  );
}
