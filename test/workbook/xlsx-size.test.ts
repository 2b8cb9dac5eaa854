import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { openXlsx } from "../../src/workbook/xlsx";

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-xlsx-size-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("reading large sheets", () => {
  it("reads a sheet of 150,000 non-empty cells (which once overflowed the stack)", async () => {
    const file = path.join(dir, "cells.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const ws = writer.addWorksheet("Notes");
    for (let r = 1; r <= 50_000; r++) ws.addRow([`note ${r}`, r, r / 2]).commit();
    ws.commit();
    await writer.commit();

    const [sheet] = await (await openXlsx(file)).readSheets();
    expect(sheet.origin).toEqual({ row: 0, col: 0 });
    expect(sheet.values).toHaveLength(50_000);
    expect(sheet.values[49_999]).toEqual(["note 50000", 50_000, 25_000]);
  }, 60_000);
});
