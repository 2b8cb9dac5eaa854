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
import type { Settings } from "./settings";
import { fail, ok, type Outcome } from "./outcome";

export interface ComputedColumn {
  header: string;
  /** One formula per data row, top to bottom. */
  formulas: string[];
  numberFormat: string | null;
  /** A column of what Altitude read for each row (a name carried from above, a period's start), not a live figure. */
  asRead: boolean;
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
 * Every computed formula reads its own row (`[@Start]`) and whole columns of its own
 * table (`[Period]`), never another row by its address, so sorting the table or
 * inserting a row keeps each figure with its reading ("Using structured references
 * with Excel tables",
 * https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e).
 * A reading's predecessor (Trend) and a person's other areas (Person score) are found
 * by lookups over the table's columns with `LET`, `FILTER` and `XLOOKUP`: Excel 2021,
 * Excel for Microsoft 365 and Excel on the web, the same Excel the custom functions
 * need (CustomFunctionsRuntime 1.2 is not in Excel 2019 or earlier, where the whole
 * column shows `#NAME?`). Where a key is not in the row's own cells (a KPI or person
 * written once above its rows, a period written as text, which no Excel function
 * orders), the conversion adds a column holding the key as Altitude read it, so the
 * user's cells stay as they are.
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
  const read: Reading = { sheet, recognised, rows, settings };
  const keys = keyColumns(read);
  const headers = [...COMPUTED_HEADERS[recognised.kind], ...keys.map((k) => k.header)];
  const userHeaders = Array.from({ length: width }, (_, i) => sheet.values[headerIndex]?.[i] ?? "");
  const names = tableColumnNames([...userHeaders, ...headers]);
  const refs = referencesFor(read, names, keys);
  const computed: ComputedColumn[] = [...computedColumns(read, refs), ...keys.map((k) => ({ header: k.header, formulas: k.formulas, numberFormat: k.numberFormat, asRead: true }))];
  const conditional: ConditionalBlock[] = [];
  computed.forEach((column, i) => {
    const colours = column.header === "Grade" ? GRADE_COLOURS : column.header === "Pace" ? PACE_COLOURS : column.header === "Status" ? STATUS_COLOURS : null;
    if (colours) conditional.push({ kind: "conditional", range: { row: firstRow + 1, col: nextCol + i, rows: dataRows, cols: 1 }, rules: colours });
  });
  const validations: ValidationBlock[] = [];
  const dropDown = (field: string, list: string[]) => {
    const c = recognised.columns[field];
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

/** What the conversion reads: the sheet, how it was recognised, its data rows (sheet rows, zero-based) and the settings. */
interface Reading {
  sheet: SheetData;
  recognised: RecognisedSheet;
  rows: number[];
  settings: Settings;
}

/** A column the conversion adds holding a key of each row as Altitude read it (`KPI as read`, `Period start`). */
interface KeyColumn {
  /** The key it stands for: a field of the sheet, or `periodStart`. */
  key: string;
  header: string;
  formulas: string[];
  numberFormat: string | null;
}

/** How formulas name a field on their own row and over the whole table. */
interface References {
  /** `[@Start]`, or a carried value written as a literal; null when the sheet has no such column. */
  own(field: string, row: number): string | null;
  /** `[Start]`, the column's data rows; null when the sheet has no such column. */
  all(field: string): string | null;
  /** `[@Score]`: a computed column on the formula's own row, by the header it was planned with. */
  computed(header: string): string;
  /** The own-row and whole-column references of a key (KPI, owner, period start, employee …), null when there is none. */
  key(name: string): { own: string; all: string } | null;
}

/** The headers of the computed columns each kind of sheet gets. */
const COMPUTED_HEADERS: Record<RecognisedSheet["kind"], string[]> = { okr: ["Score", "Grade", "Pace"], kpi: ["Status", "Trend"], kra: ["Person score"], checkins: [] };

/**
 * Which keys each kind of sheet groups its rows by, as the analysis does: a KPI's readings
 * by name and owner (ordered by period), a person's areas by employee and review period.
 * A blank key cell continues the row above as the parser reads it: within its `group` (a
 * KPI's owner only under a blank KPI name), or with no group from the nearest filled cell
 * above (a review period written once for everyone).
 */
const GROUP_KEYS: Record<RecognisedSheet["kind"], Array<{ field: string; group: string | null }>> = {
  okr: [],
  kpi: [
    { field: "kpi", group: "kpi" },
    { field: "owner", group: "kpi" },
  ],
  kra: [
    { field: "employee", group: "employee" },
    { field: "period", group: null },
  ],
  checkins: [],
};

/**
 * The key columns a sheet needs: one for each grouping field that some row carries
 * from a row above (its own cell blank), and for a KPI sheet whose periods are not
 * all numbers, the start date of each reading's period, which orders its readings.
 */
function keyColumns(read: Reading): KeyColumn[] {
  const { sheet, recognised, rows, settings } = read;
  const out: KeyColumn[] = [];
  for (const { field, group } of GROUP_KEYS[recognised.kind]) {
    const c = recognised.columns[field];
    if (c === undefined) continue;
    const from = group === null ? filledDownRows(sheet, c, rows) : carriedRows(sheet, recognised, rows, field, group);
    if (from.every((r, i) => r === rows[i])) continue;
    const header = `${String(sheet.values[recognised.headerRow - 1 - sheet.origin.row]?.[c - sheet.origin.col] ?? field).trim() || field} as read`;
    out.push({ key: field, header, numberFormat: null, formulas: from.map((r) => `=${literal(cellAt(sheet, r, c))}`) });
  }
  const period = recognised.columns.period;
  if (recognised.kind === "kpi" && period !== undefined) {
    const from = filledDownRows(sheet, period, rows);
    const values = from.map((r) => cellAt(sheet, r, period));
    if (from.some((r, i) => r !== rows[i]) || values.some((v) => typeof v !== "number" && v !== "" && v !== null)) {
      const formulas = values.map((value) => {
        const parsed = parsePeriod(value, { dateKind: "month", fiscalYearStartMonth: settings.fiscalYearStartMonth });
        return parsed.ok && parsed.value ? `=${dateLiteral(parsed.value.start)}` : '=""';
      });
      out.push({ key: "periodStart", header: "Period start", numberFormat: "yyyy-mm-dd", formulas });
    }
  }
  return out;
}

function referencesFor(read: Reading, names: string[], keys: KeyColumn[]): References {
  const { sheet, recognised } = read;
  const width = names.length - COMPUTED_HEADERS[recognised.kind].length - keys.length;
  const nameOf = (c: number | undefined) => (c === undefined ? null : names[c - sheet.origin.col]);
  const keyName = (key: string) => {
    const index = keys.findIndex((k) => k.key === key);
    return index < 0 ? null : names[width + COMPUTED_HEADERS[recognised.kind].length + index];
  };
  return {
    own(field, row) {
      const c = recognised.columns[field];
      if (c === undefined) return null;
      if (row === CURRENT_ROW) return ownRow(names[c - sheet.origin.col]);
      return literal(cellAt(sheet, row, c));
    },
    all(field) {
      const name = nameOf(recognised.columns[field]);
      return name === null ? null : wholeColumn(name);
    },
    computed(header) {
      return ownRow(names[width + COMPUTED_HEADERS[recognised.kind].indexOf(header)]);
    },
    key(key) {
      const helper = keyName(key);
      if (helper !== null) return { own: ownRow(helper), all: wholeColumn(helper) };
      const name = nameOf(recognised.columns[key]);
      return name === null ? null : { own: ownRow(name), all: wholeColumn(name) };
    },
  };
}

/** Marks "the formula's own row" for `References.own`. */
const CURRENT_ROW = -1;

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
 * to the formula's own row becomes the A1 address of that column on `row` (zero-based),
 * and each reference to a whole column (`[Rating]`) the column's data rows, fixed
 * (`$D$2:$D$9`). Sheets computes comparisons and IF over ranges only inside ARRAYFORMULA
 * (as its LET page shows, https://support.google.com/docs/answer/13190535), so a formula
 * over whole columns is wrapped in it.
 *
 * @example
 * withRowAddresses(conversion, "=ALTITUDE.OKRGRADE([@Score])", 3) // "=ALTITUDE.OKRGRADE(G4)" when Score is column G
 * withRowAddresses(conversion, "=MAX([Start])", 3) // "=ARRAYFORMULA(MAX($B$4:$B$6))"
 */
export function withRowAddresses(conversion: Pick<TableConversion, "columnNames" | "range">, formula: string, row: number): string {
  const index = (bracketed: string | undefined, plain: string | undefined) => {
    const name = (bracketed ?? plain ?? "").replace(/'(.)/g, "$1").toLowerCase();
    return conversion.columnNames.findIndex((column) => column.toLowerCase() === name);
  };
  const { range } = conversion;
  let columns = false;
  const addressed = formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\[@(?:\[((?:[^'\]]|'.)*)\]|([A-Za-z_][A-Za-z0-9_]*))\]/g, (whole, bracketed: string | undefined, plain: string | undefined) => {
              const at = index(bracketed, plain);
              return at < 0 ? whole : a1(row, range.col + at);
            })
            .replace(/\[(?:\[((?:[^'\]]|'.)*)\]|([^[\]@#'][^[\]]*))\]/g, (whole, bracketed: string | undefined, plain: string | undefined) => {
              const at = index(bracketed, plain);
              if (at < 0) return whole;
              const letter = columnLetter(range.col + at);
              columns = true;
              return `$${letter}$${range.row + 2}:$${letter}$${range.row + range.rows}`;
            }),
    )
    .join("");
  return columns ? `=ARRAYFORMULA(${addressed.replace(/^=/, "")})` : addressed;
}

/** `[@Start]`, or `[@[Key result]]` with Excel's escapes for names that need brackets. */
function ownRow(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `[@${name}]`;
  return `[@[${escapeName(name)}]]`;
}

/** `[Rating]`, or `[[Review period]]` for a name that is not a plain word: the column's data rows, unqualified, as a formula inside the table may write it. */
function wholeColumn(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `[${name}]`;
  return `[[${escapeName(name)}]]`;
}

/** Excel's escape in a structured reference: an apostrophe before `[`, `]`, `#` and `'`. */
function escapeName(name: string): string {
  return name.replace(/(['#[\]])/g, "'$1");
}

/**
 * A cell's value as a formula literal: a number, TRUE/FALSE, or quoted text. Excel refuses a
 * text literal over 255 characters, so longer text is joined from pieces (`"…"&"…"`).
 */
function literal(value: RawCell): string {
  // A number Excel cannot hold (NaN, Infinity) is no value at all.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : '""';
  if (typeof value === "boolean") return String(value).toUpperCase();
  const text = String(value ?? "");
  if (text === "") return '""';
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += 255) pieces.push(`"${text.slice(i, i + 255).replace(/"/g, '""')}"`);
  return pieces.join("&");
}

function computedColumns(read: Reading, refs: References): ComputedColumn[] {
  const { sheet, recognised, rows, settings } = read;
  switch (recognised.kind) {
    case "okr": {
      const periods = filledDownRows(sheet, recognised.columns.period, rows).map((r) => cellAt(sheet, r, recognised.columns.period));
      // A key result's commitment is its objective's, written on the objective's first row: carried as its value.
      const commitments = carriedRows(sheet, recognised, rows, "commitment", "objective");
      const own = (field: string) => refs.own(field, CURRENT_ROW);
      return [
        {
          header: "Score",
          numberFormat: "0%",
          asRead: false,
          formulas: rows.map(() => fn("OKRSCORE", [own("start") ?? '""', own("target"), own("current"), own("type")])),
        },
        {
          header: "Grade",
          numberFormat: null,
          asRead: false,
          formulas: rows.map((r, i) => fn("OKRGRADE", [refs.computed("Score"), refs.own("commitment", commitments[i] === r ? CURRENT_ROW : commitments[i])])),
        },
        {
          header: "Pace",
          numberFormat: null,
          asRead: false,
          formulas: rows.map((_, i) => {
            const period = parsePeriod(periods[i], { fiscalYearStartMonth: settings.fiscalYearStartMonth });
            if (!period.ok || !period.value) return '=""';
            return fn("OKRPACE", [refs.computed("Score"), dateLiteral(period.value.start), dateLiteral(period.value.end)]);
          }),
        },
      ];
    }
    case "kpi": {
      // A blank bound under a blank KPI name continues the one above, as the parser reads it: carried as its value.
      const carried = (field: string) => carriedRows(sheet, recognised, rows, field, "kpi");
      const from = { floor: carried("floor"), target: carried("target"), ceiling: carried("ceiling"), direction: carried("direction") };
      const bound = (field: keyof typeof from, i: number) => refs.own(field, from[field][i] === rows[i] ? CURRENT_ROW : from[field][i]);
      const actual = refs.own("actual", CURRENT_ROW);
      return [
        {
          header: "Status",
          numberFormat: null,
          asRead: false,
          formulas: rows.map((_, i) => fn("KPISTATUS", [actual, bound("floor", i) ?? '""', bound("target", i) ?? '""', bound("ceiling", i), bound("direction", i)])),
        },
        {
          header: "Trend",
          numberFormat: null,
          asRead: false,
          formulas: rows.map((_, i) => trendFormula(refs, { floor: bound("floor", i), target: bound("target", i), ceiling: bound("ceiling", i), direction: bound("direction", i) })),
        },
      ];
    }
    case "kra": {
      const rating = refs.all("rating");
      const weight = refs.all("weight");
      if (rating === null || weight === null) return [{ header: "Person score", numberFormat: "0.00", asRead: false, formulas: rows.map(() => '=""') }];
      const same = ["employee", "period"]
        .map((key) => refs.key(key))
        .filter((key) => key !== null)
        .map((key) => `(${key.all}=${key.own})`);
      // FILTER gives 0 for a blank cell, which would read as a rating of 0: a blank stays blank ("").
      const column = (all: string) => `IF(${all}="","",${all})`;
      const formula =
        same.length === 0
          ? fn("KRASCORE", [column(rating), column(weight)])
          : `=LET(mine,${same.join("*")},${fn("KRASCORE", [`FILTER(${column(rating)},mine)`, `FILTER(${column(weight)},mine)`]).slice(1)})`;
      return [{ header: "Person score", numberFormat: "0.00", asRead: false, formulas: rows.map(() => formula) }];
    }
    default:
      return [];
  }
}

/**
 * A reading's trend against the same KPI's (and owner's) reading of the latest earlier
 * period, found over the table's columns, so it holds in any row order. No earlier
 * reading, a blank actual on either, or a row without a period reads Flat, as in the
 * analysis. Two readings of one KPI in one period are one too many: the lookup takes the
 * first in the table's current order.
 */
function trendFormula(refs: References, bounds: { floor: string | null; target: string | null; ceiling: string | null; direction: string | null }): string {
  const actual = refs.own("actual", CURRENT_ROW);
  const period = refs.key("periodStart") ?? refs.key("period");
  if (actual === null || refs.all("actual") === null) return '="Needs an Actual column"';
  if (period === null) return '="Needs a Period column"';
  const same = [refs.key("kpi"), refs.key("owner")]
    .filter((key) => key !== null)
    .map((key) => `(${key.all}=${key.own})*`)
    .join("");
  const { floor, target, ceiling, direction } = bounds;
  // Without a stated direction, floor and target say which way is better, as KPISTATUS reads them;
  // left blank, KPITREND reads a floor and ceiling without target as a band.
  const inferred = floor === null || target === null ? null : inferredDirection(floor, target);
  const stated = direction === '""' ? null : direction;
  const way = stated === null ? inferred : inferred === null || !stated.startsWith("[") ? stated : `IF(${stated}="",${inferred},${stated})`;
  const trend = fn("KPITREND", [`CHOOSE({1,2},before,${actual})`, way, floor, ceiling]).slice(1);
  return (
    `=LET(at,${period.own},same,${same}ISNUMBER(${period.all}),` +
    `prior,IF(ISNUMBER(at),IFERROR(MAX(FILTER(${period.all},same*(${period.all}<at))),0),0),` +
    `before,XLOOKUP(1,same*(${period.all}=prior),${refs.all("actual")},""),` +
    `IF(OR(before="",${actual}=""),"Flat",${trend}))`
  );
}

/**
 * Which way is better from a floor and target: lower when the target is under the floor.
 * Both carried as values: decided now; either on the row: decided by the formula, so an
 * edited bound counts. `""` leaves KPITREND to read its floor and ceiling.
 */
function inferredDirection(floor: string, target: string): string {
  if (!floor.startsWith("[") && !target.startsWith("[")) {
    const [f, t] = [Number(floor), Number(target)];
    if (floor === '""' || target === '""' || !Number.isFinite(f) || !Number.isFinite(t)) return '""';
    return t < f ? '"lower"' : '"higher"';
  }
  return `IF(AND(ISNUMBER(${floor}),ISNUMBER(${target})),IF(${target}<${floor},"lower","higher"),"")`;
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

function isBlank(value: RawCell): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * For each row, the sheet row a field is read from: its own, or where both the
 * field and the `group` cell (KPI name, objective) are blank, the row above it came from.
 */
function carriedRows(sheet: SheetData, recognised: RecognisedSheet, rows: number[], field: string, group: string): number[] {
  let from = -1;
  return rows.map((r) => {
    if (from < 0 || !isBlank(cellAt(sheet, r, recognised.columns[group])) || !isBlank(cellAt(sheet, r, recognised.columns[field]))) from = r;
    return from;
  });
}

/** For each row, the sheet row its value of column `col` is read from: its own, or for a blank cell the nearest filled one above, as people leave repeated cells blank. */
function filledDownRows(sheet: SheetData, col: number | undefined, rows: number[]): number[] {
  let last = -1;
  return rows.map((r) => {
    if (last < 0 || !isBlank(cellAt(sheet, r, col))) last = r;
    return last;
  });
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
