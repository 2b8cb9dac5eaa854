/**
 * Plans the conversion of a recognised goal sheet into an Excel table with live
 * computed columns (`=ALTITUDE.…` formulas), status colours and drop-downs.
 * The user's own columns and values are left as they are: the computed columns
 * go to the right of the used range.
 */
import { a1, columnLetter, type RangeRef } from "./address";
import type { RawCell, RecognisedSheet, SheetData } from "./model";
import type { ConditionalBlock, ValidationBlock } from "./plan";
import { parsePeriod } from "./periods";
import { kpiDirection } from "./scoring";
import { toNumber } from "./values";
import type { Settings } from "./settings";
import { fail, ok, type Outcome } from "./outcome";

export interface ComputedColumn {
  header: string;
  /** One formula per data row, top to bottom. */
  formulas: string[];
  numberFormat: string | null;
}

export interface TableConversion {
  sheet: string;
  /** The user's range, header row included, as it is now. */
  range: RangeRef;
  /** Wanted table name; the adapter makes it unique. */
  tableName: string;
  /** The range the table covers once the computed columns are added. */
  tableRange: RangeRef;
  /** The table's column names, left to right, as Excel names them from the header row (computed columns included). */
  columnNames: string[];
  computed: ComputedColumn[];
  conditional: ConditionalBlock[];
  validations: ValidationBlock[];
}

export const GRADE_COLOURS = [
  { equals: "Green", fill: "#C6EFCE", fontColor: "#006100" },
  { equals: "Yellow", fill: "#FFEB9C", fontColor: "#9C5700" },
  { equals: "Red", fill: "#FFC7CE", fontColor: "#9C0006" },
];

export const PACE_COLOURS = [
  { equals: "Done", fill: "#C6EFCE", fontColor: "#006100" },
  { equals: "On track", fill: "#C6EFCE", fontColor: "#006100" },
  { equals: "At risk", fill: "#FFEB9C", fontColor: "#9C5700" },
  { equals: "Behind", fill: "#FFC7CE", fontColor: "#9C0006" },
];

const STATUS_COLOURS = [
  { equals: "On target", fill: "#C6EFCE", fontColor: "#006100" },
  { equals: "Above ceiling", fill: "#DDEBF7", fontColor: "#1F4E78" },
  { equals: "Watch", fill: "#FFEB9C", fontColor: "#9C5700" },
  { equals: "Breach", fill: "#FFC7CE", fontColor: "#9C0006" },
  { equals: "No data", fill: "#EDEDED", fontColor: "#595959" },
];

export const TYPE_CHOICES = ["increase", "decrease", "milestone", "binary", "maintain"];
export const COMMITMENT_CHOICES = ["aspirational", "committed"];
export const DIRECTION_CHOICES = ["higher", "lower", "band"];

/**
 * Plans the table conversion of a recognised sheet.
 *
 * @example
 * const plan = planTableConversion(sheet, recognised, DEFAULT_SETTINGS);
 * plan.ok && plan.value.computed.map((c) => c.header) // ["Score", "Grade", "Pace"]
 */
export function planTableConversion(sheet: SheetData, recognised: RecognisedSheet, settings: Settings): Outcome<TableConversion> {
  const width = sheet.values.reduce((max, row) => Math.max(max, row.length), 0);
  const headerIndex = recognised.headerRow - 1 - sheet.origin.row;
  if (headerIndex < 0 || headerIndex >= sheet.values.length) {
    return fail("empty", `The header row of "${sheet.name}" is outside its used range.`);
  }
  let lastIndex = sheet.values.length - 1;
  while (lastIndex > headerIndex && sheet.values[lastIndex].every((v) => v === "" || v === null)) lastIndex--;
  const dataRows = lastIndex - headerIndex;
  if (dataRows < 1) return fail("empty", `"${sheet.name}" has a header but no rows to convert.`);

  const firstRow = recognised.headerRow - 1;
  const range: RangeRef = { row: firstRow, col: sheet.origin.col, rows: dataRows + 1, cols: width };
  const nextCol = sheet.origin.col + width;
  const rows = Array.from({ length: dataRows }, (_, i) => firstRow + 1 + i);
  const col = (field: string): number | undefined => recognised.columns[field];
  const names = tableColumnNames([...(sheet.values[headerIndex] ?? []), ...Array<RawCell>(Math.max(0, width - (sheet.values[headerIndex]?.length ?? 0))).fill(""), ...COMPUTED_HEADERS[recognised.kind]]);
  // A computed column reads its own row through a structured reference ([@Start]), which
  // sorting and inserting rows cannot break ("Using structured references with Excel tables",
  // https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e).
  // A value carried from another row (an objective's commitment on its first row, a KPI's
  // floor on its first reading) is written as that value, never as a reference to the other row.
  const ref = (field: string, row: number): string | null => {
    const c = col(field);
    if (c === undefined) return null;
    if (row === CURRENT_ROW) return ownRow(names[c - sheet.origin.col]);
    const value = cellAt(sheet, row, c);
    // Excel holds no infinite or NaN number: such a value is blank, never the word Infinity in a formula.
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : '""';
    if (typeof value === "boolean") return String(value).toUpperCase();
    // Excel refuses a text literal over 255 characters in a formula; no bound or commitment is that long.
    const text = String(value);
    return text === "" || text.length > 255 ? '""' : `"${text.replace(/"/g, '""')}"`;
  };
  const computed = computedColumns(recognised, sheet, rows, nextCol, ref, settings);
  const conditional: ConditionalBlock[] = [];
  computed.forEach((column, i) => {
    const colours = column.header === "Grade" ? GRADE_COLOURS : column.header === "Pace" ? PACE_COLOURS : column.header === "Status" ? STATUS_COLOURS : null;
    if (colours) conditional.push({ kind: "conditional", range: { row: firstRow + 1, col: nextCol + i, rows: dataRows, cols: 1 }, rules: colours });
  });
  const validations: ValidationBlock[] = [];
  const dropDown = (field: string, list: string[]) => {
    const c = col(field);
    if (c !== undefined) validations.push({ kind: "validation", range: { row: firstRow + 1, col: c, rows: dataRows, cols: 1 }, list });
  };
  if (recognised.kind === "okr") {
    dropDown("type", TYPE_CHOICES);
    dropDown("commitment", COMMITMENT_CHOICES);
  }
  if (recognised.kind === "kpi") dropDown("direction", DIRECTION_CHOICES);

  return ok({
    sheet: sheet.name,
    range,
    tableName: tableNameFor(sheet.name),
    tableRange: { ...range, cols: width + computed.length },
    columnNames: names,
    computed,
    conditional,
    validations,
  });
}

/** A field's reference: `CURRENT_ROW` for the formula's own row, else the sheet row whose value it carries. */
type RefFn = (field: string, row: number) => string | null;

/** Marks "the formula's own row" for a RefFn. */
const CURRENT_ROW = -1;

/** The headers of the computed columns each kind of sheet gets. */
const COMPUTED_HEADERS: Record<RecognisedSheet["kind"], string[]> = { okr: ["Score", "Grade", "Pace"], kpi: ["Status", "Trend"], kra: ["Person score"], checkins: [] };

/**
 * The names Excel gives a table's columns from its header cells: the text of each,
 * `ColumnN` for a blank one, and a number added to a repeated one (case-insensitive).
 *
 * @example
 * tableColumnNames(["Owner", "", "owner"]) // ["Owner", "Column2", "owner2"]
 */
export function tableColumnNames(headers: RawCell[]): string[] {
  const seen = new Set<string>();
  return headers.map((cell, i) => {
    const base = cell === "" || cell === null ? `Column${i + 1}` : String(cell).trim() || `Column${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * A computed formula for a host without tables (Google Sheets): each structured reference
 * to the formula's own row becomes the A1 address of that column on `row` (zero-based).
 *
 * @example
 * withRowAddresses(conversion, "=ALTITUDE.OKRGRADE([@Score])", 3) // "=ALTITUDE.OKRGRADE(G4)" when Score is column G
 */
export function withRowAddresses(conversion: Pick<TableConversion, "columnNames" | "range">, formula: string, row: number): string {
  return formula.replace(/\[@(?:\[((?:[^'\]]|'.)*)\]|([A-Za-z_][A-Za-z0-9_]*))\]/g, (whole, bracketed: string | undefined, plain: string | undefined) => {
    const name = (bracketed ?? plain ?? "").replace(/'(.)/g, "$1").toLowerCase();
    const index = conversion.columnNames.findIndex((column) => column.toLowerCase() === name);
    return index < 0 ? whole : a1(row, conversion.range.col + index);
  });
}

/** `[@Start]`, or `[@[Key result]]` with Excel's escapes for names that need brackets. */
function ownRow(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `[@${name}]`;
  return `[@[${name.replace(/(['#[\]])/g, "'$1")}]]`;
}

function computedColumns(recognised: RecognisedSheet, sheet: SheetData, rows: number[], nextCol: number, ref: RefFn, settings: Settings): ComputedColumn[] {
  switch (recognised.kind) {
    case "okr": {
      const periods = filledDown(sheet, recognised.columns.period, rows);
      const commitments = carriedRows(sheet, recognised, rows, "commitment", "objective");
      return [
        {
          header: "Score",
          numberFormat: "0%",
          formulas: rows.map(() => fn("OKRSCORE", [ref("start", CURRENT_ROW) ?? '""', ref("target", CURRENT_ROW), ref("current", CURRENT_ROW), ref("type", CURRENT_ROW)])),
        },
        {
          header: "Grade",
          numberFormat: null,
          formulas: rows.map((r, i) => fn("OKRGRADE", ["[@Score]", ref("commitment", commitments[i] === r ? CURRENT_ROW : commitments[i])])),
        },
        {
          header: "Pace",
          numberFormat: null,
          formulas: rows.map((_, i) => {
            const period = parsePeriod(periods[i], { fiscalYearStartMonth: settings.fiscalYearStartMonth });
            if (!period.ok || !period.value) return '=""';
            return fn("OKRPACE", ["[@Score]", dateLiteral(period.value.start), dateLiteral(period.value.end)]);
          }),
        },
      ];
    }
    case "kpi": {
      const previous = previousReadingRows(sheet, recognised, rows);
      // A blank bound under a blank KPI name continues the one above, as the parser reads it.
      const carried = (field: string) => carriedRows(sheet, recognised, rows, field, "kpi");
      const bounds = { floor: carried("floor"), target: carried("target"), ceiling: carried("ceiling"), direction: carried("direction") };
      const bound = (field: keyof typeof bounds, i: number) => ref(field, bounds[field][i] === rows[i] ? CURRENT_ROW : bounds[field][i]);
      return [
        {
          header: "Status",
          numberFormat: null,
          formulas: rows.map((_, i) =>
            fn("KPISTATUS", [ref("actual", CURRENT_ROW), bound("floor", i) ?? '""', bound("target", i) ?? '""', bound("ceiling", i), bound("direction", i)]),
          ),
        },
        {
          header: "Trend",
          numberFormat: null,
          // The trend still reads the previous reading's cell by its address: a reading's
          // predecessor is another row, which no structured reference to this row can name.
          formulas: rows.map((r, i) => {
            const actual = recognised.columns.actual === undefined ? null : a1(r, recognised.columns.actual);
            const prev = previous[i];
            if (actual === null || prev === null) return '="Flat"';
            // Without a Direction column, the row's floor and target say which way is better.
            const direction =
              bound("direction", i) ?? (rowDirection(sheet, recognised, bounds.floor[i], bounds.target[i], bounds.ceiling[i], settings) === "lower" ? '"lower"' : null);
            return fn("KPITREND", [`CHOOSE({1,2},${a1(prev, recognised.columns.actual ?? 0)},${actual})`, direction]);
          }),
        },
      ];
    }
    case "kra": {
      const blocks = personBlocks(sheet, recognised, rows);
      return [
        {
          header: "Person score",
          numberFormat: "0.00",
          formulas: rows.map((_, i) => {
            const [top, bottom] = blocks[i];
            const rating = recognised.columns.rating;
            const weight = recognised.columns.weight;
            if (rating === undefined || weight === undefined) return '=""';
            const span = (c: number) => `$${columnLetter(c)}$${top + 1}:$${columnLetter(c)}$${bottom + 1}`;
            return fn("KRASCORE", [span(rating), span(weight)]);
          }),
        },
      ];
    }
    default:
      return [];
  }
}

/** `=ALTITUDE.NAME(a,b)` with trailing missing optional arguments dropped. */
function fn(name: string, args: Array<string | null>): string {
  const list = [...args];
  while (list.length > 0 && list[list.length - 1] === null) list.pop();
  return `=ALTITUDE.${name}(${list.map((a) => a ?? "").join(",")})`;
}

function dateLiteral(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `DATE(${y},${m},${d})`;
}

function cellAt(sheet: SheetData, row: number, col: number | undefined): RawCell {
  if (col === undefined) return "";
  return sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col] ?? "";
}

/** Which way a KPI row is read, from its floor, target and ceiling (each on the row it is read from) as they are now. */
function rowDirection(
  sheet: SheetData,
  recognised: RecognisedSheet,
  floorRow: number,
  targetRow: number,
  ceilingRow: number,
  settings: Settings,
): ReturnType<typeof kpiDirection> {
  const number = (field: string, row: number) => {
    const read = toNumber(cellAt(sheet, row, recognised.columns[field]), undefined, { decimalSeparator: settings.decimalSeparator });
    return read.ok ? read.value : null;
  };
  return kpiDirection({ actual: null, floor: number("floor", floorRow), target: number("target", targetRow), ceiling: number("ceiling", ceilingRow) });
}

/**
 * For each row, the sheet row a field is read from: its own, or where both the
 * field and the `group` cell (KPI name, objective) are blank, the row above it came from.
 */
function carriedRows(sheet: SheetData, recognised: RecognisedSheet, rows: number[], field: string, group: string): number[] {
  const blank = (row: number, col: number | undefined) => {
    const v = cellAt(sheet, row, col);
    return v === null || (typeof v === "string" && v.trim() === "");
  };
  let from = -1;
  return rows.map((r) => {
    if (from < 0 || !blank(r, recognised.columns[group]) || !blank(r, recognised.columns[field])) from = r;
    return from;
  });
}

/** Values of a column with blanks filled from above, as people leave repeated cells blank. */
function filledDown(sheet: SheetData, col: number | undefined, rows: number[]): RawCell[] {
  let last: RawCell = "";
  return rows.map((r) => {
    const v = cellAt(sheet, r, col);
    if (v !== "") last = v;
    return last;
  });
}

/** For each KPI row, the sheet row of the same KPI's previous reading (by order on the sheet). */
function previousReadingRows(sheet: SheetData, recognised: RecognisedSheet, rows: number[]): Array<number | null> {
  const names = filledDown(sheet, recognised.columns.kpi, rows);
  const lastSeen = new Map<string, number>();
  return rows.map((r, i) => {
    const key = String(names[i]).trim().toLowerCase();
    const prev = lastSeen.get(key) ?? null;
    lastSeen.set(key, r);
    return prev;
  });
}

/** For each KRA row, the first and last sheet rows of its run of rows for the same person. */
function personBlocks(sheet: SheetData, recognised: RecognisedSheet, rows: number[]): Array<[number, number]> {
  const names = filledDown(sheet, recognised.columns.employee, rows).map((v) => String(v).trim().toLowerCase());
  const result: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || names[i] !== names[start]) {
      for (let j = start; j < i; j++) result.push([rows[start], rows[i - 1]]);
      start = i;
    }
  }
  return result;
}

/**
 * A valid Excel table name from a sheet name: letters, digits and underscores, starting with a letter.
 *
 * @example
 * tableNameFor("OKRs 2026") // "Altitude_OKRs_2026"
 */
export function tableNameFor(sheetName: string): string {
  const cleaned = sheetName.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  return `Altitude_${cleaned || "Table"}`.slice(0, 250);
}
