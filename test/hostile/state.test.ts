/**
 * Settings and mappings kept in the workbook's very hidden Altitude.State sheet may
 * be edited by hand or written by another version. Whatever they hold, every
 * command runs on the defaults and names what it dropped (never exit 3).
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { ScoreReport } from "../../src/cli/report";
import { STATE_SHEET } from "../../src/workbook/port";
import { altitude, ensureBuilt, SAMPLE } from "../cli/support";

jest.setTimeout(120_000);

const AS_OF = ["--as-of", "2026-08-15"];
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-state-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The sample workbook with `json` in its state sheet. */
async function withState(name: string, json: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  const old = workbook.getWorksheet(STATE_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  workbook.addWorksheet(STATE_SHEET, { state: "veryHidden" }).getCell("A1").value = json;
  const file = path.join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe.each([
  ["ratingBands of 5", '{"settings":{"ratingBands":5}}', "ratingBands is not a list (it is a number); using the default bands"],
  ["a null band", '{"settings":{"ratingBands":[null,{"from":1,"rating":3}]}}', "ratingBands[0] is null, not a band; using the default bands"],
  ["grades that are null", '{"settings":{"grades":null}}', "grades is not an object (it is null); using the default grade bands"],
  ["rating labels that are numbers", '{"settings":{"rating":{"labels":5}}}', "rating.labels is not a list of words; using the default labels"],
  ["a mapping with no columns", '{"mappings":{"OKRs":{"kind":"okr","headerRow":1}}}', 'the column mapping of "OKRs" has no columns; reading the sheet as if it had none'],
  ["a mapping of every kind of wrong", '{"mappings":{"OKRs":null}}', 'the column mapping of "OKRs" is not an object; reading the sheet as if it had none'],
  ["broken JSON", '{"settings":', "the stored settings and mappings are not readable; using the defaults"],
])("a workbook whose stored state has %s", (name, json, message) => {
  let file: string;
  beforeAll(async () => {
    file = await withState(name.replace(/\W+/g, "-"), json);
  });

  it("score --json runs on the defaults and lists the problem", () => {
    const run = altitude(["score", file, ...AS_OF, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ScoreReport;
    expect(report.problems[0]).toEqual({ sheet: STATE_SHEET, cell: "A1", code: "state-invalid", message });
    expect(report.keyResults.length).toBeGreaterThan(0);
  });

  it("check names it on stderr and still checks", () => {
    const run = altitude(["check", file, ...AS_OF, "--json"]);
    expect(run.code === 0 || run.code === 1).toBe(true);
    expect(run.stderr).toBe(`altitude: warning: ${STATE_SHEET}!A1: ${message}\n`);
    expect(Array.isArray((JSON.parse(run.stdout) as { findings: unknown[] }).findings)).toBe(true);
  });
});

it("score in text mode shows the problem with the others", async () => {
  const file = await withState("text", '{"settings":{"ratingBands":5}}');
  const run = altitude(["score", file, ...AS_OF]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/Altitude\.State!A1\s+state-invalid\s+ratingBands is not a list \(it is a number\); using the default bands/);
});

it("rollup and review write their copies on the defaults, with the warning", async () => {
  const file = await withState("writes", '{"settings":{"ratingBands":[null]}}');
  const rollup = altitude(["rollup", file, ...AS_OF, "--period", "2026-Q3", "-o", path.join(dir, "rollup.xlsx")]);
  expect(rollup.code).toBe(0);
  expect(rollup.stderr).toMatch(/warning: Altitude\.State!A1: ratingBands\[0\] is null/);
  const review = altitude(["review", file, ...AS_OF, "--period", "2026", "-o", path.join(dir, "review.xlsx")]);
  expect(review.code).toBe(0);
  expect(review.stderr).toMatch(/warning: Altitude\.State!A1: ratingBands\[0\] is null/);
});
