"use strict";
// The baseline of the end-to-end benchmarks: a bare read of an .xlsx file with
// ExcelJS's streaming reader (every sheet, row and cell visited, nothing kept).
// Plain JavaScript, started like the CLI, so both pay the same start-up.
const ExcelJS = require("exceljs");

async function main() {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit" });
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) cells += row.cellCount;
  }
  process.stdout.write(`${cells}\n`);
}

main().catch((error) => {
  process.stderr.write(`bare-read: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
