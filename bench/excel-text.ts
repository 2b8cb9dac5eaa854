/**
 * The Excel adapter on a text-heavy sheet: long text in every cell makes each row
 * weigh kilobytes, so reading must split by bytes, not rows. Measured through the
 * real adapter on the recording in-memory Excel host: round trips, bytes per
 * request (average and largest) and the largest response, against Excel on the
 * web's 5 MB cap. Prints one JSON line.
 *
 * Usage: tsx bench/excel-text.ts <rows>
 */
import type { RawCell } from "../src/core/model";
import { createExcelWorkbook } from "../src/workbook/excel";
import { createFakeExcel, FIVE_MB } from "../src/hosts/excel-stand-in";
import { prng } from "./generate";
import { timedAsync } from "./measure";

export interface ExcelTextResult {
  rows: number;
  /** Characters of text in the sheet. */
  textChars: number;
  roundTrips: number;
  /** Bytes carried per round trip that carried cell data, on average. */
  averageBytesPerRequest: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  ms: number;
  /** Why the read failed, when it did. */
  error?: string;
}

const WORDS = ["objective", "reduce", "hiring", "latency", "engagement", "quarterly", "partner", "onboarding", "attrition", "survey", "Ünïcödé", "日本語"];

async function main(): Promise<void> {
  const rows = Number(process.argv[2]);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`usage: excel-text.ts <rows>, got ${process.argv[2]}`);
  const random = prng(11);
  const sentence = (words: number) => Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
  const values: RawCell[][] = [["Objective", "Key result", "Notes", "Comment"]];
  let textChars = 0;
  for (let r = 0; r < rows; r++) {
    const row = [sentence(12), sentence(20), sentence(60), sentence(30)];
    for (const cell of row) textChars += cell.length;
    values.push(row);
  }
  const fake = createFakeExcel({ sheets: [{ name: "Notes", values }] });
  fake.resetStats();
  let error: string | undefined;
  const { ms } = await timedAsync(async () => {
    try {
      await createExcelWorkbook(fake.Excel).readSheets();
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
  });
  const accepted = fake.stats.requests.filter((r) => r.responseBytes <= FIVE_MB);
  const bulk = accepted.filter((r) => r.bytes + r.responseBytes > 1024);
  let moved = 0;
  let largestResponse = 0;
  for (const r of bulk) moved += r.bytes + r.responseBytes;
  for (const r of accepted) largestResponse = Math.max(largestResponse, r.responseBytes);
  const result: ExcelTextResult = {
    rows,
    textChars,
    roundTrips: fake.stats.syncs,
    averageBytesPerRequest: bulk.length ? moved / bulk.length : 0,
    largestRequestBytes: fake.stats.largestRequestBytes,
    largestResponseBytes: largestResponse,
    ms,
    ...(error ? { error } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`excel-text bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
