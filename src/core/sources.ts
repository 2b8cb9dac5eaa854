/**
 * Where a figure came from: the cell of the user's sheet behind a key result,
 * a KPI reading, a KRA area or an objective, so the outputs can link each
 * figure back to its source (`#'OKRs'!E10`) and an HR analyst can defend it.
 */
import { quoteSheet } from "./address";
import type { ScoredKeyResult, ScoredKpi, ScoredKraArea, ScoredObjective } from "./analyse";
import type { Finding } from "./model";

/** A cell of the user's workbook that a figure was read or computed from. */
export interface SourceCell {
  sheet: string;
  /** A1 address on `sheet`, e.g. `E10`. */
  cell: string;
  /** How many rows the figure was computed from, when more than one (an objective's key results). */
  rows?: number;
}

/**
 * The key result's own text cell: the row that holds its start, target and current.
 *
 * @example
 * keyResultSource(scored) // { sheet: "OKRs", cell: "E10" }
 */
export function keyResultSource(k: ScoredKeyResult): SourceCell {
  const r = k.record;
  return { sheet: r.sheet, cell: r.cells.keyResult ?? r.cells.current ?? `A${r.row}` };
}

/**
 * The reading's Actual cell: the figure a KPI's status is judged on.
 *
 * @example
 * kpiSource(reading) // { sheet: "KPIs", cell: "K4" }
 */
export function kpiSource(k: ScoredKpi): SourceCell {
  const r = k.record;
  return { sheet: r.sheet, cell: r.cells.actual ?? r.cells.kpi ?? `A${r.row}` };
}

/**
 * The area's Rating cell when a rating was given, its Actual cell when the rating was
 * derived from actual ÷ target, else the area's name.
 *
 * @example
 * kraSource(area) // { sheet: "KRAs", cell: "J2" }
 */
export function kraSource(a: ScoredKraArea): SourceCell {
  const r = a.record;
  const cell = a.derived ? (r.cells.actual ?? r.cells.area) : a.rating !== null ? (r.cells.rating ?? r.cells.area) : r.cells.area;
  return { sheet: r.sheet, cell: cell ?? `A${r.row}` };
}

/**
 * An objective's score comes from all its key results: the first one's row, and how many there are.
 *
 * @example
 * objectiveSource(objective) // { sheet: "OKRs", cell: "D5", rows: 2 }
 */
export function objectiveSource(o: ScoredObjective): SourceCell {
  const first = o.keyResults[0]?.record;
  const cell = first ? (first.cells.objective ?? first.cells.keyResult ?? `A${first.row}`) : `A${o.row}`;
  return o.keyResults.length > 1 ? { sheet: o.sheet, cell, rows: o.keyResults.length } : { sheet: o.sheet, cell };
}

/**
 * A finding's cell, or the top of its sheet when it concerns the sheet as a whole; `null` without a sheet.
 *
 * @example
 * findingSource({ sheet: "OKRs", cell: "F12", ... }) // { sheet: "OKRs", cell: "F12" }
 */
export function findingSource(f: Pick<Finding, "sheet" | "cell">): SourceCell | null {
  if (f.sheet.trim() === "") return null;
  return { sheet: f.sheet, cell: f.cell.trim() === "" ? "A1" : f.cell };
}

/**
 * How a source reads in a cell: `OKRs!E10`, or `OKRs!D5 (first of 3 rows)`; empty for none.
 *
 * @example
 * sourceText({ sheet: "Team OKRs", cell: "D5", rows: 3 }) // "'Team OKRs'!D5 (first of 3 rows)"
 */
export function sourceText(source: SourceCell | null): string {
  if (!source) return "";
  const at = `${quoteSheet(source.sheet)}!${source.cell}`;
  return source.rows !== undefined && source.rows > 1 ? `${at} (first of ${source.rows} rows)` : at;
}
