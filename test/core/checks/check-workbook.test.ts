import type { Finding, KpiRecord, RecognisedSheet } from "../../../src/core/model";
import { withDefaults } from "../../../src/core/settings";
import { makeKeyResult, makeKpi, makeKra, makeParsed, quarter, year } from "../../support/builders";
import { kpiSeries, krasWeighted, objectives, okrs, runChecks } from "./builders";

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => ({ cell: f.cell, message: f.message }));

describe("okr.status-quo", () => {
  it("flags a key result of type maintain even when its wording is neutral", () => {
    const findings = runChecks({ parsed: okrs(makeKeyResult({ row: 3, keyResult: "NPS 45+", type: "maintain", start: null, target: 45, current: 47 })) });
    expect(only(findings, "okr.status-quo")).toEqual([
      { cell: "F3", message: 'The key result "NPS 45+" is of type maintain: it holds a level instead of changing it, so it reads as a KPI rather than a change.' },
    ]);
  });

  it("flags an objective that describes the status quo once, at its objective cell", () => {
    const parsed = okrs(makeKeyResult({ row: 3, objective: "Keep our people engaged" }), makeKeyResult({ row: 4, objective: "Keep our people engaged" }));
    expect(only(runChecks({ parsed }), "okr.status-quo")).toEqual([
      { cell: "D3", message: 'The objective "Keep our people engaged" describes the status quo ("Keep"), so it reads as a KPI rather than a change.' },
    ]);
  });

  it("accepts a threshold when start and target show a change", () => {
    const parsed = okrs(makeKeyResult({ keyResult: "At least 90% of managers trained", type: "increase", start: 0.6, target: 0.9, current: 0.7 }));
    expect(only(runChecks({ parsed }), "okr.status-quo")).toEqual([]);
  });
});

describe("okr.no-number", () => {
  it("quotes at most the first 100 characters of a pasted key result", () => {
    const pasted = `Happier candidates ${"and more ".repeat(1000)}`;
    const parsed = okrs(makeKeyResult({ row: 9, keyResult: pasted, type: "increase", start: null, target: null, current: null }));
    expect(only(runChecks({ parsed, asOf: "2026-07-02" }), "okr.no-number")).toEqual([
      { cell: "F9", message: `The key result "${pasted.slice(0, 100)}…" has no number: there is nothing to measure progress against.` },
    ]);
  });

  it.each([
    { name: "an activity with no target", kr: { keyResult: "Roll out the new onboarding", type: "milestone", target: null }, why: "it describes an activity, not a measurable outcome" },
    { name: "a statement with no target", kr: { keyResult: "Happier candidates", type: "increase", target: null }, why: "there is nothing to measure progress against" },
  ] as const)("flags $name", ({ kr, why }) => {
    const parsed = okrs(makeKeyResult({ row: 9, start: null, current: null, ...kr }));
    expect(only(runChecks({ parsed, asOf: "2026-07-02" }), "okr.no-number")).toEqual([{ cell: "F9", message: `The key result "${kr.keyResult}" has no number: ${why}.` }]);
  });

  it.each([
    { name: "a binary outcome that is not an activity", kr: { keyResult: "Board approves the pay framework", type: "binary", start: null, target: 1, current: 0 } },
    { name: "a numeric target without digits in the text", kr: { keyResult: "Grow referrals", type: "increase", start: 10, target: 40, current: 20 } },
  ] as const)("accepts $name", ({ kr }) => {
    expect(only(runChecks({ parsed: okrs(makeKeyResult(kr)) }), "okr.no-number")).toEqual([]);
  });
});

describe("okr.too-many-objectives", () => {
  it("limits an individual to 3 objectives, grouped by owner", () => {
    const parsed = okrs(...objectives(4, 20, { level: "individual", owner: "Ana López" }), ...objectives(3, 30, { level: "individual", owner: "Ben Okafor" }));
    expect(only(runChecks({ parsed }), "okr.too-many-objectives")).toEqual([
      { cell: "D23", message: "Ana López has 4 individual objectives in 2026-Q3; keep it to at most 3." },
    ]);
  });

  it("counts each period separately", () => {
    const parsed = okrs(...objectives(3, 20), ...objectives(3, 30, { period: quarter(2026, 4) }));
    expect(only(runChecks({ parsed }), "okr.too-many-objectives")).toEqual([]);
  });
});

describe("okr.no-owner", () => {
  it("reports an objective none of whose key results has an owner once, not per key result", () => {
    const parsed = okrs(makeKeyResult({ row: 12, objective: "Grow the team", owner: "" }), makeKeyResult({ row: 13, objective: "Grow the team", owner: "" }));
    expect(only(runChecks({ parsed }), "okr.no-owner")).toEqual([
      { cell: "G12", message: 'The objective "Grow the team" has no owner: none of its 2 key results names one.' },
    ]);
  });
});

describe("okr.no-checkin-late and okr.stale-checkin", () => {
  it("says the period has ended when it has", () => {
    const parsed = okrs(makeKeyResult({ row: 6, current: null }));
    expect(only(runChecks({ parsed, asOf: "2026-10-05" }), "okr.no-checkin-late")).toEqual([
      { cell: "K6", message: 'The key result "Reduce regretted churn from 4.2% to 2.8%" has no check-in yet and 2026-Q3 has ended.' },
    ]);
  });

  it("follows the late-in-period setting", () => {
    const parsed = okrs(makeKeyResult({ current: null }));
    expect(only(runChecks({ parsed, asOf: "2026-08-10", settings: withDefaults({ lateInPeriod: 0.25 }) }), "okr.no-checkin-late")).toHaveLength(1);
  });

  it("does not call a check-in stale once the period is over", () => {
    const parsed = okrs(makeKeyResult({ lastCheckIn: "2026-07-10" }));
    expect(only(runChecks({ parsed, asOf: "2026-10-20" }), "okr.stale-checkin")).toEqual([]);
  });

  it("follows the stale-weeks setting", () => {
    const parsed = okrs(makeKeyResult({ lastCheckIn: "2026-07-10" }));
    expect(only(runChecks({ parsed, settings: withDefaults({ staleWeeks: 6 }) }), "okr.stale-checkin")).toEqual([]);
  });
});

describe("okr.graduate", () => {
  it.each([
    { name: "a milestone", kr: { keyResult: "Complete 4 of 4 pay reviews", type: "milestone", start: null, target: 4, current: 4 } },
    { name: "a binary result", kr: { keyResult: "Pay framework approved by 1 Sep", type: "binary", start: null, target: 1, current: 1 } },
  ] as const)("leaves $name that is done alone", ({ kr }) => {
    expect(only(runChecks({ parsed: okrs(makeKeyResult(kr)) }), "okr.graduate")).toEqual([]);
  });
});

describe("kpi.missing-pillar", () => {
  it.each<{ name: string; kpi: Partial<KpiRecord>; cell: string; missing: string }>([
    { name: "measure", kpi: { kpi: "", unit: "" }, cell: "A5", missing: "no measure (a KPI name or unit)" },
    { name: "target", kpi: { target: null, floor: null, ceiling: 50 }, cell: "H5", missing: "no target or floor" },
    { name: "owner", kpi: { owner: "", dataSource: "" }, cell: "C5", missing: "no owner or data source" },
    { name: "frequency", kpi: { frequency: " " }, cell: "A5", missing: "no frequency (how often it is measured)" },
  ])("names the missing $name", ({ kpi, cell, missing }) => {
    const record = makeKpi({ row: 5, ...kpi });
    const name = record.kpi ? `The KPI "${record.kpi}"` : "The KPI on row 5";
    expect(only(runChecks({ parsed: makeParsed({ kpis: [record] }) }), "kpi.missing-pillar")).toEqual([{ cell, message: `${name} has ${missing}.` }]);
  });

  it("reports each missing pillar separately", () => {
    const parsed = makeParsed({ kpis: [makeKpi({ frequency: "", owner: "", dataSource: "" })] });
    expect(only(runChecks({ parsed }), "kpi.missing-pillar").map((f) => f.message)).toEqual([
      'The KPI "Time to hire" has no owner or data source.',
      'The KPI "Time to hire" has no frequency (how often it is measured).',
    ]);
  });

  it("accepts a pillar written on another reading of the same KPI", () => {
    const parsed = makeParsed({ kpis: [makeKpi({ period: quarter(2026, 2) }), makeKpi({ period: quarter(2026, 3), frequency: "", dataSource: "" })] });
    expect(only(runChecks({ parsed }), "kpi.missing-pillar")).toEqual([]);
  });
});

describe("kpi.repeated-breach", () => {
  it("reports a run once, at its latest reading, in period order whatever the row order", () => {
    const kpis = kpiSeries(10, [
      [quarter(2026, 3), 55],
      [quarter(2026, 1), 50],
      [quarter(2026, 2), 52],
    ]);
    expect(only(runChecks({ parsed: makeParsed({ kpis }) }), "kpi.repeated-breach")).toEqual([
      { cell: "K10", message: 'The KPI "Time to hire" breached its floor 3 periods in a row (2026-Q1 to 2026-Q3): a candidate for a new OKR.' },
    ]);
  });

  it("keeps owners' series apart", () => {
    const kpis = [...kpiSeries(10, [[quarter(2026, 1), 50]]), ...kpiSeries(11, [[quarter(2026, 2), 52]], { owner: "Chloé Martin" })];
    expect(only(runChecks({ parsed: makeParsed({ kpis }) }), "kpi.repeated-breach")).toEqual([]);
  });
});

describe("kra rules", () => {
  it.each<[string, Array<number | null>]>([
    ["fractions adding up to 1", [0.4, 0.3, 0.3]],
    ["within the 0.5 point tolerance", [33.3, 33.3, 33.3]],
  ])("accepts weights as %s", (_name, weights) => {
    expect(only(runChecks({ parsed: makeParsed({ kras: krasWeighted(60, weights) }) }), "kra.weights-not-100")).toEqual([]);
  });

  it("checks each person separately", () => {
    const kras = [...krasWeighted(60, [60, 40]), ...krasWeighted(62, [50, 40], { employee: "Ben Okafor" })];
    expect(only(runChecks({ parsed: makeParsed({ kras }) }), "kra.weights-not-100")).toEqual([
      { cell: "F62", message: "The KRA weights of Ben Okafor in 2026 add up to 90%, not 100%." },
    ]);
  });

  it("reports a quarterly KRA set once per person, at its period cell when known", () => {
    const kras = [makeKra({ row: 70, cells: { employee: "A70", period: "D70" }, period: quarter(2026, 1), weight: 100 }), makeKra({ row: 71, period: year(2026), weight: 100 })];
    expect(only(runChecks({ parsed: makeParsed({ kras }) }), "kra.quarterly")).toEqual([
      { cell: "D70", message: "The KRAs of Ana López are set for 2026-Q1; KRAs are annual, so set them for a year." },
    ]);
  });
});

describe("locating and ordering", () => {
  it("falls back to the leftmost known cell of the row", () => {
    const parsed = okrs(makeKeyResult({ row: 9, cells: { target: "J9", objective: "D9" }, owner: "" }));
    expect(only(runChecks({ parsed }), "okr.no-owner")).toEqual([{ cell: "D9", message: 'The objective "Make People a great place to grow" has no owner: none of its 1 key result names one.' }]);
  });

  it("falls back to column A when the row has no known cell", () => {
    const parsed = okrs(makeKeyResult({ row: 9, cells: {}, owner: "Ana", keyResult: "Launch the feature", type: "binary", start: null, target: 1, current: 0 }));
    expect(only(runChecks({ parsed }), "okr.no-number")).toEqual([{ cell: "A9", message: expect.stringContaining("Launch the feature") }]);
  });

  it("sorts by sheet in workbook order, then row, then rule in registry order", () => {
    const sheets = ["KRAs", "OKRs"].map((name): RecognisedSheet => ({ name, kind: "okr", confidence: 1, headerRow: 1, columns: {}, unmappedHeaders: [], rowCount: 0 }));
    const parsed = makeParsed({
      sheets,
      keyResults: [
        makeKeyResult({ row: 8, owner: "", keyResult: "Keep NPS at 45", type: "maintain", start: null, target: 45, current: 50 }),
        makeKeyResult({ row: 3, keyResult: "Launch the feature", type: "binary", start: null, target: 1, current: 0 }),
      ],
      kras: krasWeighted(20, [50], { period: quarter(2026, 3) }),
    });
    expect(runChecks({ parsed }).map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      "KRAs!F20 kra.weights-not-100",
      "KRAs!A20 kra.quarterly",
      "OKRs!F3 okr.no-number",
      "OKRs!F8 okr.status-quo",
      "OKRs!G8 okr.no-owner",
    ]);
  });
});

describe("a large workbook", () => {
  it("checks 100,000 key results in 10,000 objectives and finds each planted problem", () => {
    const keyResults = Array.from({ length: 100_000 }, (_, i) =>
      makeKeyResult({
        row: i + 2,
        team: `Team ${Math.floor(i / 40)}`,
        objective: `Objective ${Math.floor(i / 10)}`,
        owner: i % 1000 === 0 ? "" : "Ana López",
      }),
    );
    const findings = runChecks({ parsed: okrs(...keyResults) });
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    // Ten key results per objective and four objectives per team; one key result in a thousand has no owner.
    expect(Object.fromEntries(counts)).toEqual({ "okr.too-many-krs": 10_000, "okr.no-owner": 100 });
  });
});
