import { DEFAULT_SETTINGS } from "../../../src/app";
import type { Settings } from "../../../src/core/settings";
import { PERCENT_SETTINGS, cloneSettings, percentText, withFiscalStart, withPercent, withRatingLabel, withRatingScale } from "../../../src/taskpane/models/settings";

describe("cloneSettings", () => {
  it("copies every nested part, keeping the rating bands' -Infinity", () => {
    const copy = cloneSettings(DEFAULT_SETTINGS);
    expect(copy).toEqual(DEFAULT_SETTINGS);
    expect(copy.ratingBands.at(-1)?.from).toBe(Number.NEGATIVE_INFINITY);
    const pairs: Array<[unknown, unknown]> = [
      [copy.grades.aspirational, DEFAULT_SETTINGS.grades.aspirational],
      [copy.grades.committed, DEFAULT_SETTINGS.grades.committed],
      [copy.pace, DEFAULT_SETTINGS.pace],
      [copy.rating.labels, DEFAULT_SETTINGS.rating.labels],
      [copy.ratingBands[0], DEFAULT_SETTINGS.ratingBands[0]],
    ];
    for (const [mine, theirs] of pairs) expect(mine).not.toBe(theirs);
  });
});

describe("percentText", () => {
  it.each([
    ["a whole percentage", 0.7, "70"],
    ["one decimal", 0.705, "70.5"],
    ["over 100%", 1.5, "150"],
  ])("%s", (_name, share, text) => {
    expect(percentText(share)).toBe(text);
  });
});

describe("withPercent", () => {
  const keys = Object.keys(PERCENT_SETTINGS) as Array<keyof typeof PERCENT_SETTINGS>;
  it.each(keys)("%s: sets its own setting from the typed percentage, and nothing else", (key) => {
    const setting = PERCENT_SETTINGS[key];
    const next = withPercent(DEFAULT_SETTINGS, setting, "55");
    expect(setting.read(next)).toBeCloseTo(0.55, 10);
    const back = cloneSettings(next);
    setting.write(back, setting.read(DEFAULT_SETTINGS));
    expect(back).toEqual(DEFAULT_SETTINGS);
    expect(setting.read(DEFAULT_SETTINGS)).not.toBeCloseTo(0.55, 10);
  });

  it.each<[string, keyof typeof PERCENT_SETTINGS, string]>([
    ["a grade band", "aspirationalYellow", "aspirational"],
    ["a committed band", "committedGreen", "committed"],
    ["a pace threshold", "atRisk", "pace"],
    ["the cap", "scoreCap", "cap"],
  ])("reports problems of %s on its part", (_name, key, part) => {
    expect(PERCENT_SETTINGS[key].part).toBe(part);
  });
});

describe("withRatingScale", () => {
  const labels = (s: Settings) => s.rating.labels;
  it.each<[string, number, number, Partial<Settings["rating"]>, string[]]>([
    ["a longer scale keeps the labels and names the new steps", 1, 6, { min: 1, max: 6 }, [...DEFAULT_SETTINGS.rating.labels, "Rating 6"]],
    ["a shorter scale drops the last labels", 1, 3, { min: 1, max: 3 }, DEFAULT_SETTINGS.rating.labels.slice(0, 3)],
    ["a typed fraction is taken down to a whole step", 1, 4.7, { min: 1, max: 4 }, DEFAULT_SETTINGS.rating.labels.slice(0, 4)],
    ["at most eleven steps", 0, 20, { min: 0, max: 20 }, [...DEFAULT_SETTINGS.rating.labels, "Rating 5", "Rating 6", "Rating 7", "Rating 8", "Rating 9", "Rating 10"]],
    ["an upside-down scale has no steps", 5, 1, { min: 5, max: 1 }, []],
  ])("%s", (_name, min, max, rating, expected) => {
    const next = withRatingScale(DEFAULT_SETTINGS, min, max);
    expect(next.rating).toMatchObject(rating);
    expect(labels(next)).toEqual(expected);
    expect(DEFAULT_SETTINGS.rating.labels).toHaveLength(5);
  });
});

describe("withRatingLabel and withFiscalStart", () => {
  it("change a copy, never the settings shown", () => {
    const labelled = withRatingLabel(DEFAULT_SETTINGS, 0, "Poor");
    const fiscal = withFiscalStart(DEFAULT_SETTINGS, 4);
    expect([labelled.rating.labels[0], fiscal.fiscalYearStartMonth]).toEqual(["Poor", 4]);
    expect([DEFAULT_SETTINGS.rating.labels[0], DEFAULT_SETTINGS.fiscalYearStartMonth]).toEqual(["Unsatisfactory", 1]);
  });
});
