/**
 * Round trips and request sizes of the Excel adapter, measured with the
 * recording in-memory Excel host, for one workbook size: reading the sheets,
 * converting the OKR sheet to a table, writing the rollup and writing reviews.
 * With `--naive`, also the way a simple script would do the same reads and
 * writes: one round trip per row to read, one per cell to write.
 * Prints one JSON line.
 *
 * Usage: tsx bench/excel.ts <key result rows> [--naive]
 */
import { analyse } from "../src/core/analyse";
import { checkWorkbook } from "../src/core/checks";
import type { RawCell, SheetData } from "../src/core/model";
import { parseWorkbook } from "../src/core/parse";
import { laidOut, type OutputPlan } from "../src/core/plan";
import { computeReviews } from "../src/core/review";
import { computeRollup } from "../src/core/rollup";
import { planRollup } from "../src/core/rollup-sheet";
import { planReviews } from "../src/core/review-sheets";
import { makePeriod } from "../src/core/periods";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { planTableConversion } from "../src/core/tables";
import { createExcelWorkbook } from "../src/workbook/excel";
import { createExcelEditor } from "../src/workbook/excel-editor";
import { createFakeExcel, FIVE_MB, type FakeExcel } from "../src/hosts/excel-stand-in";
import { generateWorkbook } from "./generate";
import { timedAsync } from "./measure";
import { maxOf } from "../src/core/collections";

/** One step's traffic: round trips, the largest request and response, wall time, or why it failed. */
export interface Traffic {
  roundTrips: number;
  largestRequestBytes: number;
  /** Largest response Excel accepted (a refused read is redone in chunks). */
  largestResponseBytes: number;
  /** Bytes sent and received in accepted requests: what chunking has to split. */
  bytesMoved: number;
  /** Round trips that carried cell data (over 1 KB either way): the chunk count. */
  chunks: number;
  ms: number;
  error?: string;
}

export interface ExcelResult {
  rows: number;
  read: Traffic;
  convert: Traffic;
  rollup: Traffic;
  reviews: Traffic & { people: number };
  naive?: { read: Traffic; write: Traffic };
}

const AS_OF = "2026-08-15";
/**
 * A request or response larger than this carries cell data (a chunk, the last
 * one of a sheet included), not just commands such as loading dimensions.
 */
const BULK_BYTES = 1024;
/**
 * Reviews are written for at most this many people (everyone up to 100,000 key
 * results), so the largest sizes still finish in about a minute in the in-memory
 * host; round trips and request sizes are what is measured here.
 */
const REVIEW_PEOPLE = 5_000;

async function measure(fake: FakeExcel, work: () => Promise<unknown>): Promise<Traffic> {
  fake.resetStats();
  let error: string | undefined;
  const { ms } = await timedAsync(async () => {
    try {
      await work();
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
  });
  const accepted = fake.stats.requests.filter((r) => r.responseBytes <= FIVE_MB);
  return {
    roundTrips: fake.stats.syncs,
    largestRequestBytes: fake.stats.largestRequestBytes,
    largestResponseBytes: maxOf(accepted, (r) => r.responseBytes, 0),
    bytesMoved: accepted.reduce((sum, r) => sum + r.bytes + r.responseBytes, 0),
    chunks: accepted.filter((r) => r.bytes > BULK_BYTES || r.responseBytes > BULK_BYTES).length,
    ms,
    ...(error ? { error } : {}),
  };
}

function seed(sheets: SheetData[]): FakeExcel {
  return createFakeExcel({ sheets: sheets.map((s) => ({ name: s.name, values: s.values, numberFormats: s.numberFormats })) });
}

/** Reads every sheet one row per round trip, as a loop over rows would. */
async function naiveRead(fake: FakeExcel, sheets: SheetData[]): Promise<RawCell[][]> {
  const rows: RawCell[][] = [];
  await fake.Excel.run(async (context) => {
    for (const sheet of sheets) {
      const width = sheet.values[0]?.length ?? 0;
      const worksheet = context.workbook.worksheets.getItem(sheet.name);
      for (let r = 0; r < sheet.values.length; r++) {
        const range = worksheet.getRangeByIndexes(r, 0, 1, width).load("values,numberFormat");
        // The naive way under test: one round trip per row.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        rows.push(range.values[0]);
      }
    }
  });
  return rows;
}

/** Writes every cell of a plan's blocks one per round trip onto a new sheet, as a loop over cells would. */
async function naiveWrite(fake: FakeExcel, plan: OutputPlan): Promise<void> {
  await fake.Excel.run(async (context) => {
    for (const [i, planned] of plan.sheets.entries()) {
      const worksheet = context.workbook.worksheets.add(`Naive ${i + 1}`);
      for (const block of laidOut(planned).blocks) {
        const grid: Array<Array<string | number | boolean | null>> =
          block.kind === "cells" ? block.values : block.kind === "table" ? [block.headers, ...block.rows] : [];
        if (block.kind !== "cells" && block.kind !== "table") continue;
        for (const [r, line] of grid.entries()) {
          for (const [c, value] of line.entries()) {
            worksheet.getRangeByIndexes(block.at.row + r, block.at.col + c, 1, 1).values = [[value ?? ""]];
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
          }
        }
      }
    }
  });
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2]);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`usage: excel.ts <rows> [--naive], got ${process.argv[2]}`);
  const settings = DEFAULT_SETTINGS;
  const book = generateWorkbook(rows);
  const fake = seed(book.sheets);
  const port = createExcelWorkbook(fake.Excel);

  let sheets: SheetData[] = [];
  const read = await measure(fake, async () => {
    sheets = await port.readSheets();
  });
  const parsed = parseWorkbook(sheets.length ? sheets : book.sheets, { settings });
  const analysis = analyse(parsed, settings, AS_OF);
  const findings = checkWorkbook(parsed, analysis, { settings, asOf: AS_OF });

  const okrSheet = (sheets.length ? sheets : book.sheets)[0];
  const conversion = planTableConversion(okrSheet, parsed.sheets[0], settings);
  const editor = createExcelEditor(fake.Excel);
  const convert = await measure(fake, async () => {
    if (!conversion.ok) throw new Error(conversion.message);
    await editor.convertToTable(conversion.value);
  });

  const rollupPlan = planRollup(computeRollup(analysis, findings, { period: makePeriod("quarter", 2026, 3)!, settings }));
  const rollup = await measure(fake, () => port.writeSheets(rollupPlan));

  const people = book.people <= REVIEW_PEOPLE ? undefined : Array.from(new Set(parsed.kras.map((k) => k.employee))).slice(0, REVIEW_PEOPLE);
  const reviewList = computeReviews(analysis, findings, { period: makePeriod("year", 2026, 1)!, people, settings });
  const reviewPlan = planReviews(reviewList, { period: makePeriod("year", 2026, 1)! });
  const reviews = await measure(fake, () => port.writeSheets(reviewPlan));

  const result: ExcelResult = { rows, read, convert, rollup, reviews: { ...reviews, people: reviewList.length } };
  if (process.argv.includes("--naive")) {
    const naiveFake = seed(book.sheets);
    result.naive = {
      read: await measure(naiveFake, () => naiveRead(naiveFake, book.sheets)),
      write: await measure(naiveFake, () => naiveWrite(naiveFake, rollupPlan)),
    };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`excel bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
