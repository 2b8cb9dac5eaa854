import fc from "fast-check";
import { DEFAULT_SETTINGS, validateSettings, withDefaults } from "../../src/core/settings";

describe("validateSettings", () => {
  it.each([
    ["ratingBands as a number", { ratingBands: 5 }, "ratingBands", "ratingBands is not a list (it is a number); using the default bands"],
    ["a null band", { ratingBands: [null] }, "ratingBands", "ratingBands[0] is null, not a band; using the default bands"],
    ["a band without a rating", { ratingBands: [{ from: 1 }] }, "ratingBands", "ratingBands[0] needs a number for from and for rating; using the default bands"],
    ["an empty band list", { ratingBands: [] }, "ratingBands", "ratingBands is an empty list; using the default bands"],
    ["grades as text", { grades: "green" }, "grades", "grades is not an object (it is a string); using the default grade bands"],
    ["grade bands out of order", { grades: { committed: { yellow: 0.9, green: 0.5 } } }, "grades.committed", "grades.committed has yellow 0.9 and green 0.5, which are not 0 ≤ yellow ≤ green ≤ 1; using the default committed bands"],
    ["pace without numbers", { pace: { onTrack: "high" } }, "pace", "pace needs a number for onTrack and for atRisk; using the default pace thresholds"],
    ["a score cap below 1", { scoreCap: 0.5 }, "scoreCap", "scoreCap is 0.5, not a number of at least 1; using the default 1"],
    ["a score cap as text", { scoreCap: "2" }, "scoreCap", "scoreCap is a string, not a number of at least 1; using the default 1"],
    ["month 13", { fiscalYearStartMonth: 13 }, "fiscalYearStartMonth", "fiscalYearStartMonth is 13, not a month from 1 to 12; using January"],
    ["a semicolon separator", { decimalSeparator: ";" }, "decimalSeparator", 'decimalSeparator is neither "." nor ","; using the workbook’s locale'],
    ["labels that are not words", { rating: { labels: [1, 2] } }, "rating.labels", "rating.labels is not a list of words; using the default labels"],
    ["a rating scale upside down", { rating: { min: 5, max: 1 } }, "rating", "rating needs numbers min and max with min below max; using the default 1–5 scale"],
    ["settings as a list", [], "settings", "settings is not an object (it is a list); using the default settings"],
    ["stale weeks of 0", { staleWeeks: 0 }, "staleWeeks", "staleWeeks is 0, not a number of weeks above 0; using the default 3"],
  ])("%s falls back to the default and says so", (_name, stored, field, message) => {
    const { settings, issues } = validateSettings(stored);
    expect(issues).toEqual([{ field, message }]);
    const filled = withDefaults(settings);
    if (field === "ratingBands") expect(filled.ratingBands).toEqual(DEFAULT_SETTINGS.ratingBands);
    if (field === "scoreCap") expect(filled.scoreCap).toBe(DEFAULT_SETTINGS.scoreCap);
  });

  it("keeps the valid fields next to a wrong one", () => {
    const { settings, issues } = validateSettings({ scoreCap: 1.5, ratingBands: 5, staleWeeks: 4 });
    expect(settings).toEqual({ scoreCap: 1.5, staleWeeks: 4 });
    expect(issues.map((i) => i.field)).toEqual(["ratingBands"]);
  });

  it("reads a band whose from JSON wrote as null as the lowest band", () => {
    const stored = JSON.parse(JSON.stringify({ ratingBands: DEFAULT_SETTINGS.ratingBands })) as unknown;
    const { settings, issues } = validateSettings(stored);
    expect(issues).toEqual([]);
    expect(settings.ratingBands).toEqual(DEFAULT_SETTINGS.ratingBands);
  });

  it("accepts the defaults and nothing at all without a word", () => {
    expect(validateSettings(undefined)).toEqual({ settings: {}, issues: [] });
    expect(validateSettings(JSON.parse(JSON.stringify(DEFAULT_SETTINGS))).issues).toEqual([]);
  });

  it("never throws, and what it keeps is valid and fills into complete settings (any JSON)", () => {
    const shaped = fc.record(
      {
        grades: fc.oneof(fc.jsonValue(), fc.record({ aspirational: fc.jsonValue(), committed: fc.record({ yellow: fc.double(), green: fc.double() }) })),
        pace: fc.oneof(fc.jsonValue(), fc.record({ onTrack: fc.double(), atRisk: fc.double() })),
        scoreCap: fc.oneof(fc.jsonValue(), fc.double()),
        rating: fc.oneof(fc.jsonValue(), fc.record({ min: fc.jsonValue(), max: fc.jsonValue(), labels: fc.array(fc.oneof(fc.string(), fc.jsonValue())) })),
        ratingBands: fc.oneof(fc.jsonValue(), fc.array(fc.oneof(fc.constant(null), fc.record({ from: fc.oneof(fc.constant(null), fc.double()), rating: fc.jsonValue() })))),
        fiscalYearStartMonth: fc.jsonValue(),
        decimalSeparator: fc.jsonValue(),
        staleWeeks: fc.jsonValue(),
        lateInPeriod: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped), (stored) => {
        const { settings, issues } = validateSettings(stored);
        expect(validateSettings(JSON.parse(JSON.stringify(settings, (_k, v: unknown) => (v === Number.NEGATIVE_INFINITY ? null : v)))).issues).toEqual([]);
        const filled = withDefaults(settings);
        expect(Array.isArray(filled.ratingBands) && filled.ratingBands.length > 0).toBe(true);
        expect(Number.isFinite(filled.scoreCap)).toBe(true);
        for (const issue of issues) expect(issue.message).toMatch(/; using /);
      }),
    );
  });
});
