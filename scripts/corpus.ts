/**
 * `npm run corpus`: reads every layout of the corpus (test/fixtures/layouts)
 * and prints, per layout, its source, kind, how many hand-worked figures came
 * out right and the first difference, then `N of M layouts read completely right`.
 * Exits 0 whatever the count: it reports; the corpus test is what fails.
 * With `--xlsx DIR` it also writes each layout as DIR/<layout>.xlsx; with
 * `--markdown` it prints the table the README shows.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { LAYOUTS } from "../test/fixtures/layouts";
import { corpusReport, markdownReport, summaryLine, type ReportRow } from "../test/fixtures/layouts/report";
import { writeLayoutXlsx } from "../test/fixtures/layouts/xlsx";

type Row = Omit<ReportRow, "url">;

async function writeAll(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (const layout of LAYOUTS) await writeLayoutXlsx(layout, path.join(dir, `${layout.id}.xlsx`));
  console.log(`${LAYOUTS.length} layouts written to ${dir}`);
}

function main(): void {
  const report = corpusReport();
  if (process.argv.includes("--markdown")) {
    console.log(markdownReport(report));
    return;
  }
  printTable(report.rows);
  console.log(summaryLine(report));
}

function printTable(rows: readonly Row[]): void {
  const headers: Row = { layout: "layout", source: "source", kind: "kind", figures: "figures", result: "expected vs read" };
  const columns = Object.keys(headers) as Array<keyof Row>;
  const limit: Record<keyof Row, number> = { layout: 44, source: 48, kind: 8, figures: 7, result: 110 };
  const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  const widths = columns.map((c) => {
    let w = headers[c].length;
    for (const row of rows) w = Math.max(w, Math.min(limit[c], row[c].length));
    return w;
  });
  const line = (row: Row) => columns.map((c, i) => cut(row[c], widths[i]).padEnd(widths[i])).join("  ").trimEnd();
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

main();
const xlsxFlag = process.argv.indexOf("--xlsx");
if (xlsxFlag >= 0) {
  const dir = process.argv[xlsxFlag + 1];
  if (!dir) {
    console.error("--xlsx needs a folder to write the layouts to");
    process.exitCode = 2;
  } else {
    writeAll(dir).catch((error: unknown) => {
      console.error(`could not write the layouts: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
  }
}
