import { analyse } from "../../src/core/analyse";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";
import { makeKeyResult, makeKpi, makeKra, makeParsed, quarter, year } from "../support/builders";

const asOf = "2026-08-15";

describe("analyse: key results", () => {
  it.each([
    { name: "churn 4.2% → 2.8% at 3.5%", kr: { type: "decrease", start: 0.042, target: 0.028, current: 0.035 }, score: 0.5 },
    { name: "sales cycle 47 → 31 at 39", kr: { type: "decrease", start: 47, target: 31, current: 39 }, score: 0.5 },
    { name: "NPS 40 → 60 at 72 is capped", kr: { type: "increase", start: 40, target: 60, current: 72 }, score: 1 },
    { name: "no check-in scores 0", kr: { type: "increase", start: 40, target: 60, current: null }, score: 0 },
  ] as const)("$name", ({ kr, score }) => {
    const analysis = analyse(makeParsed({ keyResults: [makeKeyResult(kr)] }), DEFAULT_SETTINGS, asOf);
    expect(analysis.keyResults[0].score).toBeCloseTo(score, 10);
  });

  it.each([
    { name: "never exceed 5 incidents, at 3", keyResult: "Never exceed 5 P1 incidents a month", current: 3, score: 1 },
    { name: "not exceed 5 incidents, at 7", keyResult: "Do not exceed 5 P1 incidents a month", current: 7, score: 0 },
    { name: "less than 5 incidents, at 3", keyResult: "Keep incidents less than 5", current: 3, score: 1 },
    { name: "fewer than 5 incidents, at 3", keyResult: "Fewer than 5 incidents a month", current: 3, score: 1 },
    { name: "stay above 45, at 52", keyResult: "Maintain NPS above 45", current: 52, score: 1 },
  ])("reads a maintain key result's threshold as a maximum or minimum: $name", ({ keyResult, current, score }) => {
    const kr = makeKeyResult({ type: "maintain", keyResult, start: null, target: keyResult.includes("45") ? 45 : 5, current });
    expect(analyse(makeParsed({ keyResults: [kr] }), DEFAULT_SETTINGS, asOf).keyResults[0].score).toBe(score);
  });

  it("grades and paces each key result against its period", () => {
    const analysis = analyse(makeParsed({ keyResults: [makeKeyResult({ start: 0, target: 10, current: 5, type: "increase" })] }), DEFAULT_SETTINGS, asOf);
    expect(analysis.keyResults[0]).toMatchObject({ grade: "Yellow", pace: "On track", noCheckIn: false });
  });

  it("reports target equal to start as a located problem and leaves the score empty", () => {
    const kr = makeKeyResult({ row: 7, start: 5, target: 5, current: 6, type: "increase" });
    const analysis = analyse(makeParsed({ keyResults: [kr] }), DEFAULT_SETTINGS, asOf);
    expect(analysis.keyResults[0].score).toBeNull();
    expect(analysis.problems).toEqual([expect.objectContaining({ code: "target-equals-start", sheet: "OKRs", cell: "J7", severity: "error" })]);
  });

  it("honours an over-achievement cap for key results but not for objectives", () => {
    const settings = withDefaults({ scoreCap: 2 });
    const parsed = makeParsed({
      keyResults: [
        makeKeyResult({ type: "increase", start: 0, target: 10, current: 20 }),
        makeKeyResult({ type: "increase", start: 0, target: 10, current: 0 }),
      ],
    });
    const analysis = analyse(parsed, settings, asOf);
    expect(analysis.keyResults.map((k) => k.score)).toEqual([2, 0]);
    expect(analysis.objectives).toHaveLength(1);
    expect(analysis.objectives[0].score).toBe(0.5);
  });
});

describe("analyse: objectives", () => {
  it("groups key results by period, team and objective, ignoring case and spacing", () => {
    const parsed = makeParsed({
      keyResults: [
        makeKeyResult({ objective: "Grow the team", current: 0.035 }),
        makeKeyResult({ objective: "grow  the team ", owner: "Ben", current: 0.042 }),
        makeKeyResult({ objective: "Grow the team", period: quarter(2026, 2) }),
        makeKeyResult({ objective: "Other" }),
      ],
    });
    const objectives = analyse(parsed, DEFAULT_SETTINGS, asOf).objectives;
    expect(objectives.map((o) => [o.period?.label, o.objective, o.keyResults.length])).toEqual([
      ["2026-Q3", "Grow the team", 2],
      ["2026-Q2", "Grow the team", 1],
      ["2026-Q3", "Other", 1],
    ]);
    expect(objectives[0].score).toBeCloseTo(0.25, 10);
    expect(objectives[0].owners).toEqual(["Ana López", "Ben"]);
  });

  it("reports an objective whose weights add up to 0 as a located problem instead of leaving its score blank unexplained", () => {
    const parsed = makeParsed({
      keyResults: [
        makeKeyResult({ row: 40, type: "increase", start: 0, target: 10, current: 5, weight: 0 }),
        makeKeyResult({ row: 41, type: "increase", start: 0, target: 10, current: 7, weight: 0 }),
      ],
    });
    const analysis = analyse(parsed, DEFAULT_SETTINGS, asOf);
    expect(analysis.objectives[0].score).toBeNull();
    expect(analysis.problems).toEqual([expect.objectContaining({ code: "zero-weights", sheet: "OKRs", cell: "D40", severity: "error" })]);
  });

  it("weights key results and takes the weakest pace", () => {
    const parsed = makeParsed({
      keyResults: [
        makeKeyResult({ type: "increase", start: 0, target: 10, current: 10, weight: 3 }),
        makeKeyResult({ type: "increase", start: 0, target: 10, current: 0, weight: 1 }),
      ],
    });
    const [objective] = analyse(parsed, DEFAULT_SETTINGS, asOf).objectives;
    expect(objective.score).toBe(0.75);
    expect(objective.weakestPace).toBe("Behind");
    expect(objective.keyResults[0].pace).toBe("Done");
  });
});

describe("analyse: KPIs", () => {
  it.each([
    { name: "time to hire at 38 is Watch", kpi: { actual: 38 }, status: "Watch", direction: "lower" },
    { name: "time to hire at 50 is Breach", kpi: { actual: 50 }, status: "Breach", direction: "lower" },
    { name: "speed 225 in 224–228 band is On target", kpi: { floor: 224, target: null, ceiling: 228, actual: 225 }, status: "On target", direction: "band" },
    { name: "speed 229 is Above ceiling", kpi: { floor: 224, target: null, ceiling: 228, actual: 229 }, status: "Above ceiling", direction: "band" },
    { name: "no actual is No data", kpi: { actual: null }, status: "No data", direction: "lower" },
  ] as const)("$name", ({ kpi, status, direction }) => {
    const [scored] = analyse(makeParsed({ kpis: [makeKpi(kpi)] }), DEFAULT_SETTINGS, asOf).kpis;
    expect(scored).toMatchObject({ status, direction });
  });

  it("reads the trend against the same KPI's previous period, in its direction", () => {
    const parsed = makeParsed({
      kpis: [
        makeKpi({ period: quarter(2026, 3), actual: 38 }),
        makeKpi({ period: quarter(2026, 2), actual: 50 }),
        makeKpi({ kpi: "Offer acceptance", floor: 0.7, target: 0.9, period: quarter(2026, 3), actual: 0.6 }),
        makeKpi({ kpi: "Offer acceptance", floor: 0.7, target: 0.9, period: quarter(2026, 2), actual: 0.8 }),
      ],
    });
    expect(analyse(parsed, DEFAULT_SETTINGS, asOf).kpis.map((k) => k.trend)).toEqual(["Improving", "Flat", "Declining", "Flat"]);
  });
});

describe("analyse: KPI bands", () => {
  it.each([
    { name: "floor and ceiling", bounds: { floor: 224, target: null, ceiling: 228 } },
    { name: "a stated band of target and ceiling", bounds: { floor: null, target: 224, ceiling: 228, direction: "band" } },
    { name: "a stated band of floor and target", bounds: { floor: 224, target: 228, ceiling: null, direction: "band" } },
  ] as const)("reads moving back toward the middle of $name as Improving", ({ bounds }) => {
    const parsed = makeParsed({
      kpis: [makeKpi({ ...bounds, period: quarter(2026, 2), actual: 229 }), makeKpi({ ...bounds, period: quarter(2026, 3), actual: 226 })],
    });
    expect(analyse(parsed, DEFAULT_SETTINGS, asOf).kpis.map((k) => [k.status, k.trend])).toEqual([
      ["Above ceiling", "Flat"],
      ["On target", "Improving"],
    ]);
  });
});

describe("analyse: KRAs", () => {
  it("scores 40/30/30 weighted ratings 4/3/5 as 4.0 per person and period", () => {
    const parsed = makeParsed({
      kras: [
        makeKra({ area: "Retention", weight: 40, rating: 4 }),
        makeKra({ area: "Hiring", weight: 30, rating: 3 }),
        makeKra({ area: "Culture", weight: 30, rating: 5 }),
        makeKra({ employee: "Ben", weight: 0.5, rating: 2 }),
        makeKra({ employee: "Ben", weight: 0.4, rating: null, actual: 130, target: 100 }),
      ],
    });
    const kras = analyse(parsed, DEFAULT_SETTINGS, asOf).kras;
    expect(kras[0]).toMatchObject({ employee: "Ana López", score: 4, label: "Exceeds expectations", weightTotal: 100 });
    expect(kras[1].weightTotal).toBeCloseTo(90, 10);
    expect(kras[1].areas[1]).toMatchObject({ rating: 5, derived: true });
    expect(kras[1].score).toBeCloseTo((50 * 2 + 40 * 5) / 90, 10);
  });

  it.each([
    { name: "a rating above the scale", third: { rating: 7 }, code: "out-of-range", cell: "J32" },
    { name: "a rating below the scale", third: { rating: 0 }, code: "out-of-range", cell: "J32" },
    { name: "a negative weight", third: { weight: -30 }, code: "negative-weight", cell: "F32" },
  ])("points $name at the offending area's cell, not the person's first row", ({ third, code, cell }) => {
    const parsed = makeParsed({
      kras: [makeKra({ row: 30, weight: 40 }), makeKra({ row: 31, weight: 30 }), makeKra({ row: 32, weight: 30, ...third })],
    });
    expect(analyse(parsed, DEFAULT_SETTINGS, asOf).problems).toEqual([expect.objectContaining({ code, sheet: "KRAs", cell })]);
  });

  it("keeps different review periods of one person apart", () => {
    const parsed = makeParsed({ kras: [makeKra({ period: year(2025) }), makeKra({ period: year(2026) })] });
    expect(analyse(parsed, DEFAULT_SETTINGS, asOf).kras.map((k) => k.period?.label)).toEqual(["2025", "2026"]);
  });
});
