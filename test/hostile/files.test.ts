/**
 * Files treated with care: `-o` never replaces an existing file without --force,
 * never writes through a device, pipe or socket (even as root, even with
 * --force), never replaces a read-only file; temporary files are removed on
 * SIGINT/SIGTERM, and stale ones left by killed runs are cleaned by the next run.
 */
import { spawn, spawnSync } from "node:child_process";
import { promises as fs, statSync } from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { checkOutput, claimTemp, releaseTemp, removeStaleTemps, STALE_AFTER_MS } from "../../src/workbook/output-file";
import { altitude, ensureBuilt, ROOT, SAMPLE, sha256 } from "../cli/support";

jest.setTimeout(120_000);

const AS_OF = ["--as-of", "2026-08-15"];
let dir: string;

beforeAll(() => ensureBuilt());

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-files-"));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const rollupTo = (out: string, ...extra: string[]) => altitude(["rollup", SAMPLE, "--period", "2026-Q3", ...AS_OF, "-o", out, ...extra]);

function expectOneLine(run: { code: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

describe("-o onto an existing file", () => {
  it("refuses it without --force and leaves it as it was", async () => {
    const out = path.join(dir, "out.xlsx");
    await fs.writeFile(out, "the user's own file");
    expectOneLine(rollupTo(out), /^altitude: ".*out\.xlsx" already exists; add --force to replace it$/m);
    expect(await fs.readFile(out, "utf8")).toBe("the user's own file");
  });

  it("replaces a writable regular file with --force", async () => {
    const out = path.join(dir, "out.xlsx");
    await fs.writeFile(out, "old");
    const run = rollupTo(out, "--force");
    expect(run.code).toBe(0);
    expect((await fs.readFile(out)).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("refuses a read-only file even with --force (root could write it, but it was made read-only)", async () => {
    const out = path.join(dir, "locked.xlsx");
    await fs.writeFile(out, "keep me");
    await fs.chmod(out, 0o444);
    expectOneLine(rollupTo(out, "--force"), /will not replace ".*locked\.xlsx": it is read-only/);
    expect(await fs.readFile(out, "utf8")).toBe("keep me");
  });

  it("refuses the default output beside the input when it exists", async () => {
    const input = path.join(dir, "goals.xlsx");
    await fs.copyFile(SAMPLE, input);
    const first = altitude(["rollup", input, "--period", "2026-Q3", ...AS_OF]);
    expect(first.code).toBe(0);
    const written = path.join(dir, "goals-rollup-2026-Q3.xlsx");
    const before = sha256(written);
    expectOneLine(altitude(["rollup", input, "--period", "2026-Q3", ...AS_OF]), /already exists; add --force/);
    expect(sha256(written)).toBe(before);
  });
});

describe("-o onto something that is not a regular file", () => {
  it.each([
    ["/dev/null (a device)", async () => "/dev/null", /it is a device, not a regular file/],
    [
      "a named pipe",
      async () => {
        const fifo = path.join(dir, "pipe.xlsx");
        expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
        return fifo;
      },
      /it is a named pipe, not a regular file/,
    ],
    [
      "a socket",
      async () => {
        const socket = path.join(dir, "sock.xlsx");
        const server = net.createServer();
        await new Promise<void>((resolve) => server.listen(socket, resolve));
        // Closing the server removes the socket file; keep it open for the run and close in the test.
        sockets.push(server);
        return socket;
      },
      /it is a socket, not a regular file/,
    ],
    [
      "a folder",
      async () => {
        const folder = path.join(dir, "folder.xlsx");
        await fs.mkdir(folder);
        return folder;
      },
      /it is a folder/,
    ],
  ])("refuses %s even with --force", async (_name, make, pattern) => {
    const target = await make();
    const kindBefore = statSync(target).mode & 0o170000;
    expectOneLine(rollupTo(target, "--force"), pattern);
    expect(statSync(target).mode & 0o170000).toBe(kindBefore);
    for (const server of sockets.splice(0)) server.close();
  });
});
const sockets: net.Server[] = [];

describe("checkOutput", () => {
  it("allows a path that does not exist yet", async () => {
    await expect(checkOutput(path.join(dir, "new.xlsx"))).resolves.toBeUndefined();
  });

  it.each([
    ["an existing file without force", false, "Exists"],
    ["a read-only file with force", true, "ReadOnly"],
  ])("refuses %s", async (_name, force, code) => {
    const file = path.join(dir, "x.xlsx");
    await fs.writeFile(file, "x");
    if (code === "ReadOnly") await fs.chmod(file, 0o400);
    await expect(checkOutput(file, { force })).rejects.toMatchObject({ code });
  });
});

describe("temporary files", () => {
  const target = () => path.join(dir, "out.xlsx");

  it("removes stale ones beside the output and keeps fresh ones of running processes", async () => {
    // pid_max is at most 4,194,304 on Linux, so this PID belongs to no process.
    const orphan = `.out.xlsx.4194309.a1b2c3d4e5f6.tmp`;
    const running = `.out.xlsx.${process.pid}.0a0b0c0d0e0f.tmp`;
    const oldNoPid = `.out.xlsx.abcdef012345.tmp`;
    const freshNoPid = `.out.xlsx.123456abcdef.tmp`;
    const otherName = `.other.xlsx.4194309.a1b2c3d4e5f6.tmp`;
    for (const name of [orphan, running, oldNoPid, freshNoPid, otherName]) await fs.writeFile(path.join(dir, name), "partial");
    const twoHoursAgo = new Date(Date.now() - 2 * STALE_AFTER_MS);
    await fs.utimes(path.join(dir, oldNoPid), twoHoursAgo, twoHoursAgo);
    const removed = await removeStaleTemps(target());
    expect(removed.sort()).toEqual([oldNoPid, orphan].sort());
    expect((await fs.readdir(dir)).sort()).toEqual([freshNoPid, otherName, running].sort());
  });

  it("treats one of a live process as stale after an hour", async () => {
    const name = `.out.xlsx.${process.pid}.0a0b0c0d0e0f.tmp`;
    await fs.writeFile(path.join(dir, name), "partial");
    expect(await removeStaleTemps(target(), Date.now() + STALE_AFTER_MS + 1000)).toEqual([name]);
  });

  it("never removes this run's own temporary file", async () => {
    const temp = claimTemp(target());
    await fs.writeFile(temp, "writing");
    expect(await removeStaleTemps(target(), Date.now() + 10 * STALE_AFTER_MS)).toEqual([]);
    releaseTemp(temp);
  });

  it("cleans beside many outputs of one folder with one listing of it", async () => {
    const targets = Array.from({ length: 40 }, (_, i) => path.join(dir, `team-${i}.xlsx`));
    const orphans = [`.team-3.xlsx.4194309.a1b2c3d4e5f6.tmp`, `.team-39.xlsx.4194309.0f0f0f0f0f0f.tmp`];
    const kept = [`.team-3.xlsx.${process.pid}.0a0b0c0d0e0f.tmp`, `.team-400.xlsx.4194309.a1b2c3d4e5f6.tmp`, "team-5.xlsx"];
    for (const name of [...orphans, ...kept]) await fs.writeFile(path.join(dir, name), "partial");
    const listing = jest.spyOn(fs, "readdir");
    try {
      expect((await removeStaleTemps(targets)).sort()).toEqual(orphans.sort());
      // One listing for the folder: a listing per output grew with outputs × files in the folder.
      expect(listing).toHaveBeenCalledTimes(1);
    } finally {
      listing.mockRestore();
    }
    expect((await fs.readdir(dir)).sort()).toEqual(kept.sort());
  });

  it.each([
    ["a name with a dotted number", "goals.2026.xlsx", ".goals.2026.xlsx.4194309.abc123.tmp", true],
    ["the older form without a PID", "goals.xlsx", ".goals.xlsx.abcdef012345.tmp", true],
    ["another output's file", "goals.xlsx", ".goals-2.xlsx.4194309.abc123.tmp", false],
    ["a random part that is not hexadecimal", "goals.xlsx", ".goals.xlsx.4194309.xyz.tmp", false],
    ["no leading dot", "goals.xlsx", "goals.xlsx.4194309.abc123.tmp", false],
  ])("tells a stale temporary file by its name: %s", async (_name, output, entry, stale) => {
    await fs.writeFile(path.join(dir, entry), "partial");
    const old = new Date(Date.now() - 2 * STALE_AFTER_MS);
    await fs.utimes(path.join(dir, entry), old, old);
    expect(await removeStaleTemps(path.join(dir, output))).toEqual(stale ? [entry] : []);
  });

  it("the CLI cleans stale ones left by a killed run and says so on stderr", async () => {
    const out = target();
    const orphan = `.out.xlsx.4194309.a1b2c3d4e5f6.tmp`;
    await fs.writeFile(path.join(dir, orphan), "half a workbook");
    const run = rollupTo(out);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`altitude: removed 1 unfinished file left by an interrupted run (${orphan})\n`);
    expect(await fs.readdir(dir)).toEqual(["out.xlsx"]);
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("are removed when the run is stopped by %s (exit %i)", async (signal, code) => {
    // The process as the executable sets it up, holding a temporary file it has not renamed yet.
    const script = `
      const { removeTempsOnSignals } = require(${JSON.stringify(path.join(ROOT, "lib", "cli", "main.js"))});
      const { claimTemp } = require(${JSON.stringify(path.join(ROOT, "lib", "workbook", "output-file.js"))});
      removeTempsOnSignals();
      require("node:fs").writeFileSync(claimTemp(${JSON.stringify(target())}), "half a workbook");
      process.stdout.write("ready\\n");
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (status) => resolve(status)));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
