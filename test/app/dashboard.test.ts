import * as path from "node:path";
import { computeDashboard, type ChartId, type Dashboard } from "../../src/app/dashboard";
import { computeRollup } from "../../src/core/rollup";
import { loadWorkbook, type LoadedWorkbook } from "../../src/workbook/use-cases";
import { openXlsx } from "../../src/workbook/xlsx";

const SAMPLE = path.resolve(__dirname, "../../assets/altitude-sample.xlsx");

let loaded: LoadedWorkbook;
let dashboard: Dashboard;

beforeAll(async () => {
  loaded = await loadWorkbook(await openXlsx(SAMPLE), { asOf: "2026-08-15" });
  dashboard = computeDashboard(loaded);
});

const chart = (id: ChartId, d: Dashboard = dashboard) => {
  const found = d.charts.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};
const figures = (id: ChartId, d: Dashboard = dashboard) => chart(id, d).figures.map((f) => [f.label, f.text, f.tone]);

describe("computeDashboard on the sample workbook", () => {
  it("shows the latest quarter with key results, and offers every quarter latest first", () => {
    expect(dashboard.period?.label).toBe("2026-Q3");
    expect(dashboard.periods.map((p) => p.label)).toEqual(["2026-Q3", "2026-Q2"]);
    expect([dashboard.objectives, dashboard.keyResults]).toEqual([5, 9]);
  });

  it("counts objectives by grade and pace as the quarter's rollup does", () => {
    const rollup = computeRollup(loaded.analysis, loaded.findings, { period: "2026-Q3", settings: loaded.settings });
    expect(chart("grades").figures.map((f) => [f.key, f.value])).toEqual(Object.entries(rollup.headline.grades));
    expect(chart("pace").figures.map((f) => [f.key, f.value])).toEqual(Object.entries(rollup.headline.paces));
    expect(chart("kpis").figures.map((f) => [f.key, f.value]).sort()).toEqual(Object.entries(rollup.kpiHealth).sort());
    expect(chart("teams").figures.map((f) => [f.label, f.value])).toEqual(rollup.teams.map((t) => [t.team, t.averageScore]));
  });

  it.each<[ChartId, Array<[string, string, string]>]>([
    ["grades", [["Green", "2", "good"], ["Yellow", "2", "warning"], ["Red", "1", "bad"]]],
    ["teams", [["Company", "67%", "warning"], ["People", "82%", "good"], ["Sales", "75%", "good"], ["Engineering", "52%", "warning"]]],
    ["pace", [["Done", "0", "info"], ["On track", "4", "good"], ["At risk", "0", "warning"], ["Behind", "1", "bad"]]],
    ["kpis", [["Breach", "1", "bad"], ["Watch", "2", "warning"], ["On target", "2", "good"], ["Above ceiling", "1", "info"], ["No data", "0", "neutral"]]],
    ["findings", [["Errors", "1", "bad"], ["Warnings", "3", "warning"], ["Notes", "4", "info"]]],
  ])("draws %s with a label, a value and a tone per figure", (id, expected) => {
    expect(figures(id)).toEqual(expected);
  });

  it("puts the key result rows of each grade behind it, contiguous rows as one area over the sheet's columns", () => {
    const [green, yellow, red] = chart("grades").figures;
    expect(green.behind).toEqual({ count: 4, areas: [{ sheet: "OKRs", address: "A9:L12" }] });
    // Company (rows 7–8) and Engineering's payroll objective (13–14) are Yellow: two areas.
    expect(yellow.behind).toEqual({ count: 4, areas: [{ sheet: "OKRs", address: "A7:L8" }, { sheet: "OKRs", address: "A13:L14" }] });
    expect(red.behind.areas).toEqual([{ sheet: "OKRs", address: "A15:L15" }]);
  });

  it("puts a KPI status's readings and a severity's cells behind them, and nothing behind a zero", () => {
    expect(chart("kpis").figures.find((f) => f.key === "Breach")?.behind).toEqual({ count: 1, areas: [{ sheet: "KPIs", address: "A7:K7" }] });
    expect(chart("kpis").figures.find((f) => f.key === "No data")?.behind).toEqual({ count: 0, areas: [] });
    expect(chart("findings").figures[0].behind).toEqual({ count: 1, areas: [{ sheet: "KRAs", address: "F7" }] });
  });

  it("reads every figure of a chart in one sentence for screen readers", () => {
    expect(chart("grades").summary).toBe("Objectives by grade: Green 2, Yellow 2, Red 1.");
    expect(chart("teams").summary).toBe("Average score by team: Company 67%, People 82%, Sales 75%, Engineering 52%.");
  });

  it("shows another quarter when asked, with its KPI readings of the quarter and its months", () => {
    const q2 = computeDashboard(loaded, { period: "2026-Q2" });
    expect(q2.period?.label).toBe("2026-Q2");
    expect(figures("grades", q2).map((f) => f[1])).toEqual(["2", "1", "0"]);
    expect(figures("kpis", q2).map((f) => f[1])).toEqual(["2", "3", "1", "0", "0"]);
  });

  it("falls back to the latest quarter for a quarter the workbook does not have", () => {
    expect(computeDashboard(loaded, { period: "2031-Q1" }).period?.label).toBe("2026-Q3");
  });

  it("says there is nothing to draw in a workbook without goals", () => {
    const empty = computeDashboard({ ...loaded, parsed: { ...loaded.parsed, keyResults: [], kpis: [] }, analysis: { ...loaded.analysis, objectives: [], kpis: [] }, findings: [] });
    expect(empty.period).toBeNull();
    expect(empty.charts.map((c) => c.empty)).toEqual([
      "No quarter found in the OKR or KPI sheets.",
      "No quarter found in the OKR or KPI sheets.",
      "No quarter found in the OKR or KPI sheets.",
      "No quarter found.",
      "No findings: every check passed.",
    ]);
  });
});
