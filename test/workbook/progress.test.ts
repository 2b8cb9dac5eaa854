/**
 * Long use cases report their phases and progress and can be stopped: stopped
 * before writing nothing is written; stopped while writing, the adapter removes
 * the sheets it had written (Excel through Office.js, and the .xlsx file alike).
 */
import * as path from "node:path";
import type { Progress } from "../../src/core/plan";
import { createExcelWorkbook } from "../../src/workbook/excel";
import { createFakeExcel } from "../../src/workbook/fake-excel";
import type { WorkbookPort } from "../../src/workbook/port";
import { runReviews, runRollup, type Phase } from "../../src/workbook/use-cases";
import { openXlsx } from "../../src/workbook/xlsx";

const SAMPLE = path.resolve(__dirname, "../../assets/altitude-sample.xlsx");
const AS_OF = "2026-08-15";

/** The sample in the .xlsx adapter, and the same sheets in the in-memory Excel host. */
async function ports(): Promise<Array<[string, WorkbookPort]>> {
  const xlsx = await openXlsx(SAMPLE);
  const sheets = await xlsx.readSheets();
  const fake = createFakeExcel({ sheets: sheets.map((s) => ({ name: s.name, values: s.values, numberFormats: s.numberFormats, origin: s.origin })) });
  return [
    [".xlsx file", xlsx],
    ["Excel", createExcelWorkbook(fake.Excel)],
  ];
}

describe.each(["Excel", ".xlsx file"])("progress of review summaries through the %s adapter", (adapter) => {
  let port: WorkbookPort;
  beforeEach(async () => {
    port = (await ports()).find(([name]) => name === adapter)![1];
  });

  it("reports reading, then writing with the number of sheets, then each sheet written", async () => {
    const phases: Phase[] = [];
    const progress: Progress[] = [];
    const done = await runReviews(port, { asOf: AS_OF, onPhase: (p) => phases.push(p), onProgress: (p) => progress.push(p) });
    expect(done.ok).toBe(true);
    expect(phases).toEqual([{ phase: "reading" }, { phase: "writing", sheets: 7 }]);
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(["1/7", "2/7", "3/7", "4/7", "5/7", "6/7", "7/7"]);
  });

  it("writes nothing when stopped before writing", async () => {
    const before = await port.sheetNames();
    const controller = new AbortController();
    const done = await runReviews(port, { asOf: AS_OF, signal: controller.signal, onPhase: (p) => p.phase === "reading" && controller.abort() });
    expect(done).toEqual({ ok: false, code: "cancelled", message: "Stopped before anything was written." });
    expect(await port.sheetNames()).toEqual(before);
  });

  it("removes the sheets already written when stopped between sheets", async () => {
    const before = await port.sheetNames();
    const controller = new AbortController();
    const done = await runReviews(port, { asOf: AS_OF, signal: controller.signal, onProgress: (p) => p.done === 2 && controller.abort() });
    expect(done.ok).toBe(false);
    expect(await port.sheetNames()).toEqual(before);
  });

  it("stops a rollup the same way", async () => {
    const before = await port.sheetNames();
    const controller = new AbortController();
    controller.abort();
    expect(await runRollup(port, { asOf: AS_OF, signal: controller.signal })).toMatchObject({ ok: false, code: "cancelled" });
    expect(await port.sheetNames()).toEqual(before);
  });
});
