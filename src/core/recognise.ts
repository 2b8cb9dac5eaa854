/**
 * Recognising goal sheets by their header row. Each sheet kind declares its
 * fields with the header aliases people use; a header matches an alias ignoring
 * case, spacing and punctuation. The header row is looked for within the first
 * 30 rows, because titles, forms and blank rows above it are common. A sheet that is not
 * a goal sheet is left alone (`null`); a column mapping the user saved wins over
 * recognition.
 */
import type { CheckInField, ColumnMapping, KeyResultField, KpiField, KraField, RawCell, RecognisedSheet, SheetData, SheetKind } from "./model";

/** The sheet where Altitude keeps its own state; never a goal sheet (same value as the workbook port's `STATE_SHEET`). */
export const ALTITUDE_STATE_SHEET = "Altitude.State";

/** How many rows from the top of the used range may hold the header. */
const HEADER_SEARCH_ROWS = 30;

export interface FieldSpec {
  /** What the task pane calls the field. */
  label: string;
  /** Header texts that mean this field (the label itself is always one). */
  aliases: readonly string[];
}

export interface KindSpec<F extends string> {
  label: string;
  fields: Record<F, FieldSpec>;
  /** Fields the header must have for the sheet to be this kind. */
  required: readonly F[];
  /** At least one of these must be present as well. */
  anyOf: readonly F[];
  /** Fields a typical sheet of this kind has, for the confidence figure. */
  typical: readonly F[];
}

/** The fields of each sheet kind. */
export interface FieldsOf {
  okr: KeyResultField;
  kpi: KpiField;
  kra: KraField;
  checkins: CheckInField;
}

/** Every sheet kind with its fields, aliases and required fields. */
export const SHEET_KINDS = {
  okr: {
    label: "OKRs",
    fields: {
      period: { label: "Period", aliases: ["quarter", "qtr", "cycle", "timeframe", "okr period", "review period"] },
      level: { label: "Level", aliases: ["tier", "okr level", "scope"] },
      team: { label: "Team", aliases: ["department", "dept", "group", "squad", "unit", "business unit"] },
      objective: { label: "Objective", aliases: ["objectives", "objective name", "goal name", "o", "obj", "objective title", "objective description", "goal title", "goal", "goals", "strategic objective", "objective statement"] },
      objectiveId: { label: "Objective ID", aliases: ["obj id", "objective no", "objective number", "objective ref", "oid"] },
      parentId: { label: "Parent ID", aliases: ["parent", "parent objective", "parent objective id", "aligned to", "aligns to", "supports"] },
      keyResultId: { label: "Key result ID", aliases: ["kr id", "krid", "kr no", "kr number", "kr ref", "key result no", "key result number"] },
      keyResult: { label: "Key result", aliases: ["key results", "kr", "krs", "key result name", "key result description", "measurable result", "key result title", "kr title", "kr name", "kr description", "key results krs", "measurable key result", "key result statement"] },
      owner: { label: "Owner", aliases: ["dri", "responsible", "accountable", "assignee", "lead", "kr owner", "key result owner", "owned by"] },
      type: { label: "Type", aliases: ["kr type", "metric type", "measure type", "key result type"] },
      start: { label: "Start", aliases: ["baseline", "from", "start value", "starting value", "initial", "initial value", "base"] },
      target: { label: "Target", aliases: ["to", "target value", "end value", "target metric", "desired value", "goal value", "kr target", "key result target"] },
      current: { label: "Current", aliases: ["actual", "latest", "current value", "progress value", "now", "achieved", "result", "actual value", "current metric", "current status value"] },
      weight: { label: "Weight", aliases: ["weighting", "weight %", "kr weight", "weightage", "weightage %"] },
      score: { label: "Score", aliases: ["progress", "completion", "% complete", "percent complete", "completion %", "progress %", "grade", "okr score", "kr score", "final score", "final grade", "achievement %", "attainment", "status %", "progress score"] },
      confidence: { label: "Confidence", aliases: ["confidence level", "confidence score"] },
      commitment: { label: "Commitment", aliases: ["committed", "commit", "committed aspirational", "aspirational committed", "okr type"] },
      due: { label: "Due", aliases: ["due date", "deadline", "end date", "by", "target date"] },
    },
    // The objective may come from a heading line above the table instead of a column.
    required: ["keyResult"],
    anyOf: ["objective", "start", "target", "current", "score"],
    typical: ["objective", "keyResult", "owner", "start", "target", "current"],
  },
  kpi: {
    label: "KPIs",
    fields: {
      kpi: { label: "KPI", aliases: ["kpi name", "metric", "metric name", "measure name", "indicator", "key performance indicator", "kpis", "measure", "metrics", "kpi description", "performance indicator", "kpi category"] },
      area: { label: "Area", aliases: ["kpa", "key performance area", "function", "category", "domain"] },
      owner: { label: "Owner", aliases: ["dri", "responsible", "accountable", "kpi owner", "owned by", "responsible team person", "responsible person", "responsible team", "owner team", "accountable person"] },
      dataSource: { label: "Data source", aliases: ["source", "system", "data"] },
      frequency: { label: "Frequency", aliases: ["cadence", "reporting frequency", "review frequency"] },
      unit: { label: "Unit", aliases: ["units", "uom", "unit of measure"] },
      floor: { label: "Floor", aliases: ["minimum", "min", "threshold", "lower limit", "lower bound", "red line", "minimum acceptable", "min acceptable"] },
      target: { label: "Target", aliases: ["goal", "target value", "kpi target", "benchmark", "target %"] },
      ceiling: { label: "Ceiling", aliases: ["maximum", "max", "upper limit", "upper bound", "cap", "stretch"] },
      direction: { label: "Direction", aliases: ["polarity", "better", "good direction", "higher or lower"] },
      period: { label: "Period", aliases: ["month", "reporting period", "week", "quarter", "date", "as of"] },
      actual: { label: "Actual", aliases: ["current", "latest", "value", "actual value", "result", "achieved", "current value", "actuals", "actual result"] },
    },
    required: ["kpi"],
    anyOf: ["floor", "target", "actual", "ceiling"],
    typical: ["kpi", "owner", "floor", "target", "actual", "period", "frequency"],
  },
  kra: {
    label: "KRAs",
    fields: {
      employee: { label: "Employee", aliases: ["name", "person", "employee name", "staff", "staff member", "team member", "individual"] },
      role: { label: "Role", aliases: ["job title", "title", "position", "job"] },
      manager: { label: "Manager", aliases: ["line manager", "reports to", "supervisor", "reviewer"] },
      period: { label: "Review period", aliases: ["year", "review year", "period", "cycle", "appraisal period"] },
      area: { label: "Area", aliases: ["kra", "kras", "key result area", "key result areas", "responsibility area", "accountability", "area of accountability", "key responsibility area", "key responsibility areas", "kra description", "key result area kra", "goal title", "goal", "goals", "objective", "responsibility", "kra goals", "kra goal", "performance criteria", "criteria", "competency", "competencies"] },
      weight: { label: "Weight", aliases: ["weighting", "weight %", "kra weight", "weightage", "weightage %", "weight age"] },
      measure: { label: "Measure", aliases: ["measures", "kpi", "kpis", "indicator", "success measure", "how measured", "performance measure", "measurement criteria", "measurement", "success criteria", "key performance indicator"] },
      target: { label: "Target", aliases: ["standard", "expectation", "target value", "kra target"] },
      // A completion is what was achieved of the area's aim; with no Target column, its target is 100%.
      actual: { label: "Actual", aliases: ["current", "achieved", "result", "actual achievement", "achievement", "actual performance", "completion", "goal completion", "completion %", "% completion", "% complete", "percent complete", "percentage completion"] },
      rating: { label: "Rating", aliases: ["score", "rating 1 5", "performance rating", "manager rating", "rating point", "rating points", "reviewer rating", "final rating", "appraiser rating", "rating 1 to 5", "agreed rating", "app rating", "l1 rating", "supervisor rating"] },
    },
    // The employee may come from the form above an appraisal table instead of a column.
    required: ["area"],
    anyOf: ["weight", "rating"],
    typical: ["employee", "role", "period", "area", "weight", "rating"],
  },
  checkins: {
    label: "Check-ins",
    fields: {
      date: { label: "Date", aliases: ["check in date", "checkin date", "updated", "update date", "as of", "week", "when"] },
      keyResult: { label: "Key result", aliases: ["kr", "key result id", "kr id", "krid", "key result or id"] },
      value: { label: "Value", aliases: ["current", "actual", "progress", "latest", "new value", "reading", "current value", "updated value", "check in value"] },
      confidence: { label: "Confidence", aliases: ["confidence level", "confidence 0 10"] },
      comment: { label: "Comment", aliases: ["comments", "note", "notes", "update", "remarks"] },
    },
    required: ["date", "keyResult", "value"],
    anyOf: ["value"],
    typical: ["date", "keyResult", "value", "confidence", "comment"],
  },
} satisfies { [K in SheetKind]: KindSpec<FieldsOf[K]> };

const KIND_ORDER: readonly SheetKind[] = ["okr", "kpi", "kra", "checkins"];

/**
 * A header text reduced to letters and digits, lower case: `Key Result (KR)` and
 * `key-result` both become `keyresultkr`/`keyresult`.
 *
 * @example
 * normaliseHeader("  Objective  ID ") // "objectiveid"
 * normaliseHeader("Weight (%)") // "weight"
 */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Alias → field, per kind, built once. */
const ALIAS_INDEX: ReadonlyMap<SheetKind, ReadonlyMap<string, string>> = new Map(
  KIND_ORDER.map((kind) => {
    const index = new Map<string, string>();
    const fields: Record<string, FieldSpec> = SHEET_KINDS[kind].fields;
    for (const [field, spec] of Object.entries(fields)) {
      for (const alias of [field, spec.label, ...spec.aliases]) {
        const key = normaliseHeader(alias);
        if (!index.has(key)) index.set(key, field);
      }
    }
    return [kind, index];
  }),
);

/**
 * The field a header names on a sheet of a kind, or `null`. A part in brackets
 * is ignored when the whole does not match: `Target (Q3)` is Target.
 *
 * @example
 * fieldForHeader("okr", "Baseline") // "start"
 * fieldForHeader("okr", "DRI") // "owner"
 * fieldForHeader("okr", "Budget") // null
 * fieldForHeader("kpi", "Objective / KPI") // "kpi"
 */
export function fieldForHeader(kind: SheetKind, header: RawCell): string | null {
  if (typeof header !== "string" || header.length === 0 || header.length > 80) return null;
  const index = ALIAS_INDEX.get(kind);
  if (!index) return null;
  const direct = index.get(normaliseHeader(header));
  if (direct) return direct;
  // A bracketed formula says the column is computed from others (`Rating (Weightage x %Achievement)`): not the field itself.
  if (/\([^)]*(?:\sx\s|[×*÷=+])[^)]*\)/i.test(header)) return null;
  const bare = header.replace(/\([^)]*\)|\[[^\]]*\]/g, " ");
  if (bare !== header) {
    const found = index.get(normaliseHeader(bare));
    if (found) return found;
  }
  // The KRA column headed with what else to write in it: `KRAs along with action plan (in brief)`.
  if (kind === "kra" && KRA_WITH.test(bare)) return "area";
  // A period written after the field's name: `Target April-Sept`, `Actual Q3`, `Target FY26`.
  const dated = bare.replace(PERIOD_SUFFIX, "");
  const datedField = dated === bare || dated.trim() === "" ? null : (index.get(normaliseHeader(dated)) ?? null);
  return datedField ?? fieldOfParts(index, bare);
}

/**
 * A header naming a column two ways (`Objective / KPI`, `Department/Owner`):
 * the field its named parts agree on; `null` when none is named or two parts
 * name different fields (`Target/Actual` is no one field).
 */
function fieldOfParts(index: ReadonlyMap<string, string>, header: string): string | null {
  if (!header.includes("/")) return null;
  let found: string | null = null;
  for (const part of header.split("/")) {
    const field = index.get(normaliseHeader(part));
    if (field === undefined) continue;
    if (found !== null && found !== field) return null;
    found = field;
  }
  return found;
}

const KRA_WITH = /^\s*(?:kras?|key\s+result\s+areas?|key\s+responsibility\s+areas?)\s+(?:along\s+with|with|and|&|plus|including)\s+\S/i;

const PERIOD_SUFFIX =
  /(?:\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|q[1-4]|h[1-2]|fy\s?'?\d{2,4}|(?:19|20)\d{2}(?:-\d{2,4})?|ytd|mtd|annual|yearly)(?:\s*[-–/]\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|q[1-4]|(?:19|20)?\d{2}))?)+\s*$/i;

/** A row read as a header of one sheet kind. */
export interface HeaderMatch {
  kind: SheetKind;
  /** Field → 0-based sheet column. */
  columns: Record<string, number>;
  unmapped: string[];
  confidence: number;
  matched: number;
  /** True when the group labels above the header decided a column (a two-row header). */
  grouped: boolean;
}

function headerText(cell: RawCell): string {
  return typeof cell === "string" ? cell.trim() : typeof cell === "number" && Number.isFinite(cell) ? String(cell) : "";
}

/**
 * Headers that fill a field only when no other column names it: a KRA's completion
 * (actual ÷ target already, measured against 100%) stands in for its Actual.
 */
const STAND_INS: Partial<Record<SheetKind, Readonly<Record<string, RegExp>>>> = { kra: { actual: /\bcomplet(?:ion|e|ed)\b/i } };

/** Group labels of the reviewer's half of an appraisal form win over the employee's own. */
const SELF_GROUP = /\b(?:self|employee|appraisee|own)\b/i;
const YEAR = /\b(?:19|20)\d{2}\b/;

/**
 * Matches a row as the header of a sheet kind, with the group labels of a merged
 * row above it when there is one (`Self Appraisal | Appraisal by Reviewer` over
 * `Weight | Rating`): a field named twice is taken from the reviewer's group.
 * `null` when the row lacks the kind's required fields.
 *
 * @example
 * matchHeader("kra", ["KRA", "Weight", "Rating", "Weight", "Rating"], ["", "Self", "Self", "Reviewer", "Reviewer"], 0)
 * // { kind: "kra", columns: { area: 0, weight: 3, rating: 4 }, grouped: true, … }
 */
export function matchHeader(kind: SheetKind, row: readonly RawCell[] | undefined, groups: readonly string[] | null, originCol: number): HeaderMatch | null {
  if (!Array.isArray(row)) return null;
  const spec: KindSpec<string> = SHEET_KINDS[kind];
  const columns: Record<string, number> = {};
  const groupOf: Record<string, string> = {};
  const unmapped: string[] = [];
  /** Fields taken from a header that only stands in for them, with that header. */
  const standIn: Record<string, string> = {};
  let matched = 0;
  let filled = 0;
  let grouped = false;
  for (let c = 0; c < row.length; c++) {
    // A header cell merged down from the group row arrives blank: the group row holds its name.
    const own = headerText(row[c]);
    const text = own === "" && groups ? (groups[c] ?? "") : own;
    if (text === "") continue;
    filled++;
    const group = own === "" ? "" : (groups?.[c] ?? "");
    let field = fieldForHeader(kind, text);
    if (own === "" && field !== null) grouped = true;
    if (field === null && group !== "") {
      field = fieldForHeader(kind, `${group} ${text}`);
      if (field !== null) grouped = true;
    }
    if (field !== null && !(field in columns)) {
      columns[field] = originCol + c;
      groupOf[field] = group;
      matched++;
      if (STAND_INS[kind]?.[field]?.test(text)) standIn[field] = text;
    } else if (field !== null && standIn[field] !== undefined && !STAND_INS[kind]?.[field]?.test(text)) {
      // A column naming the field itself wins over one that only stands in for it.
      unmapped.push(standIn[field]);
      delete standIn[field];
      columns[field] = originCol + c;
      groupOf[field] = group;
    } else if (field !== null && group !== groupOf[field] && SELF_GROUP.test(groupOf[field]) && !SELF_GROUP.test(group)) {
      columns[field] = originCol + c;
      groupOf[field] = group;
      grouped = true;
    } else {
      unmapped.push(group !== "" && groups ? `${group} ${text}` : text);
      if (YEAR.test(group)) grouped = true;
    }
  }
  if (!spec.required.every((f) => f in columns) || !spec.anyOf.some((f) => f in columns)) return null;
  const typicalShare = spec.typical.filter((f) => f in columns).length / spec.typical.length;
  const headerShare = matched / filled;
  // Required fields alone give 0.3; the typical fields of the kind and a header free of unknown columns add the rest.
  const confidence = Math.round((0.3 + 0.5 * typicalShare + 0.2 * headerShare) * 100) / 100;
  return { kind, columns, unmapped, confidence, matched, grouped };
}

function isBlankRow(row: readonly RawCell[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) {
    if (typeof cell !== "string" || cell.trim() !== "") return false;
  }
  return true;
}

function countDataRows(values: readonly RawCell[][], headerIndex: number): number {
  let count = 0;
  for (let r = headerIndex + 1; r < values.length; r++) if (!isBlankRow(values[r])) count++;
  return count;
}

export interface RecogniseOptions {
  /** Sheet names never treated as goal sheets (compared ignoring case); Altitude's state sheet by default. */
  ignore?: readonly string[];
}

/**
 * Recognises a goal sheet from its header row, or returns `null` for a sheet
 * that is not one (it is left alone). With a saved mapping, the mapping decides
 * and confidence is 1. Columns are 0-based on the sheet, so a used range that
 * starts below or right of A1 still gives real positions.
 *
 * @example
 * recogniseSheet({ name: "OKRs", origin: { row: 0, col: 0 }, values: [["Objective", "Key result", "Target"], ["Grow", "Reach 50", 50]] })
 * // { name: "OKRs", kind: "okr", headerRow: 1, columns: { objective: 0, keyResult: 1, target: 2 }, rowCount: 1, … }
 * recogniseSheet({ name: "Notes", origin: { row: 0, col: 0 }, values: [["Remember the offsite"]] }) // null
 */
export function recogniseSheet(sheet: SheetData, mapping?: ColumnMapping, options: RecogniseOptions = {}): RecognisedSheet | null {
  const ignore = options.ignore ?? [ALTITUDE_STATE_SHEET];
  const name = typeof sheet?.name === "string" ? sheet.name : "";
  if (ignore.some((n) => n.toLowerCase() === name.toLowerCase())) return null;
  const values = Array.isArray(sheet?.values) ? sheet.values : [];
  const origin = { row: sheet?.origin?.row ?? 0, col: sheet?.origin?.col ?? 0 };
  if (mapping) return fromMapping(name, values, origin, mapping);

  let best: (HeaderMatch & { rowIndex: number }) | null = null;
  const rows = Math.min(HEADER_SEARCH_ROWS, values.length);
  for (let r = 0; r < rows; r++) {
    const row = values[r];
    if (!Array.isArray(row) || isBlankRow(row)) continue;
    for (const kind of KIND_ORDER) {
      const candidate = matchHeader(kind, row, null, origin.col);
      if (candidate && (!best || candidate.matched > best.matched || (candidate.matched === best.matched && candidate.confidence > best.confidence))) {
        best = { ...candidate, rowIndex: r };
      }
    }
  }
  if (!best) return null;
  return {
    name,
    kind: best.kind,
    confidence: best.confidence,
    headerRow: origin.row + best.rowIndex + 1,
    columns: best.columns,
    unmappedHeaders: best.unmapped,
    rowCount: countDataRows(values, best.rowIndex),
  };
}

function fromMapping(name: string, values: readonly RawCell[][], origin: { row: number; col: number }, mapping: ColumnMapping): RecognisedSheet {
  const headerIndex = mapping.headerRow - 1 - origin.row;
  const header = headerIndex >= 0 && headerIndex < values.length && Array.isArray(values[headerIndex]) ? values[headerIndex] : [];
  const used = new Set(Object.values(mapping.columns));
  const unmapped: string[] = [];
  header.forEach((cell, c) => {
    const text = headerText(cell);
    if (text !== "" && !used.has(origin.col + c)) unmapped.push(text);
  });
  return {
    name,
    kind: mapping.kind,
    confidence: 1,
    headerRow: mapping.headerRow,
    columns: { ...mapping.columns },
    unmappedHeaders: unmapped,
    rowCount: countDataRows(values, Math.max(-1, headerIndex)),
  };
}
