/**
 * The one codec of Altitude's state (settings, column mappings and the periods
 * last chosen) as every
 * workbook adapter stores it: JSON split into pieces of column A of the very
 * hidden `Altitude.State` sheet. Reading is defensive: the state may have been
 * edited by hand or by another version, so each wrong field falls back to its
 * default and becomes a located problem on `Altitude.State!A1`; decoding never
 * throws.
 */
import { arrangementProblems, MAPPING_VERSION, readArrangement } from "../core/arrangement";
import type { ColumnMapping, Problem, SheetKind } from "../core/model";
import { parsePeriod } from "../core/periods";
import { SHEET_KINDS } from "../core/recognise";
import { validateSettings } from "../core/settings";
import { STATE_SHEET, type StoredState } from "./port";

/** A cell holds at most 32,767 characters; the JSON is cut into pieces well below that. */
export const STATE_PIECE = 30_000;
/** Excel's last row and column (1,048,576 rows, 16,384 columns). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN_INDEX = 16_383;

/** What reading the stored state gave: the usable state and what was wrong with it. */
export interface DecodedState {
  state: StoredState;
  problems: Problem[];
}

function problem(message: string): Problem {
  return { code: "state-invalid", message, sheet: STATE_SHEET, cell: "A1", severity: "warning" };
}

/**
 * The state as the pieces to write down column A, one per cell. Read problems
 * are not state and are never written back.
 *
 * @example
 * encodeState({ settings: { scoreCap: 1.5 } }) // ['{"settings":{"scoreCap":1.5}}']
 */
export function encodeState(state: StoredState): string[] {
  const json = JSON.stringify({ settings: state.settings, mappings: state.mappings, periods: state.periods });
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += STATE_PIECE) pieces.push(json.slice(i, i + STATE_PIECE));
  return pieces;
}

/**
 * Reads the state from the cells of column A (in row order). Blank, damaged or
 * wrongly shaped state gives the defaults and a problem for each thing dropped.
 *
 * @example
 * decodeState(['{"settings":{"ratingBands":5}}']).problems[0].message
 * // "ratingBands is not a list (it is a number); using the default bands"
 */
export function decodeState(cells: readonly unknown[]): DecodedState {
  let json = "";
  for (const cell of cells) if (typeof cell === "string" || typeof cell === "number") json += String(cell);
  if (json.trim() === "") return { state: {}, problems: [] };
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return { state: {}, problems: [problem("the stored settings and mappings are not readable; using the defaults")] };
  }
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) {
    return { state: {}, problems: [problem("the stored state is not an object; using the default settings and no saved mappings")] };
  }
  const record = stored as Record<string, unknown>;
  const problems: Problem[] = [];
  const state: StoredState = {};
  const settings = validateSettings(record.settings);
  for (const issue of settings.issues) problems.push(problem(issue.message));
  if (record.settings !== undefined) state.settings = settings.settings;
  if (record.mappings !== undefined) {
    const mappings = validateMappings(record.mappings);
    for (const message of mappings.issues) problems.push(problem(message));
    state.mappings = mappings.mappings;
  }
  if (record.periods !== undefined) {
    const periods = validatePeriods(record.periods);
    for (const message of periods.issues) problems.push(problem(message));
    if (periods.periods.rollup !== undefined || periods.periods.reviews !== undefined) state.periods = periods.periods;
  }
  return { state, problems };
}

function isSheetKind(kind: unknown): kind is SheetKind {
  return typeof kind === "string" && Object.prototype.hasOwnProperty.call(SHEET_KINDS, kind);
}

/**
 * Keeps the saved column mappings that have a known sheet kind, a header row on
 * the sheet and columns that exist; each one dropped is reported by sheet name.
 * Properties a mapping carries beyond these are kept as they are.
 *
 * @example
 * validateMappings({ OKRs: { kind: "okr", headerRow: 0, columns: {} } }).issues
 * // ['the column mapping of "OKRs" has no valid header row; reading the sheet as if it had none']
 */
export function validateMappings(stored: unknown): { mappings: Record<string, ColumnMapping>; issues: string[] } {
  const mappings: Record<string, ColumnMapping> = {};
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) {
    return { mappings, issues: ["mappings is not an object of sheet names; reading every sheet without a saved mapping"] };
  }
  const issues: string[] = [];
  for (const [sheet, mapping] of Object.entries(stored as Record<string, unknown>)) {
    const drop = (why: string) => issues.push(`the column mapping of "${sheet}" ${why}; reading the sheet as if it had none`);
    if (typeof mapping !== "object" || mapping === null || Array.isArray(mapping)) {
      drop("is not an object");
      continue;
    }
    const { kind, headerRow, columns } = mapping as Record<string, unknown>;
    if (!isSheetKind(kind)) drop(`has an unknown kind (${JSON.stringify(kind) ?? "none"})`);
    else if (typeof headerRow !== "number" || !Number.isInteger(headerRow) || headerRow < 1 || headerRow > MAX_ROW) drop("has no valid header row");
    else if (typeof columns !== "object" || columns === null || Array.isArray(columns)) drop("has no columns");
    else {
      const fields = SHEET_KINDS[kind].fields;
      const bad = Object.entries(columns as Record<string, unknown>).find(
        ([field, col]) =>
          !Object.prototype.hasOwnProperty.call(fields, field) || typeof col !== "number" || !Number.isInteger(col) || col < 0 || col > MAX_COLUMN_INDEX,
      );
      if (bad) drop(`maps "${bad[0]}" to ${JSON.stringify(bad[1]) ?? "nothing"}, which is not a field and column of the sheet`);
      else {
        const read: ColumnMapping = { ...(mapping as ColumnMapping), kind, headerRow, columns: { ...(columns as Record<string, number>) } };
        const arranged = arrangementOf(sheet, read, mapping as Record<string, unknown>, issues);
        if (arranged) read.arrangement = arranged;
        else delete read.arrangement;
        mappings[sheet] = read;
      }
    }
  }
  return { mappings, issues };
}

/**
 * The arrangement a stored mapping carries (version 2), or `null`: a version 1
 * mapping has none, one saved by a newer Altitude is read by its columns alone,
 * and each wrong part falls back to its plain reading, reported by sheet name.
 */
function arrangementOf(sheet: string, mapping: ColumnMapping, stored: Record<string, unknown>, issues: string[]): ColumnMapping["arrangement"] | null {
  const { version, arrangement } = stored;
  if (arrangement === undefined) return null;
  const say = (why: string) => issues.push(`the column mapping of "${sheet}" ${why}`);
  if (typeof version === "number" && version > MAPPING_VERSION) {
    say(`was saved by a newer version of Altitude (version ${version}); reading it by its header row and columns alone`);
    return null;
  }
  const read = readArrangement(mapping.kind, arrangement);
  for (const issue of read.issues) issues.push(`the column mapping of "${sheet}": ${issue}`);
  const problems = arrangementProblems(mapping, read.arrangement);
  if (problems.length > 0) {
    say(`has an arrangement that does not fit its columns (${problems.join(" ")}); reading it by its header row and columns alone`);
    return null;
  }
  return read.arrangement;
}

/** The outputs a period is remembered for. */
const PERIOD_OUTPUTS = ["rollup", "reviews"] as const;

/**
 * Keeps the remembered period of each output that is a period label; a wrong
 * one is dropped (the door then offers the latest period) and reported.
 *
 * @example
 * validatePeriods({ rollup: "2026-Q3", reviews: 2026 }).issues
 * // ['the review year last chosen (2026) is not a period label; using the latest year']
 */
export function validatePeriods(stored: unknown): { periods: NonNullable<StoredState["periods"]>; issues: string[] } {
  const periods: NonNullable<StoredState["periods"]> = {};
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) {
    return { periods, issues: ["periods is not an object of outputs; using the latest quarter and year"] };
  }
  const issues: string[] = [];
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(PERIOD_OUTPUTS as readonly string[]).includes(key)) issues.push(`periods has an unknown output "${key}"; ignoring it`);
  }
  for (const output of PERIOD_OUTPUTS) {
    const label = record[output];
    if (label === undefined) continue;
    const read = typeof label === "string" && label.length <= 64 ? parsePeriod(label) : null;
    if (read?.ok && read.value !== null && typeof label === "string") periods[output] = label;
    else {
      const what = output === "rollup" ? "quarter last chosen for the rollup" : "review year last chosen";
      issues.push(`the ${what} (${JSON.stringify(label) ?? "nothing"}) is not a period label; using the latest ${output === "rollup" ? "quarter" : "year"}`);
    }
  }
  return { periods, issues };
}
