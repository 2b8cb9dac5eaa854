import { TEMPLATE_KINDS, computedHint, convertedMessage, convertingText } from "../../../src/taskpane/models/tables";

describe("computedHint", () => {
  it.each([
    ["okr", ": adds Score, Grade and Pace"],
    ["kpi", ": adds Status and Trend"],
    ["kra", ": adds Person score"],
    ["checkins", ""],
  ] as const)("%s", (kind, hint) => {
    expect(computedHint(kind)).toBe(hint);
  });

  it("offers a template of every kind, OKRs first", () => {
    expect(TEMPLATE_KINDS).toEqual(["okr", "kpi", "kra", "checkins"]);
  });
});

describe("convertingText", () => {
  it.each([
    ["several computed columns", { rows: 12, computed: 3 }, "Converting OKRs: 12 rows, 3 computed columns…"],
    ["one computed column", { rows: 4, computed: 1 }, "Converting OKRs: 4 rows, 1 computed column…"],
    ["none", { rows: 4, computed: 0 }, "Converting OKRs: 4 rows…"],
  ])("%s", (_name, size, text) => {
    expect(convertingText("OKRs", size)).toBe(text);
  });
});

describe("convertedMessage", () => {
  it.each<[string, string[], string[], string]>([
    ["with computed columns", ["Score", "Grade"], [], "OKRs is now the table OKRs_1 (A1:L13) with Score, Grade computed live."],
    ["without", [], [], "OKRs is now the table OKRs_1 (A1:L13)."],
    [
      "with one column as read",
      ["Score"],
      ["Objective (as read)"],
      "OKRs is now the table OKRs_1 (A1:L13) with Score computed live. Objective (as read) holds what Altitude read for each row: fill it in for rows you add.",
    ],
    [
      "with two columns as read",
      [],
      ["Objective (as read)", "Owner (as read)"],
      "OKRs is now the table OKRs_1 (A1:L13). Objective (as read) and Owner (as read) hold what Altitude read for each row: fill them in for rows you add.",
    ],
  ])("%s", (_name, computed, asRead, text) => {
    expect(convertedMessage("OKRs", { tableName: "OKRs_1", address: "A1:L13", computed, asRead })).toBe(text);
  });
});
