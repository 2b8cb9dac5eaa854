import { hasDigit, isActivity, statusQuoPhrase } from "../../../src/core/checks";

describe("statusQuoPhrase", () => {
  it.each<[string, string, boolean, string | null]>([
    ["maintain", "Maintain NPS above 45", false, "Maintain"],
    ["keep", "Keep attrition below 10%", false, "Keep"],
    ["stay above", "Stay above 95% uptime", false, "Stay"],
    ["remain", "Remain the best place to work in the region", false, "Remain"],
    ["sustain", "Sustain engagement at 80%", false, "Sustain"],
    ["holding words win even when numbers move", "Keep churn falling from 5% to 3%", true, "Keep"],
    ["at least, nothing moves", "At least 90% of managers trained", false, "At least"],
    ["no more than, nothing moves", "No more than 2 open roles per manager", false, "No more than"],
    ["at least inside a from … to change", "Raise coverage from 60% to at least 90%", false, null],
    ["at least with a change verb", "Increase training to at least 90% of managers", false, null],
    ["at least when start and target differ", "At least 90% of managers trained", true, null],
    ["a plain change", "Reduce regretted churn from 4.2% to 2.8%", false, null],
    ["a word that only contains keep", "Upkeeping costs down to $3k", false, null],
  ])("%s", (_name, text, moves, expected) => {
    expect(statusQuoPhrase(text, moves)).toBe(expected);
  });
});

describe("isActivity", () => {
  it.each<[string, boolean]>([
    ["Launch the feature", true],
    ["Roll out the new onboarding", true],
    ["  implement SSO", true],
    ["Run quarterly calibration sessions", true],
    ["Cut time to hire from 45 to 30 days", false],
    ["Runway of 18 months", false],
    ["Feature launched to all customers", false],
  ])("%s → %s", (text, expected) => {
    expect(isActivity(text)).toBe(expected);
  });
});

describe("hasDigit", () => {
  it.each<[string, boolean]>([
    ["Reach 40% adoption", true],
    ["Cut cost to $3.2k", true],
    ["Launch the feature", false],
    ["", false],
  ])("%s → %s", (text, expected) => {
    expect(hasDigit(text)).toBe(expected);
  });
});
