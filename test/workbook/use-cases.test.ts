import type { RawCell, SheetData } from "../../src/core/model";
import type { OutputPlan, Progress, WriteResult } from "../../src/core/plan";
import type { StoredState, WorkbookPort } from "../../src/workbook/port";
import { latestQuarter, latestYear, loadWorkbook, runChecks, runReviews, runRollup } from "../../src/workbook/use-cases";

/** A workbook port held in memory: sheets as values, state as an object, plans recorded. */
class MemoryPort implements WorkbookPort {
  readonly written: OutputPlan[] = [];

  constructor(
    private readonly sheets: SheetData[],
    private state: StoredState = {},
  ) {}

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readSheets(names?: string[]): Promise<SheetData[]> {
    return names ? this.sheets.filter((s) => names.includes(s.name)) : this.sheets;
  }

  async writeSheets(plan: OutputPlan, options: { onProgress?: (p: Progress) => void } = {}): Promise<WriteResult> {
    this.written.push(plan);
    plan.sheets.forEach((s, i) => options.onProgress?.({ done: i + 1, total: plan.sheets.length, sheet: s.name }));
    return { names: Object.fromEntries(plan.sheets.map((s) => [s.key, s.name])) };
  }

  async readState(): Promise<StoredState> {
    return this.state;
  }

  async writeState(state: StoredState): Promise<void> {
    this.state = state;
  }
}

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

describe("latestQuarter and latestYear", () => {
  it.each<[string, SheetData[], string | null, string | null]>([
    ["quarters of key results and years of KRAs", [okrs(Q3, Q2), kras(["Ana López", 2025, "Delivery", 100, 4])], "2026-Q3", "2025"],
    ["the key results' year when there are no KRAs", [okrs(Q2)], "2026-Q2", "2026"],
    ["nothing when there are no goals", [NOTES], null, null],
  ])("finds %s", async (_name, sheets, quarter, year) => {
    const { parsed } = await loadWorkbook(new MemoryPort(sheets), { asOf: AS_OF });
    expect(latestQuarter(parsed)?.label ?? null).toBe(quarter);
    expect(latestYear(parsed)?.label ?? null).toBe(year);
  });
});

describe("runRollup", () => {
  it("writes the latest quarter's rollup by default and reports progress", async () => {
    const port = new MemoryPort([okrs(Q2, Q3)]);
    const progress: Progress[] = [];
    const done = await runRollup(port, { asOf: AS_OF, onProgress: (p) => progress.push(p) });
    expect(done).toMatchObject({ ok: true, period: { label: "2026-Q3" }, written: { names: { rollup: "Rollup 2026-Q3" } } });
    expect(port.written.map((plan) => plan.sheets.map((s) => s.name))).toEqual([["Rollup 2026-Q3"]]);
    expect(progress).toEqual([{ done: 1, total: 1, sheet: "Rollup 2026-Q3" }]);
  });

  it.each([["Q2 2026"], ["2026-Q2"], ["2026 q2"]])("reads the period %s", async (period) => {
    const port = new MemoryPort([okrs(Q2, Q3)]);
    const done = await runRollup(port, { asOf: AS_OF, period });
    expect(done.ok && done.rollup.period.label).toBe("2026-Q2");
  });

  it.each<[string, SheetData[], string | undefined, string]>([
    ["no goal sheet", [NOTES], "2026-Q3", "no-goal-sheets"],
    ["a period that is not one", [okrs(Q3)], "next quarter", "bad-period"],
    ["no quarter to default to", [kras(["Ana López", 2026, "Delivery", 100, 4])], undefined, "no-period"],
  ])("writes nothing for %s", async (_name, sheets, period, code) => {
    const port = new MemoryPort(sheets);
    const done = await runRollup(port, { asOf: AS_OF, period });
    expect(done).toMatchObject({ ok: false, code });
    expect(port.written).toEqual([]);
  });
});

describe("runReviews", () => {
  const people = kras(["Ana López", 2026, "Delivery", 100, 4], ["Ben Okafor", 2026, "Sales", 100, 3]);

  it("writes an index and one sheet per person for the latest year by default", async () => {
    const port = new MemoryPort([people, okrs(Q3)]);
    const done = await runReviews(port, { asOf: AS_OF });
    expect(done.ok && done.period.label).toBe("2026");
    expect(done.ok && done.warning).toBeNull();
    expect(port.written[0].sheets.map((s) => s.name)).toEqual(["Reviews 2026", "Ana López 2026", "Ben Okafor 2026"]);
  });

  it("keeps to the people asked for", async () => {
    const port = new MemoryPort([people]);
    const done = await runReviews(port, { asOf: AS_OF, people: ["ben okafor"] });
    expect(done.ok && done.reviews.map((r) => r.person)).toEqual(["Ben Okafor"]);
  });

  it("fails plainly when nobody matches", async () => {
    const port = new MemoryPort([people]);
    const done = await runReviews(port, { asOf: AS_OF, people: ["Zoe"] });
    expect(done).toEqual({
      ok: false,
      code: "no-people",
      message: 'no KRAs, key results or KPIs for "Zoe" in 2026',
      people: { notFound: ["Zoe"], notInTeam: [] },
    });
    expect(port.written).toEqual([]);
  });

  describe("with very many people", () => {
    const crowd = kras(...Array.from({ length: 60 }, (_, i) => [`Person ${i + 1}`, 2026, "Delivery", 100, 3]));

    it.each<[string, boolean, number]>([
      ["writes when confirmed", true, 1],
      ["writes nothing when declined", false, 0],
    ])("asks first and %s", async (_name, answer, writes) => {
      const port = new MemoryPort([crowd]);
      const asked: string[] = [];
      const done = await runReviews(port, { asOf: AS_OF, confirm: (warning) => (asked.push(warning), answer) });
      expect(asked).toHaveLength(1);
      expect(asked[0]).toContain("61 sheets");
      expect(done.ok).toBe(answer);
      expect(port.written).toHaveLength(writes);
    });

    it("returns the warning when nobody can be asked", async () => {
      const done = await runReviews(new MemoryPort([crowd]), { asOf: AS_OF });
      expect(done.ok && done.warning).toContain("61 sheets");
    });
  });
});

describe("runChecks", () => {
  it("returns the findings of a workbook, located", async () => {
    const maintain = ["2026-Q3", "Sales", "Keep customers", "Maintain NPS above 45", "Sam Rivera", "", 45, 52];
    const done = await runChecks(new MemoryPort([okrs(maintain)]), { asOf: AS_OF });
    expect(done.ok && done.findings).toContainEqual(expect.objectContaining({ sheet: "OKRs", cell: "D2", rule: "okr.status-quo" }));
  });

  it("fails plainly when no sheet is a goal sheet", async () => {
    const done = await runChecks(new MemoryPort([NOTES]), { asOf: AS_OF });
    expect(done).toMatchObject({ ok: false, code: "no-goal-sheets" });
  });
});
