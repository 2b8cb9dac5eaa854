import { RULE_IDS, RULES, ruleTitle, type RuleId } from "../../../src/core/checks";
import type { Severity } from "../../../src/core/model";
import { makeKeyResult, makeKpi, makeParsed, quarter, year } from "../../support/builders";
import { kpiSeries, kpisOf, krasWeighted, objectiveWith, objectives, okrs, runChecks, type Scenario } from "./builders";

interface Fixture {
  bad: Scenario;
  good: Scenario;
  expected: { sheet: string; cell: string; message: string };
}

/** A bad and a good example for every rule: the compiler and the walk below both insist on one per entry. */
const FIXTURES: { [Id in RuleId]: Fixture } = {
  "okr.status-quo": {
    bad: { parsed: okrs(makeKeyResult({ row: 4, keyResult: "Maintain NPS above 45", type: "maintain", start: null, target: 45, current: 47 })) },
    good: { parsed: okrs(makeKeyResult({ row: 4, keyResult: "Raise NPS from 40 to 55", type: "increase", start: 40, target: 55, current: 47 })) },
    expected: {
      sheet: "OKRs",
      cell: "F4",
      message: 'The key result "Maintain NPS above 45" describes the status quo ("Maintain"), so it reads as a KPI rather than a change.',
    },
  },
  "okr.no-number": {
    bad: { parsed: okrs(makeKeyResult({ row: 5, keyResult: "Launch the feature", type: "binary", start: null, target: 1, current: 0 })) },
    good: { parsed: okrs(makeKeyResult({ row: 5, keyResult: "Raise feature adoption from 10% to 40%", type: "increase", start: 0.1, target: 0.4, current: 0.2 })) },
    expected: { sheet: "OKRs", cell: "F5", message: 'The key result "Launch the feature" has no number: it describes an activity, not a measurable outcome.' },
  },
  "okr.too-many-krs": {
    bad: { parsed: okrs(...objectiveWith(7, 10, { objective: "Grow the team" })) },
    good: { parsed: okrs(...objectiveWith(5, 10, { objective: "Grow the team" })) },
    expected: { sheet: "OKRs", cell: "D10", message: 'The objective "Grow the team" has 7 key results; keep it to 3–5.' },
  },
  "okr.too-many-objectives": {
    bad: { parsed: okrs(...objectives(5, 20)) },
    good: { parsed: okrs(...objectives(4, 20)) },
    expected: { sheet: "OKRs", cell: "D24", message: 'The team "People" has 5 objectives in 2026-Q3; keep it to at most 4.' },
  },
  "okr.no-owner": {
    bad: { parsed: okrs(makeKeyResult({ row: 30 }), makeKeyResult({ row: 31, keyResult: "Cut time to hire from 45 to 30 days", owner: "" })) },
    good: { parsed: okrs(makeKeyResult({ row: 30 }), makeKeyResult({ row: 31, keyResult: "Cut time to hire from 45 to 30 days" })) },
    expected: { sheet: "OKRs", cell: "G31", message: 'The key result "Cut time to hire from 45 to 30 days" has no owner.' },
  },
  "okr.no-checkin-late": {
    bad: { parsed: okrs(makeKeyResult({ row: 6, current: null })), asOf: "2026-09-10" },
    good: { parsed: okrs(makeKeyResult({ row: 6, current: null })), asOf: "2026-08-10" },
    expected: {
      sheet: "OKRs",
      cell: "K6",
      message: 'The key result "Reduce regretted churn from 4.2% to 2.8%" has no check-in yet and 78% of 2026-Q3 has passed.',
    },
  },
  "okr.stale-checkin": {
    bad: { parsed: okrs(makeKeyResult({ row: 7, lastCheckIn: "2026-07-10" })) },
    good: { parsed: okrs(makeKeyResult({ row: 7, lastCheckIn: "2026-08-01" })) },
    expected: {
      sheet: "OKRs",
      cell: "K7",
      message: 'The key result "Reduce regretted churn from 4.2% to 2.8%" was last checked in on 2026-07-10, 5 weeks ago; check in at least every 3 weeks.',
    },
  },
  "okr.graduate": {
    bad: { parsed: okrs(makeKeyResult({ row: 8, keyResult: "Raise NPS from 40 to 55", type: "increase", start: 40, target: 55, current: 56 })) },
    good: { parsed: okrs(makeKeyResult({ row: 8, keyResult: "Raise NPS from 40 to 55", type: "increase", start: 40, target: 55, current: 50 })) },
    expected: {
      sheet: "OKRs",
      cell: "F8",
      message: 'The key result "Raise NPS from 40 to 55" reached its target and measures an ongoing metric: a candidate to graduate into a KPI.',
    },
  },
  "okr.own-score-differs": {
    // The sheet's MIN(current/target, 1) gives churn 3.5% against 2.8% a score of 80%; from the 4.2% baseline it is 50%.
    bad: { parsed: okrs(makeKeyResult({ row: 9, cells: { keyResult: "F9", score: "M9" }, start: 0.042, target: 0.028, current: 0.035, type: "decrease", statedScore: 0.8 })) },
    good: { parsed: okrs(makeKeyResult({ row: 9, cells: { keyResult: "F9", score: "M9" }, start: 0.042, target: 0.028, current: 0.035, type: "decrease", statedScore: 0.52 })) },
    expected: {
      sheet: "OKRs",
      cell: "M9",
      message:
        'The sheet scores "Reduce regretted churn from 4.2% to 2.8%" 80%, but from start 0.042, target 0.028 and current 0.035 its score is 50% (a decreasing metric: MIN(current/target, 1) misreads it).',
    },
  },
  "kpi.too-many": {
    bad: { parsed: makeParsed({ kpis: kpisOf(8, 40, [quarter(2026, 3)]) }) },
    // Seven KPIs read in two periods are still seven KPIs.
    good: { parsed: makeParsed({ kpis: kpisOf(7, 40, [quarter(2026, 2), quarter(2026, 3)]) }) },
    expected: { sheet: "KPIs", cell: "A47", message: "Ben Okafor owns 8 KPIs; keep it to at most 7 so each gets attention." },
  },
  "kpi.missing-pillar": {
    bad: { parsed: makeParsed({ kpis: [makeKpi({ row: 50, frequency: "" })] }) },
    good: { parsed: makeParsed({ kpis: [makeKpi({ row: 50 })] }) },
    expected: { sheet: "KPIs", cell: "A50", message: 'The KPI "Time to hire" has no frequency (how often it is measured).' },
  },
  "kpi.direction-contradiction": {
    bad: { parsed: makeParsed({ kpis: [makeKpi({ row: 51, cells: { kpi: "A51", direction: "L51" }, direction: "higher" })] }) },
    good: { parsed: makeParsed({ kpis: [makeKpi({ row: 51, cells: { kpi: "A51", direction: "L51" }, direction: "lower" })] }) },
    expected: {
      sheet: "KPIs",
      cell: "L51",
      message: 'The KPI "Time to hire" says higher is better, but its target (30) is below its floor (45), which means lower is better.',
    },
  },
  "kpi.repeated-breach": {
    bad: { parsed: makeParsed({ kpis: kpiSeries(52, [[quarter(2026, 1), 50], [quarter(2026, 2), 52], [quarter(2026, 3), 38]]) }) },
    good: { parsed: makeParsed({ kpis: kpiSeries(52, [[quarter(2026, 1), 50], [quarter(2026, 2), 38], [quarter(2026, 3), 52]]) }) },
    expected: {
      sheet: "KPIs",
      cell: "K53",
      message: 'The KPI "Time to hire" breached its floor 2 periods in a row (2026-Q1 to 2026-Q2): a candidate for a new OKR.',
    },
  },
  "kra.weights-not-100": {
    bad: { parsed: makeParsed({ kras: krasWeighted(60, [40, 30, 20]) }) },
    good: { parsed: makeParsed({ kras: krasWeighted(60, [40, 30, 30]) }) },
    expected: { sheet: "KRAs", cell: "F60", message: "The KRA weights of Ana López in 2026 add up to 90%, not 100%." },
  },
  "kra.quarterly": {
    bad: { parsed: makeParsed({ kras: krasWeighted(70, [60, 40], { period: quarter(2026, 3) }) }) },
    good: { parsed: makeParsed({ kras: krasWeighted(70, [60, 40], { period: year(2026) }) }) },
    expected: { sheet: "KRAs", cell: "A70", message: "The KRAs of Ana López are set for 2026-Q3; KRAs are annual, so set them for a year." },
  },
};

describe("the rule registry", () => {
  it("has a bad and a good fixture for every rule, and no fixture for a rule it lacks", () => {
    expect(Object.keys(FIXTURES).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULE_IDS)("%s is keyed by its own id and has a title and a fix", (id) => {
    expect(RULES[id].id).toBe(id);
    expect(ruleTitle(id)).toBe(RULES[id].title);
    expect(RULES[id].title.length).toBeGreaterThan(0);
    expect(RULES[id].fix).toMatch(/\.$/);
  });

  it.each<[RuleId, Severity]>([
    ["kra.weights-not-100", "error"],
    ["kpi.direction-contradiction", "error"],
    ["okr.graduate", "info"],
    ["kpi.repeated-breach", "info"],
    ["okr.status-quo", "warning"],
    ["okr.no-number", "warning"],
  ])("%s is severity %s", (id, severity) => {
    expect(RULES[id].severity).toBe(severity);
  });
});

describe.each(RULE_IDS)("%s", (id) => {
  const fixture = FIXTURES[id];

  it("fires on the bad example with a located message, the rule's severity and fix", () => {
    const findings = runChecks(fixture.bad).filter((f) => f.rule === id);
    expect(findings).toEqual([{ code: id, rule: id, severity: RULES[id].severity, fix: RULES[id].fix, row: Number(fixture.expected.cell.replace(/^[A-Z]+/, "")), ...fixture.expected }]);
  });

  it("stays silent on the good example, which no other rule flags either", () => {
    expect(runChecks(fixture.good)).toEqual([]);
  });
});

describe("ruleTitle", () => {
  it("names a rule for lists", () => {
    expect(ruleTitle("okr.too-many-krs")).toBe("Too many key results");
  });
});
