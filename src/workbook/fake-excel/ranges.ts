/**
 * Range, table and chart proxies of the fake host. Writes follow Excel's
 * input rules: a string starting with `=` (or `+`, `-`, `@` followed by more
 * than a number) becomes a formula and a number-like string a number, unless
 * the cell's number format is text (`@`), which keeps it as typed.
 */
import type { RawCell } from "../../core/model";
import { a1 } from "../../core/address";
import type {
  ExcelChart,
  ExcelChartCollection,
  ExcelConditionalFormat,
  ExcelConditionalFormatCollection,
  ExcelDataValidation,
  ExcelFont,
  ExcelHyperlink,
  ExcelRange,
  ExcelRangeFormat,
  ExcelTable,
  ExcelTableCollection,
} from "../excel-api";
import { type FakeRequestContext, loaded, propertyNames } from "./context";
import { FakeOfficeError, officeError } from "./errors";
import { overlaps, parseRange, rangeAddress, type Rect } from "./grid";
import { FakeWorksheet } from "./sheets";
import type { ChartState, ConditionalFormatState, SheetState, TableState, WorkbookState } from "./state";

interface RangeProps {
  address: string;
  rowCount: number;
  columnCount: number;
  rowIndex: number;
  columnIndex: number;
  values: RawCell[][];
  numberFormat: string[][];
  formulas: string[][];
  text: string[][];
  hyperlink: ExcelHyperlink;
  isNullObject: boolean;
}

const RANGE_PROPS = ["address", "rowCount", "columnCount", "rowIndex", "columnIndex", "values", "numberFormat", "formulas", "text", "hyperlink"] as const;
type RangeProp = (typeof RANGE_PROPS)[number];

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class FakeRange implements ExcelRange {
  private cache: Partial<RangeProps> = {};
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(
    readonly sheet: FakeWorksheet,
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

  get values(): RawCell[][] {
    return loaded(this.cache, "values", "Range");
  }
  set values(values: Array<Array<RawCell | null>>) {
    delete this.cache.values;
    this.queue("range.values", values, (sheet, rect) => writeCells(sheet, rect, values, "values"));
  }

  get formulas(): string[][] {
    return loaded(this.cache, "formulas", "Range");
  }
  set formulas(formulas: string[][]) {
    this.cache.formulas = formulas;
    this.queue("range.formulas", formulas, (sheet, rect) => writeCells(sheet, rect, formulas, "formulas"));
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

  clear(applyTo = "All"): void {
    this.queue("range.clear", applyTo, (sheet, rect) => {
      const what = applyTo === "Contents" ? "contents" : applyTo === "Formats" ? "formats" : "all";
      sheet.grid.clear(rect, what);
    });
  }
}

function checkShape(rect: Rect, matrix: unknown[][]): void {
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

/** Writes `values` or `formulas` the way Excel interprets typed input. */
function writeCells(sheet: SheetState, rect: Rect, matrix: unknown[][], mode: "values" | "formulas"): void {
  checkShape(rect, matrix);
  forEachCell(rect, matrix, (row, col, value) => {
    if (value === null || value === undefined) return;
    if (typeof value === "number" || typeof value === "boolean") {
      sheet.grid.setValue(row, col, value);
      return;
    }
    if (typeof value !== "string") throw officeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(value)}.`);
    if (sheet.grid.format(row, col) === "@") {
      sheet.grid.setValue(row, col, value);
      return;
    }
    if (value.length > 1 && value.startsWith("=")) {
      sheet.grid.setFormula(row, col, value);
      return;
    }
    if (NUMBER.test(value.trim())) {
      sheet.grid.setValue(row, col, Number(value));
      return;
    }
    if (/^(true|false)$/i.test(value)) {
      sheet.grid.setValue(row, col, value.toLowerCase() === "true");
      return;
    }
    // Typing `+A1`, `-A1` or `@SUM(A1)` makes a formula in Excel.
    if (mode === "values" && value.length > 1 && /^[+\-@]/.test(value)) {
      sheet.grid.setFormula(row, col, `=${value.startsWith("@") ? value.slice(1) : value}`);
      return;
    }
    sheet.grid.setValue(row, col, value);
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
  const value = (row: number, col: number): RawCell => {
    const formula = sheet.grid.formula(row, col);
    if (formula !== undefined) return workbook.evaluate ? workbook.evaluate(formula, sheet.name, row, col) : "";
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
class StyleProperty<T> {
  private value: T | undefined;

  constructor(
    private readonly range: FakeRange,
    private readonly property: string,
    private readonly check: (value: T) => boolean,
  ) {}

  get(): T {
    if (this.value === undefined) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${this.property}' is not available.`, `RangeFormat.${this.property}`);
    }
    return this.value;
  }

  set(value: T): void {
    this.value = value;
    this.range.queue("range.format", { property: this.property, value }, (sheet, rect) => {
      if (!this.check(value)) throw officeError("InvalidArgument", `Bad ${this.property}: ${String(value)}.`);
      sheet.styles.push({ address: rangeAddress(sheet.name, rect), property: this.property, value });
    });
  }
}

const isColor = (value: string) => /^#[0-9a-f]{6}$/i.test(value) || /^[a-z]+$/i.test(value);
const isBoolean = (value: boolean) => typeof value === "boolean";

class FakeFont implements ExcelFont {
  private readonly props;

  constructor(range: FakeRange) {
    this.props = {
      bold: new StyleProperty<boolean>(range, "font.bold", isBoolean),
      italic: new StyleProperty<boolean>(range, "font.italic", isBoolean),
      size: new StyleProperty<number>(range, "font.size", (size) => size >= 1 && size <= 409),
      color: new StyleProperty<string>(range, "font.color", isColor),
    };
  }

  get bold(): boolean {
    return this.props.bold.get();
  }
  set bold(value: boolean) {
    this.props.bold.set(value);
  }
  get italic(): boolean {
    return this.props.italic.get();
  }
  set italic(value: boolean) {
    this.props.italic.set(value);
  }
  get size(): number {
    return this.props.size.get();
  }
  set size(value: number) {
    this.props.size.set(value);
  }
  get color(): string {
    return this.props.color.get();
  }
  set color(value: string) {
    this.props.color.set(value);
  }
}

class FakeFill {
  private readonly prop: StyleProperty<string>;

  constructor(range: FakeRange) {
    this.prop = new StyleProperty<string>(range, "fill.color", isColor);
  }

  get color(): string {
    return this.prop.get();
  }
  set color(value: string) {
    this.prop.set(value);
  }
}

const BORDERS = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const LINE_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];

class FakeBorders {
  constructor(private readonly range: FakeRange) {}

  getItem(index: string): { style: string } {
    if (!BORDERS.includes(index)) throw officeError("InvalidArgument", `Bad border ${index}.`);
    const prop = new StyleProperty<string>(this.range, `borders.${index}.style`, (style) => LINE_STYLES.includes(style));
    return {
      get style() {
        return prop.get();
      },
      set style(value: string) {
        prop.set(value);
      },
    };
  }
}

class FakeRangeFormat implements ExcelRangeFormat {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  readonly borders: FakeBorders;
  private readonly wrap: StyleProperty<boolean>;
  private readonly align: StyleProperty<string>;
  private width: number | undefined;

  constructor(private readonly range: FakeRange) {
    this.font = new FakeFont(range);
    this.fill = new FakeFill(range);
    this.borders = new FakeBorders(range);
    this.wrap = new StyleProperty<boolean>(range, "wrapText", isBoolean);
    this.align = new StyleProperty<string>(range, "horizontalAlignment", (value) =>
      ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(value),
    );
  }

  get wrapText(): boolean {
    return this.wrap.get();
  }
  set wrapText(value: boolean) {
    this.wrap.set(value);
  }
  get horizontalAlignment(): string {
    return this.align.get();
  }
  set horizontalAlignment(value: string) {
    this.align.set(value);
  }

  get columnWidth(): number {
    if (this.width === undefined) throw new FakeOfficeError("PropertyNotLoaded", "The property 'columnWidth' is not available.");
    return this.width;
  }
  set columnWidth(points: number) {
    this.width = points;
    this.range.queue("range.format", { property: "columnWidth", value: points }, (sheet, rect) => {
      if (!(points >= 0 && points <= 1800)) throw officeError("InvalidArgument", `Bad column width ${points}.`);
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, points);
    });
  }

  autofitColumns(): void {
    this.range.queue("range.format.autofitColumns", null, (sheet, rect) => {
      sheet.autofitted.push(rangeAddress(sheet.name, rect));
    });
  }
}

class FakeConditionalFormatCollection implements ExcelConditionalFormatCollection {
  constructor(private readonly range: FakeRange) {}

  add(type: string): FakeConditionalFormat {
    const record: ConditionalFormatState = { address: "", type, rule: null, fill: null, fontColor: null };
    this.range.queue("conditionalFormats.add", type, (sheet, rect) => {
      if (!["CellValue", "ContainsText"].includes(type)) throw officeError("InvalidArgument", `Unsupported conditional format ${type}.`);
      record.address = rangeAddress(sheet.name, rect);
      sheet.conditionalFormats.push(record);
    });
    return new FakeConditionalFormat(this.range, record);
  }
}

/** Conditional format parts: `format.fill.color`, `format.font.color` and `rule`, for one of the two supported types. */
class FakeConditionalPart<Rule extends Record<string, unknown>> {
  readonly format;

  constructor(
    private readonly range: FakeRange,
    private readonly record: ConditionalFormatState,
    private readonly type: string,
  ) {
    const setter = (property: "fill" | "fontColor") => (value: string) =>
      this.change(`conditionalFormat.format.${property}`, value, () => {
        if (!isColor(value)) throw officeError("InvalidArgument", `Bad colour ${value}.`);
        record[property] = value;
      });
    const fill = setter("fill");
    const font = setter("fontColor");
    this.format = {
      fill: {
        get color(): string {
          return record.fill ?? "";
        },
        set color(value: string) {
          fill(value);
        },
      },
      font: {
        get color(): string {
          return record.fontColor ?? "";
        },
        set color(value: string) {
          font(value);
        },
      },
    };
  }

  get rule(): Rule {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'rule' is not available.");
  }
  set rule(rule: Rule) {
    this.change("conditionalFormat.rule", rule, () => {
      this.record.rule = { ...rule };
    });
  }

  private change(kind: string, payload: unknown, apply: () => void): void {
    this.range.queue(kind, payload, () => {
      if (this.record.type !== this.type) throw officeError("InvalidOperation", `This conditional format is ${this.record.type}, not ${this.type}.`);
      apply();
    });
  }
}

type CellValueRule = { formula1: string; formula2?: string; operator: string };
type TextRule = { operator: string; text: string };

class FakeConditionalFormat implements ExcelConditionalFormat {
  readonly cellValue: FakeConditionalPart<CellValueRule>;
  readonly textComparison: FakeConditionalPart<TextRule>;

  constructor(range: FakeRange, record: ConditionalFormatState) {
    this.cellValue = new FakeConditionalPart(range, record, "CellValue");
    this.textComparison = new FakeConditionalPart(range, record, "ContainsText");
  }
}

class FakeDataValidation implements ExcelDataValidation {
  constructor(private readonly range: FakeRange) {}

  get rule(): ExcelDataValidation["rule"] {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'rule' is not available.");
  }
  set rule(rule: ExcelDataValidation["rule"]) {
    this.range.queue("dataValidation.rule", rule, (sheet, rect) => {
      const source = rule.list?.source;
      // Excel caps an inline list at 255 characters.
      if (typeof source === "string" && (source.length === 0 || source.length > 255)) {
        throw officeError("InvalidArgument", "A list source has 1 to 255 characters.");
      }
      const address = rangeAddress(sheet.name, rect);
      const others = sheet.validations.filter((validation) => validation.address !== address);
      sheet.validations.length = 0;
      for (const validation of others) sheet.validations.push(validation);
      sheet.validations.push({ address, rule: JSON.parse(JSON.stringify(rule)) });
    });
  }
}

interface TableProps {
  name: string;
  style: string;
  showBandedRows: boolean;
}

export class FakeTableCollection implements ExcelTableCollection {
  private loadedItems: FakeTable[] | undefined;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly workbook: WorkbookState,
    private readonly sheet: FakeWorksheet | null,
  ) {}

  get items(): FakeTable[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available.", "TableCollection.items");
    return this.loadedItems;
  }

  load(names?: string | string[]): FakeTableCollection {
    this.context.enqueue({
      kind: "load",
      payload: names ?? null,
      apply: () => {
        const owner = this.sheet?.state();
        const tables = this.workbook.tables.filter((table) => !owner || table.sheet === owner);
        return {
          response: { items: tables.map((table) => tableProps(table)) },
          commit: () => {
            this.loadedItems = tables.map((table) => {
              const proxy = new FakeTable(this.context, this.workbook, () => table);
              proxy.prime(tableProps(table));
              return proxy;
            });
          },
        };
      },
    });
    return this;
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableState | null = null;
    this.context.enqueue({
      kind: "tables.add",
      payload: typeof address === "string" ? { address, hasHeaders } : { hasHeaders },
      apply: () => {
        const { sheet, rect } = this.place(address);
        if (this.workbook.tables.some((table) => table.sheet === sheet && overlaps(table.rect, rect))) {
          throw officeError("InvalidArgument", "A table can't overlap another table.", "TableCollection.add");
        }
        const full = { ...rect, rows: Math.max(rect.rows, 2) };
        if (!hasHeaders) full.row = Math.max(0, rect.row - 1);
        const seen = new Set<string>();
        for (let c = 0; c < full.cols; c++) {
          const cell = sheet.grid.value(full.row, full.col + c);
          let header = cell === undefined || !hasHeaders ? `Column${c + 1}` : String(cell);
          while (seen.has(header.toLowerCase())) header = `${header}2`;
          seen.add(header.toLowerCase());
          sheet.grid.setValue(full.row, full.col + c, header);
        }
        let number = this.workbook.nextTableNumber;
        while (this.workbook.tables.some((table) => table.name.toLowerCase() === `table${number}`)) number++;
        this.workbook.nextTableNumber = number + 1;
        created = { name: `Table${number}`, sheet, rect: full, style: "TableStyleMedium2", showBandedRows: true };
        this.workbook.tables.push(created);
      },
    });
    return new FakeTable(this.context, this.workbook, () => {
      if (!created) throw officeError("ItemNotFound", "The table was not added.");
      return created;
    });
  }

  private place(address: string | FakeRange): { sheet: SheetState; rect: Rect } {
    if (typeof address !== "string") return address.target();
    const rect = parseRange(address);
    if (!rect) throw officeError("InvalidArgument", `Bad address ${address}.`);
    const bang = address.lastIndexOf("!");
    if (bang < 0) {
      if (!this.sheet) throw officeError("InvalidArgument", "A workbook-level table address names its sheet.");
      return { sheet: this.sheet.state(), rect };
    }
    const name = address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
    const sheet = this.workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw officeError("ItemNotFound", `No worksheet named ${name}.`);
    return { sheet, rect };
  }
}

function tableProps(table: TableState): TableProps {
  return { name: table.name, style: table.style, showBandedRows: table.showBandedRows };
}

/** Excel's rule for table names. */
function tableNameProblem(name: string): string | null {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name)) return "A table name starts with a letter or underscore and has only letters, digits, periods and underscores.";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return "A table name cannot look like a cell reference.";
  return null;
}

export class FakeTable implements ExcelTable {
  private cache: Partial<TableProps> = {};
  readonly rows: { add(index: number | null | undefined, values: RawCell[][]): void };
  readonly columns: { add(index: number | null | undefined, values?: RawCell[][], name?: string): void };

  constructor(
    private readonly context: FakeRequestContext,
    private readonly workbook: WorkbookState,
    private readonly resolve: () => TableState,
  ) {
    this.rows = {
      add: (_index, values) =>
        this.change("table.rows.add", values, (table) => {
          const rect = { row: table.rect.row + table.rect.rows, col: table.rect.col, rows: values.length, cols: table.rect.cols };
          writeCells(table.sheet, rect, values, "values");
          table.rect = { ...table.rect, rows: table.rect.rows + values.length };
        }),
    };
    this.columns = {
      add: (_index, values, name) =>
        this.change("table.columns.add", { values, name }, (table) => {
          const rect = { row: table.rect.row, col: table.rect.col + table.rect.cols, rows: table.rect.rows, cols: 1 };
          if (values) writeCells(table.sheet, rect, values, "values");
          if (name !== undefined || !values) table.sheet.grid.setValue(rect.row, rect.col, name ?? `Column${table.rect.cols + 1}`);
          table.rect = { ...table.rect, cols: table.rect.cols + 1 };
        }),
    };
  }

  prime(props: TableProps): void {
    Object.assign(this.cache, props);
  }

  get name(): string {
    return loaded(this.cache, "name", "Table");
  }
  set name(name: string) {
    this.cache.name = name;
    this.change("table.name", name, (table) => {
      const problem = tableNameProblem(name);
      if (problem) throw officeError("InvalidArgument", problem, "Table.name");
      const clash = this.workbook.tables.some((other) => other !== table && other.name.toLowerCase() === name.toLowerCase());
      if (clash) throw officeError("ItemAlreadyExists", `A table named ${name} exists.`, "Table.name");
      table.name = name;
    });
  }
  get style(): string {
    return loaded(this.cache, "style", "Table");
  }
  set style(style: string) {
    this.cache.style = style;
    this.change("table.style", style, (table) => {
      if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(style)) throw officeError("InvalidArgument", `Unknown table style ${style}.`);
      table.style = style;
    });
  }
  get showBandedRows(): boolean {
    return loaded(this.cache, "showBandedRows", "Table");
  }
  set showBandedRows(show: boolean) {
    this.cache.showBandedRows = show;
    this.change("table.showBandedRows", show, (table) => {
      table.showBandedRows = show;
    });
  }

  load(names?: string | string[]): FakeTable {
    this.context.enqueue({
      kind: "load",
      payload: names ?? null,
      apply: () => {
        const response = tableProps(this.resolve());
        return { response, commit: () => Object.assign(this.cache, response) };
      },
    });
    return this;
  }

  getHeaderRowRange(): FakeRange {
    return this.range((table) => ({ ...table.rect, rows: 1 }));
  }

  getDataBodyRange(): FakeRange {
    return this.range((table) => ({ ...table.rect, row: table.rect.row + 1, rows: table.rect.rows - 1 }));
  }

  getRange(): FakeRange {
    return this.range((table) => table.rect);
  }

  private range(part: (table: TableState) => Rect): FakeRange {
    const sheet = new FakeWorksheet(this.context, this.workbook, () => this.resolve().sheet);
    return new FakeRange(sheet, () => part(this.resolve()));
  }

  private change(kind: string, payload: unknown, apply: (table: TableState) => void): void {
    this.context.enqueue({ kind, payload, apply: () => apply(this.resolve()) });
  }
}

export class FakeChartCollection implements ExcelChartCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly workbook: WorkbookState,
    private readonly sheet: FakeWorksheet,
  ) {}

  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    const chart: ChartState = { name: "", type, source: "", seriesBy, title: "", position: null, pointColors: [] };
    this.context.enqueue({
      kind: "charts.add",
      payload: { type, seriesBy },
      apply: () => {
        const sheet = this.sheet.state();
        const { sheet: sourceSheet, rect } = sourceData.target();
        if (type === "Invalid" || type.length === 0) throw officeError("InvalidArgument", `Bad chart type ${type}.`);
        if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw officeError("InvalidArgument", `Bad seriesBy ${seriesBy}.`);
        chart.name = `Chart ${this.workbook.nextChartNumber++}`;
        chart.source = rangeAddress(sourceSheet.name, rect);
        sheet.charts.push(chart);
      },
    });
    return new FakeChart(this.sheet, chart);
  }
}

export class FakeChart implements ExcelChart {
  readonly title: { text: string };

  constructor(
    private readonly sheet: FakeWorksheet,
    private readonly chart: ChartState,
  ) {
    const change = (kind: string, payload: unknown, apply: () => void) => this.change(kind, payload, apply);
    this.title = {
      get text(): string {
        return chart.title;
      },
      set text(text: string) {
        change("chart.title.text", text, () => {
          chart.title = text;
        });
      },
    };
  }

  get name(): string {
    return this.chart.name;
  }
  set name(name: string) {
    this.change("chart.name", name, () => {
      this.chart.name = name;
    });
  }

  /** The first series' points; only their fill is modelled. */
  get series(): { getItemAt(index: number): { points: { getItemAt(point: number): { format: { fill: { setSolidColor(color: string): void } } } } } } {
    const change = (kind: string, payload: unknown, apply: () => void) => this.change(kind, payload, apply);
    const chart = this.chart;
    return {
      getItemAt: (index) => ({
        points: {
          getItemAt: (point) => ({
            format: {
              fill: {
                setSolidColor(color: string) {
                  change("chart.point.fill", { index, point, color }, () => {
                    if (index !== 0) throw officeError("InvalidArgument", "Only the first series is modelled.");
                    chart.pointColors[point] = color;
                  });
                },
              },
            },
          }),
        },
      }),
    };
  }

  setPosition(startCell: string, endCell?: string): void {
    this.change("chart.setPosition", { startCell, endCell }, () => {
      if (!parseRange(startCell) || (endCell !== undefined && !parseRange(endCell))) throw officeError("InvalidArgument", "Bad chart position.");
      this.chart.position = { start: startCell, end: endCell };
    });
  }

  private change(kind: string, payload: unknown, apply: () => void): void {
    this.sheet.context.enqueue({
      kind,
      payload,
      apply: () => {
        if (!this.sheet.state().charts.includes(this.chart)) throw officeError("ItemNotFound", "The chart does not exist.");
        apply();
      },
    });
  }
}
