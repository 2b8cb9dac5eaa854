/**
 * Structured references to a table's own row (`[@Start]`, `[@[Key result]]`,
 * `Table1[@Start]`), resolved the way Excel does for a formula inside a table:
 * the named column, on the formula's own row ("Using structured references
 * with Excel tables", https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e).
 * The host turns them into A1 addresses before asking its evaluator, which
 * reads A1 only; outside a table, or for a column the table lacks, `#REF!`.
 */
import { a1, type Rect } from "./address";
import type { CellValue } from "./grid";
import type { SheetState, WorkbookState } from "./state";

const THIS_ROW = /(?:[A-Za-z_\\][\w.]*)?\[@(?:\[((?:[^'\]]|'.)*)\]|([^[\]]+))\]/g;

/** What a formula cell reads as: structured references resolved, then the host's evaluator; `""` without one. */
export function evaluateCell(workbook: WorkbookState, sheet: SheetState, row: number, col: number, formula: string): CellValue {
  if (!workbook.evaluate) return "";
  if (!formula.includes("[@")) return workbook.evaluate(formula, sheet.name, row, col);
  const table = workbook.tables.find((t) => t.sheet === sheet && inside(t.rect, row, col));
  let missing = false;
  const resolved = formula.replace(THIS_ROW, (_all, bracketed: string | undefined, plain: string | undefined) => {
    const name = (bracketed ?? plain ?? "").replace(/'(.)/g, "$1").trim().toLowerCase();
    const index = table ? columnIndex(sheet, table.rect, name) : -1;
    if (!table || index < 0 || row === table.rect.row) {
      missing = true;
      return "#REF!";
    }
    return a1(row, table.rect.col + index);
  });
  return missing ? "#REF!" : workbook.evaluate(resolved, sheet.name, row, col);
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
