import { diagnosticsSummary, sourceOf, verdict } from "../../../src/taskpane/models/diagnostics";

describe("sourceOf", () => {
  it.each([
    ["a name and address", "Resource limits: https://learn.microsoft.com/x", { name: "Resource limits", url: "https://learn.microsoft.com/x" }],
    ["an address in brackets", "Range.values (https://learn.microsoft.com/y)", { name: "Range.values", url: "https://learn.microsoft.com/y" }],
    ["an address alone", "https://developers.google.com/z", { name: "https://developers.google.com/z", url: "https://developers.google.com/z" }],
    ["no address", "Excel's own behaviour", { name: "Excel's own behaviour", url: "" }],
  ])("%s", (_name, source, parts) => {
    expect(sourceOf(source)).toEqual(parts);
  });
});

describe("verdict", () => {
  it.each([
    ["a pass", { passed: true }, { label: "Pass", colour: "success" }],
    ["a failure", { passed: false }, { label: "Fail", colour: "danger" }],
    ["a contract the host cannot run", { passed: true, notApplicable: "Sheets has no tables." }, { label: "Not applicable", colour: "informative" }],
  ])("%s", (_name, result, badge) => {
    expect(verdict(result)).toEqual(badge);
  });
});

describe("diagnosticsSummary", () => {
  it.each([
    ["all hold", [{ passed: true }, { passed: true }], "2 of 2 hold."],
    ["one fails", [{ passed: true }, { passed: false }], "1 of 2 hold: see the failures below."],
  ])("%s", (_name, results, text) => {
    expect(diagnosticsSummary(results)).toBe(text);
  });
});
