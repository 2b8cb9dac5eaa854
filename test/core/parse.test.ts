import fc from "fast-check";
import type { KeyResultType, ParsedWorkbook, RawCell, SheetData } from "../../src/core/model";
import { inferKeyResultType, maintainDirection, parseWorkbook, startParse } from "../../src/core/parse";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";
import {
  anyCell,
  CHECKIN_HEADER,
  KPI_HEADER,
  KRA_HEADER,
  makeCheckInSheet,
  makeLargeOkrSheet,
  makeOkrSheet,
  makeSheet,
  OKR_HEADER,
  okrRow,
} from "./parse-fixtures";

function parse(sheets: SheetData[], settings = DEFAULT_SETTINGS): ParsedWorkbook {
  return parseWorkbook(sheets, { settings });
}

describe("parseWorkbook: OKR sheets", () => {
  const sheet = makeOkrSheet([
    okrRow({ period: "Q3 2026", level: "Team", team: "Sales", objective: "Grow revenue", keyResult: "Reach $3.2k MRR", owner: "Ana", start: "$1k", target: "$3.2k", current: "2,000", weight: "40%" }),
    okrRow({ keyResult: "Cut churn from 4.2% to 2.8%", owner: "Bo", start: "4.2%", target: "2.8%", current: 0.035 }),
    okrRow({}),
    okrRow({ objective: "Delight customers", keyResult: "Keep NPS at least 45", owner: "Cy", target: 45, current: 47, type: "", weight: 1 }),
  ]);

  it("reads each key result row as a record with located cells", () => {
    const { keyResults, problems } = parse([sheet]);
    expect(problems).toEqual([]);
    expect(keyResults[0]).toEqual({
      sheet: "OKRs",
      row: 2,
      cells: { period: "A2", level: "B2", team: "C2", objective: "D2", keyResult: "E2", owner: "F2", type: "G2", start: "H2", target: "I2", current: "J2", weight: "K2" },
      period: { label: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" },
      level: "team",
      team: "Sales",
      objective: "Grow revenue",
      objectiveId: "",
      parentId: "",
      keyResultId: "",
      keyResult: "Reach $3.2k MRR",
      owner: "Ana",
      type: "increase",
      typeInferred: true,
      start: 1000,
      target: 3200,
      current: 2000,
      weight: 0.4,
      confidence: null,
      commitment: "aspirational",
      due: null,
      lastCheckIn: null,
    });
  });

  it("fills blank objective, team, period and level down, pointing at the cell they came from", () => {
    const kr = parse([sheet]).keyResults[1];
    expect(kr).toMatchObject({ row: 3, objective: "Grow revenue", team: "Sales", level: "team", period: { label: "2026-Q3" } });
    expect(kr.cells).toMatchObject({ objective: "D2", team: "C2", level: "B2", period: "A2", keyResult: "E3" });
  });

  it.each([
    ["spaces", "   "],
    ["a no-break space", "\u00a0"],
    ["an ideographic space", "\u3000"],
    ["a tab and a line break", "\t\n"],
  ])("reads objective and team cells holding only %s as blank, so those above carry down", (_name, blank) => {
    const { keyResults } = parse([
      makeOkrSheet([okrRow({ objective: "Grow revenue", team: "Sales", keyResult: "Reach 50", target: 50 }), okrRow({ objective: blank, team: blank, keyResult: "Reach 60", target: 60 })]),
    ]);
    expect(keyResults.map((k) => [k.keyResult, k.objective, k.team, k.cells.objective, k.cells.team])).toEqual([
      ["Reach 50", "Grow revenue", "Sales", expect.stringMatching(/2$/), expect.stringMatching(/2$/)],
      ["Reach 60", "Grow revenue", "Sales", expect.stringMatching(/2$/), expect.stringMatching(/2$/)],
    ]);
  });

  it("skips fully blank rows and starts a new objective where one is written", () => {
    const { keyResults } = parse([sheet]);
    expect(keyResults.map((k) => [k.row, k.objective])).toEqual([
      [2, "Grow revenue"],
      [3, "Grow revenue"],
      [5, "Delight customers"],
    ]);
    expect(keyResults[2]).toMatchObject({ type: "maintain", typeInferred: true, team: "Sales", period: { label: "2026-Q3" } });
  });

  it("infers decrease when the target is below the start", () => {
    expect(parse([sheet]).keyResults[1]).toMatchObject({ type: "decrease", typeInferred: true, start: 0.042, target: 0.028, current: 0.035 });
  });

  it("treats an objective row without key result or numbers as the objective's title", () => {
    const { keyResults, problems } = parse([
      makeOkrSheet([okrRow({ objective: "Grow revenue", owner: "Ana" }), okrRow({ keyResult: "Reach 50", target: 50 }), okrRow({ keyResult: "Reach 60", target: 60 })]),
    ]);
    expect(problems).toEqual([]);
    expect(keyResults.map((k) => [k.row, k.objective, k.keyResult])).toEqual([
      [3, "Grow revenue", "Reach 50"],
      [4, "Grow revenue", "Reach 60"],
    ]);
  });

  it("keeps objective and parent IDs with their objective, not the next one", () => {
    const s = makeSheet("OKRs", [
      ["Objective ID", "Parent ID", "Objective", "Key result", "Target"],
      ["O1", "C1", "Grow", "A", 1],
      ["", "", "", "B", 2],
      ["", "", "Keep", "C", 3],
    ]);
    expect(parse([s]).keyResults.map((k) => [k.objectiveId, k.parentId, k.objective])).toEqual([
      ["O1", "C1", "Grow"],
      ["O1", "C1", "Grow"],
      ["", "", "Keep"],
    ]);
  });

  it.each<[string, Parameters<typeof okrRow>[0], KeyResultType, boolean]>([
    ["a stated type", { keyResult: "Ship it", type: "Milestone", target: 1 }, "milestone", false],
    ["a stated type with an arrow", { keyResult: "Ship it", type: "↓", start: 5, target: 9 }, "decrease", false],
    ["target above start", { keyResult: "Grow", start: 10, target: 20 }, "increase", true],
    ["target below start", { keyResult: "Cut", start: 20, target: 10 }, "decrease", true],
    ["target done", { keyResult: "Launch pricing page", target: "done", current: "no" }, "binary", true],
    ["yes/no current with no numbers", { keyResult: "Launch pricing page", current: true }, "binary", true],
    ["target 1 without a start", { keyResult: "Launch pricing page", target: 1 }, "binary", true],
    ["milestone wording", { keyResult: "Migration milestone plan", target: 4, current: 2 }, "milestone", true],
    ["% complete wording", { keyResult: "Data warehouse 100% complete", current: 0.6 }, "milestone", true],
    ["maintain wording with a threshold", { keyResult: "Stay above 45 NPS", target: 45 }, "maintain", true],
    ["no more than wording", { keyResult: "No more than 5 P1 incidents", target: 5 }, "maintain", true],
    ["maintain wording with a start is a change", { keyResult: "Keep growing NPS", start: 30, target: 45 }, "increase", true],
  ])("type: %s", (_name, cells, type, inferred) => {
    const kr = parse([makeOkrSheet([okrRow({ objective: "O", ...cells })])]).keyResults[0];
    expect([kr.type, kr.typeInferred]).toEqual([type, inferred]);
  });

  it("reads yes/no targets and currents as 1 and 0", () => {
    const kr = parse([makeOkrSheet([okrRow({ objective: "O", keyResult: "Launch", target: "Done", current: "not done" })])]).keyResults[0];
    expect([kr.target, kr.current]).toEqual([1, 0]);
  });

  it.each<[string, RawCell, string]>([
    ["blank", "", "aspirational"],
    ["committed", "Committed", "committed"],
    ["commit", "commit", "committed"],
    ["c", "C", "committed"],
    ["aspirational", "aspirational", "aspirational"],
    ["stretch", "stretch", "aspirational"],
  ])("commitment: %s", (_name, raw, expected) => {
    const s = makeSheet("OKRs", [["Objective", "Key result", "Commitment"], ["O", "K", raw]]);
    expect(parse([s]).keyResults[0].commitment).toBe(expected);
  });

  it("carries an objective's commitment down its key results (merged cells, or written on the objective's own row), not into the next objective", () => {
    const s = makeSheet("OKRs", [
      ["Objective", "Key result", "Target", "Commitment"],
      ["Ship payroll", "", "", "Committed"],
      ["", "Migrate 10 clients", 10, ""],
      ["", "Cut errors from 12 to 2", 2, ""],
      ["Grow", "Reach 50 customers", 50, ""],
      ["", "Reach 60 partners", 60, "committed"],
    ]);
    expect(parse([s]).keyResults.map((k) => [k.keyResult, k.commitment])).toEqual([
      ["Migrate 10 clients", "committed"],
      ["Cut errors from 12 to 2", "committed"],
      ["Reach 50 customers", "aspirational"],
      ["Reach 60 partners", "committed"],
    ]);
  });

  it.each<[string, RawCell, string | null]>([
    ["company", "Company", "company"],
    ["corporate", "corporate", "company"],
    ["team", "TEAM", "team"],
    ["individual", "Individual", "individual"],
    ["personal", "personal", "individual"],
    ["blank", "", null],
  ])("level: %s", (_name, raw, expected) => {
    const s = makeSheet("OKRs", [["Objective", "Key result", "Level"], ["O", "K", raw]]);
    expect(parse([s]).keyResults[0].level).toBe(expected);
  });

  it("reads a due date, and leaves a blank one for scoring to default", () => {
    const s = makeSheet("OKRs", [["Objective", "Key result", "Due"], ["O", "A", 46204], ["", "B", "15 Aug 2026"], ["", "C", ""]]);
    expect(parse([s]).keyResults.map((k) => k.due)).toEqual(["2026-07-01", "2026-08-15", null]);
  });

  it("reads comma decimals when the workbook uses them", () => {
    const s = makeOkrSheet([okrRow({ objective: "O", keyResult: "K", start: "1.200,5", target: "2.000", current: "12,5%" })]);
    const kr = parse([s], withDefaults({ decimalSeparator: "," })).keyResults[0];
    expect([kr.start, kr.target, kr.current]).toEqual([1200.5, 2000, 0.125]);
  });

  it("reads fiscal periods with the workbook's fiscal year", () => {
    const s = makeOkrSheet([okrRow({ period: "FY26 Q1", objective: "O", keyResult: "K" })]);
    expect(parse([s], withDefaults({ fiscalYearStartMonth: 4 })).keyResults[0].period).toEqual({
      label: "FY2026-Q1",
      kind: "quarter",
      start: "2025-04-01",
      end: "2025-06-30",
    });
  });
});

describe("parseWorkbook: problems", () => {
  it.each<[string, Parameters<typeof okrRow>[0], { code: string; cell: string; message: string; severity: string }]>([
    [
      "text in a number cell",
      { keyResult: "K", target: "lots" },
      { code: "not-a-number", cell: "I2", severity: "error", message: 'Target is text ("lots") in OKRs!I2; expected a number.' },
    ],
    [
      "an Excel error",
      { keyResult: "K", current: "#N/A" },
      { code: "excel-error", cell: "J2", severity: "error", message: "Current: Excel error #N/A in the cell OKRs!J2." },
    ],
    [
      "TRUE in a start cell",
      { keyResult: "K", start: true, target: 5 },
      { code: "not-a-number", cell: "H2", severity: "error", message: "Start is TRUE in OKRs!H2; expected a number." },
    ],
    [
      "an unknown period",
      { keyResult: "K", period: "next quarter" },
      {
        code: "not-a-period",
        cell: "A2",
        severity: "error",
        message: 'Period is text ("next quarter") in OKRs!A2; expected a period such as 2026-Q3, Q3 2026, FY26 Q3 or 2026.',
      },
    ],
    [
      "an unknown type",
      { keyResult: "K", type: "sideways" },
      {
        code: "bad-type",
        cell: "G2",
        severity: "warning",
        message: 'Type "sideways" in OKRs!G2 is not recognised; expected increase, decrease, milestone, binary or maintain (below or above).',
      },
    ],
    [
      "numbers without a key result",
      { target: 5 },
      {
        code: "missing-key-result",
        cell: "E2",
        severity: "error",
        message: "Key result is blank in OKRs!E2, but the row has numbers; write the key result or clear the row.",
      },
    ],
  ])("reports %s with its exact cell", (_name, cells, expected) => {
    const { problems } = parse([makeOkrSheet([okrRow({ objective: "O", ...cells })])]);
    expect(problems).toEqual([{ sheet: "OKRs", ...expected }]);
  });

  it("still records the row, with the unreadable field blank", () => {
    const { keyResults } = parse([makeOkrSheet([okrRow({ objective: "O", keyResult: "K", start: 1, target: "lots", current: 2 })])]);
    expect(keyResults[0]).toMatchObject({ start: 1, target: null, current: 2 });
  });

  it("reads tbd and n/a as blank, not as problems", () => {
    const { keyResults, problems } = parse([makeOkrSheet([okrRow({ objective: "O", keyResult: "K", target: "tbd", current: "n/a" })])]);
    expect(problems).toEqual([]);
    expect(keyResults[0]).toMatchObject({ target: null, current: null });
  });

  it("gives addresses on the sheet when the used range does not start at A1", () => {
    const s = makeSheet("Team OKRs", [["Team goals"], ["Objective", "Key result", "Target"], ["O", "K", "lots"]], { origin: { row: 4, col: 3 } });
    const { keyResults, problems } = parse([s]);
    expect(keyResults[0]).toMatchObject({ row: 7, cells: { objective: "D7", keyResult: "E7", target: "F7" } });
    expect(problems).toEqual([
      { code: "not-a-number", sheet: "Team OKRs", cell: "F7", severity: "error", message: "Target is text (\"lots\") in 'Team OKRs'!F7; expected a number." },
    ]);
  });

  it("warns about a key result with no objective above it", () => {
    const { keyResults, problems } = parse([makeOkrSheet([okrRow({ keyResult: "Orphan", target: 5 })])]);
    expect(keyResults).toHaveLength(1);
    expect(problems).toEqual([
      { code: "missing-objective", sheet: "OKRs", cell: "D2", severity: "warning", message: 'Key result "Orphan" in OKRs!E2 has no objective above it.' },
    ]);
  });
});

describe("parseWorkbook: sheets", () => {
  it("lists non-goal sheets as unrecognised and skips Altitude's state sheet", () => {
    const parsed = parse([makeSheet("Notes", [["hello"]]), makeSheet("Altitude.State", [OKR_HEADER]), makeOkrSheet([])]);
    expect(parsed.unrecognised).toEqual(["Notes"]);
    expect(parsed.sheets.map((s) => [s.name, s.kind])).toEqual([["OKRs", "okr"]]);
  });

  it("uses a saved column mapping", () => {
    const s = makeSheet("Odd", [["What", "How", "Aim"], ["Grow", "Reach 50", 50]]);
    const parsed = parseWorkbook([s], { settings: DEFAULT_SETTINGS, mappings: { Odd: { kind: "okr", headerRow: 1, columns: { objective: 0, keyResult: 1, target: 2 } } } });
    expect(parsed.keyResults).toMatchObject([{ objective: "Grow", keyResult: "Reach 50", target: 50 }]);
  });

  it("reads KPI rows with direction words and continues a blank KPI name", () => {
    const s = makeSheet("KPIs", [
      KPI_HEADER,
      ["NPS", "Customer", "Bo", "Survey", "Monthly", "pts", 30, 45, "", "↑", "Jul 2026", 41],
      ["", "", "", "", "", "", 30, 45, "", "", "2026-08", 47],
      ["Churn", "Customer", "Cy", "CRM", "Monthly", "%", "5%", "3%", "", "lower", "2026-07", "4%"],
      ["Cost", "Finance", "Di", "ERP", "Monthly", "$", 224, "", 228, "band", 46204, "$226"],
    ]);
    const { kpis, problems } = parse([s]);
    expect(problems).toEqual([]);
    expect(kpis.map((k) => [k.row, k.kpi, k.owner, k.direction, k.period?.label, k.floor, k.target, k.ceiling, k.actual])).toEqual([
      [2, "NPS", "Bo", "higher", "2026-07", 30, 45, null, 41],
      [3, "NPS", "Bo", "higher", "2026-08", 30, 45, null, 47],
      [4, "Churn", "Cy", "lower", "2026-07", 0.05, 0.03, null, 0.04],
      [5, "Cost", "Di", "band", "2026-07", 224, null, 228, 226],
    ]);
    expect(kpis[1].cells).toMatchObject({ kpi: "A2", owner: "C2", actual: "L3" });
  });

  it("continues a KPI's floor, target, ceiling and direction under a blank KPI name, as merged cells arrive", () => {
    const s = makeSheet("KPIs", [
      KPI_HEADER,
      ["Lap speed", "Product", "Dev", "Telemetry", "Monthly", "mph", 224, "", 228, "band", "2026-06", 226],
      ["", "", "", "", "", "", "", "", "", "", "2026-07", 229],
      ["Time to hire", "Talent", "Mia", "ATS", "Monthly", "days", 45, 30, "", "", "2026-06", 50],
      ["", "", "", "", "", "", "", 28, "", "", "2026-07", 29],
    ]);
    const { kpis, problems } = parse([s]);
    expect(problems).toEqual([]);
    expect(kpis.map((k) => [k.row, k.kpi, k.direction, k.floor, k.target, k.ceiling, k.actual])).toEqual([
      [2, "Lap speed", "band", 224, null, 228, 226],
      [3, "Lap speed", "band", 224, null, 228, 229],
      [4, "Time to hire", null, 45, 30, null, 50],
      [5, "Time to hire", null, 45, 28, null, 29],
    ]);
    expect(kpis[1].cells).toMatchObject({ floor: "G2", ceiling: "I2", direction: "J2", actual: "L3" });
    expect(kpis[3].cells).toMatchObject({ floor: "G4", target: "H5" });
  });

  it("reports an unknown KPI direction at its cell", () => {
    const s = makeSheet("KPIs", [["KPI", "Target", "Direction"], ["NPS", 45, "sideways"]]);
    expect(parse([s]).problems).toEqual([
      { code: "bad-direction", sheet: "KPIs", cell: "C2", severity: "warning", message: 'Direction "sideways" in KPIs!C2 is not recognised; expected higher, lower or band.' },
    ]);
  });

  it("reads KRA rows, filling the person down and reading rating labels", () => {
    const s = makeSheet("KRAs", [
      KRA_HEADER,
      ["Ana", "Recruiter", "Bo", 2026, "Hiring", "40%", "Hires", 12, 10, 4],
      ["", "", "", "", "Onboarding", 60, "Days", 5, 6, "Meets expectations"],
      ["Cy", "Analyst", "Bo", "2026-Q1", "Reports", 100, "", "", "", 3],
    ]);
    const { kras, problems } = parse([s]);
    expect(problems).toEqual([]);
    expect(kras.map((k) => [k.employee, k.role, k.manager, k.period?.label, k.area, k.weight, k.rating])).toEqual([
      ["Ana", "Recruiter", "Bo", "2026", "Hiring", 0.4, 4],
      ["Ana", "Recruiter", "Bo", "2026", "Onboarding", 60, 3],
      ["Cy", "Analyst", "Bo", "2026-Q1", "Reports", 100, 3],
    ]);
    expect(kras[1].cells).toMatchObject({ employee: "A2", period: "D2", area: "E3" });
  });
});

describe("startParse: a workbook a sheet at a time", () => {
  const okrs = makeSheet("OKRs", [
    ["Period", "Objective", "KR ID", "Key result", "Target", "Current"],
    ["2026-Q3", "Grow", "KR-1", "Reach 50 customers", 50, 10],
    ["", "", "KR-2", "Cut churn to 2%", "2%", "lots"],
  ]);
  const kpis = makeSheet("KPIs", [KPI_HEADER, ["NPS", "CX", "Ana", "Survey", "Monthly", "points", 30, 45, 60, "2026-07", 41]]);
  const checkIns = makeCheckInSheet([["2026-07-20", "KR-1", 30, 7, "good"]]);
  const notes = makeSheet("Notes", [["Shopping list"], ["eggs"]]);
  const state = makeSheet("Altitude.State", [["{}"]]);

  it("gives what parseWorkbook gives, for any order of sheets, check-ins applied across sheets", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([okrs, kpis, checkIns, notes, state], { minLength: 0 }), (sheets) => {
        const parse = startParse({ settings: DEFAULT_SETTINGS, asOf: "2026-08-15" });
        for (const sheet of sheets) parse.add(sheet);
        expect(parse.finish()).toEqual(parseWorkbook(sheets, { settings: DEFAULT_SETTINGS, asOf: "2026-08-15" }));
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it("applies check-ins once however often it is finished, and takes no sheet after", () => {
    const parse = startParse({ settings: DEFAULT_SETTINGS });
    parse.add(okrs);
    parse.add(makeCheckInSheet([["2026-07-20", "KR-9", 30, 7, "no such key result"]]));
    const first = parse.finish();
    expect(parse.finish()).toBe(first);
    expect(first.problems.filter((p) => p.code === "checkin-unmatched")).toHaveLength(1);
    expect(() => parse.add(kpis)).toThrow("finished");
  });
});

describe("parseWorkbook: check-ins", () => {
  const okrs = makeSheet("OKRs", [
    ["Period", "Objective", "KR ID", "Key result", "Target", "Current"],
    ["2026-Q3", "Grow", "KR-1", "Reach 50 customers", 50, 10],
    ["", "", "KR-2", "Cut churn to 2%", "2%", "4%"],
    ["2026-Q4", "Grow more", "", "Reach 50   Customers", 50, ""],
  ]);

  it("applies the latest check-in by date, matched by ID case-insensitively", () => {
    const ci = makeCheckInSheet([
      ["2026-07-20", "kr-1", 30, 7, "good"],
      ["2026-07-06", "KR-1", 20, 6, "older"],
      ["2026-07-20", "KR-1", 32, 7, "same day, later row"],
    ]);
    const { keyResults, checkIns, problems } = parse([okrs, ci]);
    expect(problems).toEqual([]);
    expect(checkIns).toHaveLength(3);
    expect(keyResults[0]).toMatchObject({ current: 32, lastCheckIn: "2026-07-20" });
    expect(keyResults[1]).toMatchObject({ current: 0.04, lastCheckIn: null });
  });

  it("matches by text ignoring case and spacing, choosing the key result whose period holds the date", () => {
    const ci = makeCheckInSheet([["2026-11-02", "reach 50 customers", 12, "", ""]]);
    const { keyResults } = parse([okrs, ci]);
    expect(keyResults.map((k) => [k.period?.label, k.current, k.lastCheckIn])).toEqual([
      ["2026-Q3", 10, null],
      ["2026-Q3", 0.04, null],
      ["2026-Q4", 12, "2026-11-02"],
    ]);
  });

  it.each<[string, string, Array<[string | undefined, number | null, string | null]>]>([
    ["a final check-in after the last period ends goes to that period's key result", "2027-01-05", [
      ["2026-Q3", 10, null],
      ["2026-Q3", 0.04, null],
      ["2026-Q4", 12, "2027-01-05"],
    ]],
    ["a check-in on the first day of the next period goes to it", "2026-10-01", [
      ["2026-Q3", 10, null],
      ["2026-Q3", 0.04, null],
      ["2026-Q4", 12, "2026-10-01"],
    ]],
    ["a check-in on the last day of the first period goes to it", "2026-09-30", [
      ["2026-Q3", 12, "2026-09-30"],
      ["2026-Q3", 0.04, null],
      ["2026-Q4", null, null],
    ]],
  ])("with the text shared across periods, %s", (_name, date, expected) => {
    const ci = makeCheckInSheet([[date, "reach 50 customers", 12, "", ""]]);
    expect(parse([okrs, ci]).keyResults.map((k) => [k.period?.label, k.current, k.lastCheckIn])).toEqual(expected);
  });

  it("leaves out check-ins dated after the as-of date, so a past date shows the figures of that day", () => {
    const ci = makeCheckInSheet([
      ["2026-07-20", "KR-1", 30, "", ""],
      ["2026-08-20", "KR-1", 45, "", ""],
    ]);
    const at = (asOf?: string) => parseWorkbook([okrs, ci], { settings: DEFAULT_SETTINGS, asOf }).keyResults[0];
    expect(at("2026-08-15")).toMatchObject({ current: 30, lastCheckIn: "2026-07-20" });
    expect(at("2026-08-20")).toMatchObject({ current: 45, lastCheckIn: "2026-08-20" });
    expect(at()).toMatchObject({ current: 45, lastCheckIn: "2026-08-20" });
  });

  it("reports a check-in that matches no key result", () => {
    const ci = makeCheckInSheet([["2026-07-20", "KR-9", 1, "", ""]]);
    expect(parse([okrs, ci]).problems).toEqual([
      { code: "checkin-unmatched", sheet: "Check-ins", cell: "B2", severity: "warning", message: "Check-in for \"KR-9\" in 'Check-ins'!B2 matches no key result's ID or text." },
    ]);
  });

  it("reads each check-in field", () => {
    const ci = makeCheckInSheet([["1 Aug 2026", "KR-2", "3.1%", 8, " on track "]]);
    expect(parse([okrs, ci]).checkIns).toEqual([
      {
        sheet: "Check-ins",
        row: 2,
        cells: { date: "A2", keyResult: "B2", value: "C2", confidence: "D2", comment: "E2" },
        date: "2026-08-01",
        keyResult: "KR-2",
        value: 0.031,
        confidence: 8,
        comment: "on track",
      },
    ]);
  });

  it("does not let an undated check-in count as the latest, and says so", () => {
    const ci = makeSheet("Check-ins", [CHECKIN_HEADER, ["", "KR-1", 40, "", ""]]);
    const { keyResults, problems } = parse([okrs, ci]);
    expect(keyResults[0]).toMatchObject({ current: 10, lastCheckIn: null });
    expect(problems).toEqual([
      { code: "checkin-missing-date", sheet: "Check-ins", cell: "A2", severity: "warning", message: "Check-in in 'Check-ins'!A2 has no date, so it cannot count as the latest." },
    ]);
  });
});

describe("type inference helpers", () => {
  it.each<[string, string, "higher" | "lower"]>([
    ["stay above", "Stay above 45 NPS", "higher"],
    ["at least", "At least 90% uptime", "higher"],
    ["no more than", "No more than 5 incidents", "lower"],
    ["stay below", "Keep churn below 3%", "lower"],
  ])("maintainDirection: %s", (_name, text, expected) => {
    expect(maintainDirection(text)).toBe(expected);
  });

  it("infers increase when there is nothing else to go on", () => {
    expect(inferKeyResultType({ keyResult: "Do things", start: null, target: null, current: null, yesNo: false })).toBe("increase");
  });
});

describe("parseWorkbook: robustness", () => {
  const anySheet: fc.Arbitrary<SheetData> = fc.record({
    name: fc.oneof(fc.constantFrom("OKRs", "KPIs", "Check-ins", "Altitude.State"), fc.string()),
    values: fc.array(fc.array(fc.oneof(anyCell, fc.constantFrom(...OKR_HEADER, ...KPI_HEADER, ...KRA_HEADER, ...CHECKIN_HEADER)), { maxLength: 12 }), { maxLength: 14 }),
    origin: fc.record({ row: fc.nat(100), col: fc.nat(30) }),
  });

  it("never throws, and every problem is located", () => {
    fc.assert(
      fc.property(fc.array(anySheet, { maxLength: 4 }), fc.constantFrom<"." | ",">(".", ","), (sheets, decimalSeparator) => {
        const parsed = parse(sheets, withDefaults({ decimalSeparator }));
        for (const p of parsed.problems) {
          expect(p.message).toMatch(/\S/);
          expect(p.cell).toMatch(/^[A-Z]+\d+$/);
        }
        expect(parsed.sheets.length + parsed.unrecognised.length).toBeLessThanOrEqual(sheets.length);
      }),
      { numRuns: 300 },
    );
  });

  it("parses 100,000 rows, indexing check-ins by key", () => {
    const big = makeLargeOkrSheet(100_000);
    const checkIns = makeCheckInSheet(Array.from({ length: 20_000 }, (_, i) => ["2026-08-01", `key result ${i * 5}`, i, "", ""]));
    const { keyResults, problems } = parse([big, checkIns]);
    expect(keyResults).toHaveLength(100_000);
    expect(problems).toEqual([]);
    expect(keyResults[99_999]).toMatchObject({ objective: "Objective 24999", keyResult: "Key result 99999", target: 0.45 });
    expect(keyResults[5]).toMatchObject({ current: 1, lastCheckIn: "2026-08-01" });
  });
});

describe("parseWorkbook: numbers where text or dates belong", () => {
  it("names a number that is not a period as a number", () => {
    const s = makeSheet("OKRs", [["Objective", "Key result", "Period"], ["O", "K", 12.5]]);
    expect(parse([s]).problems).toEqual([
      {
        code: "not-a-period",
        sheet: "OKRs",
        cell: "C2",
        severity: "error",
        message: "Period is the number 12.5 in OKRs!C2; expected a period such as 2026-Q3, Q3 2026, FY26 Q3 or 2026.",
      },
    ]);
  });

  it("reads a numeric key result ID as text", () => {
    const s = makeSheet("OKRs", [["Objective", "KR ID", "Key result"], ["O", 7, "K"]]);
    expect(parse([s]).keyResults[0].keyResultId).toBe("7");
  });
});
