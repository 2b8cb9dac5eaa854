/** The sample workbook as a person would keep it in Google Sheets, for the Sheets tests. */
import * as path from "node:path";
import type { SheetsValue } from "../../src/sheets/api";
import { openXlsx } from "../../src/workbook/xlsx";

/** The sample workbook as a person would have it in Sheets: dates as Date objects in the spreadsheet's zone. */
export async function sampleInSheets(timeZone = "America/New_York") {
  const xlsx = await openXlsx(path.join(__dirname, "../../assets/altitude-sample.xlsx"));
  const data = await xlsx.readSheets();
  const sheets: Record<string, SheetsValue[][]> = {};
  const formats: Record<string, string[][]> = {};
  for (const sheet of data) {
    const rows: SheetsValue[][] = [];
    const rowFormats: string[][] = [];
    sheet.values.forEach((row, r) => {
      const at = sheet.origin.row + r;
      rows[at] = [];
      rowFormats[at] = [];
      row.forEach((value, c) => {
        const format = sheet.numberFormats?.[r]?.[c] ?? "General";
        rows[at][sheet.origin.col + c] = typeof value === "number" && /y/i.test(format) ? serialAsDateIn(value, timeZone) : value;
        rowFormats[at][sheet.origin.col + c] = format;
      });
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    sheets[sheet.name] = rows.map((row) => Array.from(row, (v) => v ?? ""));
    formats[sheet.name] = rowFormats.map((row) => Array.from(row ?? [], (f) => f ?? "General"));
  }
  return { xlsx, sheets, formats };
}

/** The instant Sheets hands a script for a serial date shown in `timeZone`. */
function serialAsDateIn(serial: number, timeZone: string): Date {
  const utc = (serial - 25_569) * 86_400_000;
  const probe = new Date(utc);
  const offset = offsetMinutes(probe, timeZone);
  return new Date(utc - offset * 60_000);
}

function offsetMinutes(date: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

