/**
 * `review --split DIR`: one workbook per team, each a copy of the input with that
 * team's index and person sheets, named safely and uniquely, never replacing a
 * file without --force; and the single-workbook mode warning about its sheet count
 * before it writes.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { safeFilePart, uniqueNames } from "../../src/cli/file-names";
import { altitude, ensureBuilt, readWorkbook, SAMPLE, sha256, writeWorkbook, type Row } from "./support";

jest.setTimeout(120_000);

const AS_OF = ["--as-of", "2026-08-15"];
const SAMPLE_SHEETS = ["OKRs", "KPIs", "KRAs", "Check-ins", "Notes"];
let dir: string;

beforeAll(() => ensureBuilt());

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-split-"));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("safe and unique file names", () => {
  it.each([
    ["a slash", "Sales / EMEA", "Sales-EMEA"],
    ["a path that climbs", "../../etc/passwd", "etc-passwd"],
    ["a leading dot", ".hidden", "hidden"],
    ["a Windows device name", "CON", "CON-team"],
    ["a device name in lower case", "lpt1", "lpt1-team"],
    ["only punctuation", "***", "team"],
    ["accents and other scripts", "Équipe 販売", "Équipe-販売"],
    ["characters Windows refuses", 'a<b>c:d"e|f?g*h', "a-b-c-d-e-f-g-h"],
    ["a control character", "Sales\u001b[2J", "Sales-2J"],
  ])("%s", (_name, text, expected) => {
    expect(safeFilePart(text)).toBe(expected);
  });

  it("cuts a very long name", () => {
    expect(Array.from(safeFilePart("é".repeat(500)))).toHaveLength(60);
  });

  it("makes names unique without regard to case", () => {
    expect(uniqueNames(["Sales", "sales", "SALES", "People"])).toEqual(["Sales", "sales-2", "SALES-3", "People"]);
  });
});

describe("review --split on the sample", () => {
  it("writes one copy of the input per team, each with that team's people only", async () => {
    const input = path.join(dir, "goals.xlsx");
    await fs.copyFile(SAMPLE, input);
    const before = sha256(input);
    const out = path.join(dir, "reviews");
    const run = altitude(["review", input, ...AS_OF, "--period", "2026", "--split", out]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(`Wrote 4 review workbooks for 2026 (6 people) to "${out}", one per team, each an index sheet and a sheet per person:`);
    expect((await fs.readdir(out)).sort()).toEqual([
      "goals-review-2026-Company.xlsx",
      "goals-review-2026-Engineering.xlsx",
      "goals-review-2026-People.xlsx",
      "goals-review-2026-Sales.xlsx",
    ]);
    const sales = await readWorkbook(path.join(out, "goals-review-2026-Sales.xlsx"));
    const names = sales.worksheets.map((ws) => ws.name);
    expect(names.slice(0, SAMPLE_SHEETS.length)).toEqual(SAMPLE_SHEETS);
    expect(names.slice(SAMPLE_SHEETS.length)).toEqual(["Reviews 2026", expect.stringMatching(/Ben Okafor/), expect.stringMatching(/Sam Rivera/)]);
    expect(sha256(input)).toBe(before);
  });

  it("refuses before writing anything when one of the files exists, and replaces them with --force", async () => {
    const out = path.join(dir, "reviews");
    await fs.mkdir(out);
    const taken = path.join(out, "altitude-sample-review-2026-Sales.xlsx");
    await fs.writeFile(taken, "mine");
    const run = altitude(["review", SAMPLE, ...AS_OF, "--period", "2026", "--split", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`altitude: "${taken}" already exists; add --force to replace it\n`);
    expect(await fs.readdir(out)).toEqual([path.basename(taken)]);
    const forced = altitude(["review", SAMPLE, ...AS_OF, "--period", "2026", "--split", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(await fs.readdir(out)).toHaveLength(4);
    expect(await fs.readFile(taken, "utf8")).not.toBe("mine");
  });

  it.each<[string, string[], RegExp]>([
    ["-o together with --split", ["-o", "x.xlsx", "--split", "DIR"], /^altitude: give either -o \(one workbook\) or --split DIR \(one workbook per team\), not both\n$/],
    ["--split onto a file", ["--split", "FILE"], /^altitude: --split ".*taken\.txt" is not a folder\n$/],
  ])("exits 2 on %s", async (_name, args, message) => {
    const file = path.join(dir, "taken.txt");
    await fs.writeFile(file, "x");
    const run = altitude(["review", SAMPLE, ...AS_OF, ...args.map((a) => (a === "DIR" ? path.join(dir, "d") : a === "FILE" ? file : a))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("writes only the team asked for with --team", async () => {
    const out = path.join(dir, "reviews");
    const run = altitude(["review", SAMPLE, ...AS_OF, "--period", "2026", "--team", "People", "--split", out]);
    expect(run.code).toBe(0);
    expect(await fs.readdir(out)).toEqual(["altitude-sample-review-2026-People.xlsx"]);
  });
});

describe("team names that are not file names", () => {
  it("are made safe and unique, and every file stays inside the folder", async () => {
    const input = path.join(dir, "teams.xlsx");
    const teams = ["Sales / EMEA", "Sales - EMEA", "../../escape", "CON", "Ops\u202Etxt.exe"];
    const rows: Row[] = [["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current"]];
    teams.forEach((team, i) => rows.push(["2026-Q3", team, `Objective ${i}`, `Raise x from 0 to 10 (${i})`, `Person ${i}`, 0, 10, 5]));
    await writeWorkbook(input, { OKRs: rows });
    const out = path.join(dir, "reviews");
    const run = altitude(["review", input, ...AS_OF, "--period", "2026", "--split", out]);
    expect(run.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(
      ["teams-review-2026-CON-team.xlsx", "teams-review-2026-escape.xlsx", "teams-review-2026-Ops-txt-exe.xlsx", "teams-review-2026-Sales-EMEA.xlsx", "teams-review-2026-Sales-EMEA-2.xlsx"].sort(),
    );
    expect(await fs.readdir(dir)).toEqual(expect.arrayContaining(["reviews", "teams.xlsx"]));
    expect(run.stdout).toContain("Ops\\u202etxt.exe");
  });
});

describe("review into one workbook for very many people", () => {
  it("explains the sheet count before writing (shown even when the write then fails)", async () => {
    const input = path.join(dir, "many.xlsx");
    const rows: Row[] = [["Employee", "Role", "Review period", "Area", "Weight (%)", "Rating"]];
    for (let p = 0; p < 60; p++) rows.push([`Person ${p}`, "Analyst", 2026, "Delivery", 100, 3]);
    await writeWorkbook(input, { KRAs: rows });
    const run = altitude(["review", input, ...AS_OF, "--period", "2026", "-o", path.join(dir, "missing-folder", "out.xlsx")]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "altitude: This will add 61 sheets to the workbook. So many sheets make it slow to open and hard to navigate; consider reviewing one team or a few people at a time. (--split DIR writes one workbook per team)",
    );
    expect(lines[1]).toMatch(/cannot write .*out\.xlsx/);
  });
});
