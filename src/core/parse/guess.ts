/**
 * What recognition guessed about a sheet's arrangement, and where it is unsure:
 * two rows that could equally be the header, two columns that could be the
 * name, month columns with no year written anywhere, a kind read from little.
 * The pane asks the person about each doubt, pre-filled with the guess, and
 * saves their answer as the sheet's arrangement.
 */
import { columnLetter } from "../address";
import { MAPPING_VERSION, plainArrangement } from "../arrangement";
import type { ArrangementDoubt, ColumnMapping, RawCell, SheetData, SheetKind } from "../model";
import { fieldForHeader, matchHeader, SHEET_KINDS } from "../recognise";
import { formValue } from "./arranged";
import { HEADING_FIELD, readLayout, type SheetLayout } from "./blocks";
import { readProfiledLayout } from "./profiles";

/** Below this recognition confidence the kind and columns are a guess to confirm. */
export const UNSURE_BELOW = 0.6;

/** The field that names a record, per kind. */
export const NAME_FIELD: Readonly<Record<SheetKind, string>> = { okr: "keyResult", kpi: "kpi", kra: "area", checkins: "keyResult" };

/** How many rows from the top a header is looked for in. */
const HEADER_ROWS = 30;

function textOf(cell: RawCell | undefined): string {
  return typeof cell === "string" ? cell.trim() : "";
}

/**
 * The doubts about a sheet read without a saved mapping, from its layout.
 *
 * @example
 * arrangementDoubts(sheet, readLayout(sheet))
 * // [{ about: "header-row", message: "row 2 could also be the header; read from row 1.", candidates: [2] }]
 */
export function arrangementDoubts(sheet: SheetData, layout: SheetLayout): ArrangementDoubt[] {
  const first = layout.blocks[0];
  if (!first) return [];
  const doubts: ArrangementDoubt[] = [];
  const originRow = sheet.origin?.row ?? 0;
  const originCol = sheet.origin?.col ?? 0;
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  const header = first.headerRows[first.headerRows.length - 1];
  const kindLabel = SHEET_KINDS[first.kind].label;
  if (first.confidence < UNSURE_BELOW) {
    doubts.push({ about: "kind", message: `Read as ${kindLabel} from few column names (confidence ${Math.round(first.confidence * 100)}%); check the kind and columns.`, candidates: [] });
  }
  // Another row near the top that names as many of the same kind's columns (not a later section's header).
  const chosen = matchHeader(first.kind, values[header], null, originCol);
  const headers = new Set<number>();
  for (const b of layout.blocks) for (const h of b.headerRows) headers.add(h);
  const others: number[] = [];
  if (chosen) {
    for (let r = 0; r < Math.min(HEADER_ROWS, values.length); r++) {
      if (headers.has(r)) continue;
      const other = matchHeader(first.kind, values[r], null, originCol);
      if (other && other.matched >= chosen.matched) others.push(originRow + r + 1);
    }
  }
  if (others.length > 0) {
    const rows = others.map((r) => `row ${r}`).join(", ");
    doubts.push({ about: "header-row", message: `${rows} could also be the header; read from row ${originRow + header + 1}.`, candidates: others });
  }
  const nameField = NAME_FIELD[first.kind];
  const nameCol = first.columns[nameField];
  const rivals: number[] = [];
  const row = values[header] ?? [];
  for (let c = 0; c < row.length; c++) {
    const col = originCol + c;
    if (col === nameCol || Object.values(first.columns).includes(col)) continue;
    if (fieldForHeader(first.kind, row[c]) === nameField) rivals.push(col);
  }
  if (rivals.length > 0 && nameCol !== undefined) {
    const label = (SHEET_KINDS[first.kind].fields as Record<string, { label: string }>)[nameField].label;
    const named = (col: number) => `${columnLetter(col)} (${textOf(row[col - originCol])})`;
    doubts.push({
      about: "name-column",
      message: `Column ${[nameCol, ...rivals].map(named).join(" and ")} could each be the ${label}; read from ${columnLetter(nameCol)}.`,
      candidates: rivals,
    });
  }
  const periods = first.series?.columns ?? [];
  const monthsWithoutYear = first.variants.some((v) => v.context.period && !/\b(?:19|20)\d{2}\b/.test(v.context.period.text)) || periods.some((p) => p.unit === "month" && p.year === null);
  if (monthsWithoutYear && !first.context.year) {
    doubts.push({ about: "year", message: "No year is written for the period columns; read as the year of the as-of date.", candidates: [] });
  }
  return doubts;
}

/** The reader's guess, and whether saving it would read the sheet exactly as recognition does. */
export interface ArrangementGuess {
  mapping: ColumnMapping;
  /**
   * False when one mapping cannot say all recognition read: a tool's format,
   * sections whose columns move, several readings side by side. Saving then
   * reads the sheet as the one table the mapping describes.
   */
  complete: boolean;
  /** How many tables (sections) recognition read on the sheet. */
  blocks: number;
}

/**
 * The reader's best guess of a sheet's mapping and arrangement, to pre-fill the
 * Map view: its kind, header row(s), columns, form cells and period columns;
 * `null` when no goal table is found. Given a mapping saved before arrangements
 * existed, it is the arrangement that mapping is read with.
 *
 * @example
 * guessArrangement(sheet)?.mapping.arrangement?.periodColumns // [3, 4, 5, …] for Jan … Dec in D … O
 */
export function guessArrangement(sheet: SheetData, mapping?: ColumnMapping): ArrangementGuess | null {
  const profiled = !mapping && readProfiledLayout(sheet) !== null;
  const layout = readLayout(sheet, mapping);
  const first = layout.blocks[0];
  if (!first) return null;
  const originRow = sheet.origin?.row ?? 0;
  const arrangement = plainArrangement();
  const header = first.headerRows[first.headerRows.length - 1];
  if (first.headerRows.length === 2) arrangement.groupRow = originRow + first.headerRows[0] + 1;
  const headingField = HEADING_FIELD[first.kind];
  for (const [field, cell] of Object.entries(first.context)) {
    // A heading's objective or area changes from section to section: headings stay headings, not one form cell.
    if (field === "year" || field === headingField || field in first.columns) continue;
    // A period picked out of a title line is not a form cell's value: it stays found from the title.
    if (formValue(textOf(sheet.values[cell.row]?.[cell.col - (sheet.origin?.col ?? 0)])) !== cell.text) continue;
    arrangement.formFields[field] = `${columnLetter(cell.col)}${originRow + cell.row + 1}`;
  }
  // Period variants carry their period; a tool export's numbered groups do not, and are its profile's to read.
  const readings: number[] = [];
  for (const v of first.variants) if (v.context.period && v.columns.actual !== undefined) readings.push(v.columns.actual);
  arrangement.periodColumns = first.series ? first.series.columns.map((p) => p.col) : readings;
  const sameColumns = layout.blocks.every((b) => sameKeys(b.columns, first.columns) && b.kind === first.kind);
  const complete = !profiled && sameColumns && readings.length === first.variants.length && (first.rows?.size ?? 0) === 0;
  return {
    mapping: { kind: first.kind, headerRow: originRow + header + 1, columns: { ...first.columns }, version: MAPPING_VERSION, arrangement },
    complete,
    blocks: layout.blocks.length,
  };
}

function sameKeys(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
