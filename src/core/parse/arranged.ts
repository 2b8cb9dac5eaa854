/**
 * Reading a sheet as its saved arrangement describes it (see `../arrangement`):
 * the header's rows, period columns with their labels and year, form cells as
 * context, and rows that repeat the header between sections. The reader takes
 * these where recognition would otherwise guess.
 */
import { parseA1 } from "../address";
import type { ColumnMapping, RawCell, SheetArrangement } from "../model";
import { periodLabel, type PeriodColumn } from "./period-columns";

/** A piece of context: its text and the cell it came from (0-based index into `values`, sheet column). */
interface ContextCell {
  text: string;
  row: number;
  col: number;
}

function textOf(cell: RawCell | undefined): string {
  return typeof cell === "string" ? cell.trim() : typeof cell === "number" && Number.isFinite(cell) ? String(cell) : "";
}

const YEAR = /\b(?:19|20)\d{2}\b/;

/**
 * The period columns an arrangement names, labelled from the header row: a
 * period word (`Jan`, `Q2`, `Week 3`) keeps its own year, else the
 * arrangement's year, else the year over it in the group row.
 *
 * @example
 * arrangedPeriods([["", "2025", ""], ["KPI", "Jan", "Feb"]], 1, 0, 0, { ...plainArrangement(), groupRow: 1, periodColumns: [1, 2] })
 * // [{ col: 1, unit: "month", label: "Jan", year: "2025" }, { col: 2, unit: "month", label: "Feb", year: "2025" }]
 */
export function arrangedPeriods(values: readonly RawCell[][], header: number, group: number | null, originCol: number, arrangement: SheetArrangement): PeriodColumn[] {
  const row = values[header];
  const groupRow = group === null ? undefined : values[group];
  const columns: PeriodColumn[] = [];
  // The group label over a column is the nearest filled one at or left of it (a merged cell).
  const groupAt = (c: number): string => {
    for (let i = c; i >= 0; i--) {
      const text = textOf(groupRow?.[i]);
      if (text !== "") return text;
    }
    return "";
  };
  for (const col of arrangement.periodColumns) {
    const c = col - originCol;
    const text = textOf(row?.[c]);
    const read = periodLabel(text);
    const groupYear = YEAR.exec(groupAt(c))?.[0] ?? null;
    const year = read?.year ?? (arrangement.year !== null ? String(arrangement.year) : groupYear);
    columns.push({ col, unit: read?.unit ?? "month", label: read?.label ?? text, year });
  }
  return columns;
}

/**
 * The value of a form cell: the part after its label when the cell holds both
 * (`Employee Name: Ravi Kumar` → `Ravi Kumar`), else the whole text.
 *
 * @example
 * formValue("Period: FY 2026") // "FY 2026"
 * formValue("Ravi Kumar") // "Ravi Kumar"
 */
export function formValue(text: string): string {
  const pair = /^[^:：]{1,40}[:：]\s*(.+)$/.exec(text);
  return pair ? pair[1].trim() : text;
}

/**
 * Fills context from the form cells an arrangement names (`Employee` from `B3`),
 * over what was found above the table; a blank cell fills nothing. A period
 * holding a year also gives the year of months written without one.
 *
 * @example
 * const context = {};
 * arrangedContext(context, [["Name", "Ravi Kumar"]], 0, 0, { ...plainArrangement(), formFields: { employee: "B1" } });
 * context.employee // { text: "Ravi Kumar", row: 0, col: 1 }
 */
export function arrangedContext(
  context: Record<string, ContextCell>,
  values: readonly RawCell[][],
  originRow: number,
  originCol: number,
  arrangement: SheetArrangement,
): void {
  for (const [field, address] of Object.entries(arrangement.formFields)) {
    const cell = parseA1(address);
    if (!cell) continue;
    const row = cell.row - originRow;
    const text = formValue(textOf(values[row]?.[cell.col - originCol]));
    if (text === "") continue;
    context[field] = { text, row, col: cell.col };
    if (field === "period" && YEAR.test(text)) context.year = { text, row, col: cell.col };
  }
  if (arrangement.year !== null) context.year = { text: String(arrangement.year), row: 0, col: originCol };
}

/**
 * The header texts of a mapping's columns, to know the header again where a
 * section repeats it further down (`null` when fewer than two columns have text).
 *
 * @example
 * headerSignature(["Key result", "Target"], { keyResult: 0, target: 1 }, 0) // Map { 0 => "key result", 1 => "target" }
 */
export function headerSignature(row: readonly RawCell[] | undefined, columns: ColumnMapping["columns"], originCol: number): ReadonlyMap<number, string> | null {
  const signature = new Map<number, string>();
  for (const col of Object.values(columns)) {
    const text = textOf(row?.[col - originCol]).toLowerCase();
    if (text !== "") signature.set(col - originCol, text);
  }
  return signature.size >= 2 ? signature : null;
}

/**
 * True when a row repeats the header: every mapped column with a header text holds that text again.
 *
 * @example
 * repeatsHeader(["Key result", "Target"], new Map([[0, "key result"], [1, "target"]])) // true
 */
export function repeatsHeader(row: readonly RawCell[] | undefined, signature: ReadonlyMap<number, string>): boolean {
  for (const [c, text] of signature) if (textOf(row?.[c]).toLowerCase() !== text) return false;
  return true;
}
