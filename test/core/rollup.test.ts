import fc from "fast-check";
import type { RangeRef } from "../../src/core/address";
import { analyse } from "../../src/core/analyse";
import type { Finding, KpiRecord, Period } from "../../src/core/model";
import type { ChartBlock, LaidOutPlan, SheetPlan, TableBlock } from "../../src/core/plan";
import { parsePeriod } from "../../src/core/periods";
import { computeRollup, rollupHasData, type Rollup } from "../../src/core/rollup";
import { planRollup } from "../../src/core/rollup-sheet";
import { DEFAULT_SETTINGS, withDefaults, type Settings } from "../../src/core/settings";
import { makeKeyResult, makeKpi, makeParsed, quarter } from "../support/builders";
import { blockArea, overlaps, sheetStrings } from "./plan-checks";

const AS_OF = "2026-08-15";

function month(y: number, m: number): Period {
  const pad = (n: number) => String(n).padStart(2, "0");
  const end = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { label: `${y}-${pad(m)}`, kind: "month", start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(end)}` };
}

function rollupOf(
  parts: Parameters<typeof makeParsed>[0],
  options: { period?: string; findings?: Finding[]; settings?: Settings } = {},
): Rollup {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const read = parsePeriod(options.period ?? "2026-Q3");
  if (!read.ok || read.value === null) throw new Error(`${options.period} is not a period`);
  return computeRollup(analyse(makeParsed(parts), settings, AS_OF), options.findings ?? [], { period: read.value, settings });
}

function finding(rule: string, severity: Finding["severity"] = "warning"): Finding {
  return { rule, severity, code: rule, message: `${rule} found`, sheet: "OKRs", cell: "A2", row: 2, fix: "Fix it" };
}

/** Two People key results (0.5 and over-achieved) and one Sales key result at 0.2, all in 2026-Q3. */
const teamsFixture = () => ({
  keyResults: [
    makeKeyResult({ team: "People", objective: "Grow people" }),
    makeKeyResult({ team: "People", objective: "Grow people", type: "increase", keyResult: "Lift eNPS from 40 to 60", start: 40, target: 60, current: 72 }),
    makeKeyResult({ team: "Sales", objective: "Win deals", type: "increase", keyResult: "Win 50 deals", owner: "Ben Okafor", start: 0, target: 50, current: 10 }),
  ],
});

// ---------------------------------------------------------------------------
// Plan checks shared by the structure tests.

function contains(outer: RangeRef, inner: RangeRef): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;
}

function tables(sheet: SheetPlan): TableBlock[] {
  return sheet.blocks.filter((b): b is TableBlock => b.kind === "table");
}

function strings(plan: LaidOutPlan): string[] {
  return plan.sheets.flatMap(sheetStrings);
}

function expectSound(plan: LaidOutPlan): void {
  for (const sheet of plan.sheets) {
    expect(overlaps(sheet)).toEqual([]);
    const written = sheet.blocks.filter((b) => b.kind === "table" || b.kind === "cells").map((b) => blockArea(b)!);
    for (const chart of sheet.blocks.filter((b): b is ChartBlock => b.kind === "chart")) {
      expect(written.some((area) => contains(area, chart.data))).toBe(true);
    }
    for (const block of sheet.blocks) {
      if (block.kind === "conditional") expect(written.some((area) => contains(area, block.range))).toBe(true);
    }
    // Rollups never write formulas: every value is a plain value.
    expect(sheet.blocks.filter((b) => b.kind === "formulas")).toEqual([]);
  }
}

// ---------------------------------------------------------------------------

describe("computeRollup", () => {
  it("gives an empty rollup for a quarter without key results", () => {
    const rollup = rollupOf({ keyResults: [makeKeyResult({ period: quarter(2026, 2) })] });
    expect(rollup.headline).toEqual({
      objectives: 0,
      keyResults: 0,
      averageScore: null,
      grades: { Green: 0, Yellow: 0, Red: 0 },
      paces: { Done: 0, "On track": 0, "At risk": 0, Behind: 0 },
      noCheckIn: 0,
      noCheckInShare: null,
    });
    expect(rollup.teams).toEqual([]);
    expect(rollup.objectives).toEqual([]);
  });

  it("computes the company headline", () => {
    const rollup = rollupOf({
      keyResults: [...teamsFixture().keyResults, makeKeyResult({ team: "Sales", objective: "Win deals", current: null })],
    });
    // People: (0.5 + 1) / 2 = 0.75; Sales: (0.2 + 0) / 2 = 0.1.
    expect(rollup.headline.objectives).toBe(2);
    expect(rollup.headline.keyResults).toBe(4);
    expect(rollup.headline.averageScore).toBeCloseTo(0.425, 10);
    expect(rollup.headline.grades).toEqual({ Green: 1, Yellow: 0, Red: 1 });
    expect(rollup.headline.paces).toEqual({ Done: 0, "On track": 1, "At risk": 0, Behind: 1 });
    expect(rollup.headline.noCheckIn).toBe(1);
    expect(rollup.headline.noCheckInShare).toBeCloseTo(0.25, 10);
  });

  it("builds one row per team with its score, grade and pace at the as-of date", () => {
    const rollup = rollupOf(teamsFixture());
    expect(rollup.teams).toEqual([
      { team: "People", objectives: 1, keyResults: 2, averageScore: 0.75, grade: "Green", pace: "On track", change: null },
      { team: "Sales", objectives: 1, keyResults: 1, averageScore: expect.closeTo(0.2, 10), grade: "Red", pace: "Behind", change: null },
    ]);
  });

  it("lists objectives with owners and key result counts", () => {
    const rollup = rollupOf(teamsFixture());
    expect(rollup.objectives[1]).toEqual({
      team: "Sales",
      objective: "Win deals",
      owners: ["Ben Okafor"],
      score: expect.closeTo(0.2, 10),
      grade: "Red",
      pace: "Behind",
      keyResults: 1,
      source: { sheet: "OKRs", cell: expect.stringMatching(/^[A-Z]+\d+$/) },
    });
  });

  it("caps an over-achieved key result at 1 in its objective but keeps it as a graduation candidate", () => {
    const rollup = rollupOf(teamsFixture(), { settings: withDefaults({ scoreCap: 1.5 }) });
    expect(rollup.objectives[0].score).toBeCloseTo(0.75, 10);
    expect(rollup.graduation).toEqual([
      { team: "People", objective: "Grow people", keyResult: "Lift eNPS from 40 to 60", owner: "Ana López", score: 1.5, source: expect.objectContaining({ sheet: "OKRs" }) },
    ]);
  });

  it("compares with the previous quarter for the company and each team", () => {
    const rollup = rollupOf({
      keyResults: [
        ...teamsFixture().keyResults,
        makeKeyResult({ period: quarter(2026, 2), team: "People", objective: "Grow people", type: "increase", start: 0, target: 100, current: 25 }),
      ],
    });
    expect(rollup.previous).toEqual({ period: quarter(2026, 2), averageScore: 0.25, change: expect.closeTo(0.475 - 0.25, 10) });
    expect(rollup.teams.map((t) => [t.team, t.change])).toEqual([
      ["People", 0.5],
      ["Sales", null],
    ]);
  });

  it("compares a year's rollup with the whole previous year, not its last quarter", () => {
    const rollup = rollupOf(
      {
        keyResults: [
          makeKeyResult({ period: quarter(2026, 1), type: "increase", start: 0, target: 100, current: 80 }),
          makeKeyResult({ period: quarter(2025, 1), objective: "Earlier", type: "increase", start: 0, target: 100, current: 20 }),
          makeKeyResult({ period: quarter(2025, 4), objective: "Later", type: "increase", start: 0, target: 100, current: 40 }),
        ],
      },
      { period: "2026" },
    );
    expect(rollup.previous).toEqual({
      period: expect.objectContaining({ label: "2025", start: "2025-01-01", end: "2025-12-31" }),
      averageScore: expect.closeTo(0.3, 10),
      change: expect.closeTo(0.5, 10),
    });
  });

  it("has no previous-quarter comparison when that quarter has no objectives", () => {
    expect(rollupOf(teamsFixture()).previous).toBeNull();
  });

  it("counts KPI readings of the quarter and its months by status and lists breaches", () => {
    const kpis: KpiRecord[] = [
      makeKpi({ period: month(2026, 6), actual: 50 }),
      makeKpi({ period: month(2026, 7), actual: 50 }),
      makeKpi({ period: month(2026, 8), actual: 38 }),
      makeKpi({ period: month(2026, 9), actual: null }),
      makeKpi({ kpi: "Offer acceptance", owner: "Ana López", floor: 0.7, target: 0.85, period: quarter(2026, 3), actual: 0.9 }),
    ];
    const rollup = rollupOf({ kpis });
    expect(rollup.kpiHealth).toEqual({ "On target": 1, Watch: 1, Breach: 1, "Above ceiling": 0, "No data": 1 });
    expect(rollup.breaches).toEqual([
      {
        kpi: "Time to hire",
        area: "Talent acquisition",
        owner: "Ben Okafor",
        period: "2026-07",
        actual: 50,
        floor: 45,
        target: 30,
        ceiling: null,
        unit: "days",
        source: { sheet: "KPIs", cell: kpis[1].cells.actual },
      },
    ]);
  });

  it.each<[string, Array<[Period, number]>, string[] | null]>([
    ["breaches in June and July", [[month(2026, 6), 50], [month(2026, 7), 48], [month(2026, 8), 40]], ["2026-06", "2026-07"]],
    ["three breaches running", [[month(2026, 7), 50], [month(2026, 8), 48], [month(2026, 9), 46]], ["2026-07", "2026-08", "2026-09"]],
    ["breaches with a good month between", [[month(2026, 7), 50], [month(2026, 8), 40], [month(2026, 9), 46]], null],
    ["two breaches before the quarter", [[month(2026, 4), 50], [month(2026, 5), 48], [month(2026, 7), 40]], null],
    ["a breach after the quarter does not count", [[month(2026, 9), 50], [month(2026, 10), 48]], null],
  ])("finds OKR candidates: %s", (_name, readings, periods) => {
    const kpis = readings.map(([period, actual]) => makeKpi({ period, actual }));
    const rollup = rollupOf({ kpis });
    // The run's first reading is linked, with the number of readings in the run.
    const source = { sheet: "KPIs", cell: kpis[0].cells.actual, rows: periods?.length };
    expect(rollup.okrCandidates).toEqual(periods ? [{ kpi: "Time to hire", area: "Talent acquisition", owner: "Ben Okafor", periods, source }] : []);
  });

  it("counts findings by rule with their most severe severity, most frequent first", () => {
    const rollup = rollupOf({}, { findings: [finding("no-owner"), finding("kpi-like", "info"), finding("no-owner", "error")] });
    expect(rollup.findings).toEqual([
      { rule: "no-owner", severity: "error", count: 2 },
      { rule: "kpi-like", severity: "info", count: 1 },
    ]);
  });

  it("counts only the findings of the quarter's records, and those on no key result or KPI row", () => {
    const located = (rule: string, sheet: string, cell: string): Finding => ({ ...finding(rule), sheet, cell, row: Number(cell.replace(/^[A-Z]+/, "")) });
    const rollup = rollupOf(
      {
        keyResults: [makeKeyResult({ row: 50, period: quarter(2026, 2) }), makeKeyResult({ row: 51, period: quarter(2026, 3) })],
        kpis: [makeKpi({ row: 60, period: month(2026, 5) }), makeKpi({ row: 61, period: month(2026, 7) })],
      },
      {
        findings: [
          located("okr.graduate", "OKRs", "E50"),
          located("okr.graduate", "OKRs", "E51"),
          located("kpi.missing-pillar", "KPIs", "E60"),
          located("kpi.missing-pillar", "KPIs", "E61"),
          located("kra.weights-not-100", "KRAs", "F7"),
        ],
      },
    );
    expect(rollup.findings).toEqual([
      { rule: "kpi.missing-pillar", severity: "warning", count: 1 },
      { rule: "kra.weights-not-100", severity: "warning", count: 1 },
      { rule: "okr.graduate", severity: "warning", count: 1 },
    ]);
  });

  it.each<[string, Parameters<typeof makeParsed>[0], string, boolean]>([
    ["key results in the quarter", teamsFixture(), "2026-Q3", true],
    ["only a KPI reading in the quarter", { kpis: [makeKpi({ period: month(2026, 8) })] }, "2026-Q3", true],
    ["records of other quarters only", teamsFixture(), "2025-Q1", false],
    ["an empty workbook", {}, "2026-Q3", false],
  ])("has data to show with %s: %s", (_name, parts, period, expected) => {
    expect(rollupHasData(rollupOf(parts, { period }))).toBe(expected);
  });
});

describe("planRollup", () => {
  const fullRollup = () =>
    rollupOf(
      {
        keyResults: [
          ...teamsFixture().keyResults,
          makeKeyResult({ period: quarter(2026, 2), team: "People", objective: "Grow people", type: "increase", start: 0, target: 100, current: 25 }),
        ],
        kpis: [makeKpi({ period: month(2026, 7), actual: 50 }), makeKpi({ period: month(2026, 8), actual: 49 })],
      },
      { findings: [finding("no-owner")] },
    );

  it("plans one sheet named after the quarter, with its title rows frozen", () => {
    const plan = planRollup(fullRollup());
    expect(plan.sheets.map((s) => [s.key, s.name])).toEqual([["rollup", "Rollup 2026-Q3"]]);
    expect(plan.sheets[0].freeze).toEqual({ rows: 2, cols: 0 });
    expect(strings(plan)).toEqual(expect.arrayContaining(["Quarterly rollup 2026-Q3", "As of 2026-08-15 · Generated by Altitude"]));
  });

  it("writes every section as a table with its headers", () => {
    const sheet = planRollup(fullRollup()).sheets[0];
    expect(Object.fromEntries(tables(sheet).map((t) => [t.name, t.headers]))).toEqual({
      RollupGrades: ["Grade", "Objectives"],
      RollupPace: ["Pace", "Objectives"],
      RollupTeams: ["Team", "Average score", "Grade", "Pace", "Objectives", "Key results", "Change since 2026-Q2"],
      RollupObjectives: ["Team", "Objective", "Owners", "Score", "Grade", "Pace", "Key results", "Source"],
      RollupKpiHealth: ["Status", "Readings"],
      RollupBreaches: ["KPI", "Area", "Owner", "Period", "Actual", "Floor", "Target", "Unit", "Source"],
      RollupGraduation: ["Team", "Objective", "Key result", "Owner", "Score", "Source"],
      RollupOkrCandidates: ["KPI", "Area", "Owner", "Periods in breach", "Source"],
      RollupFindings: ["Rule", "Severity", "Findings"],
    });
  });

  it("formats scores as percentages and colours grades and pace", () => {
    const sheet = planRollup(fullRollup()).sheets[0];
    const teams = tables(sheet).find((t) => t.name === "RollupTeams")!;
    expect(teams.columnFormats?.[1]).toBe("0%");
    const rules = sheet.blocks.flatMap((b) => (b.kind === "conditional" ? b.rules : []));
    expect(rules).toEqual(expect.arrayContaining([
      { equals: "Green", fill: "#C6EFCE", fontColor: "#006100" },
      { equals: "Yellow", fill: "#FFEB9C", fontColor: "#9C5700" },
      { equals: "Red", fill: "#FFC7CE", fontColor: "#9C0006" },
      { equals: "Behind", fill: "#FFC7CE", fontColor: "#9C0006" },
      { equals: "Breach", fill: "#FFC7CE", fontColor: "#9C0006" },
    ]));
    expect(sheet.columnWidths?.length).toBeGreaterThanOrEqual(7);
  });

  it("shows change since the previous quarter in percentage points, with a true minus sign", () => {
    const rollup = fullRollup();
    const sheet = planRollup(rollup).sheets[0];
    const teams = tables(sheet).find((t) => t.name === "RollupTeams")!;
    const people = rollup.teams.find((t) => t.team === "People")!;
    expect(people.change).not.toBeNull();
    expect(teams.rows.find((r) => r[0] === "People")?.[6]).toBeCloseTo(people.change! * 100, 10);
    expect(teams.columnFormats?.[6]).toBe('+0" pts";"−"0" pts";0" pts"');
    // Headline labels sit in one block, their values in the next.
    const labels = sheet.blocks.findIndex((b) => b.kind === "cells" && b.values.some((row) => String(row[0]).startsWith("Change since")));
    const values = sheet.blocks[labels + 1];
    const row = sheet.blocks[labels].kind === "cells" ? (sheet.blocks[labels] as { values: unknown[][] }).values.findIndex((r) => String(r[0]).startsWith("Change since")) : -1;
    expect(values.kind === "cells" && [values.values[row][0], values.numberFormats?.[row][0]]).toEqual([
      (rollup.previous!.change ?? 0) * 100,
      '+0" pts";"−"0" pts";0" pts"',
    ]);
  });

  it.each<[string, string, number, string | null]>([
    ["a percentage KPI kept as fractions", "%", 0.62, "0%"],
    ["a percentage KPI written as whole numbers", "%", 62, '0"%"'],
    ["a KPI counted in days", "days", 50, null],
  ])("keeps the unit's format for the breaches of %s", (_name, unit, actual, format) => {
    const floors = unit === "%" && actual < 1 ? { floor: 0.7, target: 0.8 } : { floor: 70, target: 80 };
    const rollup = rollupOf({ kpis: [makeKpi({ period: month(2026, 8), unit, actual, ...floors })] });
    const breaches = tables(planRollup(rollup).sheets[0]).find((t) => t.name === "RollupBreaches")!;
    expect(breaches.rows).toHaveLength(1);
    expect(breaches.cellFormats?.[0].slice(4, 7)).toEqual([format, format, format]);
  });

  it("charts team scores and the grade distribution from their tables", () => {
    const sheet = planRollup(fullRollup()).sheets[0];
    const teams = sheet.blocks.find((b): b is TableBlock => b.kind === "table" && b.name === "RollupTeams")!;
    const charts = sheet.blocks.filter((b): b is ChartBlock => b.kind === "chart");
    expect(charts.map((c) => c.chartType).sort()).toEqual(["column", "doughnut"]);
    expect(charts.find((c) => c.chartType === "column")!.data).toEqual({ row: teams.at.row, col: 0, rows: 3, cols: 2 });
  });

  it("colours the grade slices green, yellow and red in the table's order", () => {
    const sheet = planRollup(fullRollup()).sheets[0];
    const doughnut = sheet.blocks.find((b): b is ChartBlock => b.kind === "chart" && b.chartType === "doughnut")!;
    const grades = sheet.blocks.find((b): b is TableBlock => b.kind === "table" && b.name === "RollupGrades")!;
    expect(grades.rows.map((r) => r[0])).toEqual(["Green", "Yellow", "Red"]);
    expect(doughnut.pointColors).toEqual(["#63BE7B", "#FFD966", "#F8696B"]);
  });

  it("keeps blocks apart and charts and colours inside written cells", () => {
    expectSound(planRollup(fullRollup()));
  });

  it("says there are no key results instead of writing empty tables", () => {
    const plan = planRollup(rollupOf({}));
    expect(strings(plan).filter((s) => s === "No key results in 2026-Q3.").length).toBe(4);
    expect(tables(plan.sheets[0]).map((t) => t.name)).toEqual([]);
    expect(plan.sheets[0].blocks.filter((b) => b.kind === "chart")).toEqual([]);
    expectSound(plan);
  });

  it("lists a team with no KPIs and says the quarter has no KPI readings", () => {
    const rollup = rollupOf(teamsFixture());
    const plan = planRollup(rollup);
    expect(rollup.kpiHealth).toEqual({ "On target": 0, Watch: 0, Breach: 0, "Above ceiling": 0, "No data": 0 });
    expect(tables(plan.sheets[0]).map((t) => t.name)).toContain("RollupTeams");
    expect(strings(plan)).toEqual(expect.arrayContaining(["No KPI readings in 2026-Q3.", "No KPI breached its floor in 2026-Q3."]));
    expectSound(plan);
  });

  it("writes text from user cells verbatim as values, never as formulas", () => {
    const evil = '=HYPERLINK("http://x","y")';
    const plan = planRollup(rollupOf({ keyResults: [makeKeyResult({ team: evil, objective: "+cmd", owner: "@me" })] }));
    expect(strings(plan)).toEqual(expect.arrayContaining([evil, "+cmd", "@me"]));
    expectSound(plan);
  });
});

describe("rollup properties", () => {
  const keyResultArb = fc.record({
    team: fc.constantFrom("People", "Sales", "", "=1+1"),
    objective: fc.constantFrom("Grow", "Win", "Ship"),
    current: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null }),
    q: fc.constantFrom<1 | 2 | 3 | 4>(2, 3),
  });

  it("keeps scores within 0–1, counts every key result once and plans sound sheets", () => {
    fc.assert(
      fc.property(fc.array(keyResultArb, { maxLength: 12 }), (rows) => {
        const rollup = rollupOf({
          keyResults: rows.map((r) => makeKeyResult({ team: r.team, objective: r.objective, type: "increase", start: 0, target: 100, current: r.current, period: quarter(2026, r.q) })),
        });
        const inQuarter = rows.filter((r) => r.q === 3).length;
        expect(rollup.headline.keyResults).toBe(inQuarter);
        expect(rollup.teams.reduce((n, t) => n + t.keyResults, 0)).toBe(inQuarter);
        for (const score of [rollup.headline.averageScore, ...rollup.teams.map((t) => t.averageScore)]) {
          if (score !== null) expect(score >= 0 && score <= 1).toBe(true);
        }
        const grades = rollup.headline.grades;
        expect(grades.Green + grades.Yellow + grades.Red).toBe(rollup.headline.objectives);
        expectSound(planRollup(rollup));
      }),
      { numRuns: 60 },
    );
  });
});

describe("graduation candidates agree with the goal-quality check", () => {
  it.each([
    { name: "an increase that reached target", kr: { type: "increase", start: 40, target: 60, current: 60, keyResult: "Raise NPS from 40 to 60" }, listed: true },
    { name: "a binary activity that is done", kr: { type: "binary", start: 0, target: 1, current: 1, keyResult: "Launch the new onboarding" }, listed: false },
    { name: "a maintain result, already a KPI", kr: { type: "maintain", start: null, target: 45, current: 52, keyResult: "Maintain NPS above 45" }, listed: false },
    { name: "an increase still under way", kr: { type: "increase", start: 40, target: 60, current: 50, keyResult: "Raise NPS from 40 to 60" }, listed: false },
  ] as const)("$name", ({ kr, listed }) => {
    const analysis = analyse(makeParsed({ keyResults: [makeKeyResult(kr)] }), DEFAULT_SETTINGS, "2026-08-15");
    const rollup = computeRollup(analysis, [], { period: quarter(2026, 3), settings: DEFAULT_SETTINGS });
    expect(rollup.graduation.map((g) => g.keyResult)).toEqual(listed ? [kr.keyResult] : []);
  });
});
