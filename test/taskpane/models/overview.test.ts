import type { Finding, Problem, RecognisedSheet } from "../../../src/core/model";
import { CONFIRM_BELOW, distinctPeriods, periodsOfSheet, problemsText, sheetCards } from "../../../src/taskpane/models/overview";
import { makeKeyResult, makeKpi, makeKra, makeParsed, quarter, year } from "../../support/builders";

function recognised(name: string, kind: RecognisedSheet["kind"], overrides: Partial<RecognisedSheet> = {}): RecognisedSheet {
  return { name, kind, confidence: 0.9, headerRow: 1, columns: {}, unmappedHeaders: [], rowCount: 3, ...overrides };
}
const problem = (sheet: string): Problem => ({ code: "x", message: "x", sheet, cell: "A2", severity: "error" });
const finding = (sheet: string): Finding => ({ ...problem(sheet), rule: "okr.no-owner", fix: "", row: 2 });

describe("distinctPeriods", () => {
  it.each([
    ["latest first, each once", [quarter(2026, 2), null, quarter(2026, 3), quarter(2026, 2)], ["2026-Q3", "2026-Q2"]],
    ["years before their quarters' order", [year(2025), year(2026)], ["2026", "2025"]],
    ["nothing from blanks", [null, null], []],
  ])("%s", (_name, periods, labels) => {
    expect(distinctPeriods(periods).map((p) => p.label)).toEqual(labels);
  });
});

describe("periodsOfSheet", () => {
  const parsed = makeParsed({
    keyResults: [makeKeyResult({ period: quarter(2026, 2) }), makeKeyResult({ period: quarter(2026, 3) }), makeKeyResult({ sheet: "Team OKRs", period: quarter(2025, 4) })],
    kpis: [makeKpi({ sheet: "OKRs", period: quarter(2026, 3) })],
    kras: [makeKra({ period: year(2026) })],
  });
  it.each([
    ["the periods of every kind of record on the sheet", "OKRs", ["2026-Q3", "2026-Q2"]],
    ["only that sheet's", "Team OKRs", ["2025-Q4"]],
    ["a KRA sheet's years", "KRAs", ["2026"]],
    ["none for a sheet with no records", "Notes", []],
  ])("%s", (_name, sheet, labels) => {
    expect(periodsOfSheet(parsed, sheet).map((p) => p.label)).toEqual(labels);
  });
});

describe("sheetCards", () => {
  const loaded = {
    parsed: makeParsed({
      sheets: [
        recognised("OKRs", "okr", { rowCount: 2 }),
        recognised("KPIs", "kpi", { confidence: CONFIRM_BELOW - 0.01 }),
        recognised("KRAs", "kra", { confidence: CONFIRM_BELOW, doubts: [{ about: "name-column", message: "Column A (Goal) and C (KRA) could each be the Area; read from A.", candidates: [2] }] }),
      ],
      keyResults: [makeKeyResult({ period: quarter(2026, 3) })],
      kpis: [makeKpi({ period: quarter(2026, 2) }), makeKpi({ period: quarter(2026, 3) })],
      problems: [problem("OKRs")],
    }),
    analysis: { asOf: "2026-08-15", keyResults: [], objectives: [], kpis: [], kras: [], problems: [problem("OKRs")] },
    findings: [finding("OKRs"), finding("KRAs")],
  };
  it("says for each sheet its kind, rows, periods, problems and whether to check its columns", () => {
    expect(sheetCards(loaded)).toEqual([
      { name: "OKRs", kind: "OKRs", rows: 2, periods: "2026-Q3", problems: 3, unsure: false, doubts: [] },
      { name: "KPIs", kind: "KPIs", rows: 3, periods: "2 periods: 2026-Q3, 2026-Q2", problems: 0, unsure: true, doubts: [] },
      // Sure of the kind, but asking which column is the name.
      { name: "KRAs", kind: "KRAs", rows: 3, periods: null, problems: 1, unsure: true, doubts: ["Column A (Goal) and C (KRA) could each be the Area; read from A."] },
    ]);
  });
});

describe("problemsText", () => {
  it.each([
    [1, "1 problem"],
    [2, "2 problems"],
  ])("%i", (count, text) => {
    expect(problemsText(count)).toBe(text);
  });
});
