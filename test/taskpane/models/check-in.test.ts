import { checkedInMessage, confidenceOf, keptInPercent, keyResultNow, keyResultOption } from "../../../src/taskpane/models/check-in";
import { makeKeyResult, makeSheet } from "../../support/builders";

const churn = makeKeyResult({ row: 2, keyResult: "Cut churn", owner: "Ana López", start: 0.042, target: 0.028, current: 0.035 });

describe("keptInPercent", () => {
  const header = ["Period", "Team", "Objective", "ID", "Parent", "Key result", "Owner", "Type", "Start", "Target", "Current"];
  const formats = (format: string) => [header.map(() => "General"), header.map((_, i) => (i >= 8 ? format : "General"))];
  it.each([
    ["start, target and current in percent cells", formats("0.0%"), true],
    ["plain number cells", formats("0.00"), false],
    ["no formats read", undefined, false],
  ])("%s", (_name, numberFormats, percent) => {
    const sheets = [makeSheet("OKRs", [header, header.map(() => 0)], numberFormats)];
    expect(keptInPercent(sheets, churn)).toBe(percent);
  });
});

describe("keyResultOption", () => {
  it.each([
    ["its text and period", churn, "Cut churn (2026-Q3)"],
    ["where it is when it has no text", makeKeyResult({ row: 7, keyResult: "" }), "OKRs row 7 (2026-Q3)"],
    ["no period when it has none", makeKeyResult({ keyResult: "Hire 5", period: null }), "Hire 5"],
  ])("%s", (_name, keyResult, text) => {
    expect(keyResultOption(keyResult)).toBe(text);
  });
});

describe("keyResultNow", () => {
  it.each([
    ["in percent", churn, true, "Now 3.5%, target 2.8%, owner Ana López."],
    ["as numbers", makeKeyResult({ current: 44, target: 40, owner: "Mia Schmidt" }), false, "Now 44, target 40, owner Mia Schmidt."],
    ["with no value yet, target or owner", makeKeyResult({ current: null, target: null, owner: "" }), false, "Now no value yet."],
  ])("%s", (_name, keyResult, percent, text) => {
    expect(keyResultNow(keyResult, percent)).toBe(text);
  });
});

describe("confidenceOf", () => {
  it.each([
    ["not given", "", null],
    ["none at all", "0", 0],
    ["full", "10", 10],
  ])("%s", (_name, chosen, confidence) => {
    expect(confidenceOf(chosen)).toBe(confidence);
  });
});

describe("checkedInMessage", () => {
  it.each([
    ["a percent key result", 0.03, "3", true, "3%"],
    ["a value typed with %", 0.03, "3%", false, "3%"],
    ["a plain number", 42, "42", false, "42"],
  ])("%s", (_name, value, typed, percent, shown) => {
    expect(checkedInMessage({ value, typed, percent, keyResult: churn, sheet: "Check-ins" })).toBe(`Checked in ${shown} for "Cut churn" on Check-ins; Altitude now reads it as the current value.`);
  });
});
