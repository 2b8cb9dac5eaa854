/**
 * Ctrl-C while a review renders thousands of sheets: the executable's signal
 * handlers run between sheets (the writer gives the event loop a turn), so the
 * run stops at once with the shell's code instead of rendering every sheet first.
 */
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureBuilt, ROOT, writeWorkbook } from "./support";

let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-interrupt-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it.each([
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const)("%s stops a write of 100,000 sheets while it renders (exit %i)", async (signal, code) => {
  const input = path.join(dir, `book-${signal}.xlsx`);
  await writeWorkbook(input, { Data: [["label"]] });
  const lib = (module: string) => JSON.stringify(path.join(ROOT, "lib", ...module.split("/")));
  // The executable's set-up, then a plan of many sheets laid out as they are written, as a company-wide review is.
  const script = `
    const { removeTempsOnSignals } = require(${lib("cli/main.js")});
    const { openXlsx } = require(${lib("workbook/xlsx.js")});
    removeTempsOnSignals();
    const sheets = Array.from({ length: 100000 }, (_, i) => ({
      key: "p" + i,
      name: "Person " + i,
      layout: () => {
        if (i === 100) process.stdout.write("rendering\\n");
        return { key: "p" + i, name: "Person " + i, blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: [["Person " + i]] }] };
      },
    }));
    openXlsx(${JSON.stringify(input)})
      .then((book) => book.writeSheets({ sheets }))
      .then(() => process.stdout.write("rendered every sheet\\n"));
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  await new Promise<void>((resolve) => child.stdout.on("data", () => stdout.includes("rendering") && resolve()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (status) => resolve(status)));
  child.kill(signal);
  expect(await exited).toBe(code);
  expect(stdout).toBe("rendering\n");
}, 60_000);
