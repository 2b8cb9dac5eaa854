/**
 * Generated .xlsx workbooks for the end-to-end benchmarks: the workbook of
 * `generate.ts` written to a file with ExcelJS's streaming writer (so a million
 * rows never sit in memory as a model), cached in the system's temporary folder
 * across runs. The file name carries the generator's version, so a change to the
 * generator makes new files.
 *
 * Usage: tsx bench/xlsx-files.ts <keyResults>  (prints the file's path)
 */
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { generateWorkbook } from "./generate";

const VERSION = 1;

/** Where the benchmark workbook of `keyResults` key results is kept. */
export function benchFile(keyResults: number): string {
  return path.join(os.tmpdir(), "altitude-bench", `goals-v${VERSION}-${keyResults}.xlsx`);
}

/**
 * The benchmark workbook of `keyResults` key results, written once and reused.
 *
 * @example
 * const file = await ensureBenchFile(100_000); // /tmp/altitude-bench/goals-v1-100000.xlsx
 */
export async function ensureBenchFile(keyResults: number): Promise<string> {
  const file = benchFile(keyResults);
  if (existsSync(file)) return file;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const book = generateWorkbook(keyResults);
  const temp = `${file}.${process.pid}.tmp`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: true, useStyles: true });
  for (const sheet of book.sheets) {
    const ws = writer.addWorksheet(sheet.name);
    sheet.values.forEach((values, r) => {
      const row = ws.addRow(values.map((v) => (v === "" ? null : v)));
      const formats = sheet.numberFormats?.[r];
      formats?.forEach((format, c) => {
        if (format !== "General") row.getCell(c + 1).numFmt = format;
      });
      row.commit();
    });
    ws.commit();
  }
  await writer.commit();
  await fs.rename(temp, file);
  return file;
}

if (require.main === module) {
  ensureBenchFile(Number(process.argv[2]))
    .then((file) => process.stdout.write(`${file}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`xlsx-files: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
