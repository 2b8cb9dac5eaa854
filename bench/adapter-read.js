"use strict";
// Altitude's own .xlsx reader alone (lib/, as the CLI runs it): every visible
// sheet streamed into SheetData, nothing parsed. Set beside bare-read.js, it shows
// what the reader costs against ExcelJS's streaming reader on the same file.
const { openXlsx } = require("../lib/workbook/xlsx.js");

async function main() {
  const book = await openXlsx(process.argv[2]);
  let cells = 0;
  for (const sheet of await book.readSheets()) for (const row of sheet.values) cells += row.length;
  process.stdout.write(`${cells}\n`);
}

main().catch((error) => {
  process.stderr.write(`adapter-read: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
