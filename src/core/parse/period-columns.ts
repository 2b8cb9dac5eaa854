/**
 * Period columns: a header with one column per period (`Jan … Dec`, `Q1 … Q4`,
 * `Week 1 … Week 12`) holds one reading per period on each row. On a KPI sheet
 * each filled column is a reading of its own; on a key-result sheet the latest
 * filled column is the current figure (Google-style weekly grades: the latest
 * graded week is the score).
 */
import type { RawCell } from "../model";
import { monthNumber } from "../values";

export type PeriodColumnUnit = "month" | "quarter" | "week";

/** One period column of a header: its sheet column, its label as a period word, and the year written over it. */
export interface PeriodColumn {
  /** 0-based sheet column. */
  col: number;
  unit: PeriodColumnUnit;
  /** `Jan`, `Q3`, `Week 4`: the header's words, without a year. */
  label: string;
  /** The year in the header itself (`Jan 24`) or in a group label above it, else `null`. */
  year: string | null;
}

const WEEK = /^(?:week|wk|w)\s*\.?\s*#?\s*(\d{1,2})$/i;
const QUARTER = /^q([1-4])(?:[\s'’-]*((?:19|20)?\d{2}))?$/i;
const MONTH_YEAR = /^([a-z]{3,9})\.?[\s'’-]*(\d{2}|\d{4})?$/i;
const YEAR = /\b(?:19|20)\d{2}\b/;

function fullYear(y: string | undefined): string | null {
  if (!y) return null;
  return y.length === 2 ? `20${y}` : y;
}

/**
 * Reads a header text as a period column's label, or `null` when it is not one.
 *
 * @example
 * periodLabel("Jan") // { unit: "month", label: "Jan", year: null }
 * periodLabel("Mar-25") // { unit: "month", label: "Mar", year: "2025" }
 * periodLabel("Week 3") // { unit: "week", label: "Week 3", year: null }
 * periodLabel("Q2") // { unit: "quarter", label: "Q2", year: null }
 * periodLabel("Target") // null
 */
export function periodLabel(text: string): { unit: PeriodColumnUnit; label: string; year: string | null } | null {
  const t = text.trim();
  if (t === "" || t.length > 12) return null;
  const week = WEEK.exec(t);
  if (week) {
    const n = Number(week[1]);
    return n >= 1 && n <= 53 ? { unit: "week", label: `Week ${n}`, year: null } : null;
  }
  const quarter = QUARTER.exec(t);
  if (quarter) return { unit: "quarter", label: `Q${quarter[1]}`, year: fullYear(quarter[2]) };
  const month = MONTH_YEAR.exec(t);
  if (month && monthNumber(month[1]) !== null) return { unit: "month", label: month[1], year: fullYear(month[2]) };
  return null;
}

function textOf(cell: RawCell | undefined): string {
  return typeof cell === "string" ? cell.trim() : "";
}

/** Labels of a group row carried right across merged (blank) cells. */
function carried(row: readonly RawCell[] | undefined, width: number): string[] {
  const labels: string[] = [];
  let current = "";
  for (let c = 0; c < width; c++) {
    const text = textOf(row?.[c]);
    if (text !== "") current = text;
    labels.push(current);
  }
  return labels;
}

/**
 * The period columns of a header row, at least two of one unit, left to right;
 * columns already read as fields are passed over. A year over them (a merged
 * `2024` group cell) is read from the group row when there is one.
 *
 * @example
 * findPeriodColumns(["KPI", "Target", "Jan", "Feb"], null, 0, new Set([0, 1]))
 * // [{ col: 2, unit: "month", label: "Jan", year: null }, { col: 3, unit: "month", label: "Feb", year: null }]
 */
export function findPeriodColumns(header: readonly RawCell[] | undefined, group: readonly RawCell[] | null, originCol: number, used: ReadonlySet<number>): PeriodColumn[] {
  if (!Array.isArray(header)) return [];
  const groups = group ? carried(group, header.length) : null;
  const found: PeriodColumn[] = [];
  for (let c = 0; c < header.length; c++) {
    if (used.has(originCol + c)) continue;
    const read = periodLabel(textOf(header[c]));
    if (!read) continue;
    const groupYear = groups ? (YEAR.exec(groups[c])?.[0] ?? null) : null;
    found.push({ col: originCol + c, unit: read.unit, label: read.label, year: read.year ?? groupYear });
  }
  if (found.length < 2) return [];
  // One unit per header: a stray `May` among week columns is not a period column.
  const unit = found[0].unit;
  const same = found.filter((p) => p.unit === unit);
  return same.length >= 2 ? same : [];
}

/**
 * True when a row under a header holds only period labels (`Jan … Dec` under a
 * merged `Monthly Performance` cell): the second row of a two-row header.
 *
 * @example
 * isPeriodSubHeader(["", "", "Jan", "Feb", "Mar"]) // true
 * isPeriodSubHeader(["Sales", 100, 120, 130]) // false
 */
export function isPeriodSubHeader(row: readonly RawCell[] | undefined): boolean {
  if (!Array.isArray(row)) return false;
  let periods = 0;
  for (const cell of row) {
    if (cell === "" || cell === null || cell === undefined) continue;
    if (typeof cell !== "string") return false;
    if (cell.trim() === "") continue;
    if (periodLabel(cell) === null) return false;
    periods++;
  }
  return periods >= 2;
}

/**
 * A header that is nothing but period columns with a blank cell over the name
 * column (`| Jan | Feb | …` over `Sales Revenue | 21,400 | …`): the name column is
 * the first blank-headed column left of the periods whose rows below hold text.
 * `null` when there is no such column.
 *
 * @example
 * periodOnlyHeader([["", "Jan", "Feb", "Mar"], ["Sales", 10, 12, 13]], 0, 0)
 * // { nameCol: 0, periods: [{ col: 1, unit: "month", label: "Jan", year: null }, …] }
 */
export function periodOnlyHeader(values: readonly RawCell[][], r: number, originCol: number): { nameCol: number; periods: PeriodColumn[] } | null {
  const header = values[r];
  if (!isPeriodSubHeader(header)) return null;
  const periods = findPeriodColumns(header, null, originCol, new Set());
  if (periods.length < 3) return null;
  const firstPeriod = periods[0].col - originCol;
  for (let c = 0; c < firstPeriod; c++) {
    if (textOf(header[c]) !== "") continue;
    let texts = 0;
    let numbers = 0;
    for (let below = r + 1; below < values.length && below <= r + 6; below++) {
      const cell = values[below]?.[c];
      if (typeof cell === "number") numbers++;
      else if (typeof cell === "string" && cell.trim() !== "") texts++;
    }
    if (texts > 0 && numbers === 0) return { nameCol: originCol + c, periods };
  }
  return null;
}

/**
 * The text a reading's period is parsed from: the column's label with its year
 * (`Jan 2024`, `Q3 2024`), or the label alone when no year is known yet (the
 * reader then takes the title's or the as-of year).
 *
 * @example
 * periodText({ col: 3, unit: "month", label: "Jan", year: null }, "2024") // "Jan 2024"
 * periodText({ col: 3, unit: "quarter", label: "Q2", year: "2025" }, null) // "Q2 2025"
 */
export function periodText(column: PeriodColumn, year: string | null): string {
  const y = column.year ?? year;
  return y ? `${column.label} ${y}` : column.label;
}
