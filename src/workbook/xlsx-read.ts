/**
 * Streaming, sparse reading of worksheet parts. Cells are collected as they
 * stream past, only those holding a value are kept, and a sheet is bounded by
 * the cells it really holds (never by its `<dimension>` or by formatted blank
 * cells), so a stray cell far away costs one row, not a grid. Values come out in
 * the shape Office.js's `Range.values` has: numbers (dates as 1900-system serials),
 * text, booleans, error text such as `#N/A`, and `""` for blanks.
 */
import type { RawCell, SheetData } from "../core/model";
import type { XlsxPackage } from "./xlsx-package";
import { decodeXmlText, ownText, readXmlPart } from "./xlsx-xml";

/** Excel's built-in number formats by id, as ExcelJS names them (ids a file uses without declaring). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const MS_PER_DAY = 86_400_000;
/** Excel's serial 25569 is 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and 1904 date systems' day zero. */
const DAYS_1904 = 1_462;
/** Rows are padded to the sheet's width unless the padding would cost more than this many cells beyond the real ones. */
const PADDING_BUDGET = 1_000_000;

/** What every sheet of a workbook shares: its strings and the number format of each cell style. */
export interface WorkbookTables {
  sharedStrings: string[];
  /** Number format code by cell style index (`s` attribute). */
  formats: string[];
  /** Whether each cell style's format shows a date (so 1904-system serials are moved to 1900). */
  isDate: boolean[];
  date1904: boolean;
}

/**
 * Reads the shared strings and the cell styles' number formats, each streamed once.
 *
 * @example
 * const tables = await readWorkbookTables(pkg);
 * tables.sharedStrings[0] // "Objective"
 */
export async function readWorkbookTables(pkg: XlsxPackage): Promise<WorkbookTables> {
  const [sharedStrings, styles] = await Promise.all([readSharedStrings(pkg), readCellFormats(pkg)]);
  return { sharedStrings, ...styles, date1904: pkg.date1904 };
}

async function readSharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const part = pkg.workbookTarget("sharedStrings");
  if (!part) return [];
  const strings: string[] = [];
  let text = "";
  let inText = false;
  let phonetic = 0;
  await readXmlPart(pkg.parts, part, {
    open(tag) {
      if (tag.local === "si") text = "";
      else if (tag.local === "rPh") phonetic++;
      else if (tag.local === "t" && phonetic === 0) inText = true;
    },
    text(t) {
      if (inText) text += t;
    },
    close(local) {
      if (local === "t") inText = false;
      else if (local === "rPh") phonetic--;
      else if (local === "si") strings.push(decodeXmlText(ownText(text)));
    },
  });
  return strings;
}

async function readCellFormats(pkg: XlsxPackage): Promise<{ formats: string[]; isDate: boolean[] }> {
  const part = pkg.workbookTarget("styles");
  const formats: string[] = [];
  const isDate: boolean[] = [];
  if (!part) return { formats, isDate };
  const custom = new Map<number, string>();
  let inCellXfs = false;
  await readXmlPart(pkg.parts, part, {
    open(tag) {
      if (tag.local === "numFmt") custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? "General");
      else if (tag.local === "cellXfs") inCellXfs = true;
      else if (tag.local === "xf" && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General";
        formats.push(code);
        isDate.push(isDateFormat(id, code));
      }
    },
    close(local) {
      if (local === "cellXfs") inCellXfs = false;
    },
  });
  return { formats, isDate };
}

/** A date or time format: built-in ids 14–22 and 45–47, or a code with date letters outside quotes and brackets. */
function isDateFormat(id: number, code: string): boolean {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
  return /[ymdhs]/i.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

/** One row as it streamed past: values and formats by absolute column. */
interface RowCells {
  row: number;
  values: RawCell[];
  formats: string[];
}

/**
 * Reads one worksheet part into {@link SheetData}, trimmed to the cells that hold
 * values, the way Office.js's `getUsedRange(true)` does. Rows are padded to the
 * sheet's width as Office.js does, except where the padding would be far larger
 * than the content (a lone far-away cell): then each row keeps only its own cells
 * and empty rows share one empty row.
 *
 * @example
 * const sheet = await readWorksheet(pkg, tables, "OKRs", "xl/worksheets/sheet1.xml");
 * sheet.values[0] // ["Objective", "Key result", …]
 */
export async function readWorksheet(pkg: XlsxPackage, tables: WorkbookTables, name: string, part: string): Promise<SheetData> {
  const rows: RowCells[] = [];
  const merges: string[] = [];
  let current: RowCells | null = null;
  let nextRow = 0;
  let nextCol = 0;
  // The cell being read.
  let col = 0;
  let type = "n";
  let style = 0;
  let text = "";
  let inValue = false;
  let inInline = 0;
  let phonetic = 0;
  let hasValue = false;

  const startRow = (row: number) => {
    if (current && current.row === row) return;
    current = { row, values: [], formats: [] };
    rows.push(current);
  };

  await readXmlPart(pkg.parts, part, {
    open(tag) {
      switch (tag.local) {
        case "row": {
          const r = Number(tag.attributes.r);
          nextRow = Number.isInteger(r) && r > 0 ? r - 1 : nextRow;
          nextCol = 0;
          return;
        }
        case "c": {
          const ref = tag.attributes.r;
          const at = ref ? cellPosition(ref) : null;
          if (at) {
            nextRow = at.row;
            col = at.col;
          } else col = nextCol;
          nextCol = col + 1;
          type = tag.attributes.t ?? "n";
          style = Number(tag.attributes.s ?? 0) || 0;
          text = "";
          hasValue = false;
          return;
        }
        case "v":
          inValue = true;
          hasValue = true;
          return;
        case "is":
          inInline++;
          hasValue = true;
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          if (inInline > 0 && phonetic === 0) inValue = true;
          return;
        case "mergeCell":
          if (tag.attributes.ref) merges.push(tag.attributes.ref);
          return;
        default:
          return;
      }
    },
    text(t) {
      if (inValue) text += t;
    },
    close(local) {
      switch (local) {
        case "v":
        case "t":
          inValue = false;
          return;
        case "is":
          inInline--;
          return;
        case "rPh":
          phonetic--;
          return;
        case "row":
          nextRow++;
          return;
        case "c": {
          if (!hasValue) return;
          const value = cellValue(type, text, style, tables);
          if (value === "") return;
          startRow(nextRow);
          const row = current as unknown as RowCells;
          row.values[col] = value;
          row.formats[col] = tables.formats[style] ?? "General";
          return;
        }
        default:
          return;
      }
    },
  });
  for (const ref of merges) blankMergedCells(rows, ref);
  return toSheetData(name, rows);
}

function cellValue(type: string, text: string, style: number, tables: WorkbookTables): RawCell {
  switch (type) {
    case "s": {
      const s = tables.sharedStrings[Number(text)];
      return s ?? "";
    }
    case "str":
    case "inlineStr":
      return decodeXmlText(ownText(text));
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    case "e":
      return text.trim();
    case "d":
      return isoToSerial(text.trim());
    default: {
      if (text.trim() === "") return "";
      const n = Number(text);
      if (!Number.isFinite(n)) return "#NUM!";
      return tables.date1904 && tables.isDate[style] ? n + DAYS_1904 : n;
    }
  }
}

/** An ISO 8601 date (a `t="d"` cell) as a 1900-system serial, read as UTC so no time zone shifts it. */
function isoToSerial(iso: string): RawCell {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? ms / MS_PER_DAY + UNIX_EPOCH_SERIAL : "#VALUE!";
}

/**
 * Zero-based row and column of an A1 reference.
 *
 * @example
 * cellPosition("XFD1048576") // { row: 1048575, col: 16383 }
 */
export function cellPosition(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code === 36 /* $ */) continue;
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  if (ref.charCodeAt(i) === 36) i++;
  const row = Number(ref.slice(i));
  if (col === 0 || !Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** Only a merged area's top-left cell holds its value, as in Excel's `values`. */
function blankMergedCells(rows: RowCells[], ref: string): void {
  const [from, to] = ref.split(":");
  const a = cellPosition(from);
  const b = to ? cellPosition(to) : a;
  if (!a || !b) return;
  for (const row of rows) {
    if (row.row < a.row || row.row > b.row) continue;
    for (let c = a.col; c <= b.col && c < row.values.length; c++) {
      if (row.row === a.row && c === a.col) continue;
      delete row.values[c];
      delete row.formats[c];
    }
  }
}

/** Whether two rows' formats are the same, cell by cell. */
function sameFormats(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return false;
  return true;
}

const EMPTY_ROW: readonly RawCell[] = Object.freeze([]);
const EMPTY_FORMATS: readonly string[] = Object.freeze([]);

function toSheetData(name: string, rows: RowCells[]): SheetData {
  // Bounds by loops over what streamed past (never a spread: rows can number a million).
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  let cells = 0;
  for (const row of rows) {
    let first = -1;
    let last = -1;
    row.values.forEach((value, c) => {
      if (value === undefined) return;
      if (first < 0) first = c;
      last = c;
      cells++;
    });
    if (last < 0) continue;
    if (row.row < top) top = row.row;
    if (row.row > bottom) bottom = row.row;
    if (first < left) left = first;
    if (last > right) right = last;
  }
  if (bottom < 0) return { name, values: [], numberFormats: [], origin: { row: 0, col: 0 } };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const pad = height * width - cells <= Math.max(PADDING_BUDGET, cells * 4);
  const values = new Array<RawCell[]>(height);
  const numberFormats = new Array<string[]>(height);
  let previousFormats: string[] = [];
  for (const row of rows) {
    const r = row.row - top;
    if (r < 0 || r >= height) continue;
    let last = row.values.length - 1;
    while (last >= left && row.values[last] === undefined) last--;
    if (last < left) continue;
    const length = pad ? width : last - left + 1;
    // The streamed row becomes the output row when it already starts at the sheet's left edge: no copy.
    const rowValues = left === 0 ? row.values : row.values.slice(left);
    const rowFormats = left === 0 ? row.formats : row.formats.slice(left);
    for (let c = 0; c < length; c++) {
      if (rowValues[c] === undefined) {
        rowValues[c] = "";
        rowFormats[c] = "General";
      }
    }
    rowValues.length = length;
    rowFormats.length = length;
    values[r] = rowValues;
    // Rows formatted alike (most of a goal sheet) share one array of formats: a million rows would otherwise hold a million copies.
    numberFormats[r] = sameFormats(previousFormats, rowFormats) ? previousFormats : (previousFormats = rowFormats);
  }
  for (let r = 0; r < height; r++) {
    if (values[r] !== undefined) continue;
    values[r] = pad ? new Array<RawCell>(width).fill("") : (EMPTY_ROW as RawCell[]);
    numberFormats[r] = pad ? new Array<string>(width).fill("General") : (EMPTY_FORMATS as string[]);
  }
  return { name, values, numberFormats, origin: { row: top, col: left } };
}
