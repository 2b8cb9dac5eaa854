/**
 * Settings: grade bands, pace thresholds, over-achievement cap, rating scale and
 * labels, and the fiscal-year start. Saved in the workbook, so they travel with
 * the file and the custom functions use them too.
 */
import { Button } from "@fluentui/react-components";
import { ActionMessages } from "../app/feedback";
import { PERCENT_SETTINGS as P } from "../models/settings";
import { Section, useLayoutStyles } from "./common";
import { FiscalYearField } from "./settings/FiscalYearField";
import { GradeFields } from "./settings/GradeFields";
import { PercentField } from "./settings/PercentField";
import { RatingScaleFields } from "./settings/RatingScaleFields";
import { PROBLEMS_ID, SettingsProblems } from "./settings/SettingsProblems";
import { usePairStyles } from "./settings/styles";
import { useSettingsDraft } from "./settings/use-settings-draft";

export function SettingsView() {
  const styles = usePairStyles();
  const layout = useLayoutStyles();
  const draft = useSettingsDraft();
  if (!draft) return null;
  const { problems, action } = draft;

  return (
    <form
      className={layout.form}
      onSubmit={(event) => {
        event.preventDefault();
        draft.save();
      }}
    >
      <Section title="Grades">
        <GradeFields draft={draft} />
      </Section>
      <Section title="Pace">
        <div className={styles.pair}>
          <PercentField draft={draft} setting={P.onTrack} />
          <PercentField draft={draft} setting={P.atRisk} />
        </div>
        <PercentField draft={draft} setting={P.scoreCap} />
      </Section>
      <Section title="Rating scale">
        <RatingScaleFields draft={draft} />
      </Section>
      <Section title="Fiscal year">
        <FiscalYearField draft={draft} />
      </Section>
      <SettingsProblems problems={problems} />
      <div className={layout.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={action.busy || problems.length > 0} aria-describedby={problems.length > 0 ? PROBLEMS_ID : undefined}>
          Save settings
        </Button>
        <Button onClick={draft.resetToDefaults} disabled={action.busy}>
          Use defaults
        </Button>
      </div>
      <ActionMessages state={action} />
    </form>
  );
}
