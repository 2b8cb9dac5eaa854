/**
 * A goal workbook of any number of key result rows, written straight to an .xlsx
 * file by ExcelJS's streaming writer (no whole workbook in memory), for the tests
 * that run every door at company size. Few people and two teams, so the review
 * output stays small while the rows are many; every other key result has no owner,
 * so `check` reports one finding per such row.
 */
import ExcelJS from "exceljs";

export const BIG_TEAMS = ["Sales", "People"] as const;
export const BIG_PEOPLE = ["Ana López", "Ben Okafor", "Chloé Martin", "Dev Patel"] as const;

/**
 * Writes `rows` key results (quarters of 2026) plus a KRA sheet for the people.
 *
 * @example
 * await writeBigWorkbook("/tmp/big.xlsx", 300_000);
 */
export async function writeBigWorkbook(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const okrs = workbook.addWorksheet("OKRs");
  okrs.addRow(["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current", "Weight"]).commit();
  for (let i = 0; i < rows; i++) {
    const person = Math.floor(i / 2) % BIG_PEOPLE.length;
    okrs
      .addRow([
        `2026-Q${1 + (Math.floor(i / 4) % 4)}`,
        BIG_TEAMS[person % BIG_TEAMS.length],
        i % 4 === 0 ? `Objective ${Math.floor(i / 4) + 1}` : "",
        `Raise metric ${i + 1} from 10 to 20`,
        i % 2 === 0 ? BIG_PEOPLE[person] : "",
        10,
        20,
        10 + (i % 11),
        1 + (i % 3),
      ])
      .commit();
  }
  okrs.commit();
  const kras = workbook.addWorksheet("KRAs");
  kras.addRow(["Employee", "Role", "Review period", "Area", "Weight (%)", "Rating"]).commit();
  for (const person of BIG_PEOPLE) {
    kras.addRow([person, "Analyst", 2026, "Delivery", 60, 4]).commit();
    kras.addRow([person, "Analyst", 2026, "Team health", 40, 3]).commit();
  }
  kras.commit();
  await workbook.commit();
}
