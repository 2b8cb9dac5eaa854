/**
 * The domain model shared by every part of Altitude: raw sheet values as they
 * arrive from Excel or a file, the typed records parsing turns them into, and
 * the located problems and findings reported back to the user.
 *
 * Pure types only.
 */

/**
 * One cell as Excel reports a range's values: numbers (dates are serial
 * numbers), text, booleans, `""` for blank and Excel errors as text such as
 * `"#N/A"`. The file adapter converts to the same shape, so parsing has one input.
 */
export type RawCell = string | number | boolean;

/** A rectangle of a sheet as read in one request: values plus number formats. */
export interface SheetData {
  /** The worksheet's name, as the user wrote it. */
  name: string;
  /** Row-major values; `values[0][0]` sits at `origin`. */
  values: RawCell[][];
  /** Number formats matching `values` (e.g. `"0%"`, `"yyyy-mm-dd"`), when known. */
  numberFormats?: string[][];
  /** Zero-based row and column of `values[0][0]` on the sheet (used ranges need not start at A1). */
  origin: { row: number; col: number };
}

/** ISO calendar date, `YYYY-MM-DD`. Dates stay strings so no time zone can shift them. */
export type IsoDate = string;

export type PeriodKind = "quarter" | "year" | "month" | "half";

/** A reporting period, e.g. `2026-Q3` from 2026-07-01 to 2026-09-30. */
export interface Period {
  /** Canonical label: `2026-Q3`, `2026`, `2026-H1` or `2026-07`. */
  label: string;
  kind: PeriodKind;
  start: IsoDate;
  end: IsoDate;
}

export type SheetKind = "okr" | "kpi" | "kra" | "checkins";

export type KeyResultType = "increase" | "decrease" | "milestone" | "binary" | "maintain";
export type Commitment = "aspirational" | "committed";
export type Level = "company" | "team" | "individual";
/** Which way a KPI is good: higher, lower, or inside a floor–ceiling band. */
export type Direction = "higher" | "lower" | "band";

export type Grade = "Green" | "Yellow" | "Red";
export type Pace = "Done" | "On track" | "At risk" | "Behind";
export type KpiStatus = "Breach" | "Watch" | "On target" | "Above ceiling" | "No data";
export type Trend = "Improving" | "Declining" | "Flat";

export type Severity = "error" | "warning" | "info";

/**
 * A problem in the data: a value, never an exception. `cell` is the address on
 * `sheet` (e.g. `F12`); `sheet` and `cell` together read as `OKRs!F12`.
 */
export interface Problem {
  code: string;
  message: string;
  sheet: string;
  cell: string;
  severity: Severity;
}

/** Where a record came from: its sheet, its 1-based row and the address of each field it read. */
export interface Located<F extends string> {
  sheet: string;
  /** 1-based Excel row number. */
  row: number;
  /** Address (e.g. `F12`) of each field's cell, for the fields the sheet has. */
  cells: Partial<Record<F, string>>;
}

export type KeyResultField =
  | "period"
  | "level"
  | "team"
  | "objective"
  | "objectiveId"
  | "parentId"
  | "keyResultId"
  | "keyResult"
  | "owner"
  | "type"
  | "start"
  | "target"
  | "current"
  | "weight"
  | "score"
  | "confidence"
  | "commitment"
  | "due";

/** One key result row of an OKR sheet. Missing numbers are `null`, never NaN. */
export interface KeyResultRecord extends Located<KeyResultField> {
  period: Period | null;
  level: Level | null;
  team: string;
  objective: string;
  objectiveId: string;
  parentId: string;
  /** Optional identifier used by check-ins; empty when the sheet has none. */
  keyResultId: string;
  keyResult: string;
  owner: string;
  type: KeyResultType;
  /** True when the Type cell was blank and the type was inferred from the numbers and wording. */
  typeInferred: boolean;
  start: number | null;
  target: number | null;
  current: number | null;
  /** Relative weight as written; `null` means equal weighting. */
  weight: number | null;
  /** Confidence as written (0–10 or 0–1). */
  confidence: number | null;
  commitment: Commitment;
  due: IsoDate | null;
  /** Date of the latest check-in applied to `current`, or `null` when `current` came from the sheet. */
  lastCheckIn: IsoDate | null;
  /** Which way a threshold holds, when the sheet says (Type `maintain below`, a target written `<15%`). */
  direction?: "higher" | "lower";
  /** The sheet's own score or progress for this key result, 0–1, when it has such a column. */
  statedScore?: number | null;
}

export type KpiField =
  | "kpi"
  | "area"
  | "owner"
  | "dataSource"
  | "frequency"
  | "unit"
  | "floor"
  | "target"
  | "ceiling"
  | "direction"
  | "period"
  | "actual";

/** One KPI reading: a KPI for one reporting period. */
export interface KpiRecord extends Located<KpiField> {
  kpi: string;
  area: string;
  owner: string;
  dataSource: string;
  frequency: string;
  unit: string;
  floor: number | null;
  target: number | null;
  ceiling: number | null;
  /** The Direction column as written; `null` when absent or blank. */
  direction: Direction | null;
  period: Period | null;
  actual: number | null;
}

export type KraField =
  | "employee"
  | "role"
  | "manager"
  | "period"
  | "area"
  | "weight"
  | "measure"
  | "target"
  | "actual"
  | "rating";

/** One key result area of one person for one review period. */
export interface KraRecord extends Located<KraField> {
  employee: string;
  role: string;
  manager: string;
  period: Period | null;
  area: string;
  /** Weight as written: `40`, `40%` (0.4) and `0.4` are normalised later, per person. */
  weight: number | null;
  /** The whole the weight is a share of, when the sheet gives weights in points against a stated total (`Total | 20`). */
  weightOutOf?: number;
  measure: string;
  target: number | null;
  actual: number | null;
  rating: number | null;
  /** Lower is better for this area's measure (its wording, or a target written `<30 days`). */
  lowerIsBetter?: boolean;
}

export type CheckInField = "date" | "keyResult" | "value" | "confidence" | "comment";

/** One check-in: a dated value for a key result. */
export interface CheckInRecord extends Located<CheckInField> {
  date: IsoDate | null;
  /** The key result's text or its ID, as written. */
  keyResult: string;
  value: number | null;
  confidence: number | null;
  comment: string;
}

/** How a sheet was recognised: its kind, header row and the column chosen for each field. */
export interface RecognisedSheet {
  name: string;
  kind: SheetKind;
  /** 0–1: how sure recognition is. Below 0.6 the task pane asks the user to confirm. */
  confidence: number;
  /** 1-based Excel row of the header. */
  headerRow: number;
  /** Field name → 0-based column index on the sheet. */
  columns: Record<string, number>;
  /** Header texts that matched no field (kept, never touched). */
  unmappedHeaders: string[];
  /** Number of data rows read below the header. */
  rowCount: number;
  /** What recognition is unsure of (the pane asks, pre-filled with its guess); absent or empty when sure or mapped by the user. */
  doubts?: ArrangementDoubt[];
}

/** Something recognition guessed and is unsure of: the Overview and the Map view ask the person. */
export interface ArrangementDoubt {
  about: "kind" | "header-row" | "name-column" | "year";
  /** The question in plain words, naming the guess made. */
  message: string;
  /** The other choices: 1-based rows for the header row, 0-based sheet columns for the name column. */
  candidates: number[];
}

/** A column mapping chosen by the user for one sheet: its kind and field → 0-based column. */
export interface ColumnMapping {
  kind: SheetKind;
  /** 1-based header row. */
  headerRow: number;
  columns: Record<string, number>;
  /** The stored shape's version: 2 carries an arrangement; a mapping saved before (no version) is 1. */
  version?: number;
  /** How the sheet is laid out beyond its header row and columns; absent in a version 1 mapping. */
  arrangement?: SheetArrangement;
}

/**
 * How a sheet is laid out around its columns, as a person described it: the
 * header's rows, heading lines, a form's cells and period columns.
 */
export interface SheetArrangement {
  /** 1-based row of group labels above the header row (a two-row header, a year over months), or `null`. */
  groupRow: number | null;
  /** Lone lines between the rows are headings naming the objective (key results) or area (KPIs) of the rows below; otherwise notes. */
  headingRows: boolean;
  /** Fields read from one cell of a form above or beside the table: field → A1 address (`B3`). */
  formFields: Record<string, string>;
  /** 0-based sheet columns holding one figure per period (`Jan … Dec`, `Q1 … Q4`, `Week 1 … 12`), left to right. */
  periodColumns: number[];
  /** The year of period columns written without one; `null` reads it from the group row, the title or the as-of date. */
  year: number | null;
}

/** Rows of a sheet that were read but are not records, and why (a summary row, a heading, a note). */
export interface SkippedRows {
  sheet: string;
  /** 1-based Excel rows. */
  rows: number[];
  reason: string;
}

/** A sheet that was not read, and why. */
export interface SheetNotRead {
  sheet: string;
  reason: string;
}

/** Everything parsing produced from a workbook. */
export interface ParsedWorkbook {
  sheets: RecognisedSheet[];
  /** Names of sheets that are not goal sheets (left alone). */
  unrecognised: string[];
  /** Why each sheet in `unrecognised` was not read. */
  notRead: SheetNotRead[];
  /** Rows with content that did not become records, grouped by sheet and reason. */
  skipped: SkippedRows[];
  keyResults: KeyResultRecord[];
  kpis: KpiRecord[];
  kras: KraRecord[];
  checkIns: CheckInRecord[];
  problems: Problem[];
}

/** A goal-quality finding: a problem with a rule id and a suggested fix. */
export interface Finding extends Problem {
  rule: string;
  fix: string;
  /** 1-based row of the record the rule read, so outputs need not parse `cell` back. */
  row: number;
}
