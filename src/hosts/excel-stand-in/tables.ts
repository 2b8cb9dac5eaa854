/**
 * Tables of the in-memory host: `tables.add` over a range, names, styles, and
 * the rows and columns a table grows by.
 */
import type { ExcelTable, ExcelTableCollection } from "../../workbook/excel-api";
import { overlaps, parseRange, type Rect } from "./address";
import { outsideText } from "./structured";
import { type FakeRequestContext, loaded } from "./context";
import { FakeOfficeError, officeError } from "./errors";
import type { CellValue } from "./grid";
import { FakeRange, writeCells } from "./ranges";
import type { SheetHandle, SheetState, TableState, WorkbookState } from "./state";

interface TableProps {
  name: string;
  style: string;
  showBandedRows: boolean;
  isNullObject: boolean;
}

export class FakeTableCollection implements ExcelTableCollection {
  private loadedItems: FakeTable[] | undefined;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly workbook: WorkbookState,
    private readonly sheet: SheetHandle | null,
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
        // Excel answers both with InvalidArgument and a message in the user's language
        // (https://github.com/OfficeDev/office-js/issues/1199); a table cannot hold merged cells either.
        if (this.workbook.tables.some((table) => table.sheet === sheet && overlaps(table.rect, rect))) {
          throw officeError("InvalidArgument", "A table can't overlap another table.", "TableCollection.add");
        }
        if (sheet.merges.some((merged) => overlaps(merged, rect))) {
          throw officeError("InvalidArgument", "A table can't contain merged cells.", "TableCollection.add");
        }
        const full = { ...rect, rows: Math.max(rect.rows, 2) };
        if (!hasHeaders) full.row = Math.max(0, rect.row - 1);
        const seen = new Set<string>();
        for (let c = 0; c < full.cols; c++) {
          const cell = sheet.grid.value(full.row, full.col + c);
          // Excel names a blank header ColumnN and numbers a repeated one: Owner, Owner2, Owner3.
          const base = cell === undefined || !hasHeaders ? `Column${c + 1}` : String(cell);
          let header = base;
          for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${base}${n}`;
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
    return new FakeTable(this.context, this.workbook, () => created);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, this.workbook, () => {
      const owner = this.sheet?.state();
      const table = this.workbook.tables.find((t) => t.name.toLowerCase() === key.toLowerCase() && (!owner || t.sheet === owner));
      if (!table) throw officeError("ItemNotFound", `No table named ${key}.`, "TableCollection.getItem");
      return table;
    });
  }

  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, this.workbook, () => {
      const owner = this.sheet?.state();
      return this.workbook.tables.find((table) => table.name.toLowerCase() === key.toLowerCase() && (!owner || table.sheet === owner)) ?? null;
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
  return { name: table.name, style: table.style, showBandedRows: table.showBandedRows, isNullObject: false };
}

/** Excel's rule for table names. */
function tableNameProblem(name: string): string | null {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name)) return "A table name starts with a letter or underscore and has only letters, digits, periods and underscores.";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return "A table name cannot look like a cell reference.";
  return null;
}

export class FakeTable implements ExcelTable {
  private cache: Partial<TableProps> = {};
  readonly rows: { add(index?: number | null, values?: CellValue[][]): void };
  readonly columns: { add(index: number | null | undefined, values?: CellValue[][], name?: string): void };
  /**
   * Sorts the table's data rows by columns of the table (TableSort.apply, ExcelApi 1.2,
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablesort#excel-excel-tablesort-apply-member(1)).
   * Whole rows move; a formula's relative A1 references move with it, as when a cell is
   * copied, so a reference to another row then points elsewhere, while `[@Column]` does not.
   */
  readonly sort: { apply(fields: Array<{ key: number; ascending?: boolean }>): void };

  constructor(
    private readonly context: FakeRequestContext,
    private readonly workbook: WorkbookState,
    private readonly find: () => TableState | null,
  ) {
    this.rows = {
      // TableRowCollection.add: "If null or -1, the addition happens at the end. Any rows below the
      // inserted row are shifted downwards" (zero-indexed among the data rows,
      // https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1));
      // it is the way a table grows: values written below a table stay outside it.
      add: (index, values = [[]]) =>
        this.change("table.rows.add", { index: index ?? null, values }, (table) => {
          const dataRows = table.rect.rows - 1;
          if (index !== null && index !== undefined && index !== -1 && (index < 0 || index > dataRows)) {
            throw officeError("InvalidArgument", "The index is out of range.", "TableRowCollection.add");
          }
          const at = index === null || index === undefined || index === -1 ? dataRows : index;
          const rows = values.length;
          const rect = { row: table.rect.row + 1 + at, col: table.rect.col, rows, cols: table.rect.cols };
          const calculated = calculatedColumns(table);
          insertRows(table.sheet, rect);
          writeCells(table.sheet, rect, values.length === 1 && values[0].length === 0 ? [Array<null>(table.rect.cols).fill(null)] : values);
          table.rect = { ...table.rect, rows: table.rect.rows + rows };
          // The column's formula as a row that was already there holds it now (its references moved with the insertion).
          const source = at > 0 ? table.rect.row + 1 : rect.row + rows;
          // A calculated column fills the rows added to its table ("Use calculated columns in an Excel
          // table": "calculated columns continue to adjust as you add or delete rows",
          // https://support.microsoft.com/en-us/office/use-calculated-columns-in-an-excel-table-873fbac6-7110-4300-8f6f-aafa2ea11ce8).
          // Only a cell given no value gets it: in a values array null leaves a cell as it is and
          // "" clears it ("Blank and null values in Excel add-ins",
          // https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
          for (const col of calculated) {
            const formula = table.sheet.grid.formula(source, col);
            if (formula === undefined) continue;
            for (let r = rect.row; r < rect.row + rows; r++) {
              const given: unknown = values[r - rect.row]?.[col - table.rect.col];
              if (given === null || given === undefined) table.sheet.grid.setFormula(r, col, shiftRows(formula, r - source));
            }
          }
        }),
    };
    this.sort = {
      apply: (fields) =>
        this.change("table.sort.apply", fields, (table) => {
          const grid = table.sheet.grid;
          const { row: top, col: left, rows, cols } = table.rect;
          const snapshot = Array.from({ length: rows - 1 }, (_, i) =>
            Array.from({ length: cols }, (__, c) => ({
              value: grid.value(top + 1 + i, left + c),
              formula: grid.formula(top + 1 + i, left + c),
              format: grid.format(top + 1 + i, left + c),
              prefixed: grid.prefixed(top + 1 + i, left + c),
              from: top + 1 + i,
            })),
          );
          const order = snapshot.map((line, i) => ({ line, i }));
          order.sort((a, b) => {
            for (const field of fields) {
              const diff = compareCells(a.line[field.key].value, b.line[field.key].value);
              if (diff !== 0) return field.ascending === false ? -diff : diff;
            }
            return a.i - b.i;
          });
          order.forEach(({ line }, i) => {
            const to = top + 1 + i;
            line.forEach((cell, c) => {
              if (cell.formula !== undefined) grid.setFormula(to, left + c, shiftRows(cell.formula, to - cell.from));
              else grid.setValue(to, left + c, cell.value, cell.prefixed);
              grid.setFormat(to, left + c, cell.format);
            });
          });
        }),
    };
    this.columns = {
      add: (_index, values, name) =>
        this.change("table.columns.add", { values, name }, (table) => {
          const rect = { row: table.rect.row, col: table.rect.col + table.rect.cols, rows: table.rect.rows, cols: 1 };
          if (values) writeCells(table.sheet, rect, values);
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

  get isNullObject(): boolean {
    return loaded(this.cache, "isNullObject", "Table");
  }

  load(names?: string | string[]): FakeTable {
    this.context.enqueue({
      kind: "load",
      payload: names ?? null,
      apply: () => {
        const table = this.find();
        if (!table || !this.workbook.tables.includes(table)) {
          return { response: { isNullObject: true }, commit: () => (this.cache = { isNullObject: true }) };
        }
        const response = tableProps(table);
        return { response, commit: () => Object.assign(this.cache, response) };
      },
    });
    return this;
  }

  /**
   * Turns the table into a plain range: its cells stay, the table goes (Table.convertToRange,
   * ExcelApi 1.2, https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-converttorange-member(1)).
   */
  convertToRange(): FakeRange {
    this.change("table.convertToRange", null, (table) => {
      this.workbook.tables = this.workbook.tables.filter((other) => other !== table);
    });
    return this.range((table) => table.rect);
  }

  /** The table now; ItemNotFound when it was never made or is gone. */
  private resolve(): TableState {
    const table = this.find();
    if (!table || !this.workbook.tables.includes(table)) throw officeError("ItemNotFound", "The table does not exist.", "Table");
    return table;
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
    const sheet: SheetHandle = {
      context: this.context,
      workbook: this.workbook,
      state: () => {
        const owner = this.resolve().sheet;
        if (owner.deleted) throw officeError("ItemNotFound", "The worksheet does not exist.", "Worksheet");
        return owner;
      },
    };
    return new FakeRange(sheet, () => part(this.resolve()));
  }

  private change(kind: string, payload: unknown, apply: (table: TableState) => void): void {
    this.context.enqueue({ kind, payload, apply: () => apply(this.resolve()) });
  }
}

/** Excel's sort order: numbers, then text (ignoring case), then booleans, then blanks. */
function compareCells(a: CellValue | undefined, b: CellValue | undefined): number {
  const rank = (v: CellValue | undefined) => (v === undefined ? 3 : typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a ?? "").toLowerCase().localeCompare(String(b ?? "").toLowerCase());
}

/** Moves the relative row references of an A1 formula by `delta` rows, as copying does. */
function shiftRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  return outsideNames(formula, (part) => part.replace(CELL, (whole, colAbs: string, column: string, rowAbs: string, row: string) => (rowAbs ? whole : `${colAbs}${column}${Number(row) + delta}`)));
}

/**
 * Inserts `rect.rows` blank rows over the rect's columns, moving the cells below down, and
 * moves every reference on the sheet to a moved cell with it, as inserting cells does
 * ("Insert or delete cells, rows, and columns": references adjust to the cells' new place,
 * https://support.microsoft.com/en-us/office/insert-or-delete-cells-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246);
 * a range that spans the insertion grows by the inserted rows.
 */
function insertRows(sheet: SheetState, rect: Rect): void {
  const last = rect.col + rect.cols - 1;
  sheet.grid.mapFormulas((formula) =>
    outsideNames(formula, (part) =>
      part.replace(OWN_SHEET_CELL, (whole, colAbs: string, column: string, rowAbs: string, row: string) => {
        const at = parseRange(`${column}${row}`);
        if (!at || at.row < rect.row || at.col < rect.col || at.col > last) return whole;
        return `${colAbs}${column}${rowAbs}${Number(row) + rect.rows}`;
      }),
    ),
  );
  sheet.grid.shiftDown(rect);
}

/** A1 cell references (`E4`, `$E$4`, `Other!E4`), found outside text literals and structured references. */
const CELL = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])/g;

/** The same, on the formula's own sheet only (not `Other!E4`). */
const OWN_SHEET_CELL = /(?<![A-Za-z0-9_.$!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])/g;

/** Rewrites the parts of a formula outside its "text literals" and [structured references]. */
function outsideNames(formula: string, rewrite: (part: string) => string): string {
  return outsideText(formula, (part) =>
    part
      .split(/(\[(?:[^[\]]|\[[^\]]*\])*\])/)
      .map((piece, i) => (i % 2 === 1 ? piece : rewrite(piece)))
      .join(""),
  );
}

/**
 * The table's calculated columns: those whose data rows all hold one formula (the same
 * formula once each row's relative references are read from its own row).
 */
function calculatedColumns(table: TableState): number[] {
  const { grid } = table.sheet;
  const first = table.rect.row + 1;
  const out: number[] = [];
  for (let c = table.rect.col; c < table.rect.col + table.rect.cols; c++) {
    const formula = grid.formula(first, c);
    if (formula === undefined) continue;
    let same = true;
    for (let r = first + 1; r < table.rect.row + table.rect.rows && same; r++) {
      const other = grid.formula(r, c);
      same = other !== undefined && shiftRows(other, first - r) === formula;
    }
    if (same) out.push(c);
  }
  return out;
}
