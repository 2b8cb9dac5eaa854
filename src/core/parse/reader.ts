/**
 * The handler of a row's lazy cell addresses. It holds the reader's field letters
 * and columns only (updated in place as variants change), never the reader: every
 * record keeps its cells, and through a reader they would keep the whole sheet's
 * values alive after parsing.
 */
function lazyCellsHandler<F extends string>(letters: Partial<Record<F, string>>, local: ReadonlyArray<[F, number]>): ProxyHandler<LazyCells> {
  const get = (target: LazyCells, key: string | symbol): string | undefined => {
    if (typeof key !== "string") return undefined;
    if (target.overrides && key in target.overrides) return target.overrides[key];
    const at = letters[key as F];
    return at === undefined ? undefined : at + target.row;
  };
  return {
    get,
    set: (target, key, value) => {
      if (typeof key !== "string") return false;
      (target.overrides ??= {})[key] = value;
      return true;
    },
    has: (target, key) => typeof key === "string" && ((target.overrides !== null && key in target.overrides) || letters[key as F] !== undefined),
    ownKeys: (target) => [...new Set([...local.map(([field]) => field), ...Object.keys(target.overrides ?? {})])],
    getOwnPropertyDescriptor: (target, key) => {
      const value = get(target, key);
      return value === undefined ? undefined : { value, enumerable: true, configurable: true, writable: true };
    },
  };
}

/**
 * Reading the rows of one recognised sheet: each field's cell, its number
 * format and address, converted through `values.ts` with every failure recorded
 * as a located problem in plain language.
 */
import { a1, columnLetter, quoteSheet } from "../address";
import type { IsoDate, Period, PeriodKind, Problem, RawCell, RecognisedSheet, Severity, SheetData } from "../model";
import { enclosingPeriod, parsePeriod } from "../periods";
import { numberInStatement, splitQualifier, type Bound } from "../qualifiers";
import type { ContextCell, SheetBlock, SkippedRow } from "./blocks";
import { SHEET_KINDS, type FieldSpec } from "../recognise";
import type { Settings } from "../settings";
import { monthNumber, toDate, toNumber, toNumberOrYesNo, toText, type CellValue } from "../values";

/** What `ownCell` gives for a field with no column of its own. */
const NO_COLUMN: unique symbol = Symbol("no column");

/**
 * A field as the row readers ask for it: one object per field and reader, so a
 * cell's column is a property load rather than a lookup by name. Rows read a
 * dozen fields each, hundreds of thousands of times; every handle has the same
 * shape, so the readers' code stays monomorphic whatever the sheet kind.
 */
export interface FieldRef<F extends string> {
  readonly name: F;
  /** Local column of the field's own cell, or -1 when it has none or is read otherwise (context, a series' latest column). */
  col: number;
  /** True when the reader can give the field: a column, a series, context, a heading or another row. */
  present: boolean;
  /** The row of the last address {@link SheetReader.borrowedAddress} made for the field (-1: none), and that address. */
  lastRow: number;
  lastAddress: string;
}

/**
 * Trimmed text without a copy for the common cell that has nothing to trim:
 * `trim()` on every cell read is a measurable share of parsing a large sheet.
 * Always equal to `text.trim()`.
 *
 * @example
 * trimmed("Grow NPS") // "Grow NPS" (the same string, no copy)
 * trimmed("  Grow NPS\u00a0") // "Grow NPS"
 */
export function trimmed(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  // Only ASCII non-space ends are known not to be whitespace; anything else takes the full trim.
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

interface LazyCells {
  row: number;
  overrides: Record<string, string> | null;
}

export class SheetReader<F extends string> {
  readonly name: string;
  /** 0-based index into `values` of the header row. */
  readonly headerIndex: number;
  private readonly values: RawCell[][];
  private readonly formats: string[][] | undefined;
  private readonly originRow: number;
  /** Field → column index within `values`. */
  private readonly local: Array<[F, number]>;
  private readonly byField: Partial<Record<F, number>>;
  private readonly labels: Record<string, FieldSpec>;
  private readonly originCol: number;
  /** Column letters of each mapped field, computed once rather than per cell. */
  private readonly letters: Partial<Record<F, string>>;
  private readonly periods = new Map<string, Period>();
  /** Periods read from numbers (a year, a date serial), by the cell's number format. */
  private readonly numberPeriods = new Map<string | undefined, Map<number, Period>>();
  private readonly wordKeys = new Map<ReadonlyMap<string, unknown>, Map<string, string>>();
  /**
   * A row's cell addresses are worked out when asked for: most are never read
   * (only findings and problems need them), and building fourteen strings for
   * every row of a large sheet is most of the cost of parsing it.
   */
  private readonly cellHandler: ProxyHandler<LazyCells>;

  /** Rows of the block that are not records (summary rows, headings, legend lines). */
  private readonly skip: ReadonlySet<number> | null;
  private readonly range: { from: number; to: number } | null;
  /** Fields the block's columns lack, read from the lines above it. */
  private readonly context: Partial<Record<F, ContextCell>> = {};
  /** Heading lines inside the block, by field, in row order. */
  private readonly headings: Partial<Record<F, Array<{ row: number; cell: ContextCell }>>> = {};
  private readonly variants: SheetBlock["variants"];
  private variantColumns: Record<string, number> = {};
  /** The granularity the current variant reads (`Quarterly` → the quarter containing the block's period), or `null`. */
  private periodKind: PeriodKind | null = null;
  private readonly base: { byField: Partial<Record<F, number>>; letters: Partial<Record<F, string>>; context: Partial<Record<F, ContextCell>> };
  /** True when rows take fields from context or variants (not the common tidy sheet). */
  private readonly contextual: boolean;
  /** A handle for each field of the sheet kind, kept up to date as variants change: see {@link FieldRef}. */
  readonly fields: Readonly<Record<F, FieldRef<F>>>;
  /** The title's or form's text holding a year, for months written without one. */
  private readonly yearText: string | null;
  /** A sheet column holding each row's (financial) year. */
  private readonly yearColumn: number | null;
  /** Fields a row takes from another row, by row (a key result's objective from its parent row). */
  private readonly rowContext: ReadonlyMap<number, Record<string, ContextCell>> | null;
  private readonly rowFields = new Set<string>();
  /** A field read from the latest filled of several period columns (weekly grades), with their local columns left to right. */
  private readonly series: { field: F; cols: number[] } | null;
  /** What the block's summary rows say their columns add up to, by row. */
  private readonly totals: NonNullable<SheetBlock["totals"]> | null;
  /** Columns of a rating spread over one column per level, lowest first; empty when the rating has a column of its own. */
  private readonly levels: NonNullable<SheetBlock["levels"]>;

  constructor(
    sheet: SheetData,
    recognised: RecognisedSheet,
    private readonly settings: Settings,
    private readonly problems: Problem[],
    block?: SheetBlock,
    /** Where rows that are read but give no record are listed, with why. */
    private readonly skipped?: SkippedRow[],
  ) {
    this.name = recognised.name;
    this.values = Array.isArray(sheet.values) ? sheet.values : [];
    this.formats = Array.isArray(sheet.numberFormats) ? sheet.numberFormats : undefined;
    this.originRow = sheet.origin?.row ?? 0;
    this.originCol = sheet.origin?.col ?? 0;
    this.headerIndex = recognised.headerRow - 1 - this.originRow;
    this.labels = SHEET_KINDS[recognised.kind].fields;
    const fields = {} as Record<F, FieldRef<F>>;
    for (const name of Object.keys(this.labels) as F[]) fields[name] = { name, col: -1, present: false, lastRow: -1, lastAddress: "" };
    this.fields = fields;
    this.local = [];
    this.byField = {};
    this.letters = {};
    for (const [field, col] of Object.entries(recognised.columns)) {
      const c = col - this.originCol;
      if (c >= 0 && Number.isInteger(c) && field in this.labels) {
        this.local.push([field as F, c]);
        this.byField[field as F] = c;
        this.letters[field as F] = columnLetter(col);
      }
    }
    this.skip = block && block.skip.size > 0 ? block.skip : null;
    this.range = block ? { from: block.from, to: block.to } : null;
    this.variants = block?.variants ?? [];
    this.rowContext = block?.rows && block.rows.size > 0 ? block.rows : null;
    for (const fields of this.rowContext?.values() ?? []) for (const field of Object.keys(fields)) if (field in this.labels) this.rowFields.add(field);
    this.totals = block?.totals ?? null;
    this.levels = block?.levels ?? [];
    this.yearText = block?.context.year?.text ?? null;
    const series = block?.series;
    this.series = series && series.field in this.labels && series.columns.length > 0 ? { field: series.field as F, cols: series.columns.map((p) => p.col - this.originCol) } : null;
    if (this.series) {
      // Known as a field from its first column; each row reads its latest filled one.
      this.byField[this.series.field] = this.series.cols[0];
      for (const c of this.series.cols) this.local.push([this.series.field, c]);
    }
    this.yearColumn = block?.yearColumn ?? null;
    if (block) {
      for (const [field, cell] of Object.entries(block.context)) {
        if (field in this.labels && this.byField[field as F] === undefined) this.context[field as F] = cell;
      }
      for (const heading of block.headings) {
        if (heading.field in this.labels && this.byField[heading.field as F] === undefined) (this.headings[heading.field as F] ??= []).push(heading);
      }
    }
    this.base = { byField: { ...this.byField }, letters: { ...this.letters }, context: { ...this.context } };
    this.cellHandler = lazyCellsHandler(this.letters, this.local);
    this.refreshLookups();
    this.contextual = Object.keys(this.context).length > 0 || Object.keys(this.headings).length > 0 || this.variants.length > 0 || this.rowContext !== null || this.series !== null;
  }

  /** How many records each row can give: 1, or one per period column of a wide row. */
  get variantCount(): number {
    return Math.max(1, this.variants.length);
  }

  /** Reads the row's `i`-th variant from now on (its period column as Actual, its period as Period). */
  useVariant(i: number): void {
    if (this.variants.length === 0) return;
    const variant = this.variants[i];
    this.variantColumns = variant.columns;
    this.periodKind = variant.periodKind ?? null;
    Object.assign(this.byField, this.base.byField);
    Object.assign(this.letters, this.base.letters);
    for (const key of Object.keys(this.context)) delete this.context[key as F];
    Object.assign(this.context, this.base.context);
    for (const [field, col] of Object.entries(variant.columns)) {
      if (!(field in this.labels)) continue;
      this.byField[field as F] = col - this.originCol;
      this.letters[field as F] = columnLetter(col);
    }
    for (const [field, cell] of Object.entries(variant.context)) {
      if (field in this.labels && this.base.byField[field as F] === undefined) this.context[field as F] = cell;
    }
    this.refreshLookups();
  }

  /** Brings each field's handle up to date with the columns and context now in use. */
  private refreshLookups(): void {
    for (const ref of Object.values<FieldRef<F>>(this.fields)) {
      ref.col = -1;
      ref.present = false;
      ref.lastRow = -1;
    }
    const mark = (field: string): FieldRef<F> | undefined => {
      const ref = (this.fields as Partial<Record<string, FieldRef<F>>>)[field];
      if (ref) ref.present = true;
      return ref;
    };
    for (const [field, c] of Object.entries(this.byField) as Array<[F, number | undefined]>) {
      if (c === undefined) continue;
      const ref = mark(field);
      if (ref && (this.series === null || field !== this.series.field)) ref.col = c;
    }
    for (const field of Object.keys(this.context)) mark(field);
    for (const field of Object.keys(this.headings)) mark(field);
    for (const field of this.rowFields) mark(field);
  }

  /** True when the row is a wide row's variant with nothing written in its column (no record). */
  variantIsBlank(field: FieldRef<F>, r: number): boolean {
    return this.variants.length > 0 && this.isBlankCell(field, r);
  }

  /** True when the row is a wide row's variant with nothing written in any of the variant's own columns. */
  variantIsEmpty(r: number): boolean {
    if (this.variants.length === 0) return false;
    for (const field of Object.keys(this.variantColumns)) {
      const ref = (this.fields as Partial<Record<string, FieldRef<F>>>)[field];
      if (ref !== undefined && !this.isBlankCell(ref, r)) return false;
    }
    return true;
  }

  /** The context cell (a heading line above `r`, or the block's context) that fills a field with no column. */
  private contextFor(field: F, r: number): ContextCell | undefined {
    const own = this.rowContext?.get(r)?.[field];
    if (own) return own;
    const headings = this.headings[field];
    if (headings) {
      let found: ContextCell | undefined;
      for (const h of headings) {
        if (h.row > r) break;
        found = h.cell;
      }
      if (found) return found;
    }
    return this.context[field];
  }

  /** First and one-past-last index of the data rows in `values`. */
  get dataRows(): { from: number; to: number } {
    return this.range ?? { from: Math.max(0, this.headerIndex + 1), to: this.values.length };
  }

  /** 1-based Excel row of a `values` index. */
  excelRow(r: number): number {
    // `| 0` keeps the row a small integer: a sum V8 computed as a float would make every record's row a boxed number of its own.
    return (this.originRow + r + 1) | 0;
  }

  has(field: FieldRef<F>): boolean {
    return field.present;
  }

  /** The local column a field is read from on row `r`: its column, or the latest filled period column of a series. */
  private columnOf(field: F, r: number): number | undefined {
    if (this.series === null || field !== this.series.field) return this.byField[field];
    const { cols } = this.series;
    const row = this.values[r];
    for (let i = cols.length - 1; i >= 0; i--) {
      const cell = row?.[cols[i]];
      if (cell !== undefined && cell !== null && !(typeof cell === "string" && cell.trim() === "")) return cols[i];
    }
    return cols[0];
  }

  /**
   * The cell of a field read from a column of its own, as most are (`undefined` when
   * empty), or {@link NO_COLUMN} when it is read otherwise (context, a series): the
   * fast paths of the readers below, one lookup and no result object per cell.
   */
  private ownCell(field: FieldRef<F>, r: number): RawCell | undefined | typeof NO_COLUMN {
    const c = field.col;
    if (c < 0) return NO_COLUMN;
    const cell = this.values[r]?.[c];
    return cell === null ? undefined : cell;
  }

  raw(field: FieldRef<F>, r: number): RawCell {
    const c = field.col >= 0 ? field.col : this.series !== null && field.name === this.series.field ? this.columnOf(field.name, r) : undefined;
    if (c === undefined) return field.present ? (this.contextFor(field.name, r)?.text ?? "") : "";
    const cell = this.values[r]?.[c];
    return cell === undefined || cell === null ? "" : cell;
  }

  format(field: FieldRef<F>, r: number): string | undefined {
    if (this.formats === undefined) return undefined;
    const c = field.col >= 0 ? field.col : this.series !== null ? this.columnOf(field.name, r) : undefined;
    return c === undefined ? undefined : this.formats[r]?.[c];
  }

  address(field: F, r: number): string {
    if (this.series !== null && field === this.series.field) return `${columnLetter(this.originCol + (this.columnOf(field, r) ?? 0))}${this.originRow + r + 1}`;
    const letters = this.letters[field];
    if (letters === undefined) {
      const context = this.contextFor(field, r);
      if (context) return a1(this.originRow + context.row, context.col);
    }
    return letters === undefined ? a1(this.originRow + r, this.originCol) : `${letters}${this.originRow + r + 1}`;
  }

  /**
   * The address of a field's cell on row `r`, for rows that borrow it (a value
   * filled down from above): the rows under one objective or KPI borrow the same
   * cells, so the address last made for the field is given again, not built anew.
   */
  borrowedAddress(field: FieldRef<F>, r: number): string {
    if (field.lastRow !== r) {
      field.lastAddress = this.address(field.name, r);
      field.lastRow = r;
    }
    return field.lastAddress;
  }

  /** Where a cell is, as the user reads it: `OKRs!F12`. */
  where(field: F, r: number): string {
    return `${quoteSheet(this.name)}!${this.address(field, r)}`;
  }

  label(field: F): string {
    return this.labels[field]?.label ?? field;
  }

  /** True when every mapped cell of the row is blank. */
  isBlankRow(r: number): boolean {
    if (this.skip !== null && this.skip.has(r)) return true;
    // A row linked to another (its name in a level column, its objective a parent row) is a record row.
    if (this.rowContext !== null && this.rowContext.has(r)) return false;
    const row = this.values[r];
    if (!Array.isArray(row)) return true;
    for (let i = 0; i < this.local.length; i++) {
      const cell = row[this.local[i][1]];
      if (cell !== undefined && cell !== null && !(typeof cell === "string" && cell.trim() === "")) return false;
    }
    // Nothing in the columns read, but something elsewhere on the row: listed, never dropped without a word.
    if (!this.notedBlank.has(r) && row.some((cell) => cell !== undefined && cell !== null && !(typeof cell === "string" && cell.trim() === ""))) {
      this.notedBlank.add(r);
      this.skipRow(r, "nothing in the columns Altitude reads (its cells are in other columns)");
    }
    return true;
  }

  /** Rows already listed as holding content only outside the columns read. */
  private readonly notedBlank = new Set<number>();

  /** True when the field is absent or its cell is empty or only spaces. */
  isBlankCell(field: FieldRef<F>, r: number): boolean {
    const cell = this.ownCell(field, r);
    if (cell !== NO_COLUMN) {
      if (typeof cell !== "string") return cell === undefined;
      // Only text starting with a space (ASCII or not) can be blank: trimming every cell would cost a copy each.
      const first = cell.charCodeAt(0);
      return cell === "" || ((first <= 32 || first >= 128) && cell.trim() === "");
    }
    const raw = this.raw(field, r);
    return typeof raw === "string" && raw.trim() === "";
  }

  /** Records the cell address of each mapped field for a row. */
  cells(r: number): Partial<Record<F, string>> {
    const cells = new Proxy({ row: this.excelRow(r), overrides: null }, this.cellHandler) as unknown as Partial<Record<F, string>>;
    // The common sheet has no context and no variants: nothing more to fix per row.
    if (!this.contextual) return cells;
    // Context fields and a wide row's variant columns are fixed now: the reader moves on to other variants.
    for (const field of Object.keys(this.context) as F[]) cells[field] = this.address(field, r);
    for (const field of Object.keys(this.headings) as F[]) if (this.contextFor(field, r)) cells[field] = this.address(field, r);
    for (const field of Object.keys(this.rowContext?.get(r) ?? {}) as F[]) if (this.rowFields.has(field) && this.byField[field] === undefined) cells[field] = this.address(field, r);
    if (this.series !== null) cells[this.series.field] = this.address(this.series.field, r);
    for (const variant of this.variants.length > 0 ? [this.variants[0]] : []) {
      for (const field of Object.keys(variant.columns) as F[]) if (this.letters[field] !== undefined) cells[field] = `${this.letters[field]}${this.originRow + r + 1}`;
    }
    return cells;
  }

  /** The text of the header cell over a field's column, or `""` when the field has no column. */
  headerText(field: F): string {
    const c = this.byField[field];
    const cell = c === undefined ? undefined : this.values[this.headerIndex]?.[c];
    return typeof cell === "string" ? cell.trim() : "";
  }

  /** Where the header cell over a field's column is, or `null` when the field has no column. */
  headerAddress(field: F): string | null {
    const letters = this.letters[field];
    return letters === undefined ? null : `${letters}${this.originRow + this.headerIndex + 1}`;
  }

  /** True when a number was written as a percentage: a percent-formatted cell or text such as `85%`. */
  isPercent(field: FieldRef<F>, r: number): boolean {
    const raw = this.raw(field, r);
    if (typeof raw === "string") return /%\s*$/.test(raw.trim());
    return typeof raw === "number" && (this.format(field, r)?.includes("%") ?? false);
  }

  /** What the summary row `r` says the field's column adds up to (`Total | 20` under weights), or `null`. */
  statedTotal(field: F, r: number): number | null {
    const c = this.byField[field];
    if (this.totals === null || c === undefined) return null;
    return this.totals.get(r)?.[field] ?? null;
  }

  /** True when the block spreads its rating over one column per level (`Unacceptable 1 … Excellent 5`). */
  get hasLevels(): boolean {
    return this.levels.length > 0;
  }

  /** The highest level of a rating spread over level columns (5 for `… Excellent 5`), or `null`. */
  get topLevel(): number | null {
    return this.levels.length > 0 ? this.levels[this.levels.length - 1].level : null;
  }

  /** The levels marked on row `r` of a rating spread over level columns, each with its cell (`E13`). */
  markedLevels(r: number): Array<{ level: number; cell: string }> {
    const marked: Array<{ level: number; cell: string }> = [];
    for (const { col, level } of this.levels) if (isMark(this.values[r]?.[col - this.originCol])) marked.push({ level, cell: a1(this.originRow + r, col) });
    return marked;
  }

  /** True when the field is read from a column of the block (not from the form or a heading above it). */
  hasColumn(field: F): boolean {
    return this.byField[field] !== undefined;
  }

  /** The largest plain number in a field's column over the block's rows (percent-formatted and text cells aside), or `null`. */
  columnMax(field: F): number | null {
    const c = this.byField[field];
    if (c === undefined) return null;
    const cached = this.maxes.get(c);
    if (cached !== undefined) return cached;
    const { from, to } = this.dataRows;
    let max: number | null = null;
    for (let r = from; r < to; r++) {
      if (this.skip?.has(r)) continue;
      const cell = this.values[r]?.[c];
      if (typeof cell === "number" && Number.isFinite(cell) && !(this.formats?.[r]?.[c]?.includes("%") ?? false) && (max === null || cell > max)) max = cell;
    }
    this.maxes.set(c, max);
    return max;
  }

  /** `columnMax` by column, worked out once per block. */
  private readonly maxes = new Map<number, number | null>();

  /** The bound a number was written with (`<15%` is a maximum, `70%+` a minimum), or `null`. */
  bound(field: FieldRef<F>, r: number): Bound | null {
    const raw = this.raw(field, r);
    return typeof raw === "string" ? (splitQualifier(raw)?.bound ?? null) : null;
  }

  /** The top of the scale a number was written on (`4.5/5` → 5), or `null`. */
  scale(field: FieldRef<F>, r: number): number | null {
    const raw = this.raw(field, r);
    return typeof raw === "string" ? (splitQualifier(raw)?.scale ?? null) : null;
  }

  /** Lists a row with content that gives no record (an objective's own title row), with why. */
  skipRow(r: number, reason: string): void {
    this.skipped?.push({ row: r, reason });
  }

  /** Records a problem at a given cell of the sheet (`E13`). */
  reportAt(code: string, severity: Severity, cell: string, message: string): void {
    this.problems.push({ code, message, sheet: this.name, cell, severity });
  }

  report(code: string, severity: Severity, field: F, r: number, message: string): void {
    const cell = this.address(field, r);
    // A field read from the form above the table is one cell for every row: its problem is told once.
    if (this.byField[field] === undefined) {
      const key = `${code}\u0000${cell}`;
      if (this.toldOnce.has(key)) return;
      this.toldOnce.add(key);
    }
    this.problems.push({ code, message, sheet: this.name, cell, severity });
  }

  /** Problems of context cells already reported, by code and cell. */
  private readonly toldOnce = new Set<string>();

  private fail(field: FieldRef<F>, r: number, result: Extract<CellValue<unknown>, { ok: false }>, expected: string): void {
    const label = this.label(field.name);
    const where = this.where(field.name, r);
    if (result.code === "excel-error") {
      this.report("excel-error", "error", field.name, r, `${label}: ${result.message} ${where}.`);
      return;
    }
    const raw = this.raw(field, r);
    const shown = typeof raw === "boolean" ? (raw ? "TRUE" : "FALSE") : typeof raw === "number" ? `the number ${result.text}` : `text ("${result.text}")`;
    this.report(result.code, "error", field.name, r, `${label} is ${shown} in ${where}; expected ${expected}.`);
  }

  // The fast paths below read the common cells (plain text, plain numbers, blanks)
  // without building a result object each: they run for every cell of every row.
  text(field: FieldRef<F>, r: number): string {
    const cell = this.ownCell(field, r);
    if (cell === NO_COLUMN) {
      if (!field.present) return "";
    } else if (cell === undefined) return "";
    else if (typeof cell === "string") {
      const text = trimmed(cell);
      if (text === "" || text.charCodeAt(0) !== 35 /* # */) return text;
    }
    const raw = this.raw(field, r);
    if (typeof raw === "string") {
      const text = trimmed(raw);
      if (text === "" || text.charCodeAt(0) !== 35 /* # */) return text;
    }
    const result = toText(raw, this.format(field, r));
    if (!result.ok) {
      this.fail(field, r, result, "text");
      return "";
    }
    return result.value ?? "";
  }

  /**
   * A number; with `subject` (what the cell measures), a value written as a
   * short statement reads too (`NPS = 42`, `Closed $400K` for "Close $500K …").
   */
  number(field: FieldRef<F>, r: number, subject?: string): number | null {
    const cell = this.ownCell(field, r);
    if (cell === NO_COLUMN) {
      if (!field.present) return null;
    } else if (cell === undefined || cell === "") return null;
    else if (typeof cell === "number" && Number.isFinite(cell)) return cell === 0 ? 0 : cell;
    const raw = this.raw(field, r);
    if (typeof raw === "number" && Number.isFinite(raw)) return raw === 0 ? 0 : raw;
    if (raw === "") return null;
    const result = toNumber(raw, this.format(field, r), this.settings);
    if (result.ok) return result.value;
    const stated = subject === undefined ? null : this.stated(raw, subject);
    if (stated !== null) return stated;
    this.fail(field, r, result, "a number");
    return null;
  }

  /** True when the last {@link numberOrYesNo} read a yes/no word or TRUE/FALSE rather than a number. */
  lastWasYesNo = false;

  /**
   * A number, or 1/0 for yes/no words and TRUE/FALSE ({@link lastWasYesNo} says
   * which it was: a flag rather than a result object per cell). With `subject`, as `number`.
   */
  numberOrYesNo(field: FieldRef<F>, r: number, subject?: string): number | null {
    this.lastWasYesNo = false;
    const cell = this.ownCell(field, r);
    if (cell === NO_COLUMN) {
      if (!field.present) return null;
    } else if (cell === undefined || cell === "") return null;
    else if (typeof cell === "number" && Number.isFinite(cell)) return cell === 0 ? 0 : cell;
    const raw = this.raw(field, r);
    if (typeof raw === "number" && Number.isFinite(raw)) return raw === 0 ? 0 : raw;
    if (raw === "") return null;
    const num = toNumberOrYesNo(raw, this.format(field, r), this.settings);
    if (num.ok) {
      this.lastWasYesNo = num.yesNo === true;
      return num.value;
    }
    const stated = subject === undefined ? null : this.stated(raw, subject);
    if (stated !== null) return stated;
    this.fail(field, r, num, "a number");
    return null;
  }

  /** The number a statement in a cell gives (only tried once the cell failed to read as a number). */
  private stated(raw: RawCell, subject: string): number | null {
    const text = typeof raw === "string" ? numberInStatement(raw, subject) : null;
    if (text === null) return null;
    const value = toNumber(text, undefined, this.settings);
    return value.ok ? value.value : null;
  }

  date(field: FieldRef<F>, r: number): IsoDate | null {
    if (!field.present) return null;
    const raw = this.raw(field, r);
    if (raw === "") return null;
    const result = toDate(raw, this.format(field, r), this.settings);
    if (result.ok) return result.value;
    this.fail(field, r, result, "a date such as 2026-07-01");
    return null;
  }

  period(field: FieldRef<F>, r: number, dateKind: PeriodKind): Period | null {
    if (!field.present) return null;
    const raw = this.raw(field, r);
    if (this.periodKind !== null) return this.periodAt(field, r, raw, dateKind, this.periodKind);
    // A period column repeats a few labels thousands of times; read each text (or number, by its format) once per sheet.
    const format = this.format(field, r);
    const cached = typeof raw === "string" ? this.periods.get(raw) : typeof raw === "number" ? this.numberPeriods.get(format)?.get(raw) : undefined;
    if (cached) return cached;
    // A month or quarter written without its year (`January`, `Q2`) takes the year of its row's year column, or of the sheet's title or form.
    const bare = typeof raw === "string" ? raw.trim() : "";
    const quarter = /^q[1-4]$/i.test(bare) ? bare.toUpperCase() : null;
    const month = quarter === null ? monthNumber(bare) : null;
    const year = month === null ? null : this.yearOfRow(r, month);
    // A quarter of a financial year (`FY 2026` in the title) is that year's fiscal quarter.
    const quarterYear = quarter === null ? null : this.yearOfRow(r, 0);
    const withYear = year !== null ? `${bare} ${year}` : quarter !== null && quarterYear !== null ? (this.fiscalText(r) ? `FY${quarterYear} ${quarter}` : `${quarter} ${quarterYear}`) : raw;
    const result = parsePeriod(withYear, {
      dateKind,
      format,
      fiscalYearStartMonth: this.settings.fiscalYearStartMonth,
      decimalSeparator: this.settings.decimalSeparator,
    });
    if (result.ok) {
      // A bare month's year may differ by row only where a year column gives it.
      if (typeof raw === "string" && result.value && (this.yearColumn === null || withYear === raw)) this.periods.set(raw, result.value);
      if (typeof raw === "number" && result.value) {
        let byNumber = this.numberPeriods.get(format);
        if (!byNumber) this.numberPeriods.set(format, (byNumber = new Map()));
        byNumber.set(raw, result.value);
      }
      return result.value;
    }
    this.fail(field, r, result, "a period such as 2026-Q3, Q3 2026, FY26 Q3 or 2026");
    return null;
  }

  /**
   * The period of `kind` that contains the period read from `raw` (a reading at
   * one granularity: the quarter of a March report for its `Quarterly` columns);
   * `null` when the period read is longer than `kind` (which month of a year is unknown).
   */
  private periodAt(field: FieldRef<F>, r: number, raw: RawCell, dateKind: PeriodKind, kind: PeriodKind): Period | null {
    const key = `${kind}\u0000${String(raw)}`;
    const cached = this.periods.get(key);
    if (cached) return cached;
    this.periodKind = null;
    const period = this.period(field, r, dateKind);
    this.periodKind = kind;
    const enclosing = period === null ? null : enclosingPeriod(period, kind, this.settings.fiscalYearStartMonth);
    if (enclosing) this.periods.set(key, enclosing);
    return enclosing;
  }

  /**
   * The calendar year of a month on row `r`: from the row's year column or the
   * title's year. A financial year (`FY 2026`) is named by the year it ends in,
   * so with an April start, April–December fall in the year before.
   */
  private yearOfRow(r: number, month: number): string | null {
    const text = this.yearTextOf(r);
    const found = /\b(?:19|20)\d{2}\b/.exec(text);
    if (!found) return null;
    const fiscal = /\bfy\b|financial|fiscal/i.test(text) && this.settings.fiscalYearStartMonth !== 1;
    const year = Number(found[0]);
    return String(fiscal && month >= this.settings.fiscalYearStartMonth ? year - 1 : year);
  }

  private yearTextOf(r: number): string {
    const own = this.yearColumn === null ? "" : String(this.values[r]?.[this.yearColumn - this.originCol] ?? "");
    return /\b(?:19|20)\d{2}\b/.test(own) ? own : (this.yearText ?? "");
  }

  /** True when the sheet names a financial year and the settings give one other than the calendar year. */
  private fiscalText(r: number): boolean {
    return /\bfy\b|financial|fiscal/i.test(this.yearTextOf(r)) && this.settings.fiscalYearStartMonth !== 1;
  }

  /** Reads a word from a fixed vocabulary; an unknown word is reported and gives `null`. */
  word<T>(field: FieldRef<F>, r: number, words: ReadonlyMap<string, T>, expected: string): T | null {
    const text = this.text(field, r);
    if (text === "") return null;
    // A vocabulary column holds a handful of spellings: reduce each one once per sheet.
    let keys = this.wordKeys.get(words);
    if (!keys) this.wordKeys.set(words, (keys = new Map()));
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = wordKey(text)));
    const found = words.get(key);
    if (found !== undefined) return found;
    this.report(`bad-${field.name}`, "warning", field.name, r, `${this.label(field.name)} "${text.slice(0, 40)}" in ${this.where(field.name, r)} is not recognised; expected ${expected}.`);
    return null;
  }
}

/** A cell marking a level: its number, a tick, `x` or `yes`; blank, 0, `no`, `-` and `N.A.` mark nothing. */
function isMark(cell: RawCell | undefined): boolean {
  if (cell === undefined || cell === null || cell === false) return false;
  if (typeof cell === "number") return cell !== 0 && Number.isFinite(cell);
  if (typeof cell === "boolean") return cell;
  const text = cell.trim().toLowerCase();
  return text !== "" && !/^(?:0|no|n|false|-|–|—|n\.?\s?a\.?|nil|none)$/.test(text);
}

/**
 * A word reduced for lookup: lower case, letters, digits and arrows only.
 *
 * @example
 * wordKey(" Higher-is better ") // "higherisbetter"
 */
export function wordKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}↑↓↗↘⬆⬇]+/gu, "");
}

/**
 * Builds a lookup map from groups of words that mean the same value, keyed by `wordKey`.
 *
 * @example
 * const directions = vocabulary([["higher", ["Higher is better", "↑"]], ["lower", ["Lower is better"]]]);
 * directions.get(wordKey("higher IS better")) // "higher"
 * directions.get(wordKey("↑")) // "higher"
 */
export function vocabulary<T>(groups: ReadonlyArray<readonly [T, readonly string[]]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of groups) for (const w of words) map.set(wordKey(w), value);
  return map;
}
