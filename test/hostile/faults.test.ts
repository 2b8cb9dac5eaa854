/**
 * Faults: an Excel request that fails in the middle of writing leaves no new
 * sheet behind and no user cell changed; corrupt and password-protected .xlsx
 * files give one clear line on stderr and exit code 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { OutputPlan } from "../../src/core/plan";
import { createExcelWorkbook } from "../../src/workbook/excel";
import { createFakeExcel, type FakeExcel } from "../../src/hosts/excel-stand-in";
import { WorkbookError } from "../../src/workbook/port";
import { altitude, ensureBuilt, SAMPLE } from "../cli/support";

const USER_SHEETS = [
  { name: "OKRs", values: [["Objective", "Key result", "Start", "Target", "Current"], ["Grow", "=1+1 raise NPS from 40 to 60", 40, 60, 50]] },
  { name: "Notes", values: [["Keep me"]] },
];

/** A plan of several sheets with enough content for several requests under a small payload budget. */
const PLAN: OutputPlan = {
  sheets: Array.from({ length: 4 }, (_, i) => ({
    key: `s${i}`,
    name: `Out ${i}`,
    blocks: [
      { kind: "cells" as const, at: { row: 0, col: 0 }, values: Array.from({ length: 200 }, (_, r) => [`row ${r}`, r, "x".repeat(50)]) },
      { kind: "table" as const, at: { row: 202, col: 0 }, name: `T${i}`, headers: ["A", "B"], rows: [["a", 1], ["b", 2]] },
    ],
  })),
};

function snapshot(fake: FakeExcel) {
  return {
    names: fake.sheetNames(),
    cells: USER_SHEETS.map((s) => fake.getSheet(s.name)?.values),
  };
}

describe("faults: a failing Excel request while writing", () => {
  // Every point of failure: each sync of the write in turn.
  const syncs = (() => {
    const fake = createFakeExcel({ sheets: USER_SHEETS });
    return { fake, port: createExcelWorkbook(fake.Excel, { payloadBudgetBytes: 8_000 }) };
  })();

  it("the write under test takes several round trips, so failures land mid-write", async () => {
    await syncs.port.writeSheets(PLAN);
    expect(syncs.fake.stats.syncs).toBeGreaterThan(3);
  });

  it.each([1, 2, 3, 4, 5, 6])("failing sync %i leaves no new sheet and no user cell changed", async (n) => {
    const fake = createFakeExcel({ sheets: USER_SHEETS });
    const port = createExcelWorkbook(fake.Excel, { payloadBudgetBytes: 8_000 });
    const before = snapshot(fake);
    fake.failOn({ sync: n });
    await expect(port.writeSheets(PLAN)).rejects.toBeInstanceOf(WorkbookError);
    expect(snapshot(fake)).toEqual(before);
  });

  it.each(["worksheets.add", "range.values", "tables.add"])("a failing %s operation leaves the workbook as it was", async (operation) => {
    const fake = createFakeExcel({ sheets: USER_SHEETS });
    const port = createExcelWorkbook(fake.Excel, { payloadBudgetBytes: 8_000 });
    const before = snapshot(fake);
    fake.failOn({ operation, nth: 2 });
    await expect(port.writeSheets(PLAN)).rejects.toBeInstanceOf(WorkbookError);
    expect(snapshot(fake)).toEqual(before);
  });
});

describe("faults: unusable .xlsx files", () => {
  let dir = "";
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(path.join(tmpdir(), "altitude-faults-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sample = () => readFileSync(SAMPLE);
  // An encrypted OOXML package is an OLE compound file: its signature, then anything.
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 504 }, () => 0)]);
  const files: Array<{ name: string; bytes: () => Buffer; says: RegExp }> = [
    { name: "random bytes", bytes: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), says: /xlsx|workbook|read|zip|corrupt/i },
    { name: "an empty file", bytes: () => Buffer.alloc(0), says: /xlsx|workbook|read|empty|corrupt/i },
    { name: "a truncated workbook", bytes: () => sample().subarray(0, Math.floor(sample().length / 2)), says: /xlsx|workbook|read|zip|corrupt/i },
    { name: "a workbook with flipped bytes", bytes: () => Buffer.from(sample().map((b, i) => (i > 200 && i % 97 === 0 ? b ^ 0xff : b))), says: /xlsx|workbook|read|zip|corrupt/i },
    { name: "a password-protected workbook", bytes: () => OLE, says: /password/i },
    { name: "text named .xlsx", bytes: () => Buffer.from("Objective,Key result\nGrow,Raise NPS\n"), says: /xlsx|workbook|read|zip|corrupt/i },
  ];

  it.each(files)("$name: exit 2 and one plain line on stderr for every command", ({ name, bytes, says }) => {
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(file, bytes());
    for (const args of [["score", file, "--json"], ["check", file], ["rollup", file, "--period", "2026-Q3", "-o", path.join(dir, "out.xlsx")]]) {
      const run = altitude(args);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(says);
      expect(run.stderr).not.toMatch(/\n\s+at |Error:.*\n.*node_modules/);
      expect(run.stdout).toBe("");
    }
  });
});
