/**
 * The range proxy of the in-memory host: load/sync of values, formulas,
 * number formats and links, and the input rules Excel applies to what is
 * written through `Range.values` (see `writeCells`).
 */
import type { ExcelHyperlink, ExcelRange } from "../../workbook/excel-api";
import { a1, MAX_COLS, overlaps, rangeAddress, type Rect } from "./address";
import { type FakeRequestContext, loaded, propertyNames } from "./context";
import { officeError } from "./errors";
import { FakeConditionalFormatCollection, FakeDataValidation, FakeRangeFormat } from "./formats";
import type { CellValue } from "./grid";
import { readTyped } from "./input";
import { evaluateCell } from "./structured";
import { raise, type SheetHandle, type SheetState, type WorkbookState } from "./state";

interface RangeProps {
  address: string;
  rowCount: number;
  columnCount: number;
  rowIndex: number;
  columnIndex: number;
  values: CellValue[][];
  numberFormat: string[][];
  formulas: string[][];
  text: string[][];
  hyperlink: ExcelHyperlink;
  isNullObject: boolean;
}

const RANGE_PROPS = ["address", "rowCount", "columnCount", "rowIndex", "columnIndex", "values", "numberFormat", "formulas", "text", "hyperlink"] as const;
type RangeProp = (typeof RANGE_PROPS)[number];

export class FakeRange implements ExcelRange {
  private cache: Partial<RangeProps> = {};
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(
    readonly sheet: SheetHandle,
    private readonly locate: (sheet: SheetState) => Rect | null,
    private readonly nullable = false,
  ) {
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = new FakeConditionalFormatCollection(this);
    this.dataValidation = new FakeDataValidation(this);
  }

  get context(): FakeRequestContext {
    return this.sheet.context;
  }

  /** The sheet and rectangle now, or null for a null object. */
  area(): { sheet: SheetState; rect: Rect } | null {
    const sheet = this.sheet.state();
    const rect = this.locate(sheet);
    if (!rect && !this.nullable) throw officeError("ItemNotFound", "The range does not exist.");
    return rect ? { sheet, rect } : null;
  }

  /** The area, for an operation that needs the range to exist. */
  target(): { sheet: SheetState; rect: Rect } {
    const area = this.area();
    if (!area) throw officeError("ItemNotFound", "The range is a null object.");
    return area;
  }

  /** Queues an operation on this range. */
  queue(kind: string, payload: unknown, apply: (sheet: SheetState, rect: Rect) => void): void {
    this.context.enqueue({
      kind,
      payload,
      apply: () => {
        const { sheet, rect } = this.target();
        apply(sheet, rect);
      },
    });
  }

  get address(): string {
    return loaded(this.cache, "address", "Range");
  }
  get rowCount(): number {
    return loaded(this.cache, "rowCount", "Range");
  }
  get columnCount(): number {
    return loaded(this.cache, "columnCount", "Range");
  }
  get rowIndex(): number {
    return loaded(this.cache, "rowIndex", "Range");
  }
  get columnIndex(): number {
    return loaded(this.cache, "columnIndex", "Range");
  }
  get isNullObject(): boolean {
    return loaded(this.cache, "isNullObject", "Range");
  }
  get text(): string[][] {
    return loaded(this.cache, "text", "Range");
  }

  get values(): CellValue[][] {
    return loaded(this.cache, "values", "Range");
  }
  set values(values: Array<Array<CellValue | null>>) {
    delete this.cache.values;
    this.queue("range.values", values, (sheet, rect) => {
      writeCells(sheet, rect, values);
      raise(this.sheet.workbook, "onChanged", { worksheetId: sheet.id, address: rangeAddress(sheet.name, rect).split("!")[1] });
    });
  }

  get formulas(): string[][] {
    return loaded(this.cache, "formulas", "Range");
  }
  set formulas(formulas: string[][]) {
    this.cache.formulas = formulas;
    this.queue("range.formulas", formulas, (sheet, rect) => writeCells(sheet, rect, formulas));
  }

  get numberFormat(): string[][] {
    return loaded(this.cache, "numberFormat", "Range");
  }
  set numberFormat(formats: Array<Array<string | null>>) {
    delete this.cache.numberFormat;
    this.queue("range.numberFormat", formats, (sheet, rect) => {
      checkShape(rect, formats);
      forEachCell(rect, formats, (row, col, format) => {
        if (format !== null && format !== undefined) sheet.grid.setFormat(row, col, String(format));
      });
    });
  }

  get hyperlink(): ExcelHyperlink {
    return loaded(this.cache, "hyperlink", "Range");
  }
  set hyperlink(link: ExcelHyperlink) {
    this.cache.hyperlink = link;
    this.queue("range.hyperlink", link, (sheet, rect) => {
      if (!link.address && !link.documentReference) throw officeError("InvalidArgument", "A hyperlink needs an address or a document reference.");
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        for (let c = rect.col; c < rect.col + rect.cols; c++) {
          sheet.hyperlinks.set(a1(r, c), { ...link });
          // Excel shows the link text as the cell's value, always as text.
          if (link.textToDisplay !== undefined) sheet.grid.setValue(r, c, link.textToDisplay);
        }
      }
    });
  }

  load(names?: string | string[]): FakeRange {
    const wanted = propertyNames(names);
    this.context.enqueue({
      kind: "load",
      payload: names ?? null,
      apply: () => {
        const area = this.area();
        if (!area) return { response: { isNullObject: true }, commit: () => (this.cache = { isNullObject: true }) };
        const response = rangeSnapshot(this.sheet.workbook, area.sheet, area.rect, wanted.length === 0 ? [...RANGE_PROPS] : wanted);
        return { response, commit: () => Object.assign(this.cache, response) };
      },
    });
    return this;
  }

  select(): void {
    this.queue("range.select", null, (sheet, rect) => {
      if (sheet.visibility !== "Visible") throw officeError("InvalidOperation", "A hidden sheet cannot be selected.");
      this.sheet.workbook.active = sheet;
      this.sheet.workbook.selection = { sheet: sheet.name, address: rangeAddress(sheet.name, rect) };
    });
  }

  /**
   * Merges the range's cells into one (or each row into one with `across`), keeping the
   * top-left value, as Excel's Range.merge does (ExcelApi 1.2,
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)).
   */
  merge(across = false): void {
    this.queue("range.merge", across, (sheet, rect) => {
      const areas = across ? Array.from({ length: rect.rows }, (_, r) => ({ ...rect, row: rect.row + r, rows: 1 })) : [rect];
      for (const area of areas) {
        if (area.rows * area.cols < 2) continue;
        sheet.merges = sheet.merges.filter((merged) => !overlaps(merged, area));
        for (let r = area.row; r < area.row + area.rows; r++) {
          for (let c = area.col; c < area.col + area.cols; c++) if (r !== area.row || c !== area.col) sheet.grid.setValue(r, c, undefined);
        }
        sheet.merges.push(area);
      }
    });
  }

  /**
   * The merged areas in the range, or a null object when there are none (ExcelApi 1.13).
   * Only areas whose top-left cell lies in the range are found, as Excel does
   * (https://github.com/OfficeDev/office-js/issues/3611).
   */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    return new FakeMergedAreas(this.context, () => {
      const { sheet, rect } = this.target();
      const found = sheet.merges.filter((merged) => overlaps({ ...merged, rows: 1, cols: 1 }, rect));
      return { sheet, found };
    });
  }

  /** The whole rows the range spans (Range.getEntireRow, ExcelApi 1.1). */
  getEntireRow(): FakeRange {
    return new FakeRange(this.sheet, (sheet) => {
      const rect = this.locate(sheet);
      return rect ? { row: rect.row, col: 0, rows: rect.rows, cols: MAX_COLS } : null;
    });
  }

  /**
   * The tables overlapping the range (or inside it with `fullyContained`), ExcelApi 1.9
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-gettables-member(1)).
   */
  getTables(fullyContained = false): FakeRangeTables {
    return new FakeRangeTables(this.context, () => {
      const { sheet, rect } = this.target();
      return this.sheet.workbook.tables
        .filter((table) => table.sheet === sheet && (fullyContained ? contains(rect, table.rect) : overlaps(rect, table.rect)))
        .map((table) => table.name);
    });
  }

  clear(applyTo = "All"): void {
    this.queue("range.clear", applyTo, (sheet, rect) => {
      const what = applyTo === "Contents" ? "contents" : applyTo === "Formats" ? "formats" : "all";
      sheet.grid.clear(rect, what);
    });
  }
}

/**
 * Throws InvalidArgument, as Excel does, when a matrix written to a range has other rows or columns.
 *
 * @example
 * checkShape({ row: 0, col: 0, rows: 1, cols: 2 }, [[1, 2]]) // returns
 * checkShape({ row: 0, col: 0, rows: 1, cols: 2 }, [[1]]) // throws InvalidArgument
 */
export function checkShape(rect: Rect, matrix: unknown[][]): void {
  const fits = Array.isArray(matrix) && matrix.length === rect.rows && matrix.every((row) => Array.isArray(row) && row.length === rect.cols);
  if (!fits) {
    throw officeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
}

function forEachCell<T>(rect: Rect, matrix: T[][], visit: (row: number, col: number, value: T) => void): void {
  for (let r = 0; r < rect.rows; r++) {
    const line = matrix[r];
    for (let c = 0; c < rect.cols; c++) visit(rect.row + r, rect.col + c, line[c]);
  }
}

/**
 * Writes `values` or `formulas` the way Excel reads typed input (see `input.ts`):
 * the text number format (`@`) changes nothing here, only a leading apostrophe does.
 *
 * @example
 * writeCells(sheet, { row: 0, col: 0, rows: 1, cols: 2 }, [["'007", "=A1"]]) // A1 holds the text "007", B1 the formula =A1
 */
export function writeCells(sheet: SheetState, rect: Rect, matrix: unknown[][]): void {
  checkShape(rect, matrix);
  forEachCell(rect, matrix, (row, col, value) => {
    if (value === null || value === undefined) return;
    if (typeof value === "number" || typeof value === "boolean") {
      if (typeof value === "number" && !Number.isFinite(value)) throw officeError("InvalidArgument", `Bad number ${value}.`);
      sheet.grid.setValue(row, col, value);
      return;
    }
    if (typeof value !== "string") throw officeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(value)}.`);
    const typed = readTyped(value);
    if (typed.kind === "formula") sheet.grid.setFormula(row, col, typed.formula);
    else if (typed.kind === "blank") sheet.grid.setValue(row, col, undefined);
    else sheet.grid.setValue(row, col, typed.value, typed.prefixed);
  });
}

function rangeSnapshot(workbook: WorkbookState, sheet: SheetState, rect: Rect, wanted: string[]): Partial<RangeProps> {
  const out: Partial<RangeProps> = { isNullObject: false };
  for (const name of wanted) {
    if (!isRangeProp(name)) throw officeError("InvalidArgument", `Range has no property ${name}.`);
    Object.assign(out, { [name]: rangeProp(workbook, sheet, rect, name) });
  }
  return out;
}

function isRangeProp(name: string): name is RangeProp {
  return (RANGE_PROPS as readonly string[]).includes(name);
}

function rangeProp(workbook: WorkbookState, sheet: SheetState, rect: Rect, name: RangeProp): RangeProps[RangeProp] {
  const cells = <T>(read: (row: number, col: number) => T): T[][] => {
    const out: T[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const line: T[] = new Array<T>(rect.cols);
      for (let c = 0; c < rect.cols; c++) line[c] = read(rect.row + r, rect.col + c);
      out.push(line);
    }
    return out;
  };
  const value = (row: number, col: number): CellValue => {
    const formula = sheet.grid.formula(row, col);
    if (formula !== undefined) return evaluateCell(workbook, sheet, row, col, formula);
    return sheet.grid.value(row, col) ?? "";
  };
  switch (name) {
    case "address":
      return rangeAddress(sheet.name, rect);
    case "rowCount":
      return rect.rows;
    case "columnCount":
      return rect.cols;
    case "rowIndex":
      return rect.row;
    case "columnIndex":
      return rect.col;
    case "values":
      return cells(value);
    case "numberFormat":
      return cells((row, col) => sheet.grid.format(row, col));
    case "formulas":
      return cells((row, col) => sheet.grid.formula(row, col) ?? value(row, col));
    case "text":
      return cells((row, col) => {
        const shown = value(row, col);
        return typeof shown === "boolean" ? String(shown).toUpperCase() : String(shown);
      });
    case "hyperlink":
      return { ...(sheet.hyperlinks.get(a1(rect.row, rect.col)) ?? {}) };
  }
}

/** A style property that can be set and read back only in the same request context (formats are not loadable here). */

/** The `RangeAreas` Excel hands back for merged areas: their addresses and how many there are. */
export class FakeMergedAreas {
  private cache: { address?: string; areaCount?: number; isNullObject?: boolean } = {};

  constructor(
    private readonly context: FakeRequestContext,
    private readonly find: () => { sheet: SheetState; found: Rect[] },
  ) {}

  get address(): string {
    return loaded(this.cache, "address", "RangeAreas");
  }
  get areaCount(): number {
    return loaded(this.cache, "areaCount", "RangeAreas");
  }
  get isNullObject(): boolean {
    return loaded(this.cache, "isNullObject", "RangeAreas");
  }

  load(_names?: string | string[]): FakeMergedAreas {
    this.context.enqueue({
      kind: "load",
      payload: _names ?? null,
      apply: () => {
        const { sheet, found } = this.find();
        const response =
          found.length === 0
            ? { isNullObject: true }
            : { isNullObject: false, areaCount: found.length, address: found.map((rect) => rangeAddress(sheet.name, rect)).join(",") };
        return { response, commit: () => (this.cache = response) };
      },
    });
    return this;
  }
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;
}

/** The tables `Range.getTables` finds: only their names are modelled. */
export class FakeRangeTables {
  private names: string[] | undefined;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly find: () => string[],
  ) {}

  get items(): Array<{ readonly name: string }> {
    if (!this.names) throw officeError("PropertyNotLoaded", "The property 'items' is not available.", "TableScopedCollection.items");
    return this.names.map((name) => ({ name }));
  }

  load(_names?: string | string[]): FakeRangeTables {
    this.context.enqueue({
      kind: "load",
      payload: _names ?? null,
      apply: () => {
        const names = this.find();
        return { response: { items: names.map((name) => ({ name })) }, commit: () => (this.names = names) };
      },
    });
    return this;
  }
}
