/**
 * Parsing a workbook: recognise each sheet, read its rows into typed records,
 * and apply check-ins to key results. Every row becomes a record or a located
 * problem; nothing here throws, whatever the cells hold.
 */
import type { CheckInField, ColumnMapping, IsoDate, KeyResultField, KpiField, KraField, ParsedWorkbook, SheetData } from "./model";
import { applyCheckIns, parseCheckInRows } from "./parse/checkins";
import { parseKpiRows } from "./parse/kpi";
import { parseKraRows } from "./parse/kra";
import { parseOkrRows } from "./parse/okr";
import { SheetReader } from "./parse/reader";
import { ALTITUDE_STATE_SHEET, recogniseSheet } from "./recognise";
import type { Settings } from "./settings";

export { applyCheckIns, parseCheckInRows } from "./parse/checkins";
export { parseKpiRows } from "./parse/kpi";
export { parseKraRows } from "./parse/kra";
export { parseOkrRows } from "./parse/okr";
export { SheetReader } from "./parse/reader";
export { inferKeyResultType, maintainDirection } from "./parse/words";

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
 * value. Sheets that are not goal sheets are listed in `unrecognised` and left alone.
 *
 * @example
 * const parsed = parseWorkbook(sheets, { settings: DEFAULT_SETTINGS });
 * parsed.keyResults[0].keyResult // "Cut churn from 4.2% to 2.8%"
 * parsed.problems[0].message // 'Target is text ("lots") in OKRs!K7; expected a number.'
 */
export function parseWorkbook(sheets: readonly SheetData[], options: ParseOptions): ParsedWorkbook {
  const parsed: ParsedWorkbook = { sheets: [], unrecognised: [], keyResults: [], kpis: [], kras: [], checkIns: [], problems: [] };
  const ignore = options.ignore ?? [ALTITUDE_STATE_SHEET];
  const ignored = new Set(ignore.map((n) => n.toLowerCase()));
  for (const sheet of Array.isArray(sheets) ? sheets : []) {
    const name = typeof sheet?.name === "string" ? sheet.name : "";
    if (ignored.has(name.toLowerCase())) continue;
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
  }
  pushAll(parsed.problems, applyCheckIns(parsed.keyResults, parsed.checkIns, options.asOf));
  return parsed;
}

function parseSheet(sheet: SheetData, options: ParseOptions, parsed: ParsedWorkbook): void {
  const recognised = recogniseSheet(sheet, options.mappings?.[sheet.name], { ignore: [] });
  if (!recognised) {
    parsed.unrecognised.push(sheet.name);
    return;
  }
  parsed.sheets.push(recognised);
  const { settings } = options;
  switch (recognised.kind) {
    case "okr":
      pushAll(parsed.keyResults, parseOkrRows(new SheetReader<KeyResultField>(sheet, recognised, settings, parsed.problems)));
      break;
    case "kpi":
      pushAll(parsed.kpis, parseKpiRows(new SheetReader<KpiField>(sheet, recognised, settings, parsed.problems)));
      break;
    case "kra":
      pushAll(parsed.kras, parseKraRows(new SheetReader<KraField>(sheet, recognised, settings, parsed.problems), settings));
      break;
    case "checkins":
      pushAll(parsed.checkIns, parseCheckInRows(new SheetReader<CheckInField>(sheet, recognised, settings, parsed.problems)));
      break;
  }
}

/** Appends without spreading, which would overflow the call stack for 100,000 records. */
function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
