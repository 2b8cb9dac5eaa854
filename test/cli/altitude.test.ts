import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ScoreReport } from "../../src/cli/report";
import { altitude, cellsOf, ensureBuilt, readWorkbook, ROOT, SAMPLE, sha256, textOf, writeWorkbook, type Row } from "./support";

jest.setTimeout(60_000);

const AS_OF = ["--as-of", "2026-08-15"];
const SAMPLE_SHEETS = ["OKRs", "KPIs", "KRAs", "Check-ins", "Notes"];

let dir: string;
let sample: string;

beforeAll(() => {
  ensureBuilt();
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-cli-"));
  sample = path.join(dir, "sample.xlsx");
  await fs.copyFile(SAMPLE, sample);
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function scoreJson(file: string): ScoreReport {
  const run = altitude(["score", file, ...AS_OF, "--json"]);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as ScoreReport;
}

describe("altitude score --json on the sample", () => {
  let report: ScoreReport;
  // Read once: score never writes, and the byte-for-byte checks below run on copies.
  beforeAll(() => {
    report = scoreJson(SAMPLE);
  });

  const keyResult = (text: string) => {
    const found = report.keyResults.find((k) => k.keyResult === text);
    if (!found) throw new Error(`no key result "${text}"`);
    return found;
  };

  it("prints one object with the documented sections and fields", () => {
    expect(Object.keys(report)).toEqual(["keyResults", "objectives", "kpis", "kras", "problems", "skipped", "unrecognised"]);
    expect(Object.keys(report.keyResults[0]).sort()).toEqual(
      ["sheet", "row", "period", "team", "owner", "objective", "keyResult", "type", "start", "target", "current", "weight", "score", "grade", "pace"].sort(),
    );
    expect(Object.keys(report.objectives[0]).sort()).toEqual(["period", "team", "objective", "score", "grade", "keyResults"].sort());
    expect(Object.keys(report.kpis[0]).sort()).toEqual(
      ["sheet", "row", "kpi", "owner", "period", "actual", "floor", "target", "ceiling", "direction", "status", "trend"].sort(),
    );
    expect(Object.keys(report.kras[0]).sort()).toEqual(["employee", "period", "score", "label", "weightTotal", "areas"].sort());
    expect(report.problems).toEqual([]);
  });

  it("scores a decreasing key result from its baseline, with percentages as plain fractions", () => {
    const churn = keyResult("Reduce regretted churn from 4.2% to 2.8%");
    expect(churn).toMatchObject({ sheet: "OKRs", row: 7, period: "2026-Q3", team: "Company", owner: "Ana López", type: "decrease" });
    expect(churn).toMatchObject({ start: 0.042, target: 0.028, current: 0.035, weight: 2, grade: "Yellow" });
    expect(churn.score).toBeCloseTo(0.5, 12);
    expect(churn.objective).toBe("Become the employer great people choose");
  });

  it.each<[string, number, string]>([
    ["Lift manager effectiveness score from 6.9 to 8.0", 0.7 / 1.1, "Yellow"],
    ["Raise NPS from 40 to 60", 1, "Green"],
    ["Cut average sales cycle from 47 to 31 days", 0.5, "Yellow"],
    ["Launch the new onboarding", 1, "Green"],
    ["Maintain NPS above 45", 1, "Green"],
  ])("scores %s unrounded", (text, score, grade) => {
    const kr = keyResult(text);
    expect(kr.score).toBeCloseTo(score, 12);
    expect(kr.grade).toBe(grade);
  });

  it("fills blank objectives down and counts each objective's key results", () => {
    expect(keyResult("Launch the new onboarding").objective).toBe("Build managers people want to work for");
    const people = report.objectives.find((o) => o.period === "2026-Q3" && o.team === "People");
    expect(people).toMatchObject({ objective: "Build managers people want to work for", keyResults: 2, grade: "Green" });
    expect(people?.score).toBeCloseTo((0.7 / 1.1 + 1) / 2, 12);
  });

  it("gives KPI status against floor and target, lower being better for time to hire", () => {
    const timeToHire = report.kpis.filter((k) => k.kpi === "Time to hire");
    expect(timeToHire.map((k) => [k.period, k.actual, k.status])).toEqual([
      ["2026-05", 38, "Watch"],
      ["2026-06", 50, "Breach"],
      ["2026-07", 41, "Watch"],
    ]);
    expect(timeToHire[0]).toMatchObject({ sheet: "KPIs", floor: 45, target: 30, ceiling: null, direction: "lower" });
    expect(timeToHire.map((k) => k.trend)).toEqual(["Flat", "Declining", "Improving"]);
    const speed = report.kpis.filter((k) => k.kpi === "Test track lap speed");
    expect(speed.map((k) => [k.direction, k.status])).toEqual([
      ["band", "On target"],
      ["band", "Above ceiling"],
    ]);
  });

  it("scores KRAs with weights however they were written", () => {
    const kra = (name: string) => report.kras.find((k) => k.employee === name);
    expect(kra("Chloé Martin")).toEqual({
      employee: "Chloé Martin",
      period: "2026",
      score: 4,
      label: "Exceeds expectations",
      weightTotal: 100,
      areas: [
        { area: "Talent development", weight: 40, rating: 4 },
        { area: "Employee relations", weight: 30, rating: 3 },
        { area: "HR operations", weight: 30, rating: 5 },
      ],
    });
    expect(kra("Ben Okafor")).toMatchObject({ score: 3.5, weightTotal: 100 });
    expect(kra("Ben Okafor")?.areas.map((a) => a.weight)).toEqual([50, 50]);
    expect(kra("Mia Schmidt")?.weightTotal).toBe(80);
  });
});

describe("altitude score (tables)", () => {
  it("prints aligned sections with the figures", () => {
    const run = altitude(["score", sample, ...AS_OF]);
    expect(run.code).toBe(0);
    for (const heading of ["Key results", "Objectives", "KPIs", "KRAs", "Problems"]) expect(run.stdout).toContain(`${heading}\n`);
    const churn = run.stdout.split("\n").find((line) => line.includes("Reduce regretted churn from 4.2% to 2.8%"));
    expect(churn?.split(/\s{2,}/)).toEqual(["OKRs 7", "2026-Q3", "Company", "Reduce regretted churn from 4.2% to 2.8%", "Ana López", "decrease", "0.042", "0.028", "0.035", "0.5", "Yellow", "On track"]);
  });
});

describe("altitude check", () => {
  it("prints located findings and exits 1 when one is an error", () => {
    const run = altitude(["check", sample, ...AS_OF]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^OKRs!E12 +warning +okr\.status-quo\n {2}The key result "Maintain NPS above 45"/m);
    expect(run.stdout).toMatch(/^KRAs!F7 +error +kra\.weights-not-100$/m);
    expect(run.stdout).toMatch(/\d+ findings: 1 error, \d+ warnings, \d+ notes\n$/);
  });

  it("prints findings as JSON with their cells, rules and fixes", () => {
    const run = altitude(["check", sample, ...AS_OF, "--json"]);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: Array<Record<string, string>> };
    expect(findings).toContainEqual(expect.objectContaining({ sheet: "OKRs", cell: "E12", severity: "warning", rule: "okr.status-quo" }));
    expect(findings.filter((f) => f.severity === "error")).toEqual([
      expect.objectContaining({ sheet: "KRAs", cell: "F7", rule: "kra.weights-not-100", fix: expect.stringContaining("100%") }),
    ]);
  });

  it("exits 0 when no finding is an error", async () => {
    const file = path.join(dir, "clean.xlsx");
    await writeWorkbook(file, {
      OKRs: [
        ["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current"],
        ["2026-Q3", "People", "Build managers people want to work for", "Lift manager effectiveness from 6.9 to 8.0", "Chloé Martin", 6.9, 8, 7.6],
      ],
    });
    const run = altitude(["check", file, ...AS_OF, "--json"]);
    const { findings } = JSON.parse(run.stdout) as { findings: Array<{ severity: string }> };
    expect(findings.some((f) => f.severity === "error")).toBe(false);
    expect(run.code).toBe(0);
  });
});

describe("nothing dropped without a word", () => {
  it("lists the sheets not read and why, in --json and in text", () => {
    const report = scoreJson(SAMPLE);
    expect(report.unrecognised).toEqual([{ sheet: "Notes", reason: expect.stringMatching(/^no header row with the columns of a goal sheet/) }]);
    const text = altitude(["score", SAMPLE, ...AS_OF]);
    expect(text.stdout).toMatch(/Not read\n\nNotes: not read, no header row with the columns of a goal sheet/);
  });

  it("lists summary rows and notes under a table with their rows and reasons, for score and check", async () => {
    const file = path.join(dir, "kpis.xlsx");
    await writeWorkbook(file, {
      KPIs: [["KPI tracker 2026"], ["KPI", "Owner", "Target", "Actual"], ["Defect rate", "Ana", 0.02, 0.03], ["NPS", "Ben", 45, 47], ["Total", "", 45.02, 47.03], [""], ["Note: figures are monthly"]],
    });
    const report = scoreJson(file);
    expect(report.kpis.map((k) => k.kpi)).toEqual(["Defect rate", "NPS"]);
    expect(report.skipped).toEqual([
      { sheet: "KPIs", rows: [1], reason: "title, heading or form line above a table (read as its context)" },
      { sheet: "KPIs", rows: [5], reason: "summary row (Total)" },
      { sheet: "KPIs", rows: [7], reason: "note or legend line" },
    ]);
    const check = altitude(["check", file, ...AS_OF, "--json"]);
    const checked = JSON.parse(check.stdout) as { skipped: unknown[]; unrecognised: unknown[] };
    expect(checked.skipped).toEqual(report.skipped);
    expect(checked.unrecognised).toEqual([]);
    expect(altitude(["check", file, ...AS_OF]).stdout).toMatch(/^Not read\n\nKPIs row 1: title, heading or form line above a table \(read as its context\)\nKPIs row 5: summary row \(Total\)\nKPIs row 7: note or legend line\n/);
  });

  it("says per sheet why nothing could be read", async () => {
    const file = path.join(dir, "none.xlsx");
    await writeWorkbook(file, { Notes: [["Shopping list"], ["eggs", 12]], Empty: [[""]] });
    const run = altitude(["score", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\(Notes: no header row with the columns of a goal sheet .*; Empty: the sheet is empty\)\n$/);
  });
});

describe("unusable input", () => {
  const unusable: Array<[string, (file: string) => Promise<void>, RegExp]> = [
    ["a missing file", async () => undefined, /^altitude: cannot read ".*missing\.xlsx": file not found\n$/],
    ["random bytes named .xlsx", (f) => fs.writeFile(f, Buffer.from("\u0001\u0002 definitely not a spreadsheet \u00ff")), /^altitude: cannot read ".*": it is not an \.xlsx workbook\n$/],
    ["a damaged zip", (f) => fs.writeFile(f, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 1)])), /^altitude: cannot read ".*": the file is damaged/],
    [
      "an encrypted-looking file",
      (f) => fs.writeFile(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)])),
      /^altitude: cannot read ".*": it is password-protected/,
    ],
    [
      "a workbook with no recognisable sheet",
      (f) => writeWorkbook(f, { Notes: [["Shopping list"], ["eggs", 12]], Budget: [["Item", "Cost"], ["Rent", 900]] }),
      /^altitude: nothing to read in ".*": no sheet looks like an OKR, KPI, KRA or Check-ins sheet/,
    ],
  ];
  const commands = [["score"], ["check"], ["rollup", "--period", "2026-Q3"], ["review", "--period", "2026"]];

  it.each(unusable.flatMap(([name, make, message]) => commands.map((command) => [`${command[0]} on ${name}`, command, make, message] as const)))(
    "%s exits 2 with one line on stderr",
    async (_name, command, make, message) => {
      const file = path.join(dir, "missing.xlsx");
      await make(file);
      const run = altitude([command[0], file, ...command.slice(1)], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect((await fs.readdir(dir)).filter((f) => f.includes("-rollup-") || f.includes("-review-"))).toEqual([]);
    },
  );

  it("names the missing file exactly as given", () => {
    const run = altitude(["score", "x.xlsx"], dir);
    expect(run.stderr).toBe('altitude: cannot read "x.xlsx": file not found\n');
    expect(run.code).toBe(2);
  });

  it.each<[string, string[], RegExp]>([
    ["no command", [], /^altitude: missing a command \(score, check, rollup, review\); see altitude --help\n$/],
    ["an unknown command", ["frobnicate", "x.xlsx"], /^altitude: unknown command "frobnicate"/],
    ["an unknown option", ["score", "SAMPLE", "--colour"], /^altitude: .*--colour/],
    ["a missing workbook", ["score"], /^altitude: missing the workbook: altitude score <file\.xlsx>/],
    ["an extra argument", ["score", "SAMPLE", "other.xlsx"], /^altitude: unexpected argument "other\.xlsx"/],
    ["an option of another command", ["score", "SAMPLE", "--people", "Ana"], /^altitude: --people does not apply to score/],
    ["a date that is not a date", ["score", "SAMPLE", "--as-of", "2026-02-30"], /^altitude: --as-of "2026-02-30" is not a date written YYYY-MM-DD\n$/],
    ["a period that is not a period", ["rollup", "SAMPLE", "--period", "someday"], /^altitude: "someday" is not a period/],
    ["a rollup of a quarter with no data", ["rollup", "SAMPLE", "--period", "2019-Q1"], /^altitude: no key results or KPI readings in 2019-Q1, so no rollup was written\n$/],
    ["nobody to review", ["review", "SAMPLE", "--people", "Nobody Here"], /^altitude: no KRAs, key results or KPIs for "Nobody Here" in 2026\n$/],
    ["output over the input", ["rollup", "SAMPLE", "-o", "SAMPLE"], /^altitude: will not overwrite the input file/],
    ["output over the input, even with --force", ["rollup", "SAMPLE", "-o", "SAMPLE", "--force"], /^altitude: will not overwrite the input file/],
  ])("exits 2 on %s", async (_name, args, message) => {
    const before = sha256(sample);
    const run = altitude(
      args.map((a) => (a === "SAMPLE" ? sample : a)),
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    if (args.length > 0) expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(sha256(sample)).toBe(before);
    // Nothing is written: not beside the input, not a temporary file left behind.
    expect((await fs.readdir(dir)).filter((f) => f !== "sample.xlsx")).toEqual([]);
  });
});

describe("help and version", () => {
  it.each([["--help"], ["-h"], ["help"], ["score", "--help"]])("%s prints usage and exits 0", (...args) => {
    const run = altitude(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("altitude score <file.xlsx> [--as-of YYYY-MM-DD] [--json]");
    expect(run.stdout).toContain("altitude rollup <file.xlsx>");
  });

  it("prints the package version", async () => {
    const { version } = JSON.parse(await fs.readFile(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const run = altitude(["--version"]);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("the input is never changed", () => {
  it.each([
    ["score", ["score", "SAMPLE", "--json"]],
    ["check", ["check", "SAMPLE"]],
    ["rollup", ["rollup", "SAMPLE", "--period", "2026-Q3"]],
    ["review", ["review", "SAMPLE", "--period", "2026"]],
  ])("by %s", (_name, args) => {
    const before = sha256(sample);
    const stat = altitude([...args.map((a) => (a === "SAMPLE" ? sample : a)), ...AS_OF], dir);
    expect(stat.code === 0 || stat.code === 1).toBe(true);
    expect(sha256(sample)).toBe(before);
  });
});

/** The `location` of every link on a sheet, found through the workbook part and its relationships. */
async function internalLinks(file: string, sheetName: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rId = [...workbook.matchAll(/<sheet [^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`name="${sheetName}"`))?.match(/r:id="([^"]+)"/)?.[1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
  const xml = await zip.file(`xl/${target}`)!.async("string");
  return Array.from(xml.matchAll(/<hyperlink [^>]*location="([^"]*)"/g), (m) => m[1].replace(/&apos;/g, "'").replace(/&amp;/g, "&"));
}

async function inputSheetsUnchanged(out: string): Promise<void> {
  const [input, output] = await Promise.all([readWorkbook(sample), readWorkbook(out)]);
  for (const name of SAMPLE_SHEETS) {
    const values = (wb: ExcelJS.Workbook) => cellsOf(wb.getWorksheet(name)!).map((c) => [c.address, c.value]);
    expect(values(output)).toEqual(values(input));
  }
}

describe("altitude rollup", () => {
  it("writes a copy beside the input with the rollup sheet, its figures and native charts", async () => {
    const run = altitude(["rollup", sample, "--period", "2026-Q3", ...AS_OF], dir);
    expect(run.code).toBe(0);
    const out = path.join(dir, "sample-rollup-2026-Q3.xlsx");
    expect(run.stdout).toBe(`Wrote the 2026-Q3 rollup to "${out}" (sheet "Rollup 2026-Q3").\n`);

    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([...SAMPLE_SHEETS, "Rollup 2026-Q3"]);
    const cells = cellsOf(workbook.getWorksheet("Rollup 2026-Q3")!);
    expect(cells.map((c) => textOf(c.value))).toContain("Quarterly rollup 2026-Q3");
    const objectiveRow = cells.find((c) => textOf(c.value) === "Build managers people want to work for")!.row;
    const numbers = cells.filter((c) => c.row === objectiveRow && typeof c.value === "number").map((c) => c.value as number);
    expect(numbers.some((n) => Math.abs(n - (0.7 / 1.1 + 1) / 2) < 1e-9)).toBe(true);
    expect((await fs.readFile(out)).includes("xl/charts/chart1.xml")).toBe(true);
    await inputSheetsUnchanged(out);
  });

  it("uses the latest quarter when no period is given, and -o names the copy", async () => {
    const out = path.join(dir, "nested name.xlsx");
    const run = altitude(["rollup", sample, "-o", out, ...AS_OF], dir);
    expect(run.code).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toContain("Rollup 2026-Q3");
    expect((await fs.readdir(dir)).sort()).toEqual(["nested name.xlsx", "sample.xlsx"]);
  });
});

describe("altitude review", () => {
  it("writes an index linking to one sheet per person, with their KRA score", async () => {
    const out = path.join(dir, "reviews.xlsx");
    const run = altitude(["review", sample, "--period", "2026", "-o", out, ...AS_OF], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote \d+ review summaries for 2026 to ".*reviews\.xlsx" \(index sheet "Reviews 2026"\)\.\n$/);

    const workbook = await readWorkbook(out);
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names.slice(0, SAMPLE_SHEETS.length)).toEqual(SAMPLE_SHEETS);
    expect(names).toEqual(expect.arrayContaining(["Reviews 2026", "Chloé Martin 2026", "Ben Okafor 2026"]));
    // Links inside the workbook are written as Excel writes them, `<hyperlink location="…">` (ExcelJS reads only their text).
    const links = await internalLinks(out, "Reviews 2026");
    expect(links).toContain("'Chloé Martin 2026'!A1");
    for (const link of links) expect(names).toContain(/^'(.*)'!/.exec(link)?.[1].replace(/''/g, "'"));

    const chloe = cellsOf(workbook.getWorksheet("Chloé Martin 2026")!);
    expect(chloe.map((c) => textOf(c.value))).toEqual(expect.arrayContaining(["Talent development", "Exceeds expectations"]));
    await inputSheetsUnchanged(out);
  });

  it.each<[string, string[], string[]]>([
    ["the people asked for, in any case", ["--people", "ben okafor, Chloé Martin"], ["Ben Okafor 2026", "Chloé Martin 2026"]],
    ["the people of a team", ["--team", "Sales"], ["Ben Okafor 2026", "Sam Rivera 2026"]],
  ])("reviews only %s", async (_name, filter, sheets) => {
    const out = path.join(dir, "some.xlsx");
    const run = altitude(["review", sample, ...filter, "-o", out, ...AS_OF], dir);
    expect(run.code).toBe(0);
    const names = (await readWorkbook(out)).worksheets.map((ws) => ws.name);
    expect(names.slice(SAMPLE_SHEETS.length).sort()).toEqual(["Reviews 2026", ...sheets].sort());
  });
});

describe("text from user cells stays text in the outputs", () => {
  const HYPERLINK = '=HYPERLINK("http://x","y")';
  const CMD = "+cmd|'/c calc'!A0";
  const rows: Record<string, Row[]> = {
    OKRs: [
      ["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current"],
      ["2026-Q3", HYPERLINK, "@SUM(1,2) objective", "Raise adoption from 10 to 40", HYPERLINK, 10, 40, 25],
      ["2026-Q3", HYPERLINK, null, "Cut errors from 12 to 2", CMD, 12, 2, 7],
    ],
    KRAs: [
      ["Employee", "Review period", "Area", "Weight", "Rating"],
      [CMD, 2026, "Delivery", 100, 4],
      [HYPERLINK, 2026, "Delivery", 100, 3],
    ],
  };

  it.each([
    ["rollup", ["--period", "2026-Q3"]],
    ["review", ["--period", "2026"]],
  ])("in the %s", async (command, extra) => {
    const input = path.join(dir, "inject.xlsx");
    await writeWorkbook(input, rows);
    const out = path.join(dir, `${command}.xlsx`);
    const run = altitude([command, input, ...extra, "-o", out, ...AS_OF], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    const workbook = await readWorkbook(out);
    const added = workbook.worksheets.slice(2).flatMap(cellsOf);
    const texts = added.map((c) => textOf(c.value));
    expect(texts.some((t) => t.includes(HYPERLINK) || t.includes(CMD))).toBe(true);
    for (const cell of added) {
      if (cell.type !== ExcelJS.ValueType.Formula) continue;
      const formula = (cell.value as ExcelJS.CellFormulaValue).formula ?? "";
      expect(formula).not.toMatch(/HYPERLINK|cmd|SUM\(1,2\)/i);
    }
    for (const cell of added.filter((c) => [HYPERLINK, CMD].includes(textOf(c.value)))) {
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.SharedString, ExcelJS.ValueType.Hyperlink]).toContain(cell.type);
    }
  });
});
