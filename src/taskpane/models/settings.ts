/**
 * The Settings form's edits as plain functions: each takes the settings being
 * edited and returns a changed copy, so the form never mutates what it shows.
 */
import type { SettingsPart } from "../../app";
import type { Settings } from "../../core/settings";

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A setting shown as a percentage in one number field. */
export interface PercentSetting {
  label: string;
  /** The part its problems are reported on, so the field shows them. */
  part: SettingsPart;
  hint?: string;
  read(s: Settings): number;
  write(s: Settings, value: number): void;
}

/** Every percentage field of the form, by the place it takes. */
export const PERCENT_SETTINGS = {
  aspirationalYellow: { label: "Yellow from", part: "aspirational", read: (s) => s.grades.aspirational.yellow, write: (s, v) => (s.grades.aspirational.yellow = v) },
  aspirationalGreen: { label: "Green from", part: "aspirational", read: (s) => s.grades.aspirational.green, write: (s, v) => (s.grades.aspirational.green = v) },
  committedYellow: { label: "Yellow from", part: "committed", read: (s) => s.grades.committed.yellow, write: (s, v) => (s.grades.committed.yellow = v) },
  committedGreen: { label: "Green from", part: "committed", read: (s) => s.grades.committed.green, write: (s, v) => (s.grades.committed.green = v) },
  onTrack: { label: "On track from", part: "pace", hint: "of expected progress", read: (s) => s.pace.onTrack, write: (s, v) => (s.pace.onTrack = v) },
  atRisk: { label: "At risk from", part: "pace", hint: "below: Behind", read: (s) => s.pace.atRisk, write: (s, v) => (s.pace.atRisk = v) },
  scoreCap: { label: "Highest key result score", part: "cap", hint: "100% means no over-achievement", read: (s) => s.scoreCap, write: (s, v) => (s.scoreCap = v) },
} satisfies Record<string, PercentSetting>;

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

/**
 * A share as the percentage its field shows, to one decimal.
 *
 * @example
 * percentText(0.705) // "70.5"
 */
export function percentText(n: number): string {
  return String(Math.round(n * 1000) / 10);
}

/**
 * The settings with one percentage field set from what was typed (`70` means 70%).
 *
 * @example
 * withPercent(DEFAULT_SETTINGS, PERCENT_SETTINGS.onTrack, "90").pace.onTrack // 0.9
 */
export function withPercent(s: Settings, setting: PercentSetting, typed: string): Settings {
  const copy = cloneSettings(s);
  setting.write(copy, Number(typed) / 100);
  return copy;
}

/**
 * The settings with a new rating scale of whole numbers: one label per step (at most 11),
 * keeping the labels already written and naming new steps `Rating N`.
 *
 * @example
 * withRatingScale(DEFAULT_SETTINGS, 1, 6).rating.labels[5] // "Rating 6"
 */
export function withRatingScale(s: Settings, lowest: number, highest: number): Settings {
  const copy = cloneSettings(s);
  const [min, max] = [Math.floor(lowest), Math.floor(highest)];
  copy.rating.min = min;
  copy.rating.max = max;
  const steps = Math.max(0, Math.min(11, max - min + 1));
  copy.rating.labels = Array.from({ length: steps }, (_, i) => copy.rating.labels[i] ?? `Rating ${min + i}`);
  return copy;
}

/**
 * The settings with the label of one rating step changed.
 *
 * @example
 * withRatingLabel(DEFAULT_SETTINGS, 0, "Poor").rating.labels[0] // "Poor"
 */
export function withRatingLabel(s: Settings, index: number, label: string): Settings {
  const copy = cloneSettings(s);
  copy.rating.labels[index] = label;
  return copy;
}

/**
 * The settings with the fiscal year starting in another month (1–12).
 *
 * @example
 * withFiscalStart(DEFAULT_SETTINGS, 4).fiscalYearStartMonth // 4
 */
export function withFiscalStart(s: Settings, month: number): Settings {
  return { ...cloneSettings(s), fiscalYearStartMonth: month };
}
