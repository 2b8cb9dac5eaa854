/**
 * Command lines a user mistypes: each wrong one gets one line on stderr and exit
 * 2, never the whole help; --people names everyone it did not find; --people with
 * --team reviews the people named who are in that team, and says so.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { altitude, ensureBuilt, SAMPLE } from "../cli/support";

jest.setTimeout(120_000);

const AS_OF = ["--as-of", "2026-08-15"];
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-args-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("a wrong command line", () => {
  it.each<[string, string[], string]>([
    ["an unknown long option", ["score", SAMPLE, "--x"], "altitude: unknown option --x; see altitude --help"],
    ["an unknown short option", ["score", SAMPLE, "-z"], "altitude: unknown option -z; see altitude --help"],
    ["an unknown option before the command", ["--colour", "score", SAMPLE], "altitude: unknown option --colour; see altitude --help"],
    ["an option missing its value", ["rollup", SAMPLE, "--period"], "altitude: --period needs a value; see altitude --help"],
    ["a value given to a switch", ["score", SAMPLE, "--json=yes"], "altitude: --json takes no value; see altitude --help"],
    ["no command at all", [], "altitude: missing a command (score, check, rollup, review); see altitude --help"],
    ["an unknown command", ["scroe", SAMPLE], 'altitude: unknown command "scroe"; the commands are score, check, rollup, review; see altitude --help'],
    ["--people naming no one", ["review", SAMPLE, "--people", " , "], 'altitude: --people names no one; give names separated by commas, e.g. --people "Ana López,Ben Okafor"'],
  ])("%s: one line, exit 2", (_name, args, line) => {
    const run = altitude(args, dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`${line}\n`);
  });
});

describe("--people and --team", () => {
  const review = (...extra: string[]) => altitude(["review", SAMPLE, ...AS_OF, "--period", "2026", "-o", path.join(dir, `r-${Math.random().toString(16).slice(2)}.xlsx`), ...extra]);

  it("names every person not found on one warning line and reviews the others", () => {
    const run = review("--people", "Ana López,Ghost,Nobody");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('altitude: warning: no KRAs, key results or KPIs for "Ghost", "Nobody" in 2026; reviewed the others\n');
    expect(run.stdout).toMatch(/^Wrote 1 review summary for 2026 to /);
  });

  it("exits 2 naming every one when none is found", () => {
    const run = review("--people", "Ghost,Nobody");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('altitude: no KRAs, key results or KPIs for "Ghost", "Nobody" in 2026\n');
  });

  it("reviews the people named who are in the team, and names the ones outside it", () => {
    const run = review("--people", "Ben Okafor,Mia Schmidt,Ghost", "--team", "Sales");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('altitude: warning: no KRAs, key results or KPIs for "Ghost" in 2026; "Mia Schmidt" is not in the team "Sales"; reviewed the others\n');
    expect(run.stdout).toMatch(/^Wrote 1 review summary \(of the people named, those in the team "Sales"\) for 2026 to /);
  });

  it("exits 2 naming both the person and the team when the person is not in it", () => {
    const run = review("--people", "Mia Schmidt", "--team", "Sales");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('altitude: "Mia Schmidt" is not in the team "Sales" in 2026\n');
  });

  it("names the team when it has nobody", () => {
    const run = review("--team", "Marketing");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('altitude: no KRAs, key results or KPIs for the team "Marketing" in 2026\n');
  });

  it("counts a name given twice once", () => {
    const run = review("--people", "Ghost, ghost ,Ben Okafor");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('altitude: warning: no KRAs, key results or KPIs for "Ghost" in 2026; reviewed the others\n');
  });
});
