/**
 * `rollup` and `review` report progress on stderr when a person watches a terminal,
 * and stay silent into a pipe or a log; stdout is the same either way.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Io } from "../../src/cli/main";
import { altitude, ensureBuilt, SAMPLE } from "./support";

jest.setTimeout(60_000);

let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-progress-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function capture(progress: boolean): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), progress, stdout, stderr };
}

describe("progress on stderr", () => {
  it("prints the phases and each sheet of a review to a terminal", async () => {
    const io = capture(true);
    expect(await main(["review", SAMPLE, "--as-of", "2026-08-15", "-o", path.join(dir, "tty.xlsx")], io)).toBe(0);
    expect(io.stderr.join("")).toMatch(/^Reading altitude-sample\.xlsx…\nWriting 7 sheets…\n  1\/7 Reviews 2026\n(  \d\/7 .+\n){6}$/);
    expect(io.stdout.join("")).toMatch(/^Wrote 6 review summaries for 2026/);
  });

  it("prints the phases of a rollup to a terminal", async () => {
    const io = capture(true);
    expect(await main(["rollup", SAMPLE, "--as-of", "2026-08-15", "-o", path.join(dir, "rollup.xlsx")], io)).toBe(0);
    expect(io.stderr.join("")).toBe("Reading altitude-sample.xlsx…\nWriting 1 sheet…\n  1/1 Rollup 2026-Q3\n");
  });

  it("stays silent when stderr is not a terminal, with the same output", async () => {
    const io = capture(false);
    expect(await main(["review", SAMPLE, "--as-of", "2026-08-15", "-o", path.join(dir, "pipe.xlsx")], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout.join("")).toMatch(/^Wrote 6 review summaries for 2026/);
  });

  it("stays silent when the real command's stderr is a pipe", () => {
    const run = altitude(["rollup", SAMPLE, "--as-of", "2026-08-15", "-o", path.join(dir, "piped.xlsx")]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });
});
