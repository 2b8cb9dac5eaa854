/**
 * Reading KPI and OKR sheets whose figures are not one tidy row each: summary
 * blocks and form lines under a table, readings at several granularities in one
 * row, key results written as statements, and other tables above a goal table.
 */
import fc from "fast-check";
import { analyse } from "../../src/core/analyse";
import type { RawCell } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { readLayout } from "../../src/core/parse/blocks";
import { targetInWording } from "../../src/core/parse/words";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";
import { toNumber } from "../../src/core/values";
import { makeSheet } from "../support/builders";

const parse = (rows: RawCell[][], name = "Sheet", settings = DEFAULT_SETTINGS) => parseWorkbook([makeSheet(name, rows)], { settings, asOf: "2025-06-04" });
const skippedRows = (rows: RawCell[][]) => parse(rows, "KPIs").skipped.flatMap((s) => s.rows.map((row) => [row, s.reason] as const));

const KPI_TABLE: RawCell[][] = [
  ["Objective / KPI", "Target Value", "Actual Value", "Status", "Department/Owner"],
  ["Customer Acquisition Rate", "75 new customers", "61 new customers", "Off Track", "Marketing"],
  ["Process Cycle Time", "< 3 days", "3.5 days", "Off Track", "Operations"],
];

describe("under a KPI table: summary blocks and form lines", () => {
  it.each<[string, RawCell[][], Array<readonly [number, string]>]>([
    [
      "a summary block of label/value rows",
      [...KPI_TABLE, [], ["Monthly Summary Metrics (Auto-Calculated)"], ["Total KPIs", 2], ["Overall Performance Score", 0.4]],
      [
        [5, "summary heading (Monthly Summary Metrics)"],
        [6, "summary figure (under Monthly Summary Metrics)"],
        [7, "summary figure (under Monthly Summary Metrics)"],
      ],
    ],
    ["a Summary Metrics row inside the table", [...KPI_TABLE, ["Summary Metrics", "Overall Status: At Risk"]], [[4, "summary row (Summary Metrics)"]]],
    [
      "a Month line and a last-updated line",
      [...KPI_TABLE, [], ["Month:", "May 2025"], ["Last updated on:", "2025-06-03"]],
      [
        [5, "form line under the table (read as the period of its rows)"],
        [6, "form line under the table (Last updated on)"],
      ],
    ],
    ["a sign-off line", [...KPI_TABLE, [], ["Prepared by: Project Office   Approved by: Programme Director"]], [[5, "form line under the table (Prepared by)"]]],
  ])("lists %s as skipped, with why, and reads only the KPIs", (_name, rows, expected) => {
    expect(parse(rows, "KPIs").kpis.map((k) => k.kpi)).toEqual(["Customer Acquisition Rate", "Process Cycle Time"]);
    expect(skippedRows(rows)).toEqual(expected);
  });

  it("reads a section headed Summary whose rows are KPIs as KPIs, not as summary figures", () => {
    const { kpis } = parse([["KPI", "Target", "Actual", "Owner"], ["NPS", 45, 41, "Ana"], [], ["Financial Summary"], ["Revenue", 100, 90, "Ben"], ["Margin", 0.3, 0.28, "Ben"]], "KPIs");
    expect(kpis.map((k) => k.kpi)).toEqual(["NPS", "Revenue", "Margin"]);
  });

  it("reads a combined name and owner header, worded values and a ceiling target", () => {
    const { kpis } = parse(KPI_TABLE, "KPIs");
    expect(kpis.map((k) => [k.kpi, k.owner, k.target, k.actual, k.direction])).toEqual([
      ["Customer Acquisition Rate", "Marketing", 75, 61, null],
      ["Process Cycle Time", "Operations", 3, 3.5, "lower"],
    ]);
  });

  it.each<[string, RawCell[][], string[]]>([
    [
      "an objective heading between key results",
      [["Key result", "Target", "Current"], ["Reach $1M ARR", 1_000_000, 800_000], [], ["Objective 2: Win customers faster"], ["Cut onboarding to 5 days", 5, 7]],
      ["", "Win customers faster"],
    ],
    [
      "a labelled line with key results under it",
      [["Key result", "Target", "Current"], ["Reach $1M ARR", 1_000_000, 800_000], [], ["Period: Q3 2026"], ["Cut onboarding to 5 days", 5, 7]],
      ["", ""],
    ],
  ])("does not take %s for a form line under the table", (_name, rows, objectives) => {
    const parsed = parse(rows, "OKRs");
    expect(parsed.keyResults.map((k) => k.objective)).toEqual(objectives);
    expect(parsed.skipped.flatMap((s) => s.reason)).not.toContainEqual(expect.stringMatching(/^form line under the table/));
  });

  it("dates every row with a Month line under the table, pointing at the line", () => {
    const { kpis } = parse([...KPI_TABLE, [], ["Month:", "May 2025"]], "KPIs");
    expect(kpis.map((k) => [k.period?.label, k.cells.period])).toEqual([
      ["2025-05", "B5"],
      ["2025-05", "B5"],
    ]);
  });

  it.each<[string, RawCell[][], string | null]>([
    ["the period line above the table wins", [["Period: April 2025"], ...KPI_TABLE, [], ["Month:", "May 2025"]], "2025-04"],
    ["a Period column wins", [["KPI", "Month", "Target", "Actual"], ["NPS", "March 2025", 45, 41], [], ["Month:", "May 2025"]], "2025-03"],
    ["a sign-off line under the table is no owner", [...KPI_TABLE.slice(0, 2), [], ["Prepared by:", "Project Office"]], null],
  ])("%s", (_name, rows, period) => {
    const [kpi] = parse(rows, "KPIs").kpis;
    expect(kpi.period?.label ?? null).toBe(period);
    expect(kpi.owner).not.toBe("Project Office");
  });

  it.each<[string, string, string | null]>([
    ["a format hint after the value is left out", "Reporting Period: 03/2025 (MM/YYYY)", "2025-03"],
    ["a line holding only the hint has no value", "Reporting Period: (MM/YYYY)", null],
  ])("%s", (_name, line, period) => {
    const parsed = parse([[line], ["KPI", "Target", "Actual"], ["NPS", 45, 41]], "KPIs");
    expect(parsed.kpis[0].period?.label ?? null).toBe(period);
    expect(parsed.problems).toEqual([]);
  });
});

describe("readings at several granularities in one row", () => {
  const granular = (period: RawCell[][]): RawCell[][] => [
    ...period,
    ["KPI ID", "KPI Description", "Target", "", "", "Actual", "", "", "Status"],
    ["", "", "Monthly", "Quarterly", "Annual", "Monthly", "Quarterly", "Annual", ""],
    ["KPI-01", "Sites live", 2, 5, 20, 2, 4, 4, "On Track"],
    ["KPI-02", "Picking errors per 1,000 lines", 4, 4, 4, 3.1, "", "", "On Track"],
  ];

  it("reads Target and Actual each over Monthly | Quarterly | Annual as one reading per granularity", () => {
    const parsed = parse(granular([["Reporting Period: 03/2025 (MM/YYYY)"]]), "KPIs");
    expect(parsed.kpis.map((k) => [k.kpi, k.period?.label, k.target, k.actual, k.cells.target, k.cells.actual])).toEqual([
      ["Sites live", "2025-03", 2, 2, "C4", "F4"],
      ["Sites live", "2025-Q1", 5, 4, "D4", "G4"],
      ["Sites live", "2025", 20, 4, "E4", "H4"],
      ["Picking errors per 1,000 lines", "2025-03", 4, 3.1, "C5", "F5"],
      // A target with no actual yet is a reading like any other: No data until it is filled in.
      ["Picking errors per 1,000 lines", "2025-Q1", 4, null, "D5", "G5"],
      ["Picking errors per 1,000 lines", "2025", 4, null, "E5", "H5"],
    ]);
    expect(parsed.problems).toEqual([]);
    const statuses = analyse(parsed, DEFAULT_SETTINGS, "2025-04-03").kpis.map((k) => [k.record.kpi, k.record.period?.label, k.status]);
    expect(statuses).toContainEqual(["Sites live", "2025-Q1", "Watch"]);
    expect(statuses).toContainEqual(["Picking errors per 1,000 lines", "2025-03", "On target"]);
  });

  it("reads the granularities over Target | Actual the same way", () => {
    const { kpis } = parse(
      [["Period: May 2025"], ["", "Monthly", "", "Quarterly", ""], ["KPI", "Target", "Actual", "Target", "Actual"], ["NPS", 45, 41, 44, 42]],
      "KPIs",
    );
    expect(kpis.map((k) => [k.period?.label, k.target, k.actual])).toEqual([
      ["2025-05", 45, 41],
      ["2025-Q2", 44, 42],
    ]);
  });

  it("takes the fiscal quarter and year when the fiscal year starts in April", () => {
    const { kpis } = parse(granular([["Reporting Period: 05/2025"]]), "KPIs", withDefaults({ fiscalYearStartMonth: 4 }));
    expect(kpis.slice(0, 3).map((k) => k.period?.label)).toEqual(["2025-05", "FY2026-Q1", "FY2026"]);
  });

  it.each<[string, RawCell[][], Array<string | null>]>([
    ["a year gives no month or quarter, only the year", [["Reporting Period: 2025"]], [null, null, "2025"]],
    ["no reporting period gives none", [], [null, null, null]],
  ])("%s", (_name, above, periods) => {
    expect(parse(granular(above), "KPIs").kpis.slice(0, 3).map((k) => k.period?.label ?? null)).toEqual(periods);
  });

  it("does not split a header whose Actual is written once for all the granularities", () => {
    const [block] = readLayout(makeSheet("KPIs", [["KPI", "Target", "", "Actual"], ["", "Monthly", "Annual", ""], ["NPS", 45, 45, 41]])).blocks;
    expect(block.variants).toEqual([]);
  });

  it("keeps a header with one granularity as a one-row header", () => {
    const [block] = readLayout(makeSheet("KPIs", [["KPI", "Target", "Actual"], ["", "Monthly", "Monthly"], ["NPS", 45, 41]])).blocks;
    expect([block.headerRows, block.variants]).toEqual([[0], []]);
  });
});

describe("key results written as statements", () => {
  const GUIDE: RawCell[][] = [
    ["KR Target", "Actual", "Score"],
    ["Increase NPS from 32 to 45 (Δ13)", "NPS = 42 (Δ10)", "10/13 = 0.77"],
    ["Reduce churn from 8% to 5% (Δ3)", "Churn = 6% (Δ2)", "2/3 = 0.67"],
    ["Close $500K new revenue", "Closed $400K", "400/500 = 0.80"],
  ];

  it("reads a target column of statements as the key results, their goal and baseline from the wording", () => {
    const parsed = parse(GUIDE, "Scoring");
    expect(parsed.keyResults.map((k) => [k.keyResult.slice(0, 12), k.type, k.start, k.target, k.current, k.statedScore, k.cells.target])).toEqual([
      ["Increase NPS", "increase", 32, 45, 42, 0.77, "A2"],
      ["Reduce churn", "decrease", 0.08, 0.05, 0.06, 0.67, "A3"],
      ["Close $500K ", "increase", null, 500000, 400000, 0.8, "A4"],
    ]);
    expect(analyse(parsed, DEFAULT_SETTINGS, "2026-06-30").keyResults.map((k) => k.score)).toEqual([10 / 13, expect.closeTo(2 / 3, 9), 0.8]);
  });

  it("reports an actual whose words do not echo the key result", () => {
    const parsed = parse([GUIDE[0], ["Close $500K new revenue", "see row 12", ""]], "Scoring");
    expect(parsed.problems.map((p) => [p.cell, p.code])).toContainEqual(["B2", "not-a-number"]);
  });

  it("does not take a Target column of figures for the key results", () => {
    const parsed = parse([["KR Target", "Actual"], [45, 42], [0.05, 0.06]], "Scoring");
    expect(parsed.keyResults).toEqual([]);
    expect(parsed.notRead).toHaveLength(1);
  });

  it("takes no goal from the wording when the sheet has a Target column", () => {
    const [kr] = parse([["Key result", "Target", "Current"], ["Close $500K new revenue", "", 400000]], "OKRs").keyResults;
    expect(kr.target).toBeNull();
  });

  it("lists a scale legend table above the key results as another table, not as context", () => {
    const rows: RawCell[][] = [["OKR Scoring Guide"], ["Score", "Meaning"], [1, "Crushed it"], [0.5, "Halfway"], [0, "Nothing happened"], [], ["1. Quantitative KRs"], ...GUIDE];
    const parsed = parse(rows, "Scoring");
    expect(parsed.keyResults).toHaveLength(3);
    expect(parsed.keyResults[0].objective).toBe("");
    expect(parsed.skipped).toEqual([
      { sheet: "Scoring", rows: [1, 7], reason: "title, heading or form line above a table (read as its context)" },
      { sheet: "Scoring", rows: [2], reason: "header of a table that is not a goal table (Score, Meaning)" },
      { sheet: "Scoring", rows: [3, 4, 5], reason: "row of a table that is not a goal table (Score, Meaning)" },
    ]);
  });
});

describe("targetInWording", () => {
  it.each<[string, string, string | null]>([
    ["the goal of from … to …", "Increase NPS from 32 to 45 (Δ13)", "45"],
    ["a percent goal", "Reduce churn from 8% to 5%", "5%"],
    ["the one amount", "Close $500K new revenue", "$500K"],
    ["the amount after to", "Grow from 10 customers to 50", "50"],
    ["the amount after below", "Keep defects below 2%", "2%"],
    ["a quarter is no amount", "Launch 2 products by Q3 2026", "2"],
    ["two amounts, neither marked", "Hire 3 engineers and 2 designers", null],
    ["no amount", "Ship the new onboarding", null],
    ["a version is no amount", "Ship v2", null],
    ["a bare number is no wording", "2611036", null],
  ])("%s: %s", (_name, text, expected) => {
    expect(targetInWording(text)).toBe(expected);
  });

  it("never throws, and what it returns reads as a number", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const found = targetInWording(text);
        if (found !== null) expect(toNumber(found).ok).toBe(true);
      }),
    );
  });

  it("finds no goal in a text without words", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\d\s.,$%+-]{0,20}$/), (text) => {
        expect(targetInWording(text)).toBeNull();
      }),
    );
  });

  it("finds the goal of `from a to b` and of a lone amount", () => {
    const word = fc.stringMatching(/^[a-z]{3,9}$/).filter((w) => !/^(?:to|below|under|above|over|reach|reaches|from)$/.test(w));
    fc.assert(
      fc.property(word, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (noun, a, b) => {
        expect(targetInWording(`Move ${noun} from ${a} to ${b}`)).toBe(String(b));
        expect(targetInWording(`Reach ${b} ${noun}`)).toBe(String(b));
      }),
    );
  });
});
