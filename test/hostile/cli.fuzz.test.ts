/**
 * Hostile input through the CLI door: the real `node bin/altitude.js` on a
 * handful of adversarial .xlsx files. Exit codes are 0, 1 or 2 only, stderr
 * never shows a stack trace, and every reported problem names a sheet and a cell.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { altitude, ensureBuilt } from "../cli/support";
import { CONTROL, FORMULA_LIKE, LONG_TEXT, RTL_AND_UNICODE } from "./arbitraries";

type Cell = string | number | boolean | null;

const OKR_HEADERS = ["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current"];

interface Fixture {
  name: string;
  build: (workbook: ExcelJS.Workbook) => void;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string, rows: Cell[][]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name);
  rows.forEach((row, r) => row.forEach((value, c) => value !== null && (ws.getCell(r + 1, c + 1).value = value)));
  return ws;
}

const texts = [...FORMULA_LIKE, ...RTL_AND_UNICODE.filter((t) => t !== "\uD800"), ...CONTROL.filter((t) => t !== "\u0000")];

const FIXTURES: Fixture[] = [
  {
    name: "10,000-character strings",
    build: (wb) => sheetOf(wb, "OKRs", [OKR_HEADERS, ["2026-Q3", LONG_TEXT, LONG_TEXT, LONG_TEXT, LONG_TEXT, LONG_TEXT, 10, LONG_TEXT]]),
  },
  {
    name: "right-to-left, control and formula-like text everywhere",
    build: (wb) => sheetOf(wb, "OKRs", [OKR_HEADERS, ...texts.map((t, i) => ["2026-Q3", t, `${t} objective`, `${t} raise NPS from 40 to 60`, t, i % 2 ? t : 40, 60, i % 3 ? t : 50])]),
  },
  {
    name: "duplicate and empty headers",
    build: (wb) =>
      sheetOf(wb, "KPIs", [
        ["KPI", "", "Owner", "Owner", "Floor", "Target", "Target", "", "Actual", "Period"],
        ["NPS", "x", "Ana", "Ben", 40, 60, 70, "", 50, "2026-07"],
        ["", "", "", "", "n/a", "#N/A", "", "", "lots", "Q9"],
      ]),
  },
  {
    name: "3,000 columns",
    build: (wb) => {
      const headers: Cell[] = Array.from({ length: 3000 }, (_, i) => (i < OKR_HEADERS.length ? OKR_HEADERS[i] : i % 3 === 0 ? "" : `Column ${i}`));
      const row: Cell[] = headers.map((_, i) => (i < OKR_HEADERS.length ? ["2026-Q3", "Sales", "Grow", "Raise NPS from 40 to 60", "Ana", 40, 60, 50][i] : i));
      sheetOf(wb, "OKRs", [headers, row]);
    },
  },
  {
    name: "merged cells",
    build: (wb) => {
      const ws = sheetOf(wb, "OKRs", [
        OKR_HEADERS,
        ["2026-Q3", "Sales", "Win customers faster", "Cut sales cycle from 47 to 31 days", "Ben", 47, 31, 39],
        [null, null, null, "Raise win rate from 20 to 30", "Ben", 20, 30, 25],
        [null, null, null, "=HYPERLINK(\"http://x.test\")", "Sam", "", "", ""],
      ]);
      ws.mergeCells("A2:A4");
      ws.mergeCells("B2:B4");
      ws.mergeCells("C2:C4");
      ws.mergeCells("F4:H4");
    },
  },
  {
    name: "huge, tiny and non-finite-looking numbers",
    build: (wb) =>
      sheetOf(wb, "OKRs", [
        OKR_HEADERS,
        ["2026-Q3", "A", "Grow", "Raise A from 0 to 1e308", "Ana", -Number.MAX_VALUE, Number.MAX_VALUE, 0],
        ["2026-Q3", "A", "Grow", "Raise B", "Ana", Number.MIN_VALUE, 5e-324, 1e-300],
        ["2026-Q3", "A", "Grow", "Raise C", "Ana", "NaN", "Infinity", "-Infinity"],
        ["Q5 2026", "A", "Grow", "Raise D", "Ana", true, false, "1e309"],
      ]),
  },
];

const STACK = /\n\s+at .+:\d+:\d+|node:internal|TypeError|ReferenceError|RangeError/;

interface ScoreJson {
  problems: Array<{ sheet: string; cell: string; code: string; message: string }>;
}

describe("CLI door: adversarial workbooks", () => {
  let dir = "";
  const files = new Map<string, string>();

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(path.join(tmpdir(), "altitude-cli-fuzz-"));
    for (const [i, fixture] of FIXTURES.entries()) {
      const workbook = new ExcelJS.Workbook();
      fixture.build(workbook);
      const file = path.join(dir, `fixture-${i}.xlsx`);
      await workbook.xlsx.writeFile(file);
      files.set(fixture.name, file);
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FIXTURES.map((f) => f.name))("%s: every command exits 0, 1 or 2 without a stack trace", (name) => {
    const file = files.get(name)!;
    const out = path.join(dir, "out.xlsx");
    for (const args of [
      ["score", file, "--json", "--as-of", "2026-08-15"],
      ["score", file],
      ["check", file, "--json"],
      ["rollup", file, "--period", "2026-Q3", "-o", out],
      ["review", file, "--period", "2026", "-o", out],
    ]) {
      const run = altitude(args);
      expect({ args, code: [0, 1, 2].includes(run.code ?? -1) }).toEqual({ args, code: true });
      expect(run.stderr).not.toMatch(STACK);
      if (run.code === 2) expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it.each(FIXTURES.map((f) => f.name))("%s: every problem in score --json names a sheet and a cell", (name) => {
    const run = altitude(["score", files.get(name)!, "--json", "--as-of", "2026-08-15"]);
    if (run.code === 2) {
      expect(run.stderr).toMatch(/sheet|header|recognis/i);
      return;
    }
    const parsed = JSON.parse(run.stdout) as ScoreJson;
    for (const problem of parsed.problems) {
      expect(problem.sheet.length).toBeGreaterThan(0);
      expect(problem.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
    }
  });

  it("check --json locates every finding on the workbook with formula-like and right-to-left text", () => {
    const run = altitude(["check", files.get("right-to-left, control and formula-like text everywhere")!, "--json", "--as-of", "2026-08-15"]);
    expect([0, 1]).toContain(run.code);
    const body = JSON.parse(run.stdout) as { findings: Array<{ sheet: string; cell: string }> } | Array<{ sheet: string; cell: string }>;
    const findings = Array.isArray(body) ? body : body.findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect([f.sheet, f.cell]).toEqual(["OKRs", expect.stringMatching(/^[A-Z]{1,3}[1-9]\d*$/)]);
  });
});
