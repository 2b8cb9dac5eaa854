import type { Finding } from "../../../src/core/model";
import { checksSummary, groupChecks, type CheckGroup } from "../../../src/taskpane/models/checks";

function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return { rule: "okr.no-owner", code: "okr.no-owner", message: "No owner.", sheet: "OKRs", cell: "E4", row: 4, severity: "warning", fix: "Name an owner.", ...overrides };
}

describe("groupChecks", () => {
  it("puts a rule the registry does not know after the known ones, under its id", () => {
    const groups = groupChecks([makeFinding({ rule: "custom.rule" }), makeFinding()], []);
    expect(groups.map((g) => [g.id, g.count])).toEqual([
      ["okr.no-owner", 1],
      ["custom.rule", 1],
    ]);
    expect(groups[1].title).toBe("custom.rule");
  });

  it("gives no groups when there is nothing to say", () => {
    expect(groupChecks([], [])).toEqual([]);
  });
});

describe("checksSummary", () => {
  const group = (count: number): CheckGroup => ({ id: String(count), title: "", sheets: [], count });
  it.each<[string, CheckGroup[], string]>([
    ["nothing found", [], "No findings: the goals read well."],
    ["one finding", [group(1)], "1 finding in 1 group."],
    ["several in several groups", [group(2), group(3)], "5 findings in 2 groups."],
  ])("%s", (_name, groups, text) => {
    expect(checksSummary(groups)).toBe(text);
  });
});
