/**
 * A sheet's arrangement, as a person describes it in the Map view: which rows
 * hold the header, whether lone lines between the rows are headings (each
 * naming the objective or area of the rows below), which cells of a form above
 * the table fill fields, and which columns hold one figure per period. It is
 * stored with the sheet's column mapping (version 2 of the stored shape) and
 * read the same way by every door. Validation here is the one schema: the
 * stored state and the save use case both ask it.
 */
import { a1, columnLetter, parseA1 } from "./address";
import type { ColumnMapping, SheetArrangement, SheetKind } from "./model";
import { SHEET_KINDS } from "./recognise";

/** The stored mapping's shape version that carries an arrangement; a mapping without one is version 1. */
export const MAPPING_VERSION = 2;

/** Excel's last row and last column index. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN_INDEX = 16_383;

/** Sheet kinds whose rows can take their figures from period columns. */
export const PERIOD_COLUMN_KINDS: readonly SheetKind[] = ["okr", "kpi"];

/**
 * The arrangement of a mapping that says nothing beyond its header row and columns.
 *
 * @example
 * plainArrangement() // { groupRow: null, headingRows: true, formFields: {}, periodColumns: [], year: null }
 */
export function plainArrangement(): SheetArrangement {
  return { groupRow: null, headingRows: true, formFields: {}, periodColumns: [], year: null };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown, max: number, min = 0): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * What is wrong with an arrangement for a mapping, as sentences; empty when it
 * can be used. Cells are named as the person sees them (`B3`, column `D`, row 2).
 *
 * @example
 * arrangementProblems({ kind: "kpi", headerRow: 3, columns: { kpi: 0 } }, { ...plainArrangement(), groupRow: 3 })
 * // ["The group row (3) must be above the header row (3)."]
 */
export function arrangementProblems(mapping: Pick<ColumnMapping, "kind" | "headerRow" | "columns">, arrangement: SheetArrangement): string[] {
  const problems: string[] = [];
  const fields: Record<string, { label: string }> = SHEET_KINDS[mapping.kind].fields;
  if (arrangement.groupRow !== null && !(arrangement.groupRow < mapping.headerRow)) {
    problems.push(`The group row (${arrangement.groupRow}) must be above the header row (${mapping.headerRow}).`);
  }
  for (const [field, address] of Object.entries(arrangement.formFields)) {
    const label = fields[field]?.label ?? field;
    if (mapping.columns[field] !== undefined) problems.push(`${label} is read from a column already; choose a column or a form cell, not both.`);
    const cell = parseA1(address);
    if (!cell) problems.push(`The form cell of ${label} (${address}) is not a cell address such as B3.`);
    else if (cell.row + 1 === mapping.headerRow) problems.push(`The form cell of ${label} (${address}) is in the header row.`);
  }
  if (arrangement.periodColumns.length > 0) {
    if (!PERIOD_COLUMN_KINDS.includes(mapping.kind)) problems.push(`Period columns are read on OKR and KPI sheets, not on ${SHEET_KINDS[mapping.kind].label} sheets.`);
    if (arrangement.periodColumns.length < 2) problems.push("Choose at least two period columns, or none.");
    const used = new Set(Object.values(mapping.columns));
    const taken = arrangement.periodColumns.filter((c) => used.has(c));
    if (taken.length > 0) problems.push(`Column ${taken.map(columnLetter).join(", ")} is read as a field already; a period column holds one figure per period.`);
  }
  return problems;
}

/**
 * Reads a stored arrangement: each wrong part is left out (falling back to its
 * plain reading) and named in `issues`; never throws.
 *
 * @example
 * readArrangement("kpi", { groupRow: null, headingRows: true, formFields: { target: "B1" }, periodColumns: [1, 2], year: 2024 }).arrangement.formFields
 * // { target: "B1" }
 * readArrangement("kpi", { periodColumns: "B:M" }).issues
 * // ["its period columns are not a list of columns; reading without period columns"]
 */
export function readArrangement(kind: SheetKind, stored: unknown): { arrangement: SheetArrangement; issues: string[] } {
  const arrangement = plainArrangement();
  const issues: string[] = [];
  if (!isObject(stored)) return { arrangement, issues: ["its arrangement is not an object; reading the sheet by its header row and columns alone"] };
  const { groupRow, headingRows, formFields, periodColumns, year } = stored;
  if (groupRow !== undefined && groupRow !== null) {
    if (isIndex(groupRow, MAX_ROW, 1)) arrangement.groupRow = groupRow;
    else issues.push("its group row is not a row number; reading a one-row header");
  }
  if (headingRows !== undefined) {
    if (typeof headingRows === "boolean") arrangement.headingRows = headingRows;
    else issues.push("its heading rows setting is not true or false; reading lone lines as headings");
  }
  if (formFields !== undefined) {
    const fields: Record<string, unknown> = SHEET_KINDS[kind].fields;
    if (!isObject(formFields)) issues.push("its form fields are not an object; reading the form above the table as found");
    else {
      for (const [field, address] of Object.entries(formFields)) {
        const cell = typeof address === "string" ? parseA1(address) : null;
        if (!Object.prototype.hasOwnProperty.call(fields, field) || cell === null || cell.row + 1 > MAX_ROW || cell.col > MAX_COLUMN_INDEX) {
          issues.push(`its form field "${field}" at ${JSON.stringify(address) ?? "nothing"} is not a field and cell of the sheet; leaving it out`);
        } else arrangement.formFields[field] = a1(cell.row, cell.col);
      }
    }
  }
  if (periodColumns !== undefined) {
    if (!Array.isArray(periodColumns) || !periodColumns.every((c) => isIndex(c, MAX_COLUMN_INDEX)) || new Set(periodColumns).size !== periodColumns.length) {
      issues.push("its period columns are not a list of columns; reading without period columns");
    } else if (periodColumns.length > 0 && !PERIOD_COLUMN_KINDS.includes(kind)) {
      issues.push(`its period columns do not apply to ${SHEET_KINDS[kind].label} sheets; reading without them`);
    } else arrangement.periodColumns = [...periodColumns].sort((a, b) => a - b);
  }
  if (year !== undefined && year !== null) {
    if (isIndex(year, 9998, 1900)) arrangement.year = year;
    else issues.push("its year is not a year such as 2026; reading the year from the sheet");
  }
  return { arrangement, issues };
}
