/**
 * What a test or the browser preview's grid sees of a sheet, read straight
 * from the host's state: no request, no round trip counted.
 */
import { a1, columnLetter, parseRange, rangeAddress, type Rect } from "./address";
import type { CellValue } from "./grid";
import { evaluateCell } from "./structured";
import type { ChartState, ConditionalFormatState, HyperlinkState, SheetState, StyleRecord, ValidationState, Visibility, WorkbookState } from "./state";

/** What a test can see of one sheet, read straight from the host (no requests, no stats). */
export interface FakeSheetView {
  name: string;
  visibility: Visibility;
  position: number;
  tabColor: string;
  freeze: { rows: number; cols: number };
  /** Used range (values and formulas), or null on a blank sheet. */
  used: Rect | null;
  /** Values from A1 to the bottom-right of the used range; formula cells read as they evaluate. */
  values: CellValue[][];
  cell(address: string): { value: CellValue; formula: string | null; numberFormat: string; hyperlink: HyperlinkState | null; prefixed: boolean };
  /** Merged areas, as addresses such as `A2:A4`. */
  merges: string[];
  /** Values, formulas and number formats of a range such as `A1:C3`. */
  range(address: string): { values: CellValue[][]; formulas: Array<Array<string | null>>; numberFormats: string[][] };
  tables: Array<{ name: string; address: string; style: string; showBandedRows: boolean; headers: CellValue[] }>;
  charts: ChartState[];
  conditionalFormats: ConditionalFormatState[];
  validations: ValidationState[];
  hyperlinks: Record<string, HyperlinkState>;
  styles: StyleRecord[];
  /** Points, by column letter. */
  columnWidths: Record<string, number>;
}

/**
 * What a test or the preview sees of one sheet of the host's state.
 *
 * @example
 * sheetView(state, findSheet(state, "KPIs")!).cell("B2").value // 47
 */
export function sheetView(state: WorkbookState, sheet: SheetState): FakeSheetView {
  const read = (row: number, col: number): CellValue => {
    const formula = sheet.grid.formula(row, col);
    if (formula !== undefined) return evaluateCell(state, sheet, row, col, formula);
    return sheet.grid.value(row, col) ?? "";
  };
  const matrix = <T>(rect: Rect, cell: (row: number, col: number) => T): T[][] =>
    Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (__, c) => cell(rect.row + r, rect.col + c)));
  const rectOf = (address: string): Rect => {
    const rect = parseRange(address);
    if (!rect) throw new Error(`Bad address ${address}`);
    return rect;
  };
  const used = sheet.grid.usedRect(true);
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    position: state.sheets.indexOf(sheet),
    tabColor: sheet.tabColor,
    freeze: { ...sheet.freeze },
    used,
    get values() {
      return used ? matrix({ row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols }, read) : [];
    },
    cell: (address) => {
      const { row, col } = rectOf(address);
      return {
        value: read(row, col),
        formula: sheet.grid.formula(row, col) ?? null,
        numberFormat: sheet.grid.format(row, col),
        hyperlink: sheet.hyperlinks.get(a1(row, col)) ?? null,
        prefixed: sheet.grid.prefixed(row, col),
      };
    },
    range: (address) => {
      const rect = rectOf(address);
      return {
        values: matrix(rect, read),
        formulas: matrix(rect, (row, col) => sheet.grid.formula(row, col) ?? null),
        numberFormats: matrix(rect, (row, col) => sheet.grid.format(row, col)),
      };
    },
    tables: state.tables
      .filter((table) => table.sheet === sheet)
      .map((table) => ({
        name: table.name,
        address: rangeAddress(sheet.name, table.rect),
        style: table.style,
        showBandedRows: table.showBandedRows,
        headers: matrix({ ...table.rect, rows: 1 }, read)[0],
      })),
    merges: sheet.merges.map((rect) => rangeAddress(sheet.name, rect).split("!")[1]),
    charts: sheet.charts.map((chart) => ({ ...chart })),
    conditionalFormats: sheet.conditionalFormats.map((format) => ({ ...format })),
    validations: sheet.validations.map((validation) => ({ ...validation })),
    hyperlinks: Object.fromEntries(sheet.hyperlinks),
    styles: [...sheet.styles],
    columnWidths: Object.fromEntries(Array.from(sheet.columnWidths, ([col, width]) => [columnLetter(col), width])),
  };
}
