import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyse } from "../../src/core/analyse";
import type { RawCell, SheetData } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { readLayout } from "../../src/core/parse/blocks";
import { matchProfile, PROFILES, readProfiledLayout, type ProfileId } from "../../src/core/parse/profiles";
import { normaliseHeader } from "../../src/core/recognise";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { LAYOUTS } from "../fixtures/layouts";
import { makeSheet } from "../support/builders";

/** The corpus's notes: each layout's section names its sources. */
const CORPUS_NOTES = readFileSync(join(__dirname, "../fixtures/layouts/LAYOUTS.md"), "utf8");
const DATE = "yyyy-mm-dd";
const JAN_2025 = 45658;

/** A header with every part of a format's shape: group row above, date columns, column groups. */
interface Sample {
  above?: RawCell[];
  header: RawCell[];
  headerFormats?: string[];
}

/** The smallest header of each format, as its documentation lays it out. */
const SAMPLES: Record<ProfileId, Sample> = {
  cultureAmpGoals: { header: ["email", "name", "description", "due_at", "key_result_1_title", "key_result_1_completion", "key_result_2_title", "key_result_2_completion"] },
  peoplesoftGoalsMatrix: { above: ["", "", "Threshold", "", "Target", "Stretch", "", "", ""], header: ["Goal ID", "Weight", 0.8, 0.9, 1, 1.1, 1.2, "Attainment", "Score"] },
  peopleboxGoals: { header: ["Row ID", "Parent Row IDs", "Goal ID", "Goal Title", "Owner Emails", "Starting Value", "Target Value", "Current Value"] },
  peoplecuesObjectives: { header: ["Objective Title", "Owner_Email_ID", "Due_Date", "Metric_Name", "Metric_Type", "Metric_Start_Value", "Metric_Target_Value"] },
  peoplecuesUpdates: { header: ["Owner Email ID", "Objective Title", "Metric Value", "Check-in Date"] },
  cornerstoneUserGoals: { header: ["User ID", "Goal ID", "Goal Title", "Goal End Date", "Goal % Completion", "Goal Weight"] },
  latticeGoals: { header: ["id", "name", "okrType", "startingAmount", "endingAmount", "currentAmount", "owners", "parentGoal"] },
  goalscape: { header: ["Main", "L1", "L2", "Importance", "Progress", "Due Date"] },
  dcoScorecard: { header: ["month", "employee_number", "employee_name", "quality", "quality_remarks", "quality_self_assessment_rating"] },
  pipwareTargets: { header: ["KPI", "CustomTarget", JAN_2025, JAN_2025 + 31], headerFormats: ["General", "General", DATE, DATE] },
};

function sampleSheet(sample: Sample, name = "Sheet"): SheetData {
  const rows = sample.above ? [sample.above, sample.header] : [sample.header];
  const formats = rows.map((row, i) => (i === rows.length - 1 && sample.headerFormats ? sample.headerFormats : row.map(() => "General")));
  return makeSheet(name, rows, formats);
}

const parse = (sheets: SheetData[], asOf = "2026-08-15") => {
  const parsed = parseWorkbook(sheets, { settings: DEFAULT_SETTINGS, asOf });
  return { parsed, analysis: analyse(parsed, DEFAULT_SETTINGS, asOf) };
};

describe("matchProfile: a tool's format is recognised by its header signature", () => {
  it.each((Object.keys(SAMPLES) as ProfileId[]).map((id) => [id, SAMPLES[id]] as const))("%s", (id, sample) => {
    expect(matchProfile(sampleSheet(sample))?.id).toBe(id);
  });

  it.each(Object.entries(PROFILES).map(([id, profile]) => [id, profile.source] as const))("%s names the page its format follows", (_id, source) => {
    expect(source).toMatch(/^https:\/\/\S+$/);
  });

  it.each(Object.keys(PROFILES) as ProfileId[])("%s reads a corpus layout whose sources name its page", (id) => {
    const layouts = LAYOUTS.filter((layout) => layout.sheets.some((sheet) => matchProfile(sheet)?.id === id));
    const sections = layouts.map((layout) => CORPUS_NOTES.split(`\n## ${layout.id}\n`)[1]?.split("\n## ")[0] ?? "");
    expect(sections.some((section) => section.includes(PROFILES[id].source))).toBe(true);
  });

  it("finds the header below a title line, ignoring case and spacing", () => {
    const sheet = makeSheet("Goals", [["Exported 2026-08-14"], ["ROW ID", "parent row ids", "goal title", "starting value", "target value", "current value"]]);
    expect(matchProfile(sheet)).toMatchObject({ id: "peopleboxGoals", header: 1 });
  });
});

describe("matchProfile: near misses are not a tool's format", () => {
  it.each<[string, SheetData]>([
    ["a plain OKR header", makeSheet("OKRs", [["Objective", "Key result", "Owner", "Start", "Target", "Current"]])],
    ["Peoplebox without Parent Row IDs", makeSheet("Goals", [["Row ID", "Goal Title", "Starting Value", "Target Value", "Current Value"]])],
    ["Lattice without okrType", makeSheet("Goals", [["id", "name", "startingAmount", "endingAmount", "currentAmount", "parentGoal"]])],
    ["the goals matrix without its Threshold / Target / Stretch row", makeSheet("Matrix", [["Goal ID", "Weight", 0.8, 0.9, 1, 1.1, 1.2, "Attainment", "Score"]])],
    ["the goals matrix with level words but no level percentages", makeSheet("Matrix", [["", "", "Threshold", "Target", "Stretch", ""], ["Goal ID", "Weight", "Low", "Mid", "High", "Attainment"]])],
    ["custom targets without date columns", makeSheet("Targets", [["KPI", "CustomTarget", "January", "February"]])],
    ["custom targets headed by plain numbers", makeSheet("Targets", [["KPI", "CustomTarget", 120, 125]], [["General", "General", "General", "General"]])],
    ["a scorecard without a metric's rating column", makeSheet("Scorecard", [["month", "employee_number", "employee_name", "quality", "quality_remarks"]])],
    ["Goalscape without the L1 column", makeSheet("Plan", [["Main", "Importance", "Progress"]])],
    ["Culture Amp without numbered key results", makeSheet("Goals", [["email", "name", "description", "completion"]])],
    ["a signature header only further down than a tool's export puts it", makeSheet("Goals", [...Array.from({ length: 10 }, (_, i) => [`Line ${i + 1}`]), SAMPLES.latticeGoals.header])],
  ])("%s", (_name, sheet) => {
    expect(matchProfile(sheet)).toBeNull();
  });
});

describe("matchProfile: property", () => {
  const SIGNATURE_WORDS = new Set(Object.values(PROFILES).flatMap((p) => p.signature.map(normaliseHeader)));
  const filler = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,14}$/).filter((text) => !SIGNATURE_WORDS.has(normaliseHeader(text)));
  const profileIds = Object.keys(SAMPLES) as ProfileId[];

  it("never matches a sheet missing one of its signature columns", () => {
    fc.assert(
      fc.property(fc.constantFrom(...profileIds), fc.nat(), filler, fc.array(filler, { maxLength: 4 }), (id, pick, replacement, extra) => {
        const sample = SAMPLES[id];
        const signature = PROFILES[id].signature.map(normaliseHeader);
        const missing = signature[pick % signature.length];
        const header = sample.header.map((cell) => (typeof cell === "string" && normaliseHeader(cell) === missing ? replacement : cell));
        const sheet = sampleSheet({ ...sample, header: [...header, ...extra], headerFormats: sample.headerFormats ? [...sample.headerFormats, ...extra.map(() => "General")] : undefined });
        expect(matchProfile(sheet)?.id).not.toBe(id);
      }),
    );
  });

  it("matches whatever other columns sit beside the signature", () => {
    fc.assert(
      fc.property(fc.constantFrom(...profileIds), fc.array(filler, { maxLength: 4 }), (id, extra) => {
        const sample = SAMPLES[id];
        const sheet = sampleSheet({ ...sample, header: [...sample.header, ...extra], headerFormats: sample.headerFormats ? [...sample.headerFormats, ...extra.map(() => "General")] : undefined });
        expect(matchProfile(sheet)?.id).toBe(id);
      }),
    );
  });
});

describe("profiles: rows linked by parent id", () => {
  const HEADER = ["Row ID", "Parent Row IDs", "Goal ID", "Goal Title", "Owner Emails", "Starting Value", "Target Value", "Current Value"];

  it.each<[string, RawCell[][], Array<[string, string]>]>([
    [
      "key results listed before the objective they name",
      [HEADER, ["R2", "R1", "", "Leads per month", "li@acme.com", 120, 200, 150], ["R1", "", "", "Grow pipeline", "maya@acme.com", "", "", ""]],
      [["Leads per month", "Grow pipeline"]],
    ],
    [
      "a key result naming two parents belongs to the first",
      [HEADER, ["R1", "", "", "Grow pipeline", "", "", "", ""], ["R4", "", "", "Cut costs", "", "", "", ""], ["R2", "R4;R1", "", "Cost per lead", "", 50, 30, 40], ["R3", "R1", "", "Win rate", "", 40, 60, 45]],
      [
        ["Cost per lead", "Cut costs"],
        ["Win rate", "Grow pipeline"],
      ],
    ],
    ["a goal with no parent and no children is measured as its own objective", [HEADER, ["R1", "", "", "Publish the help centre", "jo@acme.com", 0, 1, 1]], [["Publish the help centre", "Publish the help centre"]]],
  ])("%s", (_name, rows, expected) => {
    const { parsed } = parse([makeSheet("Goals", rows)]);
    expect(parsed.keyResults.map((k) => [k.keyResult, k.objective])).toEqual(expected);
  });

  it("points the objective at its own row's cell and lists the objective row as skipped", () => {
    const { parsed, analysis } = parse([
      makeSheet("Goals", [HEADER, ["R1", "", "", "Grow pipeline", "", "", "", ""], ["R2", "R1", "", "Leads per month", "li@acme.com", 120, 200, 150], ["R3", "R1", "", "Win rate", "", 40, 60, 45]]),
    ]);
    expect(parsed.keyResults.map((k) => [k.row, k.cells.objective, k.objectiveId])).toEqual([
      [3, "D2", "R1"],
      [4, "D2", "R1"],
    ]);
    expect(parsed.skipped).toEqual([{ sheet: "Goals", rows: [2], reason: "objective row (Row ID R1): the rows naming it in Parent Row IDs are its key results" }]);
    expect(analysis.objectives.map((o) => [o.objective, o.score])).toEqual([["Grow pipeline", (0.375 + 0.25) / 2]]);
  });

  it("gives real cell addresses when the used range starts below and right of A1", () => {
    const sheet: SheetData = { ...makeSheet("Goals", [HEADER, ["R1", "", "", "Grow pipeline", "", "", "", ""], ["R2", "R1", "", "Leads per month", "", 120, 200, 150]]), origin: { row: 2, col: 1 } };
    const { parsed } = parse([sheet]);
    expect(parsed.keyResults.map((k) => [k.row, k.cells.keyResult, k.cells.objective, k.cells.target])).toEqual([[5, "E5", "E4", "H5"]]);
    expect(parsed.skipped).toEqual([{ sheet: "Goals", rows: [4], reason: "objective row (Row ID R1): the rows naming it in Parent Row IDs are its key results" }]);
  });

  it("keeps an objective's alignment to the objective above it as its parent id", () => {
    const { parsed, analysis } = parse([
      makeSheet("Goals", [HEADER, ["R0", "", "", "Win the enterprise market", "", "", "", ""], ["R1", "R0", "", "Grow pipeline", "", "", "", ""], ["R2", "R1", "", "Leads per month", "", 120, 200, 150]]),
    ]);
    expect(parsed.keyResults.map((k) => [k.keyResult, k.objective, k.objectiveId, k.parentId, k.cells.parentId])).toEqual([["Leads per month", "Grow pipeline", "R1", "R0", "A2"]]);
    expect(parsed.skipped.map((s) => s.rows)).toEqual([[2], [3]]);
    expect(analysis.objectives.map((o) => [o.objective, o.parentId])).toEqual([["Grow pipeline", "R0"]]);
  });

  it("takes the objective rows from Lattice's okrType even with no key result under them", () => {
    const header = ["id", "name", "okrType", "startingAmount", "endingAmount", "currentAmount", "parentGoal"];
    const layout = readProfiledLayout(makeSheet("Goals", [header, ["g1", "Win enterprise", "objective", "", "", "", ""], ["g2", "Sign 4 customers", "key_result", 0, 4, 2, "g9"]]));
    expect(layout?.skipped.map((s) => s.row)).toEqual([1]);
    expect(layout?.recordRows).toBe(1);
    expect(layout?.blocks[0].rows?.get(2)?.objective?.text).toBe("Sign 4 customers");
  });
});

describe("profiles: hierarchy by level columns", () => {
  it("reads leaves as key results of the level above, at any depth", () => {
    const { parsed, analysis } = parse([
      makeSheet("Plan", [
        ["Main", "L1", "L2", "L3", "Importance", "Progress"],
        ["Plan", "", "", "", 100, 50],
        ["", "Grow", "", "", 100, 50],
        ["", "", "Enterprise", "", 50, 40],
        ["", "", "", "Sign 5 logos", 100, 40],
        ["", "", "Self-serve conversion", "", 50, 60],
      ]),
    ]);
    expect(parsed.keyResults.map((k) => [k.keyResult, k.objective, k.current])).toEqual([
      ["Sign 5 logos", "Enterprise", 40],
      ["Self-serve conversion", "Grow", 60],
    ]);
    expect(parsed.skipped.map((s) => [s.rows, s.reason])).toEqual([
      [[2], "the main goal (Main): the plan its subgoals belong to"],
      [[3], "goal with subgoals (L1): the objective of the rows under it"],
      [[4], "goal with subgoals (L2): the objective of the rows under it"],
    ]);
    expect(analysis.keyResults.map((k) => k.score)).toEqual([0.4, 0.6]);
  });
});

describe("profiles: rows that are goals with little written", () => {
  it("reads a goal named only in its level column, and still lists a note line", () => {
    const { parsed } = parse([
      makeSheet("Plan", [
        ["Main", "L1", "L2", "Importance", "Progress"],
        ["Plan", "", "", "", ""],
        ["", "Grow", "", "", ""],
        ["", "", "Sign 5 logos", "", 40],
        ["", "", "Open a Berlin office", "", ""],
      ]),
    ]);
    expect(parsed.keyResults.map((k) => [k.row, k.keyResult, k.objective])).toEqual([
      [4, "Sign 5 logos", "Grow"],
      [5, "Open a Berlin office", "Grow"],
    ]);
  });

  it.each<[string, RawCell, boolean]>([
    ["Total Weight", "Total Weight", true],
    ["Grand total:", "Grand total:", true],
    ["a goal titled Total quality programme", "Total quality programme", false],
  ])("a first cell %s is a summary row: %s", (_name, first, summary) => {
    const { parsed } = parse([makeSheet("User Goals", [SAMPLES.cornerstoneUserGoals.header, ["jdoe", "G-1", "Launch portal", "2026-12-31", 100, 60], [first, "G-2", "Certify team", "2026-12-31", 40, 40]])]);
    expect(parsed.kras.some((k) => k.row === 3)).toBe(!summary);
    expect(parsed.skipped.some((s) => s.reason.startsWith("summary row"))).toBe(summary);
  });

  it("lists a note under a tool's header as skipped", () => {
    const { parsed } = parse([makeSheet("Scorecard", [SAMPLES.dcoScorecard.header, ["Note: All Fields are required."], ["03-2025", "E-1", "Ana", 0.9, "", 4]])]);
    expect(parsed.skipped).toEqual([{ sheet: "Scorecard", rows: [2], reason: "note line under the header (not a record)" }]);
    expect(parsed.kras.map((k) => [k.row, k.area, k.rating])).toEqual([[3, "quality", 4]]);
  });
});

describe("profiles: a row whose column groups are all blank is listed, not dropped", () => {
  it.each<[string, SheetData, string]>([
    [
      "a Culture Amp goal with no key result filled in",
      makeSheet("Goals", [SAMPLES.cultureAmpGoals.header, ["ana@example.com", "Grow revenue", "", "2026-09-30", "", "", "", ""]]),
      "none of its numbered key results is filled in",
    ],
    [
      "a scorecard row with no metric filled in",
      makeSheet("Scorecard", [SAMPLES.dcoScorecard.header, ["03-2025", "E-1", "Ana", "", "", ""]]),
      "none of its area column groups is filled in",
    ],
    [
      "a KPI with no month's target",
      makeSheet("Targets", [["KPI", "CustomTarget", JAN_2025], ["SAL-001", "Stretch", ""]], [["General", "General", DATE], ["General", "General", "General"]]),
      "none of its period columns is filled in",
    ],
  ])("%s", (_name, sheet, reason) => {
    const { parsed } = parse([sheet]);
    expect([parsed.keyResults.length, parsed.kras.length, parsed.kpis.length]).toEqual([0, 0, 0]);
    expect(parsed.skipped).toEqual([{ sheet: sheet.name, rows: [2], reason }]);
  });
});

describe("profiles: columns a header's shape decides", () => {
  it("takes the goals matrix's floor, 100 % level and ceiling from the levels under Threshold / Target / Stretch", () => {
    const layout = readLayout(makeSheet("Matrix", [SAMPLES.peoplesoftGoalsMatrix.above ?? [], SAMPLES.peoplesoftGoalsMatrix.header, ["Margin", 0.35, 0.12, 0.14, 0.16, 0.18, 0.2, 0.18, 38.5]]));
    expect(layout.blocks[0]).toMatchObject({ headerRows: [0, 1], columns: { kpi: 0, floor: 2, target: 4, ceiling: 6, actual: 7 } });
  });

  it("gives one target reading per date column, none for a blank month", () => {
    const sheet = makeSheet(
      "Targets",
      [
        ["KPI", "CustomTarget", JAN_2025, JAN_2025 + 31],
        ["SAL-001", "Stretch", 120, ""],
      ],
      [
        ["General", "General", DATE, DATE],
        ["General", "General", "General", "General"],
      ],
    );
    const { parsed } = parse([sheet]);
    expect(parsed.kpis.map((k) => [k.kpi, k.period?.label, k.target, k.actual, k.cells.target])).toEqual([["SAL-001", "2025-01", 120, null, "C2"]]);
  });

  it("weighs a scorecard's metrics equally and reads each metric's self-assessment as its rating", () => {
    const { analysis } = parse([
      makeSheet("Scorecard", [
        ["month", "employee_number", "employee_name", "quality", "quality_remarks", "quality_self_assessment_rating", "reliability", "reliability_remarks", "reliability_self_assessment_rating"],
        ["03-2025", "E-1", "Maria Santos", 0.99, "", 5, 0.9, "", 3],
      ]),
    ]);
    expect(analysis.kras.map((k) => [k.employee, k.period?.label, k.areas.map((a) => a.record.area), k.score, Math.round(k.weightTotal)])).toEqual([["Maria Santos", "2025-03", ["quality", "reliability"], 4, 100]]);
  });

  it("rates a completion against 100 % when the format fixes it (Cornerstone)", () => {
    const { analysis } = parse([
      makeSheet("User Goals", [SAMPLES.cornerstoneUserGoals.header, ["jdoe", "G-1", "Launch portal", "2026-12-31", 100, 60], ["jdoe", "G-2", "Certify team", "2026-12-31", 40, 40]]),
    ]);
    expect(analysis.kras.map((k) => [k.employee, k.period?.label, k.areas.map((a) => a.rating)])).toEqual([["jdoe", "2026", [4, 1]]]);
    // Weights are scaled by the largest before they are summed, so the score is equal up to rounding.
    expect(analysis.kras[0].score).toBeCloseTo((60 * 4 + 40 * 1) / 100, 12);
  });
});

describe("profiles: the hook", () => {
  it("lets a saved mapping win over a profile", () => {
    const sheet = makeSheet("Goals", [SAMPLES.latticeGoals.header, ["g2", "Sign 4 customers", "key_result", 0, 4, 2, "Li", ""]]);
    const layout = readLayout(sheet, { kind: "okr", headerRow: 1, columns: { keyResult: 1, target: 4, current: 5 } });
    expect(layout.blocks[0].rows).toBeUndefined();
    expect(layout.blocks[0].columns).toEqual({ keyResult: 1, target: 4, current: 5 });
  });

  it("leaves a sheet in no known format to the general reader", () => {
    expect(readProfiledLayout(makeSheet("OKRs", [["Objective", "Key result", "Target"], ["Grow", "Reach 50", 50]]))).toBeNull();
  });
});
