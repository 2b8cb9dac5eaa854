/**
 * Settings: grade bands, pace thresholds, over-achievement cap, rating scale and
 * labels, and the fiscal-year start. Saved in the workbook, so they travel with
 * the file and the custom functions use them too.
 */
import { useState } from "react";
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Settings } from "../../core/settings";
import { DEFAULT_SETTINGS, saveSettings, settingsProblems, type SettingsPart } from "../../app";
import { ActionMessages, useAction } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import { Section, useLayoutStyles } from "./common";

const PROBLEMS_ID = "settings-problems";
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const useStyles = makeStyles({
  // minmax(0, …): two number fields side by side must fit a 320 px pane rather than keep their default width.
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * A deep copy of settings to edit (kept by hand: ratingBands holds -Infinity, which JSON loses).
 *
 * @example
 * cloneSettings(DEFAULT_SETTINGS).pace !== DEFAULT_SETTINGS.pace // true
 */
export function cloneSettings(s: Settings): Settings {
  return {
    ...s,
    grades: { aspirational: { ...s.grades.aspirational }, committed: { ...s.grades.committed } },
    pace: { ...s.pace },
    rating: { ...s.rating, labels: [...s.rating.labels] },
    ratingBands: s.ratingBands.map((band) => ({ ...band })),
  };
}

function percent(n: number): string {
  return String(Math.round(n * 1000) / 10);
}

export function SettingsView() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { port, editor } = useHost();
  const { loaded, reload } = useWorkbook();
  const action = useAction();
  const [draft, setDraft] = useState<Settings | null>(null);
  if (!loaded) return null;
  const s = draft ?? loaded.settings;
  const problems = settingsProblems(s);
  const invalid = new Set(problems.map((p) => p.part));
  const state = (part: SettingsPart) => (invalid.has(part) ? "error" : "none");
  const edit = (change: (copy: Settings) => void) => {
    const copy = cloneSettings(s);
    change(copy);
    setDraft(copy);
  };
  const percentInput = (label: string, value: number, set: (copy: Settings, v: number) => void, part: SettingsPart, hint?: string) => (
    <Field label={label} hint={hint} validationState={state(part)}>
      <Input className={styles.input} type="number" step={1} contentAfter="%" value={percent(value)} onChange={(_, d) => edit((c) => set(c, Number(d.value) / 100))} />
    </Field>
  );
  const setScale = (min: number, max: number) =>
    edit((c) => {
      c.rating.min = min;
      c.rating.max = max;
      const steps = Math.max(0, Math.min(11, max - min + 1));
      c.rating.labels = Array.from({ length: steps }, (_, i) => c.rating.labels[i] ?? `Rating ${min + i}`);
    });

  const save = (next: Settings) =>
    action.run(async () => {
      const done = await saveSettings(port, editor, loaded, next);
      if (!done.ok) throw new Error(done.message);
      await reload();
      setDraft(null);
      return "Settings saved in the workbook. Scores and the custom functions use them now.";
    });

  return (
    <form
      className={layout.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (problems.length === 0 && !action.busy) void save(s);
      }}
    >
      <Section title="Grades">
        <Body1>Aspirational</Body1>
        <div className={styles.pair}>
          {percentInput("Yellow from", s.grades.aspirational.yellow, (c, v) => (c.grades.aspirational.yellow = v), "aspirational")}
          {percentInput("Green from", s.grades.aspirational.green, (c, v) => (c.grades.aspirational.green = v), "aspirational")}
        </div>
        <Body1>Committed</Body1>
        <div className={styles.pair}>
          {percentInput("Yellow from", s.grades.committed.yellow, (c, v) => (c.grades.committed.yellow = v), "committed")}
          {percentInput("Green from", s.grades.committed.green, (c, v) => (c.grades.committed.green = v), "committed")}
        </div>
      </Section>
      <Section title="Pace">
        <div className={styles.pair}>
          {percentInput("On track from", s.pace.onTrack, (c, v) => (c.pace.onTrack = v), "pace", "of expected progress")}
          {percentInput("At risk from", s.pace.atRisk, (c, v) => (c.pace.atRisk = v), "pace", "below: Behind")}
        </div>
        {percentInput("Highest key result score", s.scoreCap, (c, v) => (c.scoreCap = v), "cap", "100% means no over-achievement")}
      </Section>
      <Section title="Rating scale">
        <div className={styles.pair}>
          <Field label="Lowest" validationState={state("scale")}>
            <Input className={styles.input} type="number" value={String(s.rating.min)} onChange={(_, d) => setScale(Math.floor(Number(d.value)), s.rating.max)} />
          </Field>
          <Field label="Highest" validationState={state("scale")}>
            <Input className={styles.input} type="number" value={String(s.rating.max)} onChange={(_, d) => setScale(s.rating.min, Math.floor(Number(d.value)))} />
          </Field>
        </div>
        {s.rating.labels.map((label, i) => (
          <Field key={i} label={`Label for ${s.rating.min + i}`} validationState={label.trim() === "" ? "error" : "none"}>
            <Input value={label} onChange={(_, d) => edit((c) => (c.rating.labels[i] = d.value))} />
          </Field>
        ))}
      </Section>
      <Section title="Fiscal year">
        <Field label="Fiscal year starts in">
          <Select value={String(s.fiscalYearStartMonth)} onChange={(_, d) => edit((c) => (c.fiscalYearStartMonth = Number(d.value)))}>
            {MONTHS.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
      </Section>
      {problems.length > 0 && (
        <MessageBar intent="warning" id={PROBLEMS_ID}>
          <MessageBarBody>
            <MessageBarTitle>Fix these to save the settings:</MessageBarTitle>
            <ul aria-label="Settings to fix" className={styles.problems}>
              {problems.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={layout.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={action.busy || problems.length > 0} aria-describedby={problems.length > 0 ? PROBLEMS_ID : undefined}>
          Save settings
        </Button>
        <Button onClick={() => setDraft(cloneSettings(DEFAULT_SETTINGS))} disabled={action.busy}>
          Use defaults
        </Button>
      </div>
      <ActionMessages state={action} />
    </form>
  );
}
