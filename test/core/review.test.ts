import fc from "fast-check";
import type { RangeRef } from "../../src/core/address";
import { analyse } from "../../src/core/analyse";
import type { Finding, Period } from "../../src/core/model";
import { laidOutPlan, type CellsBlock, type LaidOutPlan, type LinkBlock, type SheetPlan, type TableBlock } from "../../src/core/plan";
import { parsePeriod, type PeriodOptions } from "../../src/core/periods";
import { computeReviews, type Review, type ReviewOptions } from "../../src/core/review";
import { personSheetName, planReviews, tooManySheets } from "../../src/core/review-sheets";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";
import { validSheetName } from "../../src/core/sheet-names";
import { makeKeyResult, makeKpi, makeKra, makeParsed, quarter } from "../support/builders";
import { blockArea, overlaps, sheetStrings as strings } from "./plan-checks";

const AS_OF = "2026-08-15";

/** The period a label names, as the app layer reads it. */
function p(label: string, options: PeriodOptions = {}): Period {
  const read = parsePeriod(label, options);
  if (!read.ok || read.value === null) throw new Error(`${label} is not a period`);
  return read.value;
}

function month(y: number, m: number): Period {
  const pad = (n: number) => String(n).padStart(2, "0");
  const end = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { label: `${y}-${pad(m)}`, kind: "month", start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(end)}` };
}

const anaKr = makeKeyResult({ row: 5 });
const anaFinding: Finding = { rule: "no-number", severity: "warning", code: "no-number", message: "No number", sheet: "OKRs", cell: "F5", row: 5, fix: "Add one" };
const benFinding: Finding = { rule: "too-many-kpis", severity: "info", code: "x", message: "Ben Okafor owns 9 KPIs", sheet: "KPIs", cell: "C2", row: 2, fix: "Drop some" };
const otherFinding: Finding = { rule: "no-owner", severity: "warning", code: "x", message: "No owner", sheet: "OKRs", cell: "G99", row: 99, fix: "Name one" };

/** Ana has KRAs and key results; Chloé has KRAs only; Ben owns KPI readings only. */
const fixture = () =>
  makeParsed({
    kras: [
      makeKra({ area: "Talent retention", weight: 60, rating: 4 }),
      makeKra({ area: "Hiring", weight: 40, rating: null, target: 100, actual: 110, measure: "Hires" }),
      makeKra({ employee: "Chloé Martin", role: "Head of People", manager: "Dana Ruiz", area: "Strategy", weight: 100, rating: 3 }),
    ],
    keyResults: [
      anaKr,
      makeKeyResult({ period: quarter(2026, 2), type: "increase", keyResult: "Lift eNPS from 40 to 60", start: 40, target: 60, current: 72 }),
      makeKeyResult({ period: quarter(2025, 4), keyResult: "Last year's result" }),
    ],
    kpis: [
      makeKpi({ period: month(2026, 8), actual: 40 }),
      makeKpi({ period: month(2026, 7), actual: 50 }),
      makeKpi({ period: month(2025, 12), actual: 60 }),
    ],
  });

function reviewsOf(
  parsed = fixture(),
  options: Partial<Omit<ReviewOptions, "period">> & { period?: string } = {},
  findings: Finding[] = [anaFinding, benFinding, otherFinding],
): Review[] {
  const settings = options.settings ?? withDefaults({ scoreCap: 1.5 });
  return computeReviews(analyse(parsed, settings, AS_OF), findings, { ...options, period: p(options.period ?? "2026"), settings });
}

function byName(reviews: Review[], name: string): Review {
  const review = reviews.find((r) => r.person === name);
  if (!review) throw new Error(`no review for ${name}`);
  return review;
}

// ---------------------------------------------------------------------------
// Plan checks.

/** The review plan with every person's sheet laid out, to inspect whole. */
function planAll(reviews: Review[], options: { period: Period }): LaidOutPlan {
  return laidOutPlan(planReviews(reviews, options));
}

function links(plan: LaidOutPlan): LinkBlock[] {
  return plan.sheets.flatMap((s) => s.blocks.filter((b): b is LinkBlock => b.kind === "link"));
}

function tableNamed(sheet: SheetPlan, prefix: string): TableBlock | undefined {
  return sheet.blocks.find((b): b is TableBlock => b.kind === "table" && b.name.startsWith(prefix));
}

function expectSound(plan: LaidOutPlan): void {
  const keys = new Set(plan.sheets.map((s) => s.key));
  expect(keys.size).toBe(plan.sheets.length);
  for (const link of links(plan)) {
    if ("key" in link.target) expect(keys).toContain(link.target.key);
  }
  for (const sheet of plan.sheets) {
    expect(overlaps(sheet)).toEqual([]);
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.blocks.filter((b) => b.kind === "formulas")).toEqual([]);
  }
}

// ---------------------------------------------------------------------------

describe("computeReviews", () => {
  it("finds people in the KRA sheet, then key result owners, then KPI owners", () => {
    expect(reviewsOf().map((r) => r.person)).toEqual(["Ana López", "Chloé Martin", "Ben Okafor"]);
  });

  it.each<[string, Partial<Omit<ReviewOptions, "period">> & { period?: string }, string[]]>([
    ["named people, ignoring case and spacing", { people: ["ben  okafor", "ANA LÓPEZ"] }, ["Ana López", "Ben Okafor"]],
    ["a team's key result owners", { team: "people" }, ["Ana López"]],
    ["a KPI area as a team", { team: "Talent acquisition" }, ["Ben Okafor"]],
    ["a quarter, which the annual KRAs overlap", { period: "2026-Q3" }, ["Ana López", "Chloé Martin", "Ben Okafor"]],
    ["a year with nothing in it", { period: "2024" }, []],
  ])("selects %s", (_name, options, people) => {
    expect(reviewsOf(fixture(), options).map((r) => r.person)).toEqual(people);
  });

  it("reads a fiscal year no record is labelled with, from the workbook's fiscal start month", () => {
    const settings = withDefaults({ fiscalYearStartMonth: 4 });
    const fiscalQ2: Period = { label: "FY2027-Q2", kind: "quarter", start: "2026-07-01", end: "2026-09-30" };
    const analysis = analyse(makeParsed({ keyResults: [makeKeyResult({ period: fiscalQ2 })] }), settings, AS_OF);
    const reviews = computeReviews(analysis, [], { period: p("FY2027", { fiscalYearStartMonth: 4 }), settings });
    expect(reviews.map((r) => [r.person, r.period.start, r.period.end, r.keyResultCount])).toEqual([["Ana López", "2026-04-01", "2027-03-31", 1]]);
  });

  it("shows each KPI reading against its own floor, target and ceiling, as its status was read", () => {
    const parsed = makeParsed({
      kpis: [
        makeKpi({ kpi: "Lap speed", owner: "Ana López", floor: 220, target: null, ceiling: 226, period: month(2026, 6), actual: 225 }),
        makeKpi({ kpi: "Lap speed", owner: "Ana López", floor: 224, target: null, ceiling: 228, period: month(2026, 7), actual: 229 }),
      ],
    });
    const settings = withDefaults({});
    const reviews = computeReviews(analyse(parsed, settings, AS_OF), [], { period: p("2026"), settings });
    const table = tableNamed(planAll(reviews, { period: p("2026") }).sheets[1], "Kpis");
    expect(table?.headers).toEqual(["KPI", "Area", "Period", "Actual", "Floor", "Target", "Ceiling", "Status", "Trend", "Source"]);
    expect(table?.rows.map((r) => r.slice(0, 9))).toEqual([
      ["Lap speed", "Talent acquisition", "2026-06", 225, 220, null, 226, "On target", "Flat"],
      ["Lap speed", "Talent acquisition", "2026-07", 229, 224, null, 228, "Above ceiling", "Declining"],
    ]);
  });

  it.each<[string, string, number[], string | null]>([
    ["a percentage KPI kept as fractions", "%", [0.62, 0.7, 0.8], "0%"],
    ["a percentage KPI with a decimal", "%", [0.035, 0.03, 0.02], "0.0%"],
    ["a KPI counted in days", "days", [50, 45, 30], null],
  ])("keeps the unit's number format for %s", (_name, unit, [actual, floor, target], format) => {
    const parsed = makeParsed({ kpis: [makeKpi({ owner: "Ana López", unit, actual, floor, target, period: month(2026, 7) })] });
    const settings = withDefaults({});
    const reviews = computeReviews(analyse(parsed, settings, AS_OF), [], { period: p("2026"), settings });
    const table = tableNamed(planAll(reviews, { period: p("2026") }).sheets[1], "Kpis");
    expect(table?.cellFormats?.[0]).toEqual([null, null, null, format, format, format, format, null, null, null]);
  });

  it("reviews KRAs written without a review period in whatever year is reviewed", () => {
    const parsed = makeParsed({ kras: [makeKra({ employee: "Cy Park", period: null, weight: 60, rating: 4 }), makeKra({ employee: "Cy Park", period: null, weight: 40, rating: 3 })] });
    const settings = withDefaults({});
    const reviews = computeReviews(analyse(parsed, settings, AS_OF), [], { period: p("2026"), settings });
    expect(reviews.map((r) => [r.person, r.kra?.score, r.kra?.weightTotal])).toEqual([["Cy Park", expect.closeTo(3.6, 10), 100]]);
  });

  it("summarises role accountability with given and derived ratings", () => {
    const ana = byName(reviewsOf(), "Ana López");
    expect(ana.role).toBe("HR Business Partner");
    expect(ana.manager).toBe("Chloé Martin");
    expect(ana.kra).toMatchObject({ score: 4, label: "Exceeds expectations", weightTotal: 100, ratingMax: 5 });
    expect(ana.kra?.areas.map((a) => [a.area, a.weightPercent, a.rating, a.derived])).toEqual([
      ["Talent retention", 60, 4, false],
      ["Hiring", 40, 4, true],
    ]);
  });

  it("lists the key results a person owns in the year, averaging scores capped at 1", () => {
    const ana = byName(reviewsOf(), "Ana López");
    expect(ana.keyResults.map((k) => [k.period, k.score])).toEqual([
      ["2026-Q2", 1.5],
      ["2026-Q3", expect.closeTo(0.5, 10)],
    ]);
    expect(ana.keyResultCount).toBe(2);
    expect(ana.averageKeyResultScore).toBeCloseTo(0.75, 10);
  });

  it("reviews a person with KRAs and no OKRs", () => {
    const chloe = byName(reviewsOf(), "Chloé Martin");
    expect(chloe).toMatchObject({ role: "Head of People", keyResults: [], kpis: [], keyResultCount: 0, averageKeyResultScore: null, kpiBreaches: 0 });
    expect(chloe.kra?.score).toBe(3);
  });

  it("keeps each owned KPI's readings in the period, oldest first, and counts breaches", () => {
    const ben = byName(reviewsOf(), "Ben Okafor");
    expect(ben.kra).toBeNull();
    expect(ben.role).toBe("");
    expect(ben.kpis).toHaveLength(1);
    expect(ben.kpis[0].history).toEqual([
      // December's 60 days came before July's 50: lower is better, so improving.
      { period: "2026-07", actual: 50, floor: 45, target: 30, ceiling: null, status: "Breach", trend: "Improving", source: expect.objectContaining({ sheet: "KPIs" }) },
      { period: "2026-08", actual: 40, floor: 45, target: 30, ceiling: null, status: "Watch", trend: "Improving", source: expect.objectContaining({ sheet: "KPIs" }) },
    ]);
    expect(ben.kpiBreaches).toBe(1);
  });

  it("gives each person the findings on their rows or naming them", () => {
    const reviews = reviewsOf();
    expect(byName(reviews, "Ana López").findings).toEqual([anaFinding]);
    expect(byName(reviews, "Ben Okafor").findings).toEqual([benFinding]);
    expect(byName(reviews, "Chloé Martin").findings).toEqual([]);
  });

  it("credits every owner of a jointly owned key result", () => {
    const parsed = makeParsed({ keyResults: [makeKeyResult({ owner: "Ana López, Ben Okafor" })] });
    const reviews = reviewsOf(parsed);
    expect(reviews.map((r) => [r.person, r.keyResultCount])).toEqual([
      ["Ana López", 1],
      ["Ben Okafor", 1],
    ]);
  });

  it.each<[string, string[], string[]]>([
    ["accents aside", ["Ana López", "Ana Lopez"], ["ana-lopez", "ana-lopez-2"]],
    ["names with no Latin letters, numbered in turn", ["王伟", "李娜", "محمد"], ["person", "person-2", "person-3"]],
    ["a number already taken by a name is skipped", ["王伟", "Person 2", "李娜"], ["person", "person-2", "person-3"]],
  ])("gives people whose names slug alike distinct slugs: %s", (_name, employees, slugs) => {
    const parsed = makeParsed({ kras: employees.map((employee) => makeKra({ employee })) });
    expect(reviewsOf(parsed).map((r) => r.slug)).toEqual(slugs);
  });
});

describe("personSheetName", () => {
  it.each<[string, string, string, string]>([
    ["a short name as it is", "Ana López", "2026", "Ana López 2026"],
    ["a long name keeping first and last words", "Ana María Fernández de la Vega", "2026", "Ana Vega 2026"],
    ["a long last name as an initial", "Maximiliana Alexandra Wolfeschlegelsteinhausen", "2026-Q3", "Maximiliana W. 2026-Q3"],
    ["one very long word cut to fit", "A".repeat(40), "2026", `${"A".repeat(26)} 2026`],
    ["characters Excel refuses replaced", "Ana / López?", "2026", "Ana López 2026"],
  ])("keeps %s", (_name, person, period, expected) => {
    const name = personSheetName(person, period);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe("tooManySheets", () => {
  it.each<[number, boolean]>([
    [1, false],
    [50, false],
    [51, true],
  ])("for %p sheets asks first: %p", (n, asks) => {
    expect(tooManySheets(n)).toBe(asks);
  });
});

describe("planReviews", () => {
  const plan = () => planAll(reviewsOf(), { period: p("2026") });

  it("plans an index and one sheet per person", () => {
    expect(plan().sheets.map((s) => [s.key, s.name])).toEqual([
      ["index", "Reviews 2026"],
      ["person:ana-lopez", "Ana López 2026"],
      ["person:chloe-martin", "Chloé Martin 2026"],
      ["person:ben-okafor", "Ben Okafor 2026"],
    ]);
    expect(plan().activate).toBe("index");
  });

  it("indexes people with their figures and links each row to their sheet", () => {
    const index = plan().sheets[0];
    const table = tableNamed(index, "ReviewIndex")!;
    expect(table.headers).toEqual(["Person", "Role", "Manager", "KRA score", "Rating", "Key results owned", "Average KR score", "KPI breaches"]);
    expect(table.rows[0]).toEqual(["Ana López", "HR Business Partner", "Chloé Martin", 4, "Exceeds expectations", 2, 0.75, 0]);
    const rowLinks = index.blocks.filter((b): b is LinkBlock => b.kind === "link");
    expect(rowLinks.map((l) => [l.at.row, l.target])).toEqual([
      [table.at.row + 1, { key: "person:ana-lopez" }],
      [table.at.row + 2, { key: "person:chloe-martin" }],
      [table.at.row + 3, { key: "person:ben-okafor" }],
    ]);
  });

  it("lays out a person's sheet in its sections, with a link back to the index", () => {
    const ana = plan().sheets[1];
    const text = strings(ana);
    const order = ["Role accountability", "OKR contributions (evidence, not the rating)", "KPIs owned", "Findings", "Manager's notes"].map((h) => text.indexOf(h));
    expect(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]))).toBe(true);
    expect(text).toContain("OKR results inform the conversation but do not set the rating.");
    expect(text).toEqual(expect.arrayContaining(["HR Business Partner", "Chloé Martin", "2026"]));
    expect(tableNamed(ana, "Kras")?.rows[1].slice(0, 7)).toEqual(["Hiring", "Hires", 0.4, 100, 110, 4, "Derived from actual ÷ target"]);
    expect(tableNamed(ana, "Okrs")?.headers).toEqual(["Period", "Team", "Objective", "Key result", "Score", "Grade", "Pace", "Check-in", "Source"]);
    expect(tableNamed(ana, "Findings")?.rows).toEqual([["no-number", "warning", "OKRs!F5", "No number", "Add one"]]);
    expect(ana.blocks.find((b) => b.kind === "link")).toMatchObject({ target: { key: "index" } });
  });

  it("leaves an empty boxed area of 8 rows by 6 columns for the manager's notes, last on the sheet", () => {
    const ana = plan().sheets[1];
    const box = ana.blocks.find((b): b is CellsBlock => b.kind === "cells" && b.style?.border === "box")!;
    expect(blockArea(box)).toMatchObject({ rows: 8, cols: 6 });
    expect(box.values.flat().every((v) => v === null)).toBe(true);
    const bottom = Math.max(...ana.blocks.map((b) => blockArea(b)).filter((a): a is RangeRef => a !== null).map((a) => a.row + a.rows));
    expect(box.at.row + 8).toBe(bottom);
  });

  it("colours KPI statuses and writes one row per reading", () => {
    const ben = plan().sheets[3];
    expect(tableNamed(ben, "Kpis")?.rows.map((r) => [r[2], r[7]])).toEqual([
      ["2026-07", "Breach"],
      ["2026-08", "Watch"],
    ]);
    const rules = ben.blocks.flatMap((b) => (b.kind === "conditional" ? b.rules.map((r) => r.equals) : []));
    expect(rules).toEqual(expect.arrayContaining(["Breach", "Watch", "On target"]));
  });

  it("says what is missing instead of writing empty tables", () => {
    expect(strings(plan().sheets[3])).toEqual(expect.arrayContaining(["No key result areas recorded for 2026.", "No key results owned in 2026."]));
    expect(strings(plan().sheets[2])).toEqual(expect.arrayContaining(["No key results owned in 2026.", "No KPIs owned in 2026.", "No findings."]));
    expect(strings(planAll([], { period: p("2026") }).sheets[0])).toContain("No people with KRAs, key results or KPIs in 2026.");
  });

  it("keeps blocks apart, names within 31 characters and links to planned sheets only", () => {
    expectSound(plan());
    expectSound(planAll([], { period: p("2026") }));
  });

  it("writes a name that looks like a formula verbatim, as a string value", () => {
    const evil = '=HYPERLINK("http://x","y")';
    const parsed = makeParsed({ kras: [makeKra({ employee: evil, manager: "+SUM(A1)" })] });
    const result = planAll(reviewsOf(parsed), { period: p("2026") });
    expect(tableNamed(result.sheets[0], "ReviewIndex")?.rows[0].slice(0, 3)).toEqual([evil, "HR Business Partner", "+SUM(A1)"]);
    expect(strings(result.sheets[1])).toEqual(expect.arrayContaining([evil, "+SUM(A1)"]));
    expectSound(result);
  });

  it("plans sheets for many people with one warning above 50", () => {
    const parsed = makeParsed({ kras: Array.from({ length: 60 }, (_, i) => makeKra({ employee: `Person ${i}` })) });
    const result = planAll(reviewsOf(parsed, { settings: DEFAULT_SETTINGS }), { period: p("2026") });
    expect(result.sheets).toHaveLength(61);
    expect(tooManySheets(result.sheets.length)).toBe(true);
    expectSound(result);
  });
});

describe("review properties", () => {
  it("names every person's sheet validly within 31 characters, ending with the period", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom("2026", "2026-Q3"), (person, period) => {
        const name = personSheetName(person, period);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(validSheetName(name)).toBe(name);
        expect(name.endsWith(period)).toBe(true);
      }),
    );
  });

  it("plans sound sheets for any set of KRA holders", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 8 }), (names) => {
        const parsed = makeParsed({ kras: names.map((employee) => makeKra({ employee })) });
        expectSound(planAll(reviewsOf(parsed), { period: p("2026") }));
      }),
      { numRuns: 50 },
    );
  });
});
