/**
 * The CLI reads a sheet as the arrangement saved in the workbook describes it,
 * with no flag: the same stored mapping the task pane saves.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { ScoreReport } from "../../src/cli/report";
import { STATE_SHEET } from "../../src/workbook/port";
import { encodeState } from "../../src/workbook/state-codec";
import { altitude, ensureBuilt } from "./support";

jest.setTimeout(120_000);

let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-arrangement-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A monthly plan whose name column is headed `Line`, months under a merged 2025, and the owner in a form line. */
const PLAN: Array<Array<string | number>> = [
  ["Prepared by", "Dana Reyes"],
  ["", "", "2025"],
  ["Line", "Target", "Jan", "Feb", "Mar"],
  ["Qualified leads", 400, 380, 410, ""],
  ["Demo bookings", 60, 48, 55, 63],
];

async function planWorkbook(name: string, state: string[] | null): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Plan");
  PLAN.forEach((row, r) => row.forEach((value, c) => value !== "" && (ws.getCell(r + 1, c + 1).value = value)));
  ws.mergeCells("C2:E2");
  if (state) {
    const hidden = workbook.addWorksheet(STATE_SHEET, { state: "veryHidden" });
    state.forEach((piece, i) => (hidden.getCell(i + 1, 1).value = piece));
  }
  const file = path.join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

const ARRANGED = {
  mappings: {
    Plan: {
      kind: "kpi" as const,
      headerRow: 3,
      columns: { kpi: 0, target: 1 },
      version: 2,
      arrangement: { groupRow: 2, headingRows: true, formFields: { owner: "B1" }, periodColumns: [2, 3, 4], year: null },
    },
  },
};

describe("a workbook with a saved arrangement", () => {
  it("is not read without it: the name column's header is no KPI word", async () => {
    const run = altitude(["score", await planWorkbook("plain", null), "--as-of", "2026-08-15", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^altitude: .*Plan/);
  });

  it("score --json reads one reading per month, the year from the group row and the owner from the form cell", async () => {
    const run = altitude(["score", await planWorkbook("arranged", encodeState(ARRANGED)), "--as-of", "2026-08-15", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ScoreReport;
    expect(report.problems).toEqual([]);
    expect(report.kpis.map((k) => [k.kpi, k.owner, k.period, k.actual, k.target, k.status])).toEqual([
      ["Qualified leads", "Dana Reyes", "2025-01", 380, 400, "Watch"],
      ["Qualified leads", "Dana Reyes", "2025-02", 410, 400, "On target"],
      ["Demo bookings", "Dana Reyes", "2025-01", 48, 60, "Watch"],
      ["Demo bookings", "Dana Reyes", "2025-02", 55, 60, "Watch"],
      ["Demo bookings", "Dana Reyes", "2025-03", 63, 60, "On target"],
    ]);
  });

  it("check reads the same arrangement", async () => {
    const run = altitude(["check", await planWorkbook("checked", encodeState(ARRANGED)), "--as-of", "2026-08-15", "--json"]);
    expect(run.code === 0 || run.code === 1).toBe(true);
    expect(run.stderr).toBe("");
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ sheet: string }> }).findings;
    expect(findings.every((f) => f.sheet === "Plan")).toBe(true);
  });
});
