/**
 * The workbook port: the narrow interface every use case reads from and writes
 * to. Two adapters implement it: Excel (Office.js, batched) and file (.xlsx).
 *
 * The shape follows Office.js's batched model: whole used ranges are read as
 * values plus number formats in one request, never cell by cell.
 */
import type { ColumnMapping, Problem, SheetData } from "../core/model";
import type { OutputPlan, PlanValue, Progress, WriteResult } from "../core/plan";
import type { DeepPartial, Settings } from "../core/settings";

/** The name of the very hidden sheet that keeps Altitude's settings and column mappings in the workbook. */
export const STATE_SHEET = "Altitude.State";

/** What Altitude keeps in the workbook so it travels with the file and serves every door. */
export interface StoredState {
  settings?: DeepPartial<Settings>;
  /** Mappings by sheet name. */
  mappings?: Record<string, ColumnMapping>;
  /** The period last chosen for each output (a label such as `2026-Q3`), used by every door as the default. */
  periods?: { rollup?: string; reviews?: string };
  /**
   * What was wrong with the state when it was read (each wrong field fell back to
   * its default), located on the state sheet; set by reading, never written back.
   */
  problems?: Problem[];
}

/** How the workbook's host writes numbers as text: `1,200.5` or `1.200,5`. */
export interface NumberLocale {
  decimalSeparator: "." | ",";
}

export interface WriteOptions {
  /** Called after each sheet is written. */
  onProgress?: (progress: Progress) => void;
}

export interface WorkbookPort {
  /** Names of the visible worksheets, in tab order (Altitude's own state sheet excluded). */
  sheetNames(): Promise<string[]>;
  /** Reads the used range of the named sheets (all visible ones when omitted) as values and number formats. */
  readSheets(names?: string[]): Promise<SheetData[]>;
  /**
   * Adds the planned sheets as new sheets with valid, unique names; all or nothing:
   * on failure every sheet created so far is removed and the error is rethrown.
   * Names are chosen from every sheet's key and name first; a deferred sheet is
   * laid out (`laidOut`) only when it is reached, and not kept once written.
   */
  writeSheets(plan: OutputPlan, options?: WriteOptions): Promise<WriteResult>;
  /**
   * The settings and mappings stored in the workbook (an empty object when there are
   * none), validated by the state codec: never throws on what the sheet holds.
   */
  readState(): Promise<StoredState>;
  /** Replaces the stored settings and mappings. */
  writeState(state: StoredState): Promise<void>;
  /**
   * The number format of the host's locale, read to understand numbers typed as text
   * (`1.200,5`) when the stored settings do not say; `null` when it cannot be known.
   */
  numberLocale?(): Promise<NumberLocale | null>;
}

/** Extra operations that only make sense with a live workbook open (task pane). */
export interface WorkbookEditor {
  /** Appends rows below the last used row of a sheet (the Check-ins sheet). */
  appendRows(sheet: string, rows: PlanValue[][]): Promise<void>;
  /** Selects a cell and shows its sheet. */
  select(sheet: string, cell: string): Promise<void>;
}

/** A failure of the workbook itself (not of the data), e.g. Excel refused a request. */
export class WorkbookError extends Error {
  override readonly name = "WorkbookError";
  constructor(
    message: string,
    /** Office error code such as `InvalidArgument`, or a file error such as `ENOENT`. */
    readonly code: string = "Unknown",
    /** Where inside Office.js it failed (`TableCollection.add`): for logs, not for the user. */
    readonly location?: string,
  ) {
    super(message);
  }
}
