/**
 * Settings: grade bands, pace thresholds, over-achievement cap, rating scale and
 * labels, and the fiscal-year start. Saved in the workbook, so they travel with
 * the file and the custom functions use them too.
 */
import { Body1, Button, Field, Select } from "@fluentui/react-components";
import { ActionMessages } from "../app/feedback";
import { MONTHS, PERCENT_SETTINGS as P, withFiscalStart } from "../models/settings";
import { Section, useLayoutStyles } from "./common";
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
  const { settings: s, problems, action } = draft;

  return (
    <form
      className={layout.form}
      onSubmit={(event) => {
        event.preventDefault();
        draft.save();
      }}
    >
      <Section title="Grades">
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
        <Field label="Fiscal year starts in">
          <Select value={String(s.fiscalYearStartMonth)} onChange={(_, d) => draft.edit(withFiscalStart(s, Number(d.value)))}>
            {MONTHS.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
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
