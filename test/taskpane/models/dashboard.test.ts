import type { DashboardChart, Figure } from "../../../src/app/dashboard";
import { areaText, bars, figureLabel, headline, rowsBehindText } from "../../../src/taskpane/models/dashboard";

function figure(label: string, value: number, areas: Figure["behind"]["areas"] = [], count = areas.length): Figure {
  return { key: label, label, value, text: String(value), tone: "good", behind: { count, areas } };
}
function chart(id: DashboardChart["id"], unit: string | null, figures: Figure[]): DashboardChart {
  return { id, title: id === "grades" ? "Grades" : "Findings", unit, figures, empty: null, summary: "" };
}

describe("areaText", () => {
  it.each([
    ["a plain sheet name", { sheet: "OKRs", address: "A5:L7" }, "OKRs!A5:L7"],
    ["a name that needs quotes", { sheet: "Q3 OKRs", address: "A5:L7" }, "'Q3 OKRs'!A5:L7"],
  ])("%s", (_name, area, text) => {
    expect(areaText(area)).toBe(text);
  });
});

describe("figureLabel", () => {
  it.each([
    ["a count of rows", chart("grades", "objectives", []), figure("Green", 3), "Green: 3 objectives. Select the rows behind it."],
    ["findings point at cells", chart("findings", "findings", []), figure("Error", 2), "Error: 2 findings. Select the cells behind it."],
    ["one in the singular", chart("grades", "readings", []), figure("Breach", 1), "Breach: 1 reading. Select the rows behind it."],
    ["an average has no unit", chart("grades", null, []), { label: "People", text: "58%" }, "People: 58%. Select the rows behind it."],
  ])("%s", (_name, c, f, text) => {
    expect(figureLabel(c, f)).toBe(text);
  });
});

describe("rowsBehindText", () => {
  const okrs = { sheet: "OKRs", address: "A5:L7" };
  it.each([
    ["rows behind a figure, the first selected", chart("grades", "objectives", []), figure("Green", 3, [okrs, { sheet: "OKRs", address: "A9:L9" }], 4), "Grades, Green: 4 rows. Selected OKRs!A5:L7."],
    ["cells behind findings", chart("findings", "findings", []), figure("Error", 1, [{ sheet: "KPIs", address: "H3" }]), "Findings, Error: 1 cell. Selected KPIs!H3."],
    ["one row behind", chart("grades", "objectives", []), figure("Red", 1, [okrs], 1), "Grades, Red: 1 row. Selected OKRs!A5:L7."],
    ["nothing behind", chart("grades", "objectives", []), figure("Red", 0), "Nothing behind Red: no objectives."],
    ["nothing behind an average", chart("grades", null, []), figure("People", 0), "Nothing behind People: no rows."],
  ])("%s", (_name, c, f, text) => {
    expect(rowsBehindText(c, f)).toBe(text);
  });
});

describe("headline", () => {
  it.each([
    ["with an average score", { objectives: 4, keyResults: 11, averageScore: 0.584 }, ["4 objectives", "11 key results", "Average score 58%"]],
    ["before any score", { objectives: 2, keyResults: 2, averageScore: null }, ["2 objectives", "2 key results", "No score yet"]],
    ["one of each, in the singular", { objectives: 1, keyResults: 1, averageScore: 1 }, ["1 objective", "1 key result", "Average score 100%"]],
  ])("%s", (_name, d, lines) => {
    expect(headline(d)).toEqual(lines);
  });
});

describe("bars", () => {
  it.each([
    ["counts out of the chart's total", "key results", [figure("On track", 3), figure("Behind", 1)], [{ label: "On track", x: 3, total: 4 }, { label: "Behind", x: 1, total: 4 }]],
    ["averages out of 100%", null, [figure("People", 0.584)], [{ label: "People", x: 58, total: 100 }]],
    ["no count at all still has a whole of one", "KPIs", [figure("Breach", 0)], [{ label: "Breach", x: 0, total: 1 }]],
  ])("%s", (_name, unit, figures, expected) => {
    expect(bars({ unit, figures })).toEqual(expected);
  });
});
