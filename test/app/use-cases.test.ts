import * as v8 from "node:v8";
import * as vm from "node:vm";
import {
  buildRollup,
  checkGoals,
  loadWorkbook,
  periodChoice,
  rememberPeriod,
  NO_TEAM,
  resolvePeriod,
  reviewPeople,
  reviewsByTeam,
  selectReviews,
  selectReviewsOfTeams,
  settingsOf,
  writeReviewSheets,
  writeReviews,
} from "../../src/app";
import type { Period, RawCell, SheetData } from "../../src/core/model";
import type { StoredState } from "../../src/workbook/port";
import type { Progress } from "../../src/core/plan";
import { MemoryPort } from "../support/memory-port";

function sheet(name: string, values: RawCell[][]): SheetData {
  return { name, values, origin: { row: 0, col: 0 } };
}

const OKR_HEADER = ["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current"];

function okrs(...rows: RawCell[][]): SheetData {
  return sheet("OKRs", [OKR_HEADER, ...rows]);
}

const KRA_HEADER = ["Employee", "Review period", "Area", "Weight", "Rating"];

function kras(...rows: RawCell[][]): SheetData {
  return sheet("KRAs", [KRA_HEADER, ...rows]);
}

const Q2 = ["2026-Q2", "People", "Hire faster", "Cut time to hire from 52 to 40 days", "Mia Schmidt", 52, 40, 44];
const Q3 = ["2026-Q3", "Company", "Grow", "Raise NPS from 40 to 60", "Ana López", 40, 60, 72];
const NOTES = sheet("Notes", [["Shopping list"], ["eggs"]]);
const AS_OF = "2026-08-15";

describe("loadWorkbook", () => {
  it("parses, scores and checks every sheet with the settings stored in the workbook", async () => {
    const port = new MemoryPort([okrs(Q3), NOTES], { settings: { scoreCap: 2 } });
    const loaded = await loadWorkbook(port, { asOf: AS_OF });
    expect(loaded.settings.scoreCap).toBe(2);
    expect(loaded.parsed.unrecognised).toEqual(["Notes"]);
    expect(loaded.analysis.asOf).toBe(AS_OF);
    // (72 − 40) ÷ (60 − 40): over-achievement counts up to the stored cap.
    expect(loaded.analysis.keyResults[0].score).toBeCloseTo(1.6, 12);
    expect(loaded.sheets.map((s) => s.name)).toEqual(["OKRs", "Notes"]);
  });

  it("lets the cells go after parsing when asked, with the same records, scores and findings", async () => {
    const port = () => new MemoryPort([okrs(Q3), NOTES], { settings: { scoreCap: 2 } });
    const kept = await loadWorkbook(port(), { asOf: AS_OF });
    const released = await loadWorkbook(port(), { asOf: AS_OF, keepSheets: false });
    expect(released.sheets).toEqual([]);
    expect(released.analysis).toEqual(kept.analysis);
    expect(released.findings).toEqual(kept.findings);
  });

  it("without keeping the cells, reads one sheet at a time and lets each go before the next is read", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const checkIns = sheet("Check-ins", [
      ["Date", "Key result", "Value"],
      ["2026-08-01", "Raise NPS from 40 to 60", 50],
    ]);
    const asked: Array<string[] | undefined> = [];
    const alive: boolean[] = [];
    let previous: WeakRef<SheetData> | null = null;
    // Each sheet is built when asked for, so only the reader's own references keep it.
    const build = (name: string): SheetData => (name === "OKRs" ? okrs(Q3) : name === "Check-ins" ? { ...checkIns, values: checkIns.values.map((r) => [...r]) } : { ...NOTES });
    const port = new MemoryPort([okrs(Q3), checkIns, NOTES]);
    port.readSheets = async (names?: string[]) => {
      asked.push(names);
      // A task of its own, as a file read is: objects a WeakRef was made of are kept until the current one ends.
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      if (previous) alive.push(previous.deref() !== undefined);
      const read = (names ?? ["OKRs", "Check-ins", "Notes"]).map(build);
      previous = new WeakRef(read[0]);
      return read;
    };
    const released = await loadWorkbook(port, { asOf: AS_OF, keepSheets: false });
    expect(asked).toEqual([["OKRs"], ["Check-ins"], ["Notes"]]);
    expect(alive).toEqual([false, false]);
    // A check-in on a later sheet still reaches its key result.
    expect(released.analysis.keyResults[0]).toMatchObject({ score: 0.5, record: expect.objectContaining({ current: 50 }) });
    const kept = await loadWorkbook(new MemoryPort([okrs(Q3), checkIns, NOTES]), { asOf: AS_OF });
    expect(released.parsed).toEqual(kept.parsed);
    expect(released.findings).toEqual(kept.findings);
  });

  it("scores as of the date asked for, leaving out later check-ins", async () => {
    const checkIns = sheet("Check-ins", [
      ["Date", "Key result", "Value"],
      ["2026-08-01", "Raise NPS from 40 to 60", 50],
      ["2026-09-01", "Raise NPS from 40 to 60", 60],
    ]);
    const loaded = await loadWorkbook(new MemoryPort([okrs(Q3), checkIns]), { asOf: AS_OF });
    expect(loaded.analysis.keyResults[0]).toMatchObject({ score: 0.5, record: expect.objectContaining({ current: 50, lastCheckIn: "2026-08-01" }) });
  });

  it("uses a column mapping stored in the workbook over recognition", async () => {
    const odd = sheet("Goals", [
      ["When", "Aim", "Measure", "Who", "From", "To", "Now"],
      ["2026-Q3", "Grow", "Raise NPS from 40 to 60", "Ana López", 40, 60, 50],
    ]);
    const mapping = { kind: "okr" as const, headerRow: 1, columns: { period: 0, objective: 1, keyResult: 2, owner: 3, start: 4, target: 5, current: 6 } };
    const loaded = await loadWorkbook(new MemoryPort([odd], { mappings: { Goals: mapping } }), { asOf: AS_OF });
    expect(loaded.analysis.keyResults.map((k) => [k.record.keyResult, k.score])).toEqual([["Raise NPS from 40 to 60", 0.5]]);
  });
});

describe("the stored state's problems and the locale", () => {
  const problem = { code: "state-invalid", message: "ratingBands is not a list", sheet: "Altitude.State", cell: "A1", severity: "warning" as const };

  it("puts what was wrong with the stored state first among the problems", async () => {
    const loaded = await loadWorkbook(new MemoryPort([okrs(Q3)], { problems: [problem] }), { asOf: AS_OF });
    expect(loaded.parsed.problems[0]).toEqual(problem);
  });

  it.each([
    ["the host's separator when the settings give none", {}, ",", ","],
    ["the stored separator over the host's", { settings: { decimalSeparator: "." as const } }, ",", "."],
    ["the default when the host says nothing", {}, null, "."],
  ])("settingsOf uses %s", async (_name, state: StoredState, hostSeparator, expected) => {
    const port = new MemoryPort([], state);
    const locale = hostSeparator === null ? null : { decimalSeparator: hostSeparator as "," | "." };
    const settings = await settingsOf({ readState: () => port.readState(), numberLocale: async () => locale });
    expect(settings.decimalSeparator).toBe(expected);
  });
});

describe("periodChoice", () => {
  const kpis = (...rows: RawCell[][]) => sheet("KPIs", [["KPI", "Owner", "Floor", "Target", "Period", "Actual"], ...rows]);
  it.each<[string, SheetData[], StoredState, string[], string | null, string[], string | null]>([
    ["quarters of key results, years of KRAs and key results", [okrs(Q3, Q2), kras(["Ana López", 2025, "Delivery", 100, 4])], {}, ["2026-Q3", "2026-Q2"], "2026-Q3", ["2026", "2025"], "2026"],
    ["the key results' year when there are no KRAs", [okrs(Q2)], {}, ["2026-Q2"], "2026-Q2", ["2026"], "2026"],
    ["the quarters of KPI readings too", [okrs(Q2), kpis(["Time to hire", "Mia Schmidt", 60, 40, "2026-Q4", 45])], {}, ["2026-Q4", "2026-Q2"], "2026-Q4", ["2026"], "2026"],
    ["fiscal review years when the fiscal year starts in April", [okrs(Q2, Q3)], { settings: { fiscalYearStartMonth: 4 } }, ["2026-Q3", "2026-Q2"], "2026-Q3", ["FY2027"], "FY2027"],
    ["the period chosen last while it is offered", [okrs(Q2, Q3)], { periods: { rollup: "2026-Q2", reviews: "2026" } }, ["2026-Q3", "2026-Q2"], "2026-Q2", ["2026"], "2026"],
    ["the latest when the period chosen last is gone", [okrs(Q3)], { periods: { rollup: "2026-Q2" } }, ["2026-Q3"], "2026-Q3", ["2026"], "2026"],
    ["nothing when there are no goals", [NOTES], {}, [], null, [], null],
  ])("offers %s", async (_name, sheets, state, quarters, quarter, years, year) => {
    const loaded = await loadWorkbook(new MemoryPort(sheets, state), { asOf: AS_OF });
    const rollup = periodChoice(loaded, "rollup");
    const reviews = periodChoice(loaded, "reviews");
    expect([rollup.periods.map((p) => p.label), rollup.chosen?.label ?? null]).toEqual([quarters, quarter]);
    expect([reviews.periods.map((p) => p.label), reviews.chosen?.label ?? null]).toEqual([years, year]);
  });

  it("remembers a chosen period in the workbook, for every door", async () => {
    const port = new MemoryPort([okrs(Q2, Q3)]);
    const loaded = await loadWorkbook(port, { asOf: AS_OF });
    await rememberPeriod(port, loaded, "rollup", periodChoice(loaded, "rollup").periods[1]);
    expect(port.state.periods).toEqual({ rollup: "2026-Q2" });
    const done = await buildRollup(port, { asOf: AS_OF });
    expect(done.ok && done.period.label).toBe("2026-Q2");
  });
});

describe("resolvePeriod", () => {
  it.each<[string, string, StoredState, Partial<Period> | null]>([
    ["a canonical quarter", "2026-Q3", {}, { label: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" }],
    ["a quarter written first", "Q4 2026", {}, { label: "2026-Q4", start: "2026-10-01", end: "2026-12-31" }],
    ["a lower-case quarter", "2026-q1", {}, { label: "2026-Q1", start: "2026-01-01", end: "2026-03-31" }],
    ["a half", "2026-H2", {}, { label: "2026-H2", kind: "half", start: "2026-07-01", end: "2026-12-31" }],
    ["a month", "2026-02", {}, { label: "2026-02", kind: "month", start: "2026-02-01", end: "2026-02-28" }],
    ["a fiscal quarter starting in April", "FY2027-Q2", { settings: { fiscalYearStartMonth: 4 } }, { label: "FY2027-Q2", start: "2026-07-01", end: "2026-09-30" }],
    ["a fiscal year starting in April", "FY27", { settings: { fiscalYearStartMonth: 4 } }, { label: "FY2027", kind: "year", start: "2026-04-01", end: "2027-03-31" }],
    ["month 13", "2026-13", {}, null],
    ["words", "next quarter", {}, null],
  ])("reads %s", async (_name, given, state, expected) => {
    const loaded = await loadWorkbook(new MemoryPort([okrs(Q3)], state), { asOf: AS_OF });
    const read = resolvePeriod(loaded, "rollup", given);
    if (expected === null) expect(read).toMatchObject({ ok: false, code: "bad-period", given });
    else expect(read.ok && read.period).toMatchObject(expected);
  });

  it("takes a period's dates from the data when a record uses its label", async () => {
    const fiscal = ["FY26 Q1", "People", "Hire", "Hire 5 people", "Mia Schmidt", 0, 5, 2];
    const loaded = await loadWorkbook(new MemoryPort([okrs(fiscal)], { settings: { fiscalYearStartMonth: 4 } }), { asOf: AS_OF });
    expect(resolvePeriod(loaded, "rollup", "fy2026-q1")).toMatchObject({ ok: true, period: { label: "FY2026-Q1", start: "2025-04-01", end: "2025-06-30" } });
  });
});

describe("reviewPeople", () => {
  it("splits owner cells by the one owner rule and lists each person once, sorted", async () => {
    const shared = ["2026-Q3", "People", "Grow", "Lift eNPS from 40 to 60", "ben okafor and Ana López / Chen Wu", 40, 60, 50];
    const loaded = await loadWorkbook(new MemoryPort([okrs(Q3, shared), kras(["Ben Okafor", 2026, "Sales", 100, 3])]), { asOf: AS_OF });
    expect(reviewPeople(loaded)).toEqual(["Ana López", "Ben Okafor", "Chen Wu"]);
  });
});

describe("buildRollup", () => {
  it("writes the latest quarter's rollup by default and reports progress", async () => {
    const port = new MemoryPort([okrs(Q2, Q3)]);
    const progress: Progress[] = [];
    const done = await buildRollup(port, { asOf: AS_OF, onProgress: (p) => progress.push(p) });
    expect(done).toMatchObject({ ok: true, period: { label: "2026-Q3" }, written: { names: { rollup: "Rollup 2026-Q3" } } });
    expect(port.written.map((plan) => plan.sheets.map((s) => s.name))).toEqual([["Rollup 2026-Q3"]]);
    expect(progress).toEqual([{ done: 1, total: 1, sheet: "Rollup 2026-Q3" }]);
  });

  it.each([["Q2 2026"], ["2026-Q2"], ["2026 q2"]])("reads the period %s", async (period) => {
    const port = new MemoryPort([okrs(Q2, Q3)]);
    const done = await buildRollup(port, { asOf: AS_OF, period });
    expect(done.ok && done.rollup.period.label).toBe("2026-Q2");
  });

  it.each<[string, SheetData[], string | undefined, string]>([
    ["no goal sheet", [NOTES], "2026-Q3", "no-goal-sheets"],
    ["a period that is not one", [okrs(Q3)], "next quarter", "bad-period"],
    ["no quarter to default to", [kras(["Ana López", 2026, "Delivery", 100, 4])], undefined, "no-period"],
    ["a quarter with no key results or KPI readings", [okrs(Q3)], "2025-Q1", "no-data"],
  ])("writes nothing for %s", async (_name, sheets, period, code) => {
    const port = new MemoryPort(sheets);
    const done = await buildRollup(port, { asOf: AS_OF, period });
    expect(done).toMatchObject({ ok: false, code });
    expect(port.written).toEqual([]);
  });
});

describe("writeReviews", () => {
  const people = kras(["Ana López", 2026, "Delivery", 100, 4], ["Ben Okafor", 2026, "Sales", 100, 3]);

  it("writes an index and one sheet per person for the latest year by default", async () => {
    const port = new MemoryPort([people, okrs(Q3)]);
    const done = await writeReviews(port, { asOf: AS_OF });
    expect(done.ok && done.period.label).toBe("2026");
    expect(done.ok && done.manySheets).toBeNull();
    expect(port.written[0].sheets.map((s) => s.name)).toEqual(["Reviews 2026", "Ana López 2026", "Ben Okafor 2026"]);
  });

  it("reports the stored state with its problems, and holds none of the parsed workbook in its result", async () => {
    const problem = { code: "state-invalid", message: "ratingBands is not a list", sheet: "Altitude.State", cell: "A1", severity: "warning" as const };
    const done = await writeReviews(new MemoryPort([people, okrs(Q3)], { problems: [problem] }), { asOf: AS_OF });
    if (!done.ok) throw new Error(done.code);
    expect(done.state.problems).toEqual([problem]);
    expect(Object.keys(done).sort()).toEqual(["manySheets", "missed", "ok", "period", "reviews", "state", "written"]);
  });

  it("keeps to the people asked for", async () => {
    const port = new MemoryPort([people]);
    const done = await writeReviews(port, { asOf: AS_OF, people: ["ben okafor"] });
    expect(done.ok && done.reviews.map((r) => r.person)).toEqual(["Ben Okafor"]);
  });

  it("fails plainly when nobody matches", async () => {
    const port = new MemoryPort([people]);
    const done = await writeReviews(port, { asOf: AS_OF, people: ["Zoe"] });
    expect(done).toMatchObject({ ok: false, code: "no-people", people: ["Zoe"], period: { label: "2026" }, message: 'no KRAs, key results or KPIs for "Zoe" in 2026', missed: { notFound: ["Zoe"], notInTeam: [] } });
    expect(port.written).toEqual([]);
  });

  it("names the people asked for who are not found, and those outside the team asked for", async () => {
    const port = new MemoryPort([people, okrs(Q3, Q2.map((v) => (v === "2026-Q2" ? "2026-Q3" : v)))]);
    const done = await writeReviews(port, { asOf: AS_OF, people: ["Ana López", "Mia Schmidt", "Ghost"], team: "Company" });
    expect(done.ok && done.reviews.map((r) => r.person)).toEqual(["Ana López"]);
    expect(done.ok && done.missed).toEqual({ notFound: ["Ghost"], notInTeam: ["Mia Schmidt"] });
  });

  it("says who is outside the team when no one asked for is in it", async () => {
    const port = new MemoryPort([people]);
    const done = await writeReviews(port, { asOf: AS_OF, people: ["Ana López"], team: "Sales" });
    expect(done).toMatchObject({ ok: false, code: "no-people", message: '"Ana López" is not in the team "Sales" in 2026', missed: { notFound: [], notInTeam: ["Ana López"] } });
  });

  describe("with very many people", () => {
    const crowd = kras(...Array.from({ length: 60 }, (_, i) => [`Person ${i + 1}`, 2026, "Delivery", 100, 3]));

    it("writes nothing and asks, as a value, when not allowed many sheets", async () => {
      const port = new MemoryPort([crowd]);
      const done = await writeReviews(port, { asOf: AS_OF });
      expect(done).toMatchObject({ ok: false, code: "many-sheets", sheets: 61, message: expect.stringContaining("61 sheets") });
      expect(port.written).toHaveLength(0);
    });

    it("writes them all when allowed, and says how many before writing", async () => {
      const port = new MemoryPort([crowd]);
      const told: Array<[number, number]> = [];
      const done = await writeReviews(port, { asOf: AS_OF, allowManySheets: true, onManySheets: (sheets) => told.push([sheets, port.written.length]) });
      expect(told).toEqual([[61, 0]]);
      expect(done.ok && done.manySheets).toBe(61);
      expect(port.written[0].sheets).toHaveLength(61);
    });
  });
});

describe("selectReviews and one workbook per team", () => {
  const team = (t: string, owner: string) => ["2026-Q3", t, "Grow", `Key result of ${owner} in ${t}`, owner, 0, 10, 5];

  it("selects the reviews without writing anything", async () => {
    const port = new MemoryPort([okrs(team("Sales", "Ben Okafor"), team("People", "Mia Schmidt"))]);
    const chosen = await selectReviews(port, { asOf: AS_OF, period: "2026" });
    expect(chosen.ok && chosen.reviews.map((r) => r.person)).toEqual(["Ben Okafor", "Mia Schmidt"]);
    expect(port.written).toEqual([]);
  });

  it.each([
    ["the team of most key results", [team("Sales", "Ana"), team("Sales", "Ana"), team("People", "Ana")], [["Sales", ["Ana"]]]],
    ["the team named first on a tie", [team("People", "Ana"), team("Sales", "Ana")], [["People", ["Ana"]]]],
    ["teams in name order, any case kept together", [team("sales", "Ben"), team("Sales", "Ana"), team("Company", "Cy")], [["Company", ["Cy"]], ["sales", ["Ben", "Ana"]]]],
  ])("groups by %s", async (_name, rows, expected) => {
    const chosen = await selectReviews(new MemoryPort([okrs(...rows)]), { asOf: AS_OF, period: "2026" });
    if (!chosen.ok) throw new Error(chosen.message);
    expect(reviewsByTeam(chosen.reviews).map((t) => [t.team, t.reviews.map((r) => r.person)])).toEqual(expected);
  });

  it("puts people with no key result or KPI last, under No team", async () => {
    const chosen = await selectReviews(new MemoryPort([okrs(team("Sales", "Ben")), kras(["Ana", 2026, "Delivery", 100, 4])]), { asOf: AS_OF, period: "2026" });
    if (!chosen.ok) throw new Error(chosen.message);
    expect(reviewsByTeam(chosen.reviews).map((t) => t.team)).toEqual(["Sales", NO_TEAM]);
  });

  it("selects the reviews grouped by team, holding neither the parsed workbook nor the list of every review", async () => {
    const source = new MemoryPort([okrs(team("Sales", "Ben"), team("People", "Mia"), team("Sales", "Ana"))]);
    const chosen = await selectReviewsOfTeams(source, { asOf: AS_OF, period: "2026" });
    if (!chosen.ok) throw new Error(chosen.message);
    expect(chosen.teams.map((t) => [t.team, t.reviews.map((r) => r.person)])).toEqual([
      ["People", ["Mia"]],
      ["Sales", ["Ben", "Ana"]],
    ]);
    expect(chosen.people).toBe(3);
    // Each team's reviews are the only ones held: a door lets them go team by team while it writes.
    expect(Object.keys(chosen).sort()).toEqual(["missed", "ok", "people", "period", "state", "teams"]);
  });

  it("fails a team selection as selectReviews does", async () => {
    const chosen = await selectReviewsOfTeams(new MemoryPort([okrs(team("Sales", "Ben"))]), { asOf: AS_OF, period: "2026", team: "Finance" });
    expect(chosen).toMatchObject({ ok: false, code: "no-people" });
  });

  it("writes a team's reviews onto a workbook of its own", async () => {
    const source = new MemoryPort([okrs(team("Sales", "Ben"), team("People", "Mia"))]);
    const chosen = await selectReviews(source, { asOf: AS_OF, period: "2026" });
    if (!chosen.ok) throw new Error(chosen.message);
    const copy = new MemoryPort([]);
    const sales = reviewsByTeam(chosen.reviews).find((t) => t.team === "Sales");
    const written = await writeReviewSheets(copy, sales?.reviews ?? [], chosen.period);
    expect(written.names.index).toBe("Reviews 2026");
    expect(copy.written[0].sheets.map((s) => s.name)).toEqual(["Reviews 2026", "Ben 2026"]);
  });
});

describe("checkGoals", () => {
  it("returns the findings of a workbook, located", async () => {
    const maintain = ["2026-Q3", "Sales", "Keep customers", "Maintain NPS above 45", "Sam Rivera", "", 45, 52];
    const done = await checkGoals(new MemoryPort([okrs(maintain)]), { asOf: AS_OF });
    expect(done.ok && done.findings).toContainEqual(expect.objectContaining({ sheet: "OKRs", cell: "D2", rule: "okr.status-quo" }));
  });

  it("fails plainly when no sheet is a goal sheet", async () => {
    const done = await checkGoals(new MemoryPort([NOTES]), { asOf: AS_OF });
    expect(done).toMatchObject({ ok: false, code: "no-goal-sheets" });
  });
});
