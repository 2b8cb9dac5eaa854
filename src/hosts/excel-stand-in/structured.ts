/**
 * Structured references, resolved the way Excel does for a formula inside a table
 * ("Using structured references with Excel tables",
 * https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e):
 * `[@Start]`, `[@[Key result]]` and `Table1[@Start]` are the named column on the
 * formula's own row; `[Rating]`, `[[Review period]]` (unqualified, inside the
 * table) and `Table1[Rating]` are the column's data rows as they are now, so
 * they follow sorting and inserted rows. The host turns them into A1 addresses
 * before asking its evaluator, which reads A1 only; outside a table, for a table
 * or column that does not exist, or `[@…]` on the header row: `#REF!`.
 */
import { a1, type Rect } from "./address";
import type { CellValue } from "./grid";
import type { SheetState, TableState, WorkbookState } from "./state";

const THIS_ROW = /([A-Za-z_\\][\w.]*)?\[@(?:\[((?:[^'\]]|'.)*)\]|([^[\]]+))\]/g;
const WHOLE_COLUMN = /([A-Za-z_\\][\w.]*)?\[(?:\[((?:[^'\]]|'.)*)\]|([^[\]@#'][^[\]]*))\]/g;

/**
 * What a formula cell reads as: structured references resolved, then the host's evaluator; `""` without one.
 *
 * @example
 * // C2 in a table whose headers A1:C1 are Start, Target, Score:
 * evaluateCell(state, sheet, 1, 2, "=[@Target]-[@Start]") // state.evaluate("=B2-A2", sheet.name, 1, 2)
 */
export function evaluateCell(workbook: WorkbookState, sheet: SheetState, row: number, col: number, formula: string): CellValue {
  if (!workbook.evaluate) return "";
  if (!formula.includes("[")) return workbook.evaluate(formula, sheet.name, row, col);
  const resolved = resolveStructured(workbook, sheet, row, col, formula);
  return resolved === null ? "#REF!" : workbook.evaluate(resolved, sheet.name, row, col);
}

/** The formula with its structured references as A1 addresses, or null when one names nothing. */
function resolveStructured(workbook: WorkbookState, sheet: SheetState, row: number, col: number, formula: string): string | null {
  const home = workbook.tables.find((t) => t.sheet === sheet && inside(t.rect, row, col)) ?? null;
  const tableFor = (name: string | undefined): TableState | null =>
    name ? (workbook.tables.find((t) => t.name.toLowerCase() === name.toLowerCase() && t.sheet === sheet) ?? null) : home;
  let missing = false;
  const column = (table: TableState | null, bracketed: string | undefined, plain: string | undefined): number => {
    const name = (bracketed ?? plain ?? "").replace(/'(.)/g, "$1").trim().toLowerCase();
    const index = table ? columnIndex(sheet, table.rect, name) : -1;
    if (index < 0) missing = true;
    return index;
  };
  const resolved = outsideText(formula, (part) =>
    part
      .replace(THIS_ROW, (_all, tableName: string | undefined, bracketed: string | undefined, plain: string | undefined) => {
        const table = tableFor(tableName);
        const index = column(table, bracketed, plain);
        if (!table || index < 0 || row <= table.rect.row || row >= table.rect.row + table.rect.rows) {
          missing = true;
          return "#REF!";
        }
        return a1(row, table.rect.col + index);
      })
      .replace(WHOLE_COLUMN, (_all, tableName: string | undefined, bracketed: string | undefined, plain: string | undefined) => {
        const table = tableFor(tableName);
        const index = column(table, bracketed, plain);
        if (!table || index < 0) return "#REF!";
        const { row: top, rows } = table.rect;
        const c = table.rect.col + index;
        return `${a1(top + 1, c)}:${a1(top + Math.max(1, rows - 1), c)}`;
      }),
  );
  return missing ? null : resolved;
}

/**
 * Rewrites the parts of a formula outside its "text literals".
 *
 * @example
 * outsideText('=A1&"A1"', (part) => part.replace("A1", "B2")) // '=B2&"A1"'
 */
export function outsideText(formula: string, rewrite: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join("");
}

function inside(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

function columnIndex(sheet: SheetState, rect: Rect, name: string): number {
  for (let c = 0; c < rect.cols; c++) {
    if (String(sheet.grid.value(rect.row, rect.col + c) ?? "").toLowerCase() === name) return c;
  }
  return -1;
}
