/**
 * The sample workbook for the browser preview: assets/altitude-sample.xlsx, the
 * same file the CLI and the docs use, read with ExcelJS's browser build and
 * turned into the in-memory host's sheets (values as Office.js returns them).
 */
import type ExcelJS from "exceljs";
import type { RawCell } from "../../core/model";
import type { FakeSheetInput } from "../../hosts/excel-stand-in";

const MS_PER_DAY = 86_400_000;
/** Excel's serial 25569 is 1970-01-01 (1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * One cell as Office.js would return it: dates as serial numbers, formulas as their cached result.
 *
 * @example
 * rawCellOf(new Date(Date.UTC(2026, 6, 1))) // 46204
 */
export function rawCellOf(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return String(value.text);
  if ("formula" in value || "sharedFormula" in value) return rawCellOf(value.result as ExcelJS.CellValue);
  return "";
}

/**
 * The visible sheets of an ExcelJS workbook as the in-memory host's input.
 *
 * @example
 * sheetsOf(workbook).map((s) => s.name) // ["OKRs", "KPIs", "KRAs", "Check-ins", "Notes"]
 */
export function sheetsOf(workbook: ExcelJS.Workbook): FakeSheetInput[] {
  return workbook.worksheets
    .filter((ws) => ws.state === "visible")
    .map((ws) => {
      const values: RawCell[][] = [];
      const numberFormats: string[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const line: RawCell[] = Array<RawCell>(ws.columnCount).fill("");
        const formats: string[] = Array<string>(ws.columnCount).fill("General");
        ws.getRow(r).eachCell((cell, c) => {
          line[c - 1] = rawCellOf(cell.value);
          formats[c - 1] = cell.numFmt || "General";
        });
        values.push(line);
        numberFormats.push(formats);
      }
      return { name: ws.name, values, numberFormats };
    });
}

/**
 * Fetches and reads the sample workbook in the browser; rejects with the HTTP status when it cannot.
 *
 * @example
 * (await loadSample("assets/altitude-sample.xlsx")).map((s) => s.name) // ["OKRs", "KPIs", "KRAs", "Check-ins", "Notes"]
 */
export async function loadSample(url: string): Promise<FakeSheetInput[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The sample workbook could not be loaded (${response.status} ${response.statusText}).`);
  const { default: ExcelJSLib } = await import("exceljs");
  const workbook = new ExcelJSLib.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return sheetsOf(workbook);
}
