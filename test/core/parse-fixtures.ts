/** Small builders for sheets as the workbook port delivers them. */
import fc from "fast-check";
import type { RawCell, SheetData } from "../../src/core/model";
import { EXCEL_ERRORS } from "../../src/core/values";

export interface SheetOptions {
  origin?: { row: number; col: number };
  numberFormats?: string[][];
}

/** A sheet from rows of cells; short rows are padded with blanks so the rectangle is full. */
export function makeSheet(name: string, rows: RawCell[][], options: SheetOptions = {}): SheetData {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const values = rows.map((row) => [...row, ...Array<RawCell>(width - row.length).fill("")]);
  return { name, values, origin: options.origin ?? { row: 0, col: 0 }, ...(options.numberFormats ? { numberFormats: options.numberFormats } : {}) };
}

export const OKR_HEADER = ["Period", "Level", "Team", "Objective", "Key result", "Owner", "Type", "Start", "Target", "Current", "Weight"];

/** One OKR row with the columns of {@link OKR_HEADER}; unspecified cells are blank. */
export function okrRow(cells: Partial<Record<"period" | "level" | "team" | "objective" | "keyResult" | "owner" | "type" | "start" | "target" | "current" | "weight", RawCell>>): RawCell[] {
  return [
    cells.period ?? "",
    cells.level ?? "",
    cells.team ?? "",
    cells.objective ?? "",
    cells.keyResult ?? "",
    cells.owner ?? "",
    cells.type ?? "",
    cells.start ?? "",
    cells.target ?? "",
    cells.current ?? "",
    cells.weight ?? "",
  ];
}

/** An OKR sheet with the standard header in row 1 and the given rows below. */
export function makeOkrSheet(rows: RawCell[][], name = "OKRs", options: SheetOptions = {}): SheetData {
  return makeSheet(name, [OKR_HEADER, ...rows], options);
}

export const KPI_HEADER = ["KPI", "Area", "Owner", "Data source", "Frequency", "Unit", "Floor", "Target", "Ceiling", "Direction", "Period", "Actual"];
export const KRA_HEADER = ["Employee", "Role", "Manager", "Review period", "Area", "Weight (%)", "Measure", "Target", "Actual", "Rating"];
export const CHECKIN_HEADER = ["Date", "Key result", "Value", "Confidence", "Comment"];

/** A check-ins sheet with the standard header. */
export function makeCheckInSheet(rows: RawCell[][], name = "Check-ins"): SheetData {
  return makeSheet(name, [CHECKIN_HEADER, ...rows]);
}

/** A sheet with many OKR rows (objectives of four key results each), for volume tests. */
export function makeLargeOkrSheet(rowCount: number): SheetData {
  const rows: RawCell[][] = [OKR_HEADER];
  for (let i = 0; i < rowCount; i++) {
    const first = i % 4 === 0;
    rows.push([
      first ? "2026-Q3" : "",
      first ? "team" : "",
      first ? `Team ${i % 50}` : "",
      first ? `Objective ${i / 4}` : "",
      `Key result ${i}`,
      `Owner ${i % 300}`,
      "",
      i % 3,
      i % 2 === 0 ? 10 : "45%",
      "5",
      "",
    ]);
  }
  return { name: "OKRs", values: rows, origin: { row: 0, col: 0 } };
}

/** Any cell Excel or a file could deliver, including hostile ones. */
export const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: fc.constantFrom(..."0123456789.,%$€£¥kmbn-()/ ") }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(...EXCEL_ERRORS, "#n/a", "#", "n/a", "—"),
  fc.constant("9".repeat(100_000)),
);
