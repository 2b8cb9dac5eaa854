/**
 * The use cases that change the user's workbook at their request: check in a
 * key result, save settings (validated here, not in a view), save or forget a
 * column mapping, convert a recognised range to a table, insert a template.
 * Each writes through the port or the pane's editor and never overwrites a
 * cell the user wrote.
 */
import { arrangementProblems, MAPPING_VERSION, plainArrangement } from "../core/arrangement";
import { todayIso, isoToSerial } from "../core/dates";
import type { ArrangementDoubt, ColumnMapping, IsoDate, KeyResultRecord, ParsedWorkbook, SheetData, SheetKind } from "../core/model";
import { guessArrangement, parseWorkbook, type ArrangementGuess } from "../core/parse";
import { periodContaining } from "../core/periods";
import type { PlanValue } from "../core/plan";
import { SHEET_KINDS } from "../core/recognise";
import type { Settings } from "../core/settings";
import { planTableConversion } from "../core/tables";
import { planTemplate, TEMPLATE_HEADERS } from "../core/templates";
import { toNumber } from "../core/values";
import type { PaneEditor } from "../workbook/excel-editor";
import { WorkbookError, type WorkbookPort } from "../workbook/port";
import type { LoadedWorkbook } from "./load";
import { fail, type Failure } from "./messages";

const CHECKINS_SHEET = "Check-ins";
const DATE_FORMAT = "yyyy-mm-dd";

export interface CheckInEntry {
  keyResult: KeyResultRecord;
  /** The new value as typed (`42`, `3.5`, `45%`, `1.200,5` in a comma locale). */
  value: string;
  /** 0–10, or `null` when not given. */
  confidence: number | null;
  comment: string;
  /** The check-in's date; today when omitted. */
  date?: IsoDate;
}

export interface CheckedIn {
  ok: true;
  /** The number read from the value. */
  value: number;
  /** The sheet the check-in went to. */
  sheet: string;
}

/**
 * Adds a check-in: a row in the Check-ins sheet (into its table when it has one,
 * each value under its own header), or a new Check-ins sheet when there is none.
 * The key result's own Current cell is never changed; the latest check-in is read as its value.
 *
 * @example
 * const done = await checkIn(port, editor, loaded, { keyResult, value: "45%", confidence: 7, comment: "" });
 * if (done.ok) done.sheet // "Check-ins"
 */
export async function checkIn(port: WorkbookPort, editor: PaneEditor, loaded: LoadedWorkbook, entry: CheckInEntry): Promise<CheckedIn | Failure> {
  const read = toNumber(entry.value, undefined, { decimalSeparator: loaded.settings.decimalSeparator });
  if (!read.ok || read.value === null) return fail({ code: "bad-value", given: entry.value });
  const value = read.value;
  const fields = {
    date: isoToSerial(entry.date ?? todayIso()),
    keyResult: entry.keyResult.keyResultId || entry.keyResult.keyResult,
    value,
    confidence: entry.confidence,
    comment: entry.comment,
  };
  const recognised = loaded.parsed.sheets.find((s) => s.kind === "checkins");
  const data = recognised && loaded.sheets.find((s) => s.name === recognised.name);
  if (recognised && data) {
    // Each value under its own header, wherever the user placed the columns.
    const width = data.values.reduce((max, row) => Math.max(max, row.length), 0);
    const row: PlanValue[] = Array<PlanValue>(width).fill(null);
    const formats: Array<string | null> = Array<string | null>(width).fill(null);
    for (const [field, v] of Object.entries(fields)) {
      const col = recognised.columns[field];
      if (col !== undefined && col - data.origin.col < width) row[col - data.origin.col] = v;
    }
    if (recognised.columns.date !== undefined) formats[recognised.columns.date - data.origin.col] = DATE_FORMAT;
    await editor.appendRows(recognised.name, [row], { numberFormats: formats });
    return { ok: true, value, sheet: recognised.name };
  }
  const written = await port.writeSheets({
    sheets: [
      {
        key: "checkins",
        name: CHECKINS_SHEET,
        freeze: { rows: 1, cols: 0 },
        columnWidths: [12, 48, 10, 12, 36],
        blocks: [
          {
            kind: "table",
            at: { row: 0, col: 0 },
            name: "Altitude_Checkins",
            headers: [...TEMPLATE_HEADERS.checkins],
            rows: [[fields.date, fields.keyResult, fields.value, fields.confidence, fields.comment]],
            columnFormats: [DATE_FORMAT, null, "General", "0", null],
          },
        ],
      },
    ],
  });
  return { ok: true, value, sheet: written.names.checkins ?? CHECKINS_SHEET };
}

/** The part of the settings a problem concerns, so a form can mark its fields. */
export type SettingsPart = "aspirational" | "committed" | "pace" | "cap" | "scale" | "labels";

/**
 * What is wrong with settings, as sentences with the part they concern; empty when they can be saved.
 *
 * @example
 * settingsProblems({ ...DEFAULT_SETTINGS, scoreCap: 0.5 }) // [{ part: "cap", message: "The highest key result score must be between 100% and 1000%." }]
 */
export function settingsProblems(s: Settings): Array<{ part: SettingsPart; message: string }> {
  const problems: Array<{ part: SettingsPart; message: string }> = [];
  const unit = (n: number) => Number.isFinite(n) && n >= 0 && n <= 1;
  for (const [part, name, bands] of [["aspirational", "Aspirational", s.grades.aspirational], ["committed", "Committed", s.grades.committed]] as const) {
    if (!unit(bands.yellow) || !unit(bands.green) || bands.yellow >= bands.green) problems.push({ part, message: `${name}: Yellow must start below Green, both between 0% and 100%.` });
  }
  if (!(s.pace.atRisk > 0 && s.pace.atRisk < s.pace.onTrack)) problems.push({ part: "pace", message: "At risk must start above 0% and below On track." });
  if (!(s.scoreCap >= 1 && s.scoreCap <= 10)) problems.push({ part: "cap", message: "The highest key result score must be between 100% and 1000%." });
  if (!(Number.isInteger(s.rating.min) && Number.isInteger(s.rating.max) && s.rating.min < s.rating.max && s.rating.max - s.rating.min <= 10)) {
    problems.push({ part: "scale", message: "The rating scale needs whole numbers, lowest below highest, at most 11 steps." });
  }
  if (s.rating.labels.some((l) => l.trim() === "")) problems.push({ part: "labels", message: "Every rating needs a label." });
  return problems;
}

/**
 * Saves settings in the workbook after validating them, then recalculates so
 * the custom functions use them; invalid settings are not saved.
 *
 * @example
 * const done = await saveSettings(port, editor, loaded, settings);
 * if (!done.ok) done.problems // ["At risk must start above 0% and below On track."]
 */
export async function saveSettings(port: WorkbookPort, editor: PaneEditor, loaded: LoadedWorkbook, settings: Settings): Promise<{ ok: true } | Failure> {
  const problems = settingsProblems(settings);
  if (problems.length > 0) return fail({ code: "invalid-settings", problems: problems.map((p) => p.message) });
  await port.writeState({ ...loaded.state, settings });
  await editor.recalculate();
  return { ok: true };
}

/**
 * Saves how a sheet is read (its kind, the column of each field and, when
 * given, its arrangement: header rows, heading rows, form cells, period
 * columns), used by every door. A mapping without its kind's required columns
 * would read no rows, and an arrangement that contradicts its columns would read
 * them wrongly, so both are refused and nothing is saved. A mapping with an
 * arrangement is stored as version 2.
 *
 * @example
 * await saveMapping(port, loaded, "Goals", { kind: "okr", headerRow: 1, columns: { keyResult: 1, target: 4 } })
 * await saveMapping(port, loaded, "Plan", { kind: "kpi", headerRow: 3, columns: { kpi: 0 }, arrangement: { ...plain, periodColumns: [1, 2, 3] } })
 */
export async function saveMapping(port: WorkbookPort, loaded: LoadedWorkbook, sheet: string, mapping: ColumnMapping): Promise<{ ok: true } | Failure> {
  const missing = SHEET_KINDS[mapping.kind].required.filter((field) => mapping.columns[field] === undefined);
  if (missing.length > 0) return fail({ code: "missing-columns", sheet, fields: missing });
  const problems = mapping.arrangement ? arrangementProblems(mapping, mapping.arrangement) : [];
  if (problems.length > 0) return fail({ code: "invalid-arrangement", sheet, problems });
  const stored: ColumnMapping = mapping.arrangement
    ? { kind: mapping.kind, headerRow: mapping.headerRow, columns: { ...mapping.columns }, version: MAPPING_VERSION, arrangement: mapping.arrangement }
    : { kind: mapping.kind, headerRow: mapping.headerRow, columns: { ...mapping.columns } };
  await port.writeState({ ...loaded.state, mappings: { ...loaded.state.mappings, [sheet]: stored } });
  return { ok: true };
}

/**
 * How the Map view starts for a sheet: its saved mapping, else what recognition
 * read (kind, header rows, columns, form cells, period columns) with what it is
 * unsure of, else an empty OKR mapping under the sheet's first row.
 *
 * @example
 * const start = mappingToEdit(loaded, "Monthly Planner");
 * start.source // "guess"
 * start.mapping.arrangement?.periodColumns // [1, 2, …, 12]
 * start.doubts[0].message // "Read as KPIs from few column names (confidence 40%); check the kind and columns."
 */
export function mappingToEdit(loaded: LoadedWorkbook, sheet: string): MappingToEdit {
  const data = loaded.sheets.find((s) => s.name === sheet);
  const saved = loaded.state.mappings?.[sheet];
  const doubts = loaded.parsed.sheets.find((s) => s.name === sheet)?.doubts ?? [];
  if (saved) {
    // A mapping saved before arrangements existed starts from how it is read now (its period columns found, say).
    const asRead = saved.arrangement ?? (data ? guessArrangement(data, saved)?.mapping.arrangement : undefined) ?? plainArrangement();
    return { source: "saved", mapping: { ...saved, arrangement: asRead }, doubts: [], complete: true, sections: 1 };
  }
  const guess: ArrangementGuess | null = data ? guessArrangement(data) : null;
  if (guess) return { source: "guess", mapping: { ...guess.mapping, arrangement: guess.mapping.arrangement ?? plainArrangement() }, doubts, complete: guess.complete, sections: guess.blocks };
  return { source: "none", mapping: { kind: "okr", headerRow: (data?.origin.row ?? 0) + 1, columns: {}, arrangement: plainArrangement() }, doubts: [], complete: true, sections: 0 };
}

/** Where the Map view starts for a sheet, and what recognition is unsure of. */
export interface MappingToEdit {
  /** The person's saved mapping, recognition's guess, or nothing recognised. */
  source: "saved" | "guess" | "none";
  /** Always with an arrangement, so the view has every answer to show. */
  mapping: ColumnMapping & { arrangement: NonNullable<ColumnMapping["arrangement"]> };
  doubts: ArrangementDoubt[];
  /** False when saving one mapping would read the sheet differently from recognition (a tool format, sections that move columns). */
  complete: boolean;
  /** How many tables recognition read on the sheet. */
  sections: number;
}

/**
 * Reads one sheet as a mapping would have it read, without saving anything: the Map view's preview.
 *
 * @example
 * readWithMapping(sheet, { kind: "okr", headerRow: 0, columns: { keyResult: 1 } }, loaded.settings).keyResults.length
 */
export function readWithMapping(sheet: SheetData, mapping: ColumnMapping, settings: Settings): ParsedWorkbook {
  return parseWorkbook([sheet], { settings, mappings: { [sheet.name]: mapping } });
}

/**
 * Forgets a sheet's saved mapping, so it is recognised from its headers again.
 *
 * @example
 * await forgetMapping(port, loaded, "Goals")
 */
export async function forgetMapping(port: WorkbookPort, loaded: LoadedWorkbook, sheet: string): Promise<void> {
  const mappings = { ...loaded.state.mappings };
  delete mappings[sheet];
  await port.writeState({ ...loaded.state, mappings });
}

/** Office error codes with which Excel refuses a table over a range (most often one that already holds a table). */
const REFUSED: ReadonlySet<string> = new Set(["InvalidArgument", "InvalidOperation"]);

export interface Converted {
  ok: true;
  tableName: string;
  address: string;
  /** Headers of the computed columns added as live formulas. */
  computed: string[];
  /** Headers of the columns added with what Altitude read for each row (a KPI carried from above, a period's start). */
  asRead: string[];
}

/**
 * Turns a recognised sheet's range into an Excel table with live computed
 * columns, colours and drop-downs; the user's own cells stay as they are.
 *
 * @example
 * const done = await convertToTable(editor, loaded, "OKRs");
 * if (done.ok) done.tableName // "OKRs_Table"
 */
export async function convertToTable(
  editor: PaneEditor,
  loaded: LoadedWorkbook,
  sheet: string,
  options: { onStart?: (what: { rows: number; computed: number }) => void } = {},
): Promise<Converted | Failure> {
  const recognised = loaded.parsed.sheets.find((s) => s.name === sheet);
  const data = loaded.sheets.find((s) => s.name === sheet);
  if (!recognised || !data) return fail({ code: "not-recognised", sheet });
  const plan = planTableConversion(data, recognised, loaded.settings);
  if (!plan.ok) return fail({ code: "cannot-convert", sheet, detail: plan.message });
  options.onStart?.({ rows: recognised.rowCount, computed: plan.value.computed.length });
  try {
    const done = await editor.convertToTable(plan.value);
    const columns = plan.value.computed;
    return { ok: true, ...done, computed: columns.filter((c) => !c.asRead).map((c) => c.header), asRead: columns.filter((c) => c.asRead).map((c) => c.header) };
  } catch (failure) {
    // Excel's own wording names its internals ("at TableCollection.add"), not the cause a user can act on.
    if (failure instanceof WorkbookError && REFUSED.has(failure.code)) return fail({ code: "table-refused", sheet });
    throw failure;
  }
}

/**
 * Adds a starter sheet of a kind with example rows for the quarter containing `asOf`.
 *
 * @example
 * const done = await insertTemplate(port, "okr", "2026-08-15");
 * done.sheet // "OKRs" (or "OKRs (2)")
 */
export async function insertTemplate(port: WorkbookPort, kind: SheetKind, asOf?: IsoDate): Promise<{ ok: true; sheet: string; quarter: string }> {
  const quarter = periodContaining(asOf ?? todayIso(), "quarter");
  const written = await port.writeSheets(planTemplate(kind, quarter));
  return { ok: true, sheet: written.names[kind] ?? Object.values(written.names)[0] ?? "", quarter: quarter.label };
}
