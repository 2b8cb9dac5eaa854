/**
 * Step 1 and 2 of reading a sheet's layout: split it into blocks (runs of rows
 * under a header), find each block's header (one row, or two with merged group
 * labels above) and columns, and gather the context around it: heading lines
 * (`Objective 2: Win customers faster`, `### Operational KPIs`), form fields
 * (`Employee Name: Ravi Kumar`) and a title's period or year. Rows inside a block
 * that are not records (Total, Average, section headings, legend lines) are
 * listed with a reason. Step 3, reading rows into records, is the kind's parser.
 *
 * The common sheet, one tidy header and rows of data, costs one cheap look at
 * each row: only rows with no numbers, after a blank or heading line, are tried
 * as headers.
 */
import type { ColumnMapping, PeriodKind, RawCell, SheetData, SheetKind } from "../model";
import { fieldForHeader, matchHeader, type HeaderMatch } from "../recognise";
import { arrangedContext, arrangedPeriods, headerSignature, repeatsHeader } from "./arranged";
import { findPeriodColumns, isPeriodSubHeader, periodOnlyHeader, periodText, type PeriodColumn } from "./period-columns";
import { serialToIso } from "../dates";
import { toNumber } from "../values";
import { readProfiledLayout } from "./profiles";

/** A piece of context: its text and the cell it came from (0-based index into `values`, sheet column). */
export interface ContextCell {
  text: string;
  row: number;
  col: number;
}

/** One record variant of a row: a wide row (months as columns) gives one record per variant. */
export interface Variant {
  /** Field → sheet column, replacing the block's column for that field. */
  columns: Record<string, number>;
  /** Fields this variant fills from its header (the period of a month column). */
  context: Record<string, ContextCell>;
  /** For a reading at one granularity (`Monthly`, `Quarterly`, `Annual`): its period is the one of this kind containing the block's period. */
  periodKind?: PeriodKind;
}

/** A run of rows under one header. Rows are 0-based indices into the sheet's `values`. */
export interface SheetBlock {
  kind: SheetKind;
  /** The header row(s): a group row above the header when the header spans two rows. */
  headerRows: number[];
  /** Field → 0-based sheet column. */
  columns: Record<string, number>;
  unmapped: string[];
  confidence: number;
  /** First data row and one past the last. */
  from: number;
  to: number;
  /** Fields the block's columns lack, filled from the lines and form fields above it. */
  context: Record<string, ContextCell>;
  /** Heading lines inside the block: from `row` on, `field` reads `text` (e.g. the objective). */
  headings: Array<{ row: number; field: string; cell: ContextCell }>;
  /** Rows inside the block that are not records (listed in `SheetLayout.skipped`). */
  skip: ReadonlySet<number>;
  /** The figures of the block's summary rows by row and field (a Total row's `{ weight: 20 }`): what the sheet says its columns add up to. */
  totals?: ReadonlyMap<number, Record<string, number>>;
  /** A rating spread over one column per level (`Unacceptable 1 … Excellent 5`): each level's sheet column, lowest first. */
  levels?: ReadonlyArray<{ col: number; level: number }>;
  /** Empty for one record per row; otherwise one record per variant of each row. */
  variants: Variant[];
  /** A column giving each row's (financial) year, for months written without one; `null` when none. */
  yearColumn: number | null;
  /** Fields a row takes from another row (a key result's objective from the row its parent id names). */
  rows?: ReadonlyMap<number, Record<string, ContextCell>>;
  /** Period columns whose latest filled cell is a field of each row (a key result's weekly grades: the latest is its score). */
  series?: { field: string; columns: PeriodColumn[] } | null;
}

export interface SkippedRow {
  /** 0-based index into `values`. */
  row: number;
  reason: string;
}

export interface SheetLayout {
  blocks: SheetBlock[];
  /** Rows with content that are neither records nor headers, each with why. */
  skipped: SkippedRow[];
  /** Why no block was found; `null` when there is at least one. */
  reason: string | null;
  /** Rows with content under the blocks' headers that are not skipped: the rows read as records. */
  recordRows: number;
}

/** How many rows from the top may hold the first header (titles and forms come above it). */
const FIRST_HEADER_ROWS = 30;

/** A cell that is only a summary label: `Total`, `Sub-total (Q3)`, `Total Goal Score`, `Overall score:`, `Average`. */
const SUMMARY =
  /^summary(?:\s+(?:metrics|figures|kpis|statistics|stats|row))?$|^(?:grand\s+|sub[\s-]?)?totals?(?:(?:\s+\p{L}+)?\s+(?:score|scores|weight|weightage|rating|points|marks|achievement))?$|^(?:average|avg\.?|mean)(?:\s+(?:score|rating|performance|achievement))?$|^overall(?:\s+(?:score|rating|result|total|performance|average|achievement))?$|^(?:weighted|final)\s+(?:score|rating|average|total|result)$/iu;
/** A summary label written as part of a longer line in a column that is not the name column: `Monthly Average Performance`. */
const SUMMARY_WORD = /\b(?:total|subtotal|sub-total|average|overall|grand total)\b/i;

/** Cheap first look: only text starting like a summary label is examined further. */
const SUMMARY_START = /^[\s<=>*:-]*(?:grand|sub|total|average|avg|mean|overall|weighted|final|summary)/i;
/** A line heading a block of summary figures under a table: `Monthly Summary Metrics (Auto-Calculated)`, `Summary`. */
const SUMMARY_HEADING = /\bsummary\b|\bsummaries\b/i;

function summaryLabel(text: string): boolean {
  if (!SUMMARY_START.test(text)) return false;
  const bare = text.replace(/\([^)]*\)|[:：=*<>]+/g, " ").replace(/\s+/g, " ").trim();
  return SUMMARY.test(bare);
}

/** The summary label of a row, looking at its first few text cells (`100 | <===Total Weightage`). */
function summaryIn(row: readonly RawCell[]): string | null {
  let seen = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== "string" || cell === "") continue;
    const code = cell.charCodeAt(0);
    if (code <= 32 && cell.trim() === "") continue;
    // Most cells cannot start a label: only letters of its first words, spaces and `<=>*:-` can.
    if ((code >= 128 || SUMMARY_FIRST[code] === 1) && summaryLabel(cell)) return cell.trim();
    if (++seen >= 3) break;
  }
  return null;
}

/** ASCII characters a summary label can start with (see `SUMMARY_START`); other characters go to the expression. */
const SUMMARY_FIRST: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const ch of "gstamowfGSTAMOWF<=>*:- \t\n\r\v\f") table[ch.charCodeAt(0)] = 1;
  return table;
})();

const LEGEND = /^(?:legend|key|note|notes|please note|nb|n\.b\.|source|sources|instructions?|how to (?:use|fill|read)|guidance|rating scale|rating|ratings|scale|scoring|grading|any other comments?|why (?:this|it) matters|initiatives?|dependencies|risks?|comments?|remarks?|\*|†)(?:\s*[:\-–—=]|\s*$|\s+\()/i;
/** A note that runs on after its opening words: `Please note the following:`, `(P.S. : KRAs should not …)`, `N.B. …`. */
const NOTE_LINE = /^\(?\s*(?:please note\b|p\.\s?s\.|n\.\s?b\.)/i;
/** A line of a printed form left to write on: `Any other comments: ________`. */
const FILL_IN = /_{4,}|\.{6,}|…{3,}/;
/** An identifier of letters and digits in three or more parts: `HR-APR-2026-00031`. */
const CODE = /^(?=[^\s]*\p{L})(?=[^\s]*\d)[\p{L}\d]+(?:[-_/][\p{L}\d]+){2,}$/u;
const MARKDOWN_HEADING = /^#{1,6}\s+(.+)$/;
/** A list item: `- text`, `• text`, `1. text`, `(a) text`. */
const BULLET = /^(?:[-–—•·▪◦*]\s+|\d{1,2}[.)]\s+|\([a-z0-9]\)\s+)/i;
/** A status legend line: `🟢 On Track: …`, `Green = on track`, `5 - Outstanding`. */
const LEGEND_LINE = /^(?:[\u{1F7E0}-\u{1F7EB}\u{1F534}-\u{1F535}\u{26AA}-\u{26AB}]\s*\S|(?:green|amber|yellow|red|blue)\s*[=:–-]\s*\S|[1-9]\s*[=–-]\s*[a-z])/iu;
const OBJECTIVE_HEADING = /^(?:#{1,6}\s*)?(?:objective|obj\.?|goal|o)\s*#?\s*\d*\s*[:.\-–—]\s*(.+)$/i;
const PERIOD_TOKEN = /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s'’-]*(?:19|20)\d{2}|FY\s?'?\d{2,4}(?:\s*[-/]\s*\d{2,4})?(?:\s*[-/ ]?\s*[QH][1-4])?|[QH][1-4]\s*[-/ ]?\s*(?:FY\s?)?'?(?:19|20)\d{2}|(?:19|20)\d{2}\s*[-/ ]?\s*[QH][1-4]|(?:19|20)\d{2})\b/i;

/** Form labels (the part before a colon) and the field each fills, per sheet kind. */
const FORM_LABELS: Readonly<Record<SheetKind, ReadonlyArray<readonly [RegExp, string]>>> = {
  okr: [
    [/^(?:objective|obj|goal|o)\s*#?\s*\d*$/i, "objective"],
    [/^(?:owner|objective owner|okr owner|dri)$/i, "owner"],
    [/^(?:team|department|dept|function|squad)(?: name)?$/i, "team"],
    [/^(?:period|quarter|cycle|okr period|time ?frame|okr cycle)$/i, "period"],
  ],
  kpi: [
    [/^(?:department|dept|function|area|section|team|business unit)(?: name)?$/i, "area"],
    [/^(?:owner|kpi owner|prepared by|responsible)$/i, "owner"],
    [/^(?:period|year|reporting period|fiscal year|financial year|fy|month|quarter)$/i, "period"],
    [/^(?:frequency|reporting frequency|cadence)$/i, "frequency"],
    [/^(?:target|kpi target|annual target|monthly target|target value)$/i, "target"],
  ],
  kra: [
    [/^(?:employee|employee name|name|name of (?:the )?employee|appraisee|appraisee name|staff name|team member)$/i, "employee"],
    [/^(?:designation|role|job title|position|title|designation ?\/ ?grade)$/i, "role"],
    [/^(?:manager|reporting manager|line manager|reviewer|reviewer name|appraiser|appraiser name|supervisor|reports to|reporting to|reviewing officer|reporting officer|manager name)$/i, "manager"],
    [/^(?:period|review period|appraisal period|appraisal year|review year|year|financial year|fy|assessment period|performance period|appraisal cycle|cycle)$/i, "period"],
    [/^(?:start date|from date|period from|review period from|appraisal start date)$/i, "periodStart"],
    [/^(?:end date|to date|period to|review period to|appraisal end date)$/i, "periodEnd"],
  ],
  checkins: [],
};

/** A heading line's field per kind: the objective of key results, the area of KPIs. */
export const HEADING_FIELD: Readonly<Record<SheetKind, string | null>> = { okr: "objective", kpi: "area", kra: null, checkins: null };


interface RowShape {
  /** Cells with content. */
  filled: number;
  /** Cells holding numbers or booleans. */
  numbers: number;
  /** Index (within the row) of the first cell with content, or -1. */
  first: number;
}

function isEmpty(cell: RawCell | undefined | null): boolean {
  if (cell === undefined || cell === null || cell === "") return true;
  // Only text that starts with a space can be blank: trimming every cell would cost a copy each.
  return typeof cell === "string" && cell.charCodeAt(0) <= 32 && cell.trim() === "";
}

/**
 * Shapes of the rows of the sheet being read, worked out once per row (several
 * steps look at each), kept in typed arrays so a large sheet makes no object per row.
 */
interface Shapes {
  values: readonly RawCell[][];
  /** Cells with content, or -1 while not yet worked out. */
  filled: Int32Array;
  numbers: Int32Array;
  first: Int32Array;
}
let shapes: Shapes | null = null;
/** The shape `shapeAt` returns: read it before the next call, which reuses it. */
const scratch: RowShape = { filled: 0, numbers: 0, first: -1 };

function shapesFor(values: readonly RawCell[][]): Shapes {
  const filled = new Int32Array(values.length).fill(-1);
  return { values, filled, numbers: new Int32Array(values.length), first: new Int32Array(values.length) };
}

function shapeAt(values: readonly RawCell[][], r: number): RowShape {
  if (shapes === null || shapes.values !== values) shapes = shapesFor(values);
  if (r < 0 || r >= values.length) return shapeOf(undefined);
  if (shapes.filled[r] < 0) {
    let filled = 0;
    let numbers = 0;
    let first = -1;
    const row = values[r];
    if (Array.isArray(row)) {
      // `isEmpty` written out: this loop visits every cell of the sheet once.
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell === undefined || cell === null) continue;
        if (typeof cell === "string") {
          if (cell === "" || (cell.charCodeAt(0) <= 32 && cell.trim() === "")) continue;
        } else numbers++;
        if (first < 0) first = c;
        filled++;
      }
    }
    shapes.filled[r] = filled;
    shapes.numbers[r] = numbers;
    shapes.first[r] = first;
  }
  scratch.filled = shapes.filled[r];
  scratch.numbers = shapes.numbers[r];
  scratch.first = shapes.first[r];
  return scratch;
}

function shapeOf(row: readonly RawCell[] | undefined): RowShape {
  const shape: RowShape = { filled: 0, numbers: 0, first: -1 };
  if (!Array.isArray(row)) return shape;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmpty(cell)) continue;
    if (shape.first < 0) shape.first = c;
    shape.filled++;
    if (typeof cell !== "string") shape.numbers++;
  }
  return shape;
}

function textOf(cell: RawCell | undefined): string {
  return typeof cell === "string" ? cell.trim() : typeof cell === "number" && Number.isFinite(cell) ? String(cell) : "";
}

/**
 * The label and value of a form field written in one cell (`Employee Name: Ravi`)
 * or, with `next`, in two (`Employee Name:` | `Ravi`).
 */
function formPair(cell: string, next: string | undefined): { label: string; value: string } | null {
  const colon = /^([^:：]{1,40})[:：]\s*(.*)$/.exec(cell);
  if (colon) {
    const value = withoutFormatHint(colon[2].trim() !== "" ? colon[2] : (next ?? ""));
    return value === "" ? null : { label: colon[1].trim(), value };
  }
  return next !== undefined && next.trim() !== "" ? { label: cell, value: withoutFormatHint(next) } : null;
}

/** A template's hint of how to write a value, in brackets after it (`03/2025 (MM/YYYY)`), is not part of the value. */
const FORMAT_HINT = /\s*\((?:[dmyqw]{1,4}[\s/.-]?){1,3}\)\s*$/i;

function withoutFormatHint(value: string): string {
  // A line holding only the hint (`Reporting Period: (MM/YYYY)`) was never filled in: it has no value.
  return value.trim().replace(FORMAT_HINT, "");
}

function formField(kind: SheetKind, label: string): string | null {
  const bare = label.replace(/[*†]+$/, "").replace(/[’']s\b/g, "").trim();
  for (const [re, field] of FORM_LABELS[kind]) if (re.test(bare)) return field;
  return null;
}

/**
 * Reads the lines above a block (from `top` to the header, exclusive) into the
 * fields the block lacks: form fields, heading lines, a title's period.
 */
function readContext(
  values: readonly RawCell[][],
  top: number,
  header: number,
  kind: SheetKind,
  columns: Record<string, number>,
  originCol: number,
  /** Rows of other tables above the header (a scale legend): not context. */
  tables: ReadonlyMap<number, string>,
): Record<string, ContextCell> {
  const context: Record<string, ContextCell> = {};
  const ranks: Record<string, number> = {};
  const put = (field: string, text: string, row: number, col: number, nearer: boolean, rank = 0): void => {
    if (field in columns || text === "") return;
    // Lines nearer the header win: the objective heading right above a table is its objective.
    // Of form labels, a more specific one wins (`Employee Name` over `Employee`, which often holds a code), else the first.
    const held = ranks[field] ?? -1;
    if (!(field in context) || rank > held || (nearer && rank === held)) {
      context[field] = { text, row, col: originCol + col };
      ranks[field] = rank;
    }
  };
  const headingField = HEADING_FIELD[kind];
  for (let r = top; r < header; r++) {
    const row = values[r];
    if (!Array.isArray(row) || tables.has(r)) continue;
    const shape = shapeOf(row);
    if (shape.filled === 0) continue;
    for (let c = 0; c < row.length; c++) {
      const text = textOf(row[c]);
      if (text === "" || typeof row[c] !== "string") continue;
      let nextIndex = c + 1;
      while (nextIndex < row.length && isEmpty(row[nextIndex])) nextIndex++;
      const next = nextIndex < row.length ? textOf(row[nextIndex]) : undefined;
      const objective = OBJECTIVE_HEADING.exec(text);
      if (objective && kind === "okr") {
        // `Objective 1: Grow the funnel` names it; an unnumbered `Objective: …` line under it describes it.
        put("objective", objective[1].trim(), r, c, true, /\d/.test(text.slice(0, text.length - objective[1].length)) ? 2 : 1);
        continue;
      }
      const pair = formPair(text, /[:：]\s*$/.test(text) || formField(kind, text) !== null ? next : undefined);
      const field = pair ? formField(kind, pair.label) : null;
      if (pair && field) {
        // The first of two labels for one field wins: the appraiser before the reviewer above them.
        put(field, pair.value, r, nextIndex < row.length && !text.includes(pair.value) ? nextIndex : c, false, /\bname\b/i.test(pair.label) ? 1 : 0);
        if (field === "period" && !("year" in context) && /\b(?:19|20)\d{2}\b/.test(pair.value)) context.year = { text: pair.value, row: r, col: originCol + c };
        if (!text.includes(pair.value)) c = nextIndex;
        continue;
      }
      const heading = MARKDOWN_HEADING.exec(text);
      if (heading && headingField) {
        put(headingField, heading[1].trim(), r, c, true);
        continue;
      }
      // A code such as `HR-APR-2026-00031` names a document, not its period.
      const period = CODE.test(text) ? null : PERIOD_TOKEN.exec(text);
      // A period found in passing gives way to a labelled form field (`Appraisal Cycle: FY 2025-26`).
      if (period && !("period" in columns)) put("period", period[0], r, c, false, -1);
      if (period && !("year" in context) && /\b(?:19|20)\d{2}\b/.test(period[0])) context.year = { text: period[0], row: r, col: originCol + c };
      // A lone line right above the header names its table: for key results, their objective.
      if (kind === "okr" && shape.filled === 1 && r === lastFilled(values, top, header) && !period && !/\bo?krs?\b|key results|template|tracker|objectives and key results/i.test(text)) {
        put("objective", text.replace(/[:：]\s*$/, ""), r, c, false);
      }
    }
  }
  // A period given by its first and last day (`Start Date | 01-04-2025 | End Date | 31-03-2026`) is the range between them,
  // unless a labelled period says otherwise.
  const { periodStart, periodEnd } = context;
  delete context.periodStart;
  delete context.periodEnd;
  if (periodStart && periodEnd && !("period" in columns) && (ranks.period ?? -1) < 0) {
    context.period = { text: `${dayText(periodStart.text)} to ${dayText(periodEnd.text)}`, row: periodStart.row, col: periodStart.col };
  }
  return context;
}

/** A form's date as text: a date cell arrives as its serial number (`45748`), read as the ISO day. */
function dayText(text: string): string {
  return /^\d{5}$/.test(text) ? (serialToIso(Number(text)) ?? text) : text;
}

/**
 * Other tables above a block's header (a scoring scale `Score | Meaning` over
 * its bands): a row of labels, none a form label, over at least two rows that
 * hold figures. Each of their rows with why it is not read, by row.
 */
function tablesAbove(values: readonly RawCell[][], top: number, header: number, kind: SheetKind): Map<number, string> {
  const rows = new Map<number, string>();
  for (let r = top; r < header; r++) {
    const row = values[r];
    if (!Array.isArray(row) || !headerShaped(shapeAt(values, r))) continue;
    const labels: string[] = [];
    for (const cell of row) if (!isEmpty(cell)) labels.push(textOf(cell));
    if (labels.some((label) => /[:：]/.test(label) || formField(kind, label) !== null)) continue;
    let end = r + 1;
    while (end < header && shapeAt(values, end).filled >= 2 && shapeAt(values, end).numbers > 0) end++;
    if (end - r - 1 < 2) continue;
    const name = labels.slice(0, 3).join(", ").slice(0, 50);
    rows.set(r, `header of a table that is not a goal table (${name})`);
    for (let i = r + 1; i < end; i++) rows.set(i, `row of a table that is not a goal table (${name})`);
    r = end - 1;
  }
  return rows;
}

function lastFilled(values: readonly RawCell[][], top: number, header: number): number {
  for (let r = header - 1; r >= top; r--) if (shapeAt(values, r).filled > 0) return r;
  return -1;
}

/** Is this row worth trying as a header: text only, at least two cells. */
function headerShaped(shape: RowShape): boolean {
  return shape.filled >= 2 && shape.numbers === 0;
}

/** The group labels of a row above a header, carried right across merged (blank) cells. */
function groupLabels(row: readonly RawCell[] | undefined, width: number): string[] | null {
  if (!Array.isArray(row)) return null;
  const shape = shapeOf(row);
  if (shape.filled === 0) return null;
  const labels: string[] = [];
  let current = "";
  for (let c = 0; c < width; c++) {
    const text = textOf(row[c]);
    if (text !== "") {
      if (/[:：]/.test(text)) return null;
      current = text;
    }
    labels.push(current);
  }
  return labels;
}

/** Finds the header of a block at row `r`, trying the row above as a group row when it helps. */
function headerAt(values: readonly RawCell[][], r: number, originCol: number, kinds: readonly SheetKind[]): (HeaderMatch & { group: number | null; periods?: PeriodColumn[] }) | null {
  const row = values[r];
  let best: HeaderMatch | null = null;
  for (const kind of kinds) {
    const match = matchHeader(kind, row, null, originCol);
    if (match && (!best || match.matched > best.matched || (match.matched === best.matched && match.confidence > best.confidence))) best = match;
  }
  if (r > 0) {
    const above = values[r - 1];
    const aboveShape = shapeOf(above);
    if (aboveShape.filled >= 1 && aboveShape.filled < shapeOf(row).filled && (aboveShape.filled >= 2 || aboveShape.first > 0)) {
      const labels = groupLabels(above, Array.isArray(row) ? row.length : 0);
      if (labels) {
        for (const kind of best ? [best.kind] : kinds) {
          const match = matchHeader(kind, row, labels, originCol);
          if (match && match.grouped && (!best || match.matched >= best.matched)) return { ...match, group: r - 1 };
        }
      }
    }
  }
  if (!best && kinds.includes("okr")) {
    const numbered = numberedHeader(row, originCol);
    if (numbered) return { ...numbered, group: null };
    const statements = statementHeader(values, r, originCol);
    if (statements) return { ...statements, group: null };
  }
  if (!best && kinds.includes("kpi")) {
    const grouped = readingGroupsHeader(row, originCol);
    if (grouped) return { ...grouped, group: null };
    const periodsOnly = periodOnlyHeader(values, r, originCol);
    // Only periods and a blank cell over the names: a guess, so its confidence asks the person to confirm it.
    if (periodsOnly) return { kind: "kpi", columns: { kpi: periodsOnly.nameCol }, unmapped: [], confidence: 0.4, matched: 1, grouped: false, group: null, periods: periodsOnly.periods };
  }
  if ((!best || best.kind === "kra") && kinds.includes("kra")) {
    const levelled = ratingLevelsHeader(row, originCol);
    if (levelled && (!best || levelled.matched >= best.matched)) return { ...levelled, group: null };
  }
  return best ? { ...best, group: null } : null;
}

/** A rating level's header: a word and its number, in either order (`Unacceptable\n1`, `Good (4)`, `5 - Outstanding`). */
const LEVEL_AFTER = /^(\p{L}[\p{L} '’/-]{0,30}?)[\s:(–-]*(\d{1,2})\)?$/u;
const LEVEL_BEFORE = /^(\d{1,2})[\s.):=–-]+(\p{L}[\p{L} '’/-]{0,30})$/u;

/** A header's level and the word naming it, or `null`. */
function levelOf(text: string): { level: number; word: string } | null {
  const after = LEVEL_AFTER.exec(text);
  if (after) return { level: Number(after[2]), word: after[1].trim().toLowerCase() };
  const before = LEVEL_BEFORE.exec(text);
  return before ? { level: Number(before[1]), word: before[2].trim().toLowerCase() } : null;
}

/**
 * The columns of a rating spread over its levels, one column per level, where
 * the appraiser marks the level (`Unacceptable 1 | Weak 2 | Fair 3 | Good 4 |
 * Excellent 5`): three or more side by side, numbered one up (or one down) from
 * the next. Empty when the row has no such run.
 */
function levelColumns(row: readonly RawCell[], originCol: number): Array<{ col: number; level: number }> {
  let best: Array<{ col: number; level: number }> = [];
  let run: Array<{ col: number; level: number }> = [];
  const words = new Set<string>();
  for (let c = 0; c <= row.length; c++) {
    const text = c < row.length ? textOf(row[c]).replace(/\s+/g, " ") : "";
    const found = text === "" ? null : levelOf(text);
    const level = found?.level ?? null;
    const prev = run[run.length - 1];
    const step = prev && level !== null ? level - prev.level : 0;
    // Each level has a word of its own: `Week 1 | Week 2` and `Q1 | Q2` are periods, not levels.
    const continues = prev !== undefined && found !== null && !words.has(found.word) && (step === 1 || step === -1) && (run.length < 2 || step === run[1].level - run[0].level);
    if (found !== null && (run.length === 0 || continues)) {
      run.push({ col: originCol + c, level: found.level });
      words.add(found.word);
    } else {
      if (run.length > best.length) best = run;
      run = found === null ? [] : [{ col: originCol + c, level: found.level }];
      words.clear();
      if (found !== null) words.add(found.word);
    }
  }
  return best.length >= 3 ? best.slice().sort((a, b) => a.level - b.level) : [];
}

/**
 * A KRA header whose rating is spread over level columns: read as a header with
 * a Rating column (so an appraisal with no Score column is still recognised), the
 * levels giving each row's rating. A Rating or Score column beside them stays, for
 * rows where no level is marked.
 */
function ratingLevelsHeader(row: readonly RawCell[] | undefined, originCol: number): (HeaderMatch & { levels: Array<{ col: number; level: number }> }) | null {
  if (!Array.isArray(row)) return null;
  const levels = levelColumns(row, originCol);
  if (levels.length === 0) return null;
  const taken = new Set(levels.map((l) => l.col - originCol));
  const base = row.map((cell, c) => (taken.has(c) ? "" : cell));
  const own = matchHeader("kra", base, null, originCol);
  const match = own ?? matchHeader("kra", [...base, "Rating"], null, originCol);
  if (!match) return null;
  const columns = { ...match.columns };
  if (!own) delete columns.rating;
  return { ...match, columns, matched: match.matched + levels.length, levels };
}

/** Words naming a reading's granularity, and the kind of period each reads. */
const GRANULARITIES: ReadonlyArray<readonly [RegExp, PeriodKind]> = [
  [/^(?:monthly|month|mtd|month to date)$/i, "month"],
  [/^(?:quarterly|quarter|qtr|qtd|quarter to date)$/i, "quarter"],
  [/^(?:half[\s-]?yearly|half[\s-]?year|semi[\s-]?annual)$/i, "half"],
  [/^(?:annual|annually|yearly|year|ytd|year to date|full year)$/i, "year"],
];
const GRANULARITY_ORDER: readonly PeriodKind[] = ["month", "quarter", "half", "year"];
/** The fields a reading at one granularity may have. */
const READING_FIELDS: ReadonlySet<string> = new Set(["floor", "target", "ceiling", "actual"]);

function granularityOf(text: string): PeriodKind | null {
  for (const [re, kind] of GRANULARITIES) if (re.test(text)) return kind;
  return null;
}

/**
 * A two-row KPI header whose readings are split by granularity: `Target` and
 * `Actual` each merged over `Monthly | Quarterly | Annual`, or the granularities
 * over `Target | Actual`. One variant per granularity with a target or actual;
 * each reads the period of its kind that contains the block's reporting period.
 * `null` unless at least two granularities are found.
 */
function granularityHeader(upper: readonly RawCell[] | undefined, lower: readonly RawCell[] | undefined, originCol: number): (HeaderMatch & { variants: Variant[] }) | null {
  if (!Array.isArray(upper) || !Array.isArray(lower)) return null;
  const width = Math.max(upper.length, lower.length);
  const labels = groupLabels(upper, width);
  if (labels === null) return null;
  const groups = new Map<PeriodKind, Record<string, number>>();
  // The header as one row: a cell merged down from the upper row keeps the upper row's name.
  const flat: RawCell[] = [];
  for (let c = 0; c < width; c++) {
    const own = textOf(lower[c]);
    const group = labels[c];
    const ownKind = own === "" ? null : granularityOf(own);
    const groupKind = group === "" ? null : granularityOf(group);
    const kind = ownKind ?? (own !== "" ? groupKind : null);
    const field = ownKind !== null ? fieldForHeader("kpi", group) : groupKind !== null && own !== "" ? fieldForHeader("kpi", own) : null;
    if (kind !== null && field !== null && READING_FIELDS.has(field)) {
      const reading = groups.get(kind) ?? {};
      reading[field] ??= originCol + c;
      groups.set(kind, reading);
      flat.push("");
    } else flat.push(own !== "" ? own : textOf(upper[c]));
  }
  if (groups.size < 2) return null;
  // Placeholders past the row's end stand for the readings, so the header passes as a KPI table; they are removed after.
  const match = matchHeader("kpi", [...flat, "Target", "Actual"], null, originCol);
  if (!match) return null;
  const columns: Record<string, number> = {};
  for (const [field, col] of Object.entries(match.columns)) if (col < originCol + width) columns[field] = col;
  // A reading also written once for the whole row (one Actual beside split Targets) belongs to no one granularity: not a split header.
  for (const field of Object.keys(columns)) if (READING_FIELDS.has(field)) return null;
  const chosen = GRANULARITY_ORDER.filter((kind) => groups.has(kind)).map((kind) => [kind, groups.get(kind) ?? {}] as const);
  return {
    ...match,
    columns: { ...columns, ...chosen[0][1] },
    unmapped: match.unmapped,
    matched: Object.keys(columns).length + Object.keys(chosen[0][1]).length,
    grouped: true,
    variants: chosen.map(([kind, reading]) => ({ columns: reading, context: {}, periodKind: kind })),
  };
}

/** A key result written as a statement: three words or more, with letters. */
const STATEMENT = /^(?=.*\p{L}{2})\S+(?:\s+\S+){2,}$/u;
/** How many rows under a header are looked at to tell statements from figures. */
const STATEMENT_ROWS = 5;

/**
 * A key result table with no key result column, whose Target column (`KR
 * Target`) holds the key results written as statements (`Increase NPS from 32
 * to 45`): that column is the key result, and its goal is in the wording.
 * `null` unless every filled cell under the target header in the first rows is
 * such a statement.
 */
function statementHeader(values: readonly RawCell[][], r: number, originCol: number): HeaderMatch | null {
  const row = values[r];
  if (!Array.isArray(row)) return null;
  const c = row.findIndex((cell) => fieldForHeader("okr", cell) === "target");
  if (c < 0) return null;
  let statements = 0;
  for (let i = r + 1; i < values.length && i <= r + STATEMENT_ROWS; i++) {
    const cell = values[i]?.[c];
    if (isEmpty(cell)) {
      if (shapeAt(values, i).filled === 0) break;
      continue;
    }
    if (typeof cell !== "string" || !STATEMENT.test(cell.trim()) || toNumber(cell).ok) return null;
    statements++;
  }
  if (statements === 0) return null;
  const renamed = row.slice();
  renamed[c] = "Key result";
  return matchHeader("okr", renamed, null, originCol);
}

/** `Current Month Target`, `Previous Month Actual`, `Current Month`: a reading's period and what the column holds. */
const READING_GROUP = /^((?:current|this|previous|prior|last)\s+(?:month|week|quarter))(?:\s+(target|actual|goal|value|result))?$/i;

/**
 * A KPI report with a reading per period side by side (`Current Month`,
 * `Current Month Target`, `Current Month Actual`, `Previous Month`, `Previous
 * Month Actual`): one variant per period group of the finest unit the header has.
 */
function readingGroupsHeader(row: readonly RawCell[] | undefined, originCol: number): (HeaderMatch & { variants: Variant[] }) | null {
  if (!Array.isArray(row)) return null;
  const groups = new Map<string, Record<string, number>>();
  const base: RawCell[] = [];
  for (let c = 0; c < row.length; c++) {
    const text = textOf(row[c]);
    const m = READING_GROUP.exec(text);
    base.push(m ? "" : row[c]);
    if (!m) continue;
    const key = m[1].toLowerCase().replace(/\s+/g, " ");
    const field = m[2] === undefined ? "period" : /^(?:target|goal)$/i.test(m[2]) ? "target" : "actual";
    const group = groups.get(key) ?? {};
    group[field] ??= originCol + c;
    groups.set(key, group);
  }
  const unit = ["week", "month", "quarter"].find((u) => [...groups.keys()].some((k) => k.endsWith(u) && groups.get(k)?.actual !== undefined));
  if (!unit) return null;
  const chosen = [...groups.entries()].filter(([k, g]) => k.endsWith(unit) && g.actual !== undefined && g.period !== undefined);
  if (chosen.length === 0) return null;
  const match = matchHeader("kpi", [...base, "Period", "Actual"], null, originCol);
  if (!match) return null;
  const columns = { ...match.columns };
  delete columns.period;
  delete columns.actual;
  const first = chosen[0][1];
  return {
    ...match,
    columns: { ...columns, ...first },
    unmapped: match.unmapped,
    grouped: false,
    variants: chosen.map(([, g]) => ({ columns: g, context: {} })),
  };
}

/** `key_result_2_title`, `KR 2 Completion`, `Key Result 2`: the item number and what the column holds. */
const NUMBERED = /^(?:key[\s_-]*results?|kr)[\s_-]*(\d{1,2})(?:[\s_-]+(.*))?$/i;
/** Columns a tool export names for the objective and its owner when key results are numbered across a row. */
const ROW_OBJECTIVE = /^(?:name|title|goal|goal name|goal title|objective|objective title|objective name)$/i;
const ROW_OWNER = /^(?:email|owner|owner email|user|user email|employee email|assignee)$/i;

/**
 * A tool export with one row per objective and its key results in numbered
 * column groups (`key_result_1_title`, `key_result_1_completion`, …): the header
 * as a key result table, with one variant per numbered group.
 */
function numberedHeader(row: readonly RawCell[] | undefined, originCol: number): (HeaderMatch & { variants: Variant[] }) | null {
  if (!Array.isArray(row)) return null;
  const groups = new Map<number, Record<string, number>>();
  const columns: Record<string, number> = {};
  const unmapped: string[] = [];
  for (let c = 0; c < row.length; c++) {
    const text = textOf(row[c]);
    if (text === "") continue;
    const numbered = NUMBERED.exec(text);
    if (numbered) {
      const sub = (numbered[2] ?? "").replace(/[_-]+/g, " ").trim();
      const field = sub === "" || /^(?:title|name|description|text)$/i.test(sub) ? "keyResult" : fieldForHeader("okr", sub);
      if (field === null) {
        unmapped.push(text);
        continue;
      }
      const n = Number(numbered[1]);
      const group = groups.get(n) ?? {};
      group[field] ??= originCol + c;
      groups.set(n, group);
      continue;
    }
    const field = ROW_OBJECTIVE.test(text) ? "objective" : ROW_OWNER.test(text) ? "owner" : fieldForHeader("okr", text);
    if (field !== null && field !== "keyResult" && field !== "score" && !(field in columns)) columns[field] = originCol + c;
    else unmapped.push(text);
  }
  const items = [...groups.entries()].filter(([, g]) => g.keyResult !== undefined).sort((a, b) => a[0] - b[0]);
  if (items.length < 2 || columns.objective === undefined) return null;
  const first = items[0][1];
  return {
    kind: "okr",
    columns: { ...columns, ...first },
    unmapped,
    confidence: 0.8,
    matched: Object.keys(columns).length + Object.keys(first).length,
    grouped: false,
    variants: items.map(([, g]) => ({ columns: g, context: {} })),
  };
}

interface Found {
  header: number;
  match: HeaderMatch & { group: number | null; periods?: PeriodColumn[] };
}

/**
 * Splits a sheet into blocks with their headers, columns and context, and lists
 * every row with content that is neither a record nor a header, with why. A saved
 * mapping gives one block under the mapped header row.
 *
 * @example
 * const layout = readLayout({ name: "OKRs", origin: { row: 0, col: 0 }, values: [
 *   ["Objective 1: Grow revenue"], ["Key result", "Target", "Current"], ["Reach $1M ARR", 1000000, 800000],
 *   [""], ["Objective 2: Win customers faster"], ["Key result", "Target", "Current"], ["Cut onboarding to 5 days", 5, 7],
 * ] });
 * layout.blocks.map((b) => b.context.objective.text) // ["Grow revenue", "Win customers faster"]
 */
export function readLayout(sheet: SheetData, mapping?: ColumnMapping): SheetLayout {
  // A known tool's export or import template is read by its own profile.
  const profiled = mapping ? null : readProfiledLayout(sheet);
  if (profiled) return profiled;
  const values = Array.isArray(sheet?.values) ? sheet.values : [];
  shapes = shapesFor(values);
  try {
    return layoutOf(sheet, values, mapping);
  } finally {
    // The cache holds the sheet's rows: let them go once the sheet is read.
    shapes = null;
  }
}

function layoutOf(sheet: SheetData, values: readonly RawCell[][], mapping: ColumnMapping | undefined): SheetLayout {
  const originRow = sheet?.origin?.row ?? 0;
  const originCol = sheet?.origin?.col ?? 0;
  const found: Found[] = [];
  const arrangement = mapping?.arrangement ?? null;
  if (mapping) {
    const header = mapping.headerRow - 1 - originRow;
    const group = arrangement?.groupRow != null ? arrangement.groupRow - 1 - originRow : null;
    found.push({
      header,
      match: {
        kind: mapping.kind,
        columns: { ...mapping.columns },
        unmapped: [],
        confidence: 1,
        matched: Object.keys(mapping.columns).length,
        grouped: false,
        group,
        // The person's period columns, none included, replace what recognition would find.
        periods: arrangement ? arrangedPeriods(values, header, group, originCol, arrangement) : undefined,
      },
    });
  } else {
    findHeaders(values, originCol, found);
  }
  if (found.length === 0) return { blocks: [], skipped: [], reason: whyNoHeader(values), recordRows: 0 };

  const blocks: SheetBlock[] = [];
  const skipped: SkippedRow[] = [];
  let top = 0;
  for (let i = 0; i < found.length; i++) {
    const { header, match } = found[i];
    const headerTop = match.group ?? header;
    const end = i + 1 < found.length ? (found[i + 1].match.group ?? found[i + 1].header) : values.length;
    // Lines right above the next header (its heading, its form) belong to it, not to this block.
    const nextTop = i + 1 < found.length ? contextTop(values, end) : values.length;
    const tables = tablesAbove(values, top, headerTop, match.kind);
    const context = readContext(values, top, headerTop, match.kind, match.columns, originCol, tables);
    const headingField = HEADING_FIELD[match.kind];
    // Lines the person said are notes name nothing; the form cells they chose fill fields.
    if (arrangement && !arrangement.headingRows && headingField !== null) delete context[headingField];
    if (arrangement) arrangedContext(context, values, originRow, originCol, arrangement);
    for (let r = top; r < headerTop; r++) {
      if (shapeAt(values, r).filled > 0) skipped.push({ row: r, reason: tables.get(r) ?? "title, heading or form line above a table (read as its context)" });
    }
    const periods = periodsOf(values, header, match, originCol);
    const dataFrom = periods.subHeader ? header + 2 : header + 1;
    const block = classifyRows(values, dataFrom, nextTop, match, originCol, skipped, {
      headings: arrangement?.headingRows ?? true,
      repeated: mapping ? headerSignature(values[header], match.columns, originCol) : null,
    });
    for (const [field, cell] of Object.entries(block.below)) if (!(field in context)) context[field] = cell;
    if (match.kind === "okr" && !("score" in match.columns)) {
      const status = numericStatusColumn(values, header, dataFrom, nextTop, block.skip, originCol);
      if (status !== null) match.columns.score = status;
    }
    const numbered = "variants" in match && Array.isArray(match.variants) ? (match.variants as Variant[]) : [];
    const levels = "levels" in match && Array.isArray(match.levels) ? (match.levels as Array<{ col: number; level: number }>) : undefined;
    // On a KPI sheet each period column is a reading; on a key-result sheet the latest filled one is the current figure.
    // A label without its own year is left bare: the reader gives it the title's year, fiscal or not, or the as-of year.
    const readings = match.kind === "kpi" ? periods.columns : [];
    const variants: Variant[] = numbered.length > 0 ? numbered : readings.map((p) => ({
      columns: { actual: p.col },
      context: { period: { text: periodText(p, null), row: periods.subHeader ? header + 1 : header, col: p.col } },
    }));
    blocks.push({
      kind: match.kind,
      headerRows: periods.subHeader ? [header, header + 1] : match.group === null ? [header] : [match.group, header],
      columns: match.columns,
      unmapped: match.unmapped,
      confidence: match.confidence,
      from: dataFrom,
      to: nextTop,
      context,
      headings: block.headings,
      skip: block.skip,
      totals: block.totals,
      levels,
      variants,
      yearColumn: yearColumnOf(values[header], originCol, match.columns),
      series: match.kind === "okr" && periods.columns.length > 0 ? { field: seriesField(match.columns), columns: periods.columns } : null,
    });
    top = nextTop;
  }
  let recordRows = 0;
  for (const b of blocks) for (let r = b.from; r < b.to; r++) if (!b.skip.has(r) && shapeAt(values, r).filled > 0) recordRows++;
  return { blocks, skipped, reason: null, recordRows };
}

/**
 * The period columns of a block: on its header row, or on a row of period
 * labels right under it (`Jan … Dec` under a merged `Monthly Performance`),
 * which then belongs to the header. KPI sheets read months and quarters (a week
 * is no reporting period); key-result sheets also weeks. None where the columns
 * already give the reading and its period, or the figure itself.
 */
function periodsOf(values: readonly RawCell[][], header: number, match: Found["match"], originCol: number): { columns: PeriodColumn[]; subHeader: boolean } {
  const none = { columns: [], subHeader: false };
  if (match.periods) return { columns: match.periods, subHeader: false };
  const { columns, kind } = match;
  if (kind === "kpi" ? "actual" in columns && "period" in columns : kind !== "okr" || "current" in columns || "score" in columns) return none;
  const used = new Set(Object.values(columns));
  const fits = (found: PeriodColumn[]) => (kind === "kpi" ? found.filter((p) => p.unit !== "week") : found);
  const own = fits(findPeriodColumns(values[header], match.group === null ? null : values[match.group], originCol, used));
  if (own.length >= 2) return { columns: own, subHeader: false };
  if (!isPeriodSubHeader(values[header + 1])) return none;
  const below = fits(findPeriodColumns(values[header + 1], values[header], originCol, used));
  return below.length >= 2 ? { columns: below, subHeader: true } : none;
}

/** What a key result's period columns hold: values toward its target, or (with no target) its grade. */
function seriesField(columns: Record<string, number>): string {
  return "target" in columns || "start" in columns ? "current" : "score";
}

/**
 * A `Status` column that holds figures (0.86, 75%) rather than words is the
 * sheet's own progress score.
 */
function numericStatusColumn(values: readonly RawCell[][], header: number, from: number, to: number, skip: ReadonlySet<number>, originCol: number): number | null {
  const row = values[header];
  if (!Array.isArray(row)) return null;
  const c = row.findIndex((cell) => typeof cell === "string" && /^(?:status|progress status|current status)$/i.test(cell.trim()));
  if (c < 0) return null;
  let numbers = 0;
  let words = 0;
  for (let r = from; r < to; r++) {
    if (skip.has(r)) continue;
    const cell = values[r]?.[c];
    if (typeof cell === "number") numbers++;
    else if (typeof cell === "string" && cell.trim() !== "") {
      if (/^\d+(?:\.\d+)?\s*%$/.test(cell.trim())) numbers++;
      else words++;
    }
  }
  return numbers > 0 && words === 0 ? originCol + c : null;
}

function yearColumnOf(row: readonly RawCell[] | undefined, originCol: number, columns: Record<string, number>): number | null {
  if (!Array.isArray(row)) return null;
  const used = new Set(Object.values(columns));
  const c = row.findIndex((cell, i) => !used.has(originCol + i) && typeof cell === "string" && /^(?:financial year|fiscal year|fy|year)$/i.test(cell.trim()));
  return c < 0 ? null : originCol + c;
}

/** Where the context of a header at `header` begins: the run of non-data lines right above it. */
function contextTop(values: readonly RawCell[][], header: number): number {
  let r = header;
  while (r > 0) {
    const shape = shapeAt(values, r - 1);
    if (shape.filled === 0) break;
    // Data rows hold numbers or fill many cells; context lines are short.
    if (shape.numbers > 0 || shape.filled > 4) break;
    r--;
  }
  return r;
}

function findHeaders(values: readonly RawCell[][], originCol: number, found: Found[]): void {
  let afterBreak = true;
  let firstKind: SheetKind | null = null;
  let firstHeaderText = "";
  const allKinds: readonly SheetKind[] = ["okr", "kpi", "kra", "checkins"];
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const shape = shapeAt(values, r);
    if (shape.filled === 0) {
      afterBreak = true;
      continue;
    }
    const tryHere =
      headerShaped(shape) &&
      (firstKind === null ? r < FIRST_HEADER_ROWS : afterBreak || textOf(row[shape.first]).toLowerCase() === firstHeaderText);
    afterBreak = shape.filled === 1 && shape.numbers === 0;
    if (!tryHere) continue;
    const match = headerAt(values, r, originCol, firstKind === null ? allKinds : [firstKind]);
    if (!match) continue;
    // A later header of another table must look like a header: most of its cells named.
    if (firstKind !== null && match.matched < 2) continue;
    const headerText = textOf(row[shape.first]).toLowerCase();
    // `Target` and `Actual` each over `Monthly | Quarterly | Annual` (or those over them): one reading per granularity.
    const split = match.kind === "kpi" && match.group === null ? granularitySplit(values, r, originCol) : null;
    found.push(split ?? { header: r, match });
    if (firstKind === null) {
      firstKind = match.kind;
      firstHeaderText = headerText;
    }
    // The lower row of a split header is read: go on under it.
    if (split !== null && split.header > r) r = split.header;
  }
}

/** A header at `r` that is one row of a header split by granularity, with the row below or above it; `null` when it is not. */
function granularitySplit(values: readonly RawCell[][], r: number, originCol: number): Found | null {
  if (headerShaped(shapeAt(values, r + 1))) {
    const below = granularityHeader(values[r], values[r + 1], originCol);
    if (below !== null) return { header: r + 1, match: { ...below, group: r } };
  }
  if (r > 0 && shapeAt(values, r - 1).filled > 0) {
    const above = granularityHeader(values[r - 1], values[r], originCol);
    if (above !== null) return { header: r, match: { ...above, group: r - 1 } };
  }
  return null;
}

/** Sorts the rows of a block: records, summary rows, headings (context from there on), legend lines. */
function classifyRows(
  values: readonly RawCell[][],
  from: number,
  to: number,
  match: HeaderMatch,
  originCol: number,
  skipped: SkippedRow[],
  /** Whether lone lines are headings (else notes), and the header's texts to know it again where a section repeats it. */
  arranged: { headings: boolean; repeated: ReadonlyMap<number, string> | null } = { headings: true, repeated: null },
): { skip: Set<number>; headings: SheetBlock["headings"]; totals: Map<number, Record<string, number>>; below: Record<string, ContextCell> } {
  const skip = new Set<number>();
  const headings: SheetBlock["headings"] = [];
  const totals = new Map<number, Record<string, number>>();
  // Column sums of the rows since the last summary row, worked out only when a row may be an unlabelled total.
  const sums = new Map<number, { sum: number; count: number }>();
  let summedTo = from;
  const summary = (r: number, label: string): void => {
    skip.add(r);
    skipped.push({ row: r, reason: `summary row (${label})` });
    const figures = figuresOf(values[r], match.columns, originCol);
    if (figures) totals.set(r, figures);
    sums.clear();
    summedTo = r + 1;
  };
  /** Fields read from form lines under the table (`Month: May 2025`). */
  const below: Record<string, ContextCell> = {};
  const headingField = arranged.headings ? HEADING_FIELD[match.kind] : null;
  const mappedCols = new Set(Object.values(match.columns));
  const nameField = match.kind === "okr" ? "keyResult" : match.kind === "kpi" ? "kpi" : match.kind === "kra" ? "area" : "keyResult";
  const nameCol: number | undefined = match.columns[nameField];
  let foreign = false;
  let afterBreak = false;
  let inNotes = false;
  const sectionLines = arranged.repeated === null ? null : sectionContext(values, from, to, match, originCol, arranged.repeated, headingField, headings, skipped);
  /** The heading of the summary block being read (its rows are figures about the table, not records), or `null`. */
  let inSummary: string | null = null;
  /** The last row holding figures, worked out when first needed: form lines below it are under the table, not headings of rows. */
  let lastFigures: number | undefined;
  const lastFiguresRow = (r: number): number => {
    if (lastFigures === undefined) {
      lastFigures = lastRowOfFigures(values, from, to);
      // Looking at other rows reuses the shape of row `r`: read it again.
      shapeAt(values, r);
    }
    return lastFigures;
  };
  for (let r = from; r < to; r++) {
    const row = values[r];
    const shape = shapeAt(values, r);
    if (shape.filled === 0) {
      afterBreak = true;
      inSummary = null;
      continue;
    }
    if (sectionLines?.has(r)) {
      skip.add(r);
      continue;
    }
    const first = textOf(row[shape.first]);
    const firstIsText = typeof row[shape.first] === "string";
    if (foreign) {
      skip.add(r);
      skipped.push({ row: r, reason: "row of a table that is not a goal table" });
      continue;
    }
    if (arranged.repeated !== null && repeatsHeader(row, arranged.repeated)) {
      skip.add(r);
      skipped.push({ row: r, reason: "the header repeated for the next section" });
      // A new section starts: the notes and summary above it have ended.
      afterBreak = false;
      inNotes = false;
      inSummary = null;
      continue;
    }
    if (inSummary !== null) {
      skip.add(r);
      skipped.push({ row: r, reason: `summary figure (under ${inSummary})` });
      continue;
    }
    const nameBlank = nameCol === undefined || isEmpty(row[nameCol - originCol]);
    const label = summaryIn(row) ?? (firstIsText && nameBlank && SUMMARY_WORD.test(first) ? first : null);
    if (label !== null) {
      summary(r, label.replace(/[=<>]{2,}/g, "").trim().slice(0, 30));
      afterBreak = false;
      continue;
    }
    if (nameCol !== undefined && nameBlank && shape.numbers === shape.filled) {
      // Only figures and no name: a total when each figure is the sum of its column above (`| | 100` under weights).
      for (let k = summedTo; k < r; k++) if (!skip.has(k)) addFigures(sums, values[k]);
      summedTo = r;
      if (isColumnTotal(row, sums)) {
        summary(r, "unlabelled total");
        afterBreak = false;
        continue;
      }
    }
    if (shape.filled === 1 && firstIsText && SUMMARY_HEADING.test(first) && labelValueRowsBelow(values, r + 1, to, () => shapeAt(values, r))) {
      // `Monthly Summary Metrics (Auto-Calculated)`: the label/value rows under it count the table, they are not KPIs.
      inSummary = first.replace(/\s*\([^)]*\)/g, "").trim().slice(0, 40);
      skip.add(r);
      skipped.push({ row: r, reason: `summary heading (${inSummary})` });
      continue;
    }
    if ((afterBreak || inNotes) && firstIsText && shape.filled <= 4 && !LEGEND.test(first) && !OBJECTIVE_HEADING.test(first) && r > lastFiguresRow(r)) {
      const form = formLineAt(row, shape.first, match.kind);
      if (form !== null) {
        // Under the table, after its rows: `Month: May 2025` dates every row of it; a sign-off line (`Prepared by: …`) says who, not what.
        const fills = form.field === "period" && !(form.field in match.columns) && !(form.field in below);
        if (fills) {
          below.period = { text: form.value, row: r, col: originCol + form.col };
          if (/\b(?:19|20)\d{2}\b/.test(form.value)) below.year = below.period;
        }
        skip.add(r);
        skipped.push({ row: r, reason: fills ? "form line under the table (read as the period of its rows)" : `form line under the table (${form.label.slice(0, 30)})` });
        afterBreak = false;
        inNotes = true;
        continue;
      }
    }
    if ((afterBreak || inNotes) && headerShaped(shape) && looksLikeHeader(row, match.kind)) {
      // Another table (initiatives, risks) sits under this one: its rows are not goals.
      foreign = true;
      skip.add(r);
      skipped.push({ row: r, reason: `header of a table that is not a goal table (${row.filter((c) => !isEmpty(c)).slice(0, 4).join(", ")})` });
      continue;
    }
    const wasBreak = afterBreak;
    afterBreak = false;
    if (inNotes && shape.numbers < 2) {
      // Below a note, rows without figures (a legend's bands, numbered remarks) belong to the note.
      skip.add(r);
      skipped.push({ row: r, reason: "note or legend line" });
      continue;
    }
    if (shape.filled !== 1 || !firstIsText) {
      inNotes = false;
      continue;
    }
    const col = originCol + shape.first;
    if (FILL_IN.test(first)) {
      skip.add(r);
      skipped.push({ row: r, reason: "a line of the form left to write on" });
      continue;
    }
    if (LEGEND.test(first) || NOTE_LINE.test(first) || BULLET.test(first) || LEGEND_LINE.test(first)) {
      skip.add(r);
      skipped.push({ row: r, reason: "note or legend line" });
      inNotes = true;
      continue;
    }
    const objective = OBJECTIVE_HEADING.exec(first);
    const markdown = MARKDOWN_HEADING.exec(first);
    const inNameColumn = match.columns[nameField] === col;
    const inHeadingColumn = headingField !== null && match.columns[headingField] === col;
    if (inHeadingColumn && !markdown) continue;
    const sectionLike = markdown !== null || objective !== null || /[:：]$/.test(first) || (match.kind === "kpi" && /\b(?:kpis|metrics|indicators)\b/i.test(first));
    if (headingField !== null && !(headingField in match.columns) && (sectionLike || !inNameColumn)) {
      const text = (objective?.[1] ?? markdown?.[1] ?? first).replace(/[:：]\s*$/, "").trim();
      headings.push({ row: r, field: headingField, cell: { text, row: r, col } });
      skip.add(r);
      skipped.push({ row: r, reason: `section heading (read as the ${headingField === "objective" ? "objective" : "area"} of the rows below)` });
      continue;
    }
    if (sectionLike && !inHeadingColumn) {
      skip.add(r);
      skipped.push({ row: r, reason: "section heading" });
      continue;
    }
    if (wasBreak || inNotes) {
      // A lone line after the table's rows ended (a blank row or a note): text about the table, not a goal.
      skip.add(r);
      skipped.push({ row: r, reason: "note or legend line" });
      inNotes = true;
      continue;
    }
    if (!mappedCols.has(col)) {
      skip.add(r);
      skipped.push({ row: r, reason: "text outside the table's columns" });
    }
  }
  // Headings above repeated headers were found first: the reader wants them in row order.
  if (sectionLines !== null) headings.sort((a, b) => a.row - b.row);
  return { skip, headings, totals, below };
}

/**
 * Whether the rows from `from` up to the next blank row are label/value pairs
 * (`Total KPIs` | 6): the figures of a summary block, not a section of records
 * (`Financial Summary` over rows of KPIs with their target and actual).
 * `restore` reads the current row's shape again, which looking ahead replaces.
 */
function labelValueRowsBelow(values: readonly RawCell[][], from: number, to: number, restore: () => void): boolean {
  let pairs = 0;
  let others = 0;
  for (let r = from; r < to; r++) {
    const shape = shapeAt(values, r);
    if (shape.filled === 0) break;
    if (shape.filled <= 2 && typeof values[r][shape.first] === "string") pairs++;
    else others++;
  }
  restore();
  return pairs > 0 && others === 0;
}

/** The last row of `from`…`to` holding a figure that is not a form line's value (`Last updated on:` | a date); `from - 1` when none. */
function lastRowOfFigures(values: readonly RawCell[][], from: number, to: number): number {
  for (let r = to - 1; r >= from; r--) {
    const shape = shapeAt(values, r);
    if (shape.numbers === 0) continue;
    const first = values[r][shape.first];
    if (!(typeof first === "string" && /^[^:：]{1,40}[:：]/.test(first.trim()))) return r;
  }
  return from - 1;
}

/** A form line `Label: value` (or `Label:` | `value`) starting at cell `first`, with the field its label names on a sheet of `kind`. */
function formLineAt(row: readonly RawCell[], first: number, kind: SheetKind): { label: string; value: string; field: string | null; col: number } | null {
  const text = textOf(row[first]);
  if (!/^[^:：]{1,40}[:：]/.test(text)) return null;
  let next = first + 1;
  while (next < row.length && isEmpty(row[next])) next++;
  const pair = formPair(text, next < row.length ? textOf(row[next]) : undefined);
  if (pair === null) return null;
  return { label: pair.label, value: pair.value, field: formField(kind, pair.label), col: text.includes(pair.value) ? first : next };
}

/**
 * With a saved mapping, a section that repeats the header further down has its
 * own lines right above that header (`Objective 2: …`, `Why this matters: …`):
 * read as that section's heading where they name one, listed as its context,
 * never as records. Returns the rows so listed.
 */
function sectionContext(
  values: readonly RawCell[][],
  from: number,
  to: number,
  match: HeaderMatch,
  originCol: number,
  repeated: ReadonlyMap<number, string>,
  headingField: string | null,
  headings: SheetBlock["headings"],
  skipped: SkippedRow[],
): Set<number> {
  const lines = new Set<number>();
  for (let r = from; r < to; r++) {
    if (!repeatsHeader(values[r], repeated)) continue;
    const top = Math.max(from, contextTop(values, r));
    if (headingField !== null && !(headingField in match.columns)) {
      const context = readContext(values, top, r, match.kind, match.columns, originCol, new Map());
      const named = context[headingField];
      if (named) headings.push({ row: r, field: headingField, cell: named });
    }
    for (let line = top; line < r; line++) {
      if (shapeAt(values, line).filled === 0) continue;
      lines.add(line);
      skipped.push({ row: line, reason: "title, heading or form line above a table (read as its context)" });
    }
  }
  return lines;
}

/** Adds a row's numbers to the sums of their columns. */
function addFigures(sums: Map<number, { sum: number; count: number }>, row: readonly RawCell[] | undefined): void {
  if (!Array.isArray(row)) return;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== "number" || !Number.isFinite(cell)) continue;
    const held = sums.get(c);
    if (held) {
      held.sum += cell;
      held.count++;
    } else sums.set(c, { sum: cell, count: 1 });
  }
}

/** True when every number of the row is the sum of the same column over two or more rows above it. */
function isColumnTotal(row: readonly RawCell[], sums: ReadonlyMap<number, { sum: number; count: number }>): boolean {
  let figures = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== "number") continue;
    const held = sums.get(c);
    if (!held || held.count < 2 || !Number.isFinite(cell) || Math.abs(held.sum - cell) > 1e-9 * Math.max(1, Math.abs(cell))) return false;
    figures++;
  }
  return figures > 0;
}

/** The numbers a summary row holds in the block's columns, by field (`{ weight: 20 }`), or `null` when none. */
function figuresOf(row: readonly RawCell[] | undefined, columns: Record<string, number>, originCol: number): Record<string, number> | null {
  if (!Array.isArray(row)) return null;
  let figures: Record<string, number> | null = null;
  for (const [field, col] of Object.entries(columns)) {
    const cell = row[col - originCol];
    if (typeof cell === "number" && Number.isFinite(cell)) (figures ??= {})[field] = cell;
  }
  return figures;
}

const TABLE_WORDS = /^(?:themes?|strategic themes?|categor(?:y|ies)|levels?|significance|meaning|definition|bands?|score range|initiatives?|actions?|action items?|tasks?|projects?|risks?|dependenc(?:y|ies)|issues?|blockers?|status|due|due date|owner|notes?|comments?|milestones?|deliverables?|next steps?|mitigation|impact|likelihood|action plans?|skills?|soft skills|behaviou?rs?|behaviou?ral skills)$/i;

/** A row of short labels, at least one a word tables are headed with: the header of a table of another kind. */
function looksLikeHeader(row: readonly RawCell[], kind: SheetKind): boolean {
  let words = 0;
  for (const cell of row) {
    if (isEmpty(cell)) continue;
    if (typeof cell !== "string") return false;
    const text = cell.trim();
    // Labels may hold digits (`S1 - S6`, a grade band); a figure, a date or a period (`Q3 2026`) is data.
    if (text.length > 32 || (/\d/.test(text) && (!/\p{L}/u.test(text) || PERIOD_TOKEN.test(text)))) return false;
    if (TABLE_WORDS.test(text) || fieldForHeader(kind, text) !== null) words++;
  }
  return words >= 1;
}

function whyNoHeader(values: readonly RawCell[][]): string {
  let filled = 0;
  for (let r = 0; r < values.length; r++) if (shapeAt(values, r).filled > 0) filled++;
  if (filled === 0) return "the sheet is empty";
  return "no header row with the columns of a goal sheet (OKRs need Objective and Key result, KPIs a KPI and a Target, Floor or Actual, KRAs an Employee and an Area, check-ins a Date, Key result and Value)";
}
