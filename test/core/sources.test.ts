import { analyse } from "../../src/core/analyse";
import { laidOut, type LinkBlock } from "../../src/core/plan";
import { computeReviews } from "../../src/core/review";
import { planReviews } from "../../src/core/review-sheets";
import { computeRollup } from "../../src/core/rollup";
import { planRollup } from "../../src/core/rollup-sheet";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { findingSource, kraSource, objectiveSource, sourceText, type SourceCell } from "../../src/core/sources";
import { makeKeyResult, makeKpi, makeKra, makeParsed, quarter, year } from "../support/builders";

const AS_OF = "2026-08-15";

describe("sourceText", () => {
  it.each<[string, SourceCell | null, string]>([
    ["a plain sheet name", { sheet: "OKRs", cell: "E10" }, "OKRs!E10"],
    ["a name with a space, quoted as Excel does", { sheet: "Team OKRs", cell: "D5" }, "'Team OKRs'!D5"],
    ["a name with an apostrophe, doubled", { sheet: "Ana's KPIs", cell: "K2" }, "'Ana''s KPIs'!K2"],
    ["a figure from several rows", { sheet: "OKRs", cell: "D5", rows: 3 }, "OKRs!D5 (first of 3 rows)"],
    ["one row said as a plain cell", { sheet: "OKRs", cell: "D5", rows: 1 }, "OKRs!D5"],
    ["no source", null, ""],
  ])("reads %s", (_name, source, text) => {
    expect(sourceText(source)).toBe(text);
  });
});

describe("sources of figures", () => {
  const cells = { employee: "A7", area: "E7", weight: "F7", actual: "I7", rating: "J7" };
  it.each<[string, { rating: number | null; actual: number | null; target: number | null }, string]>([
    ["a given rating: its Rating cell", { rating: 4, actual: null, target: null }, "J7"],
    ["a rating derived from actual ÷ target: its Actual cell", { rating: null, actual: 110, target: 100 }, "I7"],
    ["no rating at all: the area's name", { rating: null, actual: null, target: null }, "E7"],
  ])("links a KRA area with %s", (_name, values, cell) => {
    const analysis = analyse(makeParsed({ kras: [makeKra({ row: 7, cells, ...values })] }), DEFAULT_SETTINGS, AS_OF);
    expect(kraSource(analysis.kras[0].areas[0])).toEqual({ sheet: "KRAs", cell });
  });

  it("links an objective to its first key result's objective cell and counts its rows", () => {
    const parsed = makeParsed({ keyResults: [makeKeyResult({ row: 5 }), makeKeyResult({ row: 6, keyResult: "Second" }), makeKeyResult({ row: 7, keyResult: "Third" })] });
    const objective = analyse(parsed, DEFAULT_SETTINGS, AS_OF).objectives[0];
    expect(objectiveSource(objective)).toEqual({ sheet: "OKRs", cell: "D5", rows: 3 });
  });

  it.each([
    ["a located finding", { sheet: "OKRs", cell: "F12" }, { sheet: "OKRs", cell: "F12" }],
    ["a finding about a whole sheet", { sheet: "KPIs", cell: "" }, { sheet: "KPIs", cell: "A1" }],
    ["a finding with no sheet", { sheet: "", cell: "" }, null],
  ])("links %s", (_name, finding, expected) => {
    expect(findingSource(finding)).toEqual(expected);
  });
});

describe("source links in the planned sheets", () => {
  const parsed = makeParsed({
    keyResults: [makeKeyResult({ row: 5 }), makeKeyResult({ row: 6, keyResult: "Hire 3 people", type: "increase", start: 0, target: 3, current: 1 })],
    kpis: [makeKpi({ row: 3, owner: "Ana López", actual: 50 })],
    kras: [makeKra({ row: 2 }), makeKra({ row: 3, area: "Hiring", weight: 60 })],
  });
  const analysis = analyse(parsed, DEFAULT_SETTINGS, AS_OF);
  const findings = [{ rule: "no-number", severity: "warning" as const, code: "no-number", message: "No number", sheet: "OKRs", cell: "F6", row: 6, fix: "Add one" }];

  const linksOf = (blocks: ReadonlyArray<{ kind: string }>) =>
    blocks.filter((b): b is LinkBlock => b.kind === "link" && "sheet" in (b as LinkBlock).target).map((b) => [b.text, b.target, b.cell]);

  it("links every contribution, reading, area, finding and the KRA score of a person's sheet to its cell", () => {
    const reviews = computeReviews(analysis, findings, { period: year(2026), settings: DEFAULT_SETTINGS });
    const ana = laidOut(planReviews(reviews, { period: year(2026) }).sheets[1]);
    expect(linksOf(ana.blocks)).toEqual([
      ["KRAs!E2 (first of 2 rows)", { sheet: "KRAs" }, "E2"],
      ["KRAs!J2", { sheet: "KRAs" }, "J2"],
      ["KRAs!J3", { sheet: "KRAs" }, "J3"],
      ["OKRs!F5", { sheet: "OKRs" }, "F5"],
      ["OKRs!F6", { sheet: "OKRs" }, "F6"],
      ["KPIs!K3", { sheet: "KPIs" }, "K3"],
      ["OKRs!F6", { sheet: "OKRs" }, "F6"],
    ]);
  });

  it("links the rollup's objective and KPI rows, an objective to its first row with the count", () => {
    const rollup = computeRollup(analysis, findings, { period: quarter(2026, 3), settings: DEFAULT_SETTINGS });
    const sheet = planRollup(rollup).sheets[0];
    expect(linksOf(sheet.blocks)).toEqual([
      ["OKRs!D5 (first of 2 rows)", { sheet: "OKRs" }, "D5"],
      ["KPIs!K3", { sheet: "KPIs" }, "K3"],
    ]);
  });
});
