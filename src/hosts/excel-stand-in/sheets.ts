/**
 * Worksheet proxies of the in-memory host. Property
 * writes and method calls are queued on the request context and applied at
 * `sync()`; properties read back only after `load` and `sync`.
 */
import type { ExcelWorksheet, ExcelWorksheetCollection } from "../../workbook/excel-api";
import { MAX_COLS, MAX_ROWS, parseRange, type Rect } from "./address";
import { FakeChartCollection } from "./charts";
import { type FakeRequestContext, loaded, propertyNames } from "./context";
import { FakeOfficeError, officeError } from "./errors";
import { FakeRange } from "./ranges";
import { raise, SheetState, type SheetHandle, type Visibility, type WorkbookState } from "./state";
import { FakeTableCollection } from "./tables";

interface WorksheetProps {
  id: string;
  name: string;
  visibility: string;
  position: number;
  tabColor: string;
  isNullObject: boolean;
}

const WORKSHEET_PROPS = ["id", "name", "visibility", "position", "tabColor"] as const;

/**
 * Excel's rule for sheet names; `null` when valid, otherwise why not.
 *
 * @example
 * sheetNameProblem("Q3 rollup") // null
 * sheetNameProblem("Q3/Q4") // "A sheet name cannot contain : \\ / ? * [ or ]."
 */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31) return "A sheet name has 1 to 31 characters.";
  if (/[:\\/?*[\]]/.test(name)) return "A sheet name cannot contain : \\ / ? * [ or ].";
  if (name.startsWith("'") || name.endsWith("'")) return "A sheet name cannot begin or end with an apostrophe.";
  if (name.toLowerCase() === "history") return "History is reserved by Excel.";
  return null;
}

/**
 * The sheet with this name, in any case, or this id.
 *
 * @example
 * findSheet(state, "okrs")?.name // "OKRs"
 */
export function findSheet(state: WorkbookState, name: string): SheetState | undefined {
  const wanted = name.toLowerCase();
  return state.sheets.find((sheet) => sheet.name.toLowerCase() === wanted || sheet.id === name);
}

export class FakeWorksheet implements ExcelWorksheet, SheetHandle {
  private cache: Partial<WorksheetProps> = {};
  private resolved: SheetState | undefined;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;

  constructor(
    readonly context: FakeRequestContext,
    readonly workbook: WorkbookState,
    private readonly resolver: () => SheetState | null,
  ) {
    this.tables = new FakeTableCollection(context, workbook, this);
    this.charts = new FakeChartCollection(context, workbook, this);
    this.freezePanes = new FakeFreezePanes(this);
  }

  /** The sheet this proxy stands for, or null for a null object; found once, then kept (renames follow it). */
  resolve(): SheetState | null {
    if (this.resolved) return this.resolved;
    const sheet = this.resolver();
    if (sheet) this.resolved = sheet;
    return sheet;
  }

  /** The sheet, for an operation that needs it to exist. */
  state(): SheetState {
    const sheet = this.resolve();
    if (!sheet || sheet.deleted) throw officeError("ItemNotFound", "The worksheet does not exist.", "Worksheet");
    return sheet;
  }

  /** Seeds the cache for proxies the collection hands out already loaded. */
  prime(props: Partial<WorksheetProps>): void {
    Object.assign(this.cache, props);
  }

  get id(): string {
    return loaded(this.cache, "id", "Worksheet");
  }
  get name(): string {
    return loaded(this.cache, "name", "Worksheet");
  }
  set name(name: string) {
    this.cache.name = name;
    this.context.enqueue({
      kind: "worksheet.name",
      payload: name,
      apply: () => {
        const sheet = this.state();
        const problem = sheetNameProblem(name);
        if (problem) throw officeError("InvalidArgument", problem, "Worksheet.name");
        const other = findSheet(this.workbook, name);
        if (other && other !== sheet) throw officeError("ItemAlreadyExists", `A sheet named ${name} exists.`, "Worksheet.name");
        const before = sheet.name;
        sheet.name = name;
        if (before !== name) raise(this.workbook, "onNameChanged", { worksheetId: sheet.id, nameBefore: before, nameAfter: name });
      },
    });
  }
  get visibility(): string {
    return loaded(this.cache, "visibility", "Worksheet");
  }
  set visibility(visibility: string) {
    this.cache.visibility = visibility;
    this.context.enqueue({
      kind: "worksheet.visibility",
      payload: visibility,
      apply: () => this.setVisibility(visibility),
    });
  }
  get position(): number {
    return loaded(this.cache, "position", "Worksheet");
  }
  set position(position: number) {
    this.cache.position = position;
    this.context.enqueue({
      kind: "worksheet.position",
      payload: position,
      apply: () => {
        const sheet = this.state();
        const sheets = this.workbook.sheets;
        if (!Number.isInteger(position) || position < 0 || position >= sheets.length) throw officeError("InvalidArgument", "Position out of range.");
        sheets.splice(sheets.indexOf(sheet), 1);
        sheets.splice(position, 0, sheet);
      },
    });
  }
  get tabColor(): string {
    return loaded(this.cache, "tabColor", "Worksheet");
  }
  set tabColor(color: string) {
    this.cache.tabColor = color;
    this.context.enqueue({
      kind: "worksheet.tabColor",
      payload: color,
      apply: () => {
        if (color !== "" && !/^#[0-9a-f]{6}$/i.test(color)) throw officeError("InvalidArgument", `Bad colour ${color}.`);
        this.state().tabColor = color;
      },
    });
  }
  get isNullObject(): boolean {
    return loaded(this.cache, "isNullObject", "Worksheet");
  }

  load(names?: string | string[]): FakeWorksheet {
    const wanted = propertyNames(names);
    this.context.enqueue({
      kind: "load",
      payload: names ?? null,
      apply: () => {
        const sheet = this.resolve();
        if (!sheet || sheet.deleted) {
          if (sheet?.deleted) throw officeError("ItemNotFound", "The worksheet was deleted.");
          return { response: { isNullObject: true }, commit: () => (this.cache = { isNullObject: true }) };
        }
        const response = worksheetSnapshot(this.workbook, sheet, wanted);
        return { response, commit: () => Object.assign(this.cache, response) };
      },
    });
    return this;
  }

  delete(): void {
    this.context.enqueue({
      kind: "worksheet.delete",
      apply: () => {
        const sheet = this.state();
        const visible = this.workbook.sheets.filter((s) => s.visibility === "Visible");
        if (visible.length === 1 && visible[0] === sheet) {
          throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        sheet.deleted = true;
        this.workbook.sheets.splice(this.workbook.sheets.indexOf(sheet), 1);
        this.workbook.tables = this.workbook.tables.filter((table) => table.sheet !== sheet);
        if (this.workbook.active === sheet) {
          this.workbook.active = this.workbook.sheets.find((s) => s.visibility === "Visible") ?? null;
        }
        if (this.workbook.selection?.sheet === sheet.name) this.workbook.selection = null;
        raise(this.workbook, "onDeleted", { worksheetId: sheet.id });
      },
    });
  }

  activate(): void {
    this.context.enqueue({
      kind: "worksheet.activate",
      apply: () => {
        const sheet = this.state();
        if (sheet.visibility !== "Visible") throw officeError("InvalidOperation", "A hidden sheet cannot be activated.");
        this.workbook.active = sheet;
      },
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this, () => {
      if (address === undefined) return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
      const rect = parseRange(address);
      if (!rect) throw officeError("InvalidArgument", `Bad address ${address}.`, "Worksheet.getRange");
      return rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this, () => fixedRect({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }));
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, (sheet) => sheet.grid.usedRect(valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, (sheet) => sheet.grid.usedRect(valuesOnly === true), true);
  }

  private setVisibility(visibility: string): void {
    const sheet = this.state();
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw officeError("InvalidArgument", `Bad visibility ${visibility}.`);
    const others = this.workbook.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
    if (visibility !== "Visible" && others.length === 0) {
      throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    sheet.visibility = visibility as Visibility;
    if (visibility !== "Visible" && this.workbook.active === sheet) this.workbook.active = others[0];
  }
}

function fixedRect(rect: Rect): Rect {
  if (!Number.isInteger(rect.row + rect.col + rect.rows + rect.cols) || rect.rows < 1 || rect.cols < 1) {
    throw officeError("InvalidArgument", "Bad range indexes.");
  }
  if (rect.row < 0 || rect.col < 0 || rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLS) {
    throw officeError("InvalidArgument", "The range lies outside the sheet.");
  }
  return rect;
}

function worksheetSnapshot(workbook: WorkbookState, sheet: SheetState, wanted: string[]): Partial<WorksheetProps> {
  const names = wanted.length === 0 ? [...WORKSHEET_PROPS] : wanted;
  const all: WorksheetProps = {
    id: sheet.id,
    name: sheet.name,
    visibility: sheet.visibility,
    position: workbook.sheets.indexOf(sheet),
    tabColor: sheet.tabColor,
    isNullObject: false,
  };
  const out: Partial<WorksheetProps> = { isNullObject: false };
  for (const name of names) {
    if (!isWorksheetProp(name)) throw officeError("InvalidArgument", `Worksheet has no property ${name}.`);
    Object.assign(out, { [name]: all[name] });
  }
  return out;
}

function isWorksheetProp(name: string): name is (typeof WORKSHEET_PROPS)[number] {
  return (WORKSHEET_PROPS as readonly string[]).includes(name);
}

/**
 * An event of the worksheet collection. Office.js defines every event on every host;
 * registering one the host lacks fails at sync with ApiNotFound, which is why the
 * add-in checks requirement sets first (https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 */
export class FakeEventSource {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly state: WorkbookState,
    private readonly event: string,
    private readonly minor: number,
  ) {}

  add(handler: (event: unknown) => Promise<unknown>): { remove(): void } {
    this.context.enqueue({
      kind: `worksheets.${this.event}.add`,
      apply: () => {
        if (this.state.apiMinor < this.minor) throw officeError("ApiNotFound", `${this.event} needs ExcelApi 1.${this.minor}.`, `WorksheetCollection.${this.event}`);
        const list = this.state.handlers.get(this.event) ?? [];
        list.push(handler);
        this.state.handlers.set(this.event, list);
      },
    });
    return {
      remove: () => {
        const list = this.state.handlers.get(this.event) ?? [];
        this.state.handlers.set(this.event, list.filter((item) => item !== handler));
      },
    };
  }
}

export class FakeWorksheetCollection implements ExcelWorksheetCollection {
  private loadedItems: FakeWorksheet[] | undefined;
  /** ExcelApi 1.7: https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onadded-member */
  readonly onAdded: FakeEventSource;
  readonly onDeleted: FakeEventSource;
  /** ExcelApi 1.9. */
  readonly onChanged: FakeEventSource;
  /** ExcelApi 1.17, absent from Excel 2021: https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-1-17-requirement-set */
  readonly onNameChanged: FakeEventSource;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly state: WorkbookState,
  ) {
    this.onAdded = new FakeEventSource(context, state, "onAdded", 7);
    this.onDeleted = new FakeEventSource(context, state, "onDeleted", 7);
    this.onChanged = new FakeEventSource(context, state, "onChanged", 9);
    this.onNameChanged = new FakeEventSource(context, state, "onNameChanged", 17);
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) {
      throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available. Call load and context.sync() first.", "WorksheetCollection.items");
    }
    return this.loadedItems;
  }

  load(names?: string | string[]): FakeWorksheetCollection {
    const wanted = propertyNames(names).map((name) => name.replace(/^items\//, ""));
    this.context.enqueue({
      kind: "load",
      payload: names ?? null,
      apply: () => {
        const snapshots = this.state.sheets.map((sheet) => ({ sheet, props: worksheetSnapshot(this.state, sheet, wanted) }));
        return {
          response: { items: snapshots.map((s) => s.props) },
          commit: () => {
            this.loadedItems = snapshots.map(({ sheet, props }) => {
              const proxy = new FakeWorksheet(this.context, this.state, () => sheet);
              proxy.prime(props);
              return proxy;
            });
          },
        };
      },
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.state, () => {
      const sheet = findSheet(this.state, key);
      if (!sheet) throw officeError("ItemNotFound", `No worksheet named ${key}.`, "WorksheetCollection.getItem");
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.state, () => findSheet(this.state, key) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.state, () => {
      if (!this.state.active) throw officeError("ItemNotFound", "No active worksheet.");
      return this.state.active;
    });
  }

  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.context.enqueue({
      kind: "worksheets.add",
      payload: name ?? null,
      apply: () => {
        const finalName = name ?? defaultSheetName(this.state);
        const problem = sheetNameProblem(finalName);
        if (problem) throw officeError("InvalidArgument", problem, "WorksheetCollection.add");
        if (findSheet(this.state, finalName)) {
          throw officeError("ItemAlreadyExists", `A sheet named ${finalName} exists.`, "WorksheetCollection.add");
        }
        created = new SheetState(`{${String(this.state.nextSheetId++).padStart(8, "0")}}`, finalName);
        this.state.sheets.push(created);
        if (!this.state.active) this.state.active = created;
        raise(this.state, "onAdded", { worksheetId: created.id });
      },
    });
    return new FakeWorksheet(this.context, this.state, () => {
      if (!created) throw officeError("ItemNotFound", "The worksheet was not added.");
      return created;
    });
  }
}

function defaultSheetName(state: WorkbookState): string {
  for (let i = 1; ; i++) if (!findSheet(state, `Sheet${i}`)) return `Sheet${i}`;
}

export class FakeFreezePanes {
  constructor(private readonly sheet: FakeWorksheet) {}

  freezeRows(count = 1): void {
    this.set("freezePanes.freezeRows", () => ({ rows: count, cols: 0 }));
  }

  freezeColumns(count = 1): void {
    this.set("freezePanes.freezeColumns", () => ({ rows: 0, cols: count }));
  }

  freezeAt(frozenRange: string | FakeRange): void {
    this.set("freezePanes.freezeAt", () => {
      const rect = typeof frozenRange === "string" ? parseRange(frozenRange) : frozenRange.area()?.rect;
      if (!rect) throw officeError("InvalidArgument", "Bad frozen range.");
      return { rows: rect.row + rect.rows, cols: rect.col + rect.cols };
    });
  }

  unfreeze(): void {
    this.set("freezePanes.unfreeze", () => ({ rows: 0, cols: 0 }));
  }

  private set(kind: string, freeze: () => { rows: number; cols: number }): void {
    this.sheet.context.enqueue({
      kind,
      apply: () => {
        const value = freeze();
        if (value.rows < 0 || value.cols < 0) throw officeError("InvalidArgument", "Negative freeze.");
        this.sheet.state().freeze = value;
      },
    });
  }
}
