/**
 * The preview's host: the in-memory Excel holding the sample workbook, with
 * formula cells showing what Excel would compute, wrapped so the pane hears of
 * every change, and the handle the end-to-end tests drive it by
 * (`window.__altitude`).
 */
import type { RawCell } from "../../core/model";
import { a1 } from "../../app";
import { createFakeExcel, type FakeExcel, type FakeSheetInput } from "../../hosts/excel-stand-in";
import { createExcelWorkbook } from "../../workbook/excel";
import { createExcelContractHost } from "../../workbook/excel-contract-host";
import { createExcelEditor } from "../../workbook/excel-editor";
import type { AltitudeHost } from "../app/host";
import type { ThemeName } from "../app/navigation";
import { evaluateFormula } from "./formulas";
import { watchWrites, type WatchedExcel } from "./watch";

export interface PreviewHandle {
  fake: FakeExcel;
  host: AltitudeHost;
  /** Changes a cell as a user typing in Excel would, and tells the pane. */
  edit(sheet: string, cell: string, value: string | number): Promise<void>;
  /** Adds a sheet as a user would, and tells the pane. */
  addSheet(name: string, values: Array<Array<string | number>>): Promise<void>;
  setTheme(theme: ThemeName): void;
}

declare global {
  interface Window {
    __altitude?: PreviewHandle;
  }
}

export interface PreviewHost {
  fake: FakeExcel;
  watched: WatchedExcel;
  host: AltitudeHost;
  handle: PreviewHandle;
}

/**
 * Builds the preview's Excel over the sheets given, and the pane's host over it, measuring progress at `asOf`.
 *
 * @example
 * const { fake, host, handle } = createPreviewHost([{ name: "KPIs", values: [["KPI", "Actual"], ["NPS", 47]] }], "2026-08-15");
 * await handle.edit("KPIs", "B2", 52) // fake.getSheet("KPIs")?.cell("B2").value is 52 and the pane reloads
 */
export function createPreviewHost(sheets: FakeSheetInput[], asOf: string): PreviewHost {
  // Formula cells show what Excel would compute: the ALTITUDE functions, evaluated here.
  let workbook: FakeExcel | null = null;
  const read = (sheet: string, row: number, col: number): RawCell => workbook?.getSheet(sheet)?.cell(a1(row, col)).value ?? "";
  const fake = createFakeExcel({ sheets }, { evaluate: (formula, sheet, row, col) => evaluateFormula(formula, sheet, read, a1(row, col)) });
  workbook = fake;
  const watched = watchWrites(fake);
  const editor = createExcelEditor(watched.excel);
  const paneEditor: AltitudeHost["editor"] = { ...editor, onSheetsChanged: async (listener) => watched.subscribe(listener) };
  const host: AltitudeHost = {
    port: createExcelWorkbook(watched.excel),
    editor: paneEditor,
    asOf,
    contracts: createExcelContractHost(watched.excel, { name: "the Excel stand-in", requirements: fake.Office.context.requirements, editor: paneEditor }),
  };
  const handle: PreviewHandle = {
    fake,
    host,
    edit: (sheet, cell, value) =>
      watched.excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
        await context.sync();
      }),
    addSheet: (name, values) =>
      watched.excel.run(async (context) => {
        const sheet = context.workbook.worksheets.add(name);
        if (values.length > 0) sheet.getRangeByIndexes(0, 0, values.length, values[0].length).values = values;
        await context.sync();
      }),
    setTheme: () => undefined,
  };
  return { fake, watched, host, handle };
}
