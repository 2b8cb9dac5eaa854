/**
 * Parsing a workbook: recognise each sheet, read its rows into typed records,
 * and apply check-ins to key results. Every row becomes a record or a located
 * problem; nothing here throws, whatever the cells hold.
 */
import type { CheckInField, ColumnMapping, IsoDate, KeyResultField, KpiField, KraField, ParsedWorkbook, RecognisedSheet, SheetData } from "./model";
import { applyCheckIns, parseCheckInRows } from "./parse/checkins";
import { parseKpiRows } from "./parse/kpi";
import { parseKraRows } from "./parse/kra";
import { parseOkrRows } from "./parse/okr";
import { SheetReader } from "./parse/reader";
import { readLayout } from "./parse/blocks";
import { arrangementDoubts } from "./parse/guess";
import { ALTITUDE_STATE_SHEET } from "./recognise";
import type { Settings } from "./settings";

export { applyCheckIns, parseCheckInRows } from "./parse/checkins";
export { parseKpiRows } from "./parse/kpi";
export { parseKraRows } from "./parse/kra";
export { parseOkrRows } from "./parse/okr";
export { SheetReader } from "./parse/reader";
export { inferKeyResultType, maintainDirection } from "./parse/words";
export { guessArrangement, NAME_FIELD, UNSURE_BELOW, type ArrangementGuess } from "./parse/guess";

export interface ParseOptions {
  settings: Settings;
  /** Column mappings saved by the user, by sheet name; they win over recognition. */
  mappings?: Record<string, ColumnMapping>;
  /** Sheet names never read (Altitude's own state sheet by default). */
  ignore?: readonly string[];
  /** Check-ins dated after this day are left out; all count when omitted. */
  asOf?: IsoDate;
}

/**
 * Parses every goal sheet of a workbook into key results, KPIs, KRAs and
 * check-ins, with the latest check-in of each key result applied as its current
 * value. Each sheet is read in blocks (see `readLayout`): a sheet that is not a goal
 * sheet is listed in `unrecognised` and, with why, in `notRead`; rows that are not
 * records (summary rows, headings, notes) are listed in `skipped` with why.
 *
 * @example
 * const parsed = parseWorkbook(sheets, { settings: DEFAULT_SETTINGS });
 * parsed.keyResults[0].keyResult // "Cut churn from 4.2% to 2.8%"
 * parsed.problems[0].message // 'Target is text ("lots") in OKRs!K7; expected a number.'
 */
export function parseWorkbook(sheets: readonly SheetData[], options: ParseOptions): ParsedWorkbook {
  const parse = startParse(options);
  for (const sheet of Array.isArray(sheets) ? sheets : []) parse.add(sheet);
  return parse.finish();
}

/** A workbook parsed a sheet at a time: see {@link startParse}. */
export interface WorkbookParse {
  /** Parses one more sheet (in workbook order); its cells are not kept. */
  add(sheet: SheetData): void;
  /** Applies the check-ins to the key results and gives the whole workbook's records. */
  finish(): ParsedWorkbook;
}

/**
 * Parses a workbook one sheet at a time, giving the same records as
 * {@link parseWorkbook}: a caller that reads sheets one by one can let each
 * sheet's cells go before reading the next (at a million rows the cells weigh
 * more than the records made from them).
 *
 * @example
 * const parse = startParse({ settings: DEFAULT_SETTINGS });
 * for (const name of names) parse.add(await readSheet(name));
 * const parsed = parse.finish();
 */
export function startParse(options: ParseOptions): WorkbookParse {
  const parsed: ParsedWorkbook = { sheets: [], unrecognised: [], notRead: [], skipped: [], keyResults: [], kpis: [], kras: [], checkIns: [], problems: [] };
  const ignore = options.ignore ?? [ALTITUDE_STATE_SHEET];
  const ignored = new Set(ignore.map((n) => n.toLowerCase()));
  let finished = false;
  return {
    add(sheet: SheetData): void {
      if (finished) throw new Error("this workbook's parse is finished");
      const name = typeof sheet?.name === "string" ? sheet.name : "";
      if (ignored.has(name.toLowerCase())) return;
      try {
        parseSheet(sheet, options, parsed);
      } catch (error) {
        // Only a bug can land here; the user still gets every other sheet and one clear problem.
        parsed.problems.push({
          code: "unreadable-sheet",
          message: `Sheet ${name} could not be read (${error instanceof Error ? error.message : String(error)}).`,
          sheet: name,
          cell: "A1",
          severity: "error",
        });
      }
    },
    finish(): ParsedWorkbook {
      if (!finished) pushAll(parsed.problems, applyCheckIns(parsed.keyResults, parsed.checkIns, options.asOf));
      finished = true;
      return parsed;
    },
  };
}

function parseSheet(sheet: SheetData, options: ParseOptions, parsed: ParsedWorkbook): void {
  const mapping = options.mappings?.[sheet.name];
  const layout = readLayout(sheet, mapping);
  const originRow = sheet.origin?.row ?? 0;
  if (layout.blocks.length === 0) {
    parsed.unrecognised.push(sheet.name);
    parsed.notRead.push({ sheet: sheet.name, reason: layout.reason ?? "no goal table found" });
    return;
  }
  const first = layout.blocks[0];
  const rowCount = layout.recordRows;
  const recognised: RecognisedSheet = {
    name: sheet.name,
    kind: first.kind,
    confidence: first.confidence,
    headerRow: originRow + first.headerRows[first.headerRows.length - 1] + 1,
    columns: { ...first.columns },
    unmappedHeaders: first.unmapped,
    rowCount,
    // A sheet the person mapped is read as they said: nothing to ask.
    doubts: mapping ? [] : arrangementDoubts(sheet, layout),
  };
  parsed.sheets.push(recognised);
  const { settings } = options;
  for (const block of layout.blocks) {
    // Months written without a year, with no year in the title or form, are months of the as-of year.
    if (!block.context.year && options.asOf) block.context.year = { text: options.asOf.slice(0, 4), row: block.from, col: 0 };
    const asRead: RecognisedSheet = { ...recognised, kind: block.kind, headerRow: originRow + block.from, columns: block.columns };
    switch (block.kind) {
      case "okr":
        pushAll(parsed.keyResults, parseOkrRows(new SheetReader<KeyResultField>(sheet, asRead, settings, parsed.problems, block, layout.skipped)));
        break;
      case "kpi":
        pushAll(parsed.kpis, parseKpiRows(new SheetReader<KpiField>(sheet, asRead, settings, parsed.problems, block, layout.skipped)));
        break;
      case "kra":
        pushAll(parsed.kras, parseKraRows(new SheetReader<KraField>(sheet, asRead, settings, parsed.problems, block, layout.skipped), settings));
        break;
      case "checkins":
        pushAll(parsed.checkIns, parseCheckInRows(new SheetReader<CheckInField>(sheet, asRead, settings, parsed.problems, block, layout.skipped)));
        break;
    }
  }
  const byReason = new Map<string, number[]>();
  const inOrder = layout.skipped.slice().sort((a, b) => a.row - b.row);
  for (const { row, reason } of inOrder) {
    let rows = byReason.get(reason);
    if (!rows) byReason.set(reason, (rows = []));
    rows.push(originRow + row + 1);
  }
  for (const [reason, rows] of byReason) parsed.skipped.push({ sheet: sheet.name, rows, reason });
}

/** Appends without spreading, which would overflow the call stack for 100,000 records. */
function pushAll<T>(into: T[], items: readonly T[]): void {
  // An index, not `for…of`: this runs over every record, and an iterator's result objects are garbage per item where it is not optimised away.
  for (let i = 0; i < items.length; i++) into.push(items[i]);
}
