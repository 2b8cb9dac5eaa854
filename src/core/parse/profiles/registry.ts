/**
 * Known formats of OKR and HR tools: their CSV/Excel exports and import
 * templates, each recognised by its header signature and read by the columns and
 * links its documentation gives. Every profile names the page it follows.
 */
import type { RawCell, SheetKind } from "../../model";
import { normaliseHeader } from "../../recognise";
import { isDateFormat, toDate } from "../../values";
import type { Variant } from "../blocks";

export type ProfileId =
  | "cultureAmpGoals"
  | "peoplesoftGoalsMatrix"
  | "peopleboxGoals"
  | "peoplecuesObjectives"
  | "peoplecuesUpdates"
  | "cornerstoneUserGoals"
  | "latticeGoals"
  | "goalscape"
  | "dcoScorecard"
  | "pipwareTargets";

/** How the rows of a format tie key results to their objectives. */
export type Links =
  /** Each row names its parent's id; a row that others name (or whose type column says so) is an objective. */
  | { by: "parent"; id: string; parent: string; name: string; objectiveType?: { header: string; words: readonly string[] } }
  /** The hierarchy is which level column holds the name, in row order (`Main`, `L1`, `L2`). */
  | { by: "level"; levels: readonly string[] };

/** The header row as a profile's shape sees it. */
export interface HeaderCells {
  /** 0-based index of the header row in the sheet's values. */
  index: number;
  row: readonly RawCell[];
  /** The row above, when there is one (merged group labels). */
  above: readonly RawCell[] | null;
  formats: readonly string[] | undefined;
  /** Column (within the row) of a header text, compared as `normaliseHeader` does. */
  find(header: string): number | undefined;
}

/** Columns or record variants a format lays out in a way a fixed header list cannot say. */
export interface Shape {
  /** Field → column within the row. */
  columns?: Record<string, number>;
  /** One record per variant of each row; columns (and context cells' columns) within the row. */
  variants?: Variant[];
}

export interface Profile {
  /** The tool and the file it makes or takes. */
  tool: string;
  /** The page documenting the format. */
  source: string;
  kind: SheetKind;
  /** Header texts that must all be in one row for the format to be recognised. */
  signature: readonly string[];
  /** Header text → the field (or fields) its column fills; headers not listed are not read. */
  columns: Readonly<Record<string, string | readonly string[]>>;
  links?: Links;
  /** True when merged group labels in the row above are part of the header (Threshold / Target / Stretch). */
  groupRow?: boolean;
  /** Fields the format fixes instead of writing them (a completion's 100 % target), with the header whose cell explains it. */
  fixed?: Readonly<Record<string, { value: string; header: string }>>;
  /** Columns worked out from the header; `null` when the header does not have the format's shape after all. */
  shape?: (header: HeaderCells) => Shape | null;
}

/** Group labels carried right across the blank cells of a merged area. */
function carried(row: readonly RawCell[] | null, width: number): string[] {
  const labels: string[] = [];
  let current = "";
  for (let c = 0; c < width; c++) {
    const cell = row?.[c];
    if (typeof cell === "string" && cell.trim() !== "") current = cell.trim();
    labels.push(current);
  }
  return labels;
}

/**
 * PeopleSoft's goals matrix: level percentages under merged Threshold / Target /
 * Stretch labels. The lowest threshold is the floor, the 100 % level (or the
 * first Target column) the target, the highest stretch the ceiling.
 */
function levelColumns(header: HeaderCells): Shape | null {
  const groups = carried(header.above, header.row.length).map(normaliseHeader);
  const levels: Array<{ col: number; group: string; level: number }> = [];
  header.row.forEach((cell, col) => {
    if (typeof cell === "number" && ["threshold", "target", "stretch"].includes(groups[col])) levels.push({ col, group: groups[col], level: cell });
  });
  const thresholds = levels.filter((l) => l.group === "threshold");
  const targets = levels.filter((l) => l.group === "target");
  const stretches = levels.filter((l) => l.group === "stretch");
  if (thresholds.length === 0 || targets.length === 0 || stretches.length === 0) return null;
  const target = targets.find((l) => Math.abs(l.level - 1) < 1e-9 || Math.abs(l.level - 100) < 1e-9) ?? targets[0];
  return { columns: { floor: thresholds[0].col, target: target.col, ceiling: stretches[stretches.length - 1].col } };
}

/** Pipware's custom targets: every column after the named ones is headed by a date and holds that month's target. */
function dateColumns(header: HeaderCells): Shape | null {
  const variants: Variant[] = [];
  header.row.forEach((cell, col) => {
    const dated = (typeof cell === "number" && isDateFormat(header.formats?.[col])) || (typeof cell === "string" && /^\d{4}-\d{2}-\d{2}$/.test(cell.trim()));
    if (!dated) return;
    const date = toDate(cell, header.formats?.[col]);
    if (date.ok && date.value !== null) variants.push({ columns: { target: col }, context: { period: { text: date.value.slice(0, 7), row: header.index, col } } });
  });
  return variants.length > 0 ? { variants } : null;
}

/** The scorecard upload: per metric `<metric>`, `<metric>_remarks` and `<metric>_self_assessment_rating`. */
function metricGroups(header: HeaderCells): Shape | null {
  const variants: Variant[] = [];
  header.row.forEach((cell, col) => {
    if (typeof cell !== "string") return;
    const match = /^(.+)_self_assessment_rating$/i.exec(cell.trim());
    if (!match) return;
    const metric = header.find(match[1]);
    if (metric === undefined || header.find(`${match[1]}_remarks`) === undefined) return;
    variants.push({ columns: { actual: metric, rating: col }, context: { area: { text: match[1].replace(/_+/g, " "), row: header.index, col: metric } } });
  });
  // The template gives no weights: every metric counts the same, an equal share of 100 %.
  for (const v of variants) v.context.weight = { text: String(100 / variants.length), row: header.index, col: v.columns.rating };
  return variants.length > 0 ? { variants } : null;
}

/** Culture Amp's numbered key results: `key_result_N_title` with `key_result_N_completion`. */
function numberedKeyResults(header: HeaderCells): Shape | null {
  const variants: Variant[] = [];
  for (let n = 1; n <= 50; n++) {
    const title = header.find(`key_result_${n}_title`);
    if (title === undefined) break;
    const completion = header.find(`key_result_${n}_completion`);
    variants.push({ columns: { keyResult: title, ...(completion === undefined ? {} : { score: completion }) }, context: {} });
  }
  return variants.length > 0 ? { variants } : null;
}

/** Every known format, by id. */
export const PROFILES = {
  cultureAmpGoals: {
    tool: "Culture Amp individual goals import",
    source: "https://support.cultureamp.com/en/articles/7048435-guide-to-populating-individual-goals-import-template",
    kind: "okr",
    signature: ["email", "name", "key_result_1_title", "key_result_1_completion"],
    columns: { email: "owner", name: "objective", due_at: "due" },
    shape: numberedKeyResults,
  },
  peoplesoftGoalsMatrix: {
    tool: "PeopleSoft HCM variable compensation goals matrix",
    source:
      "https://docs.oracle.com/en/applications/peoplesoft/human-capital-management/9.2.055/peoplesoft-human-resources-manage-variable-compensation/example-goals-matrix-performance-score-calculation.html",
    kind: "kpi",
    signature: ["Goal ID", "Weight", "Attainment"],
    columns: { "Goal ID": "kpi", Attainment: "actual" },
    groupRow: true,
    shape: levelColumns,
  },
  peopleboxGoals: {
    tool: "Peoplebox goals import (V2)",
    source: "https://help.peoplebox.ai/hc/peoplebox-help-center/articles/1756218434-goals-import-via-csv-v2",
    kind: "okr",
    signature: ["Row ID", "Parent Row IDs", "Goal Title", "Starting Value", "Target Value", "Current Value"],
    columns: {
      "Goal ID": "keyResultId",
      "Goal Title": "keyResult",
      "Owner Emails": "owner",
      Scope: "level",
      Departments: "team",
      "End Date": "due",
      "Starting Value": "start",
      "Target Value": "target",
      "Current Value": "current",
      "Review Cycle Weightage": "weight",
    },
    links: { by: "parent", id: "Row ID", parent: "Parent Row IDs", name: "Goal Title" },
  },
  peoplecuesObjectives: {
    tool: "PeopleCues objectives bulk upload",
    source: "https://docs.xto10x.com/peoplecues/objectives/objectives-bulk-upload",
    kind: "okr",
    signature: ["Objective Title", "Owner_Email_ID", "Metric_Name", "Metric_Start_Value", "Metric_Target_Value"],
    // The bulk update names an objective by its title: the title is also the key its metric's updates use.
    columns: {
      "Objective Title": ["objective", "keyResultId"],
      Owner_Email_ID: "owner",
      Due_Date: "due",
      Metric_Name: "keyResult",
      Metric_Start_Value: "start",
      Metric_Target_Value: "target",
    },
  },
  peoplecuesUpdates: {
    tool: "PeopleCues bulk update of objectives (format 3)",
    source: "https://docs.xto10x.com/peoplecues/objectives/bulk-update-of-objectives",
    kind: "checkins",
    signature: ["Owner Email ID", "Objective Title", "Metric Value"],
    columns: { "Objective Title": "keyResult", "Metric Value": "value", "Check-in Date": "date", "Check-in Comments": "comment" },
  },
  cornerstoneUserGoals: {
    tool: "Cornerstone Edge Import user goals load",
    source: "https://help.csod.com/help/csod_0/Content/Edge/Import/Edge_Import_Loads/Performance_Loads/Edge_Import_-_User_Goals_Load.htm",
    kind: "kra",
    signature: ["User ID", "Goal ID", "Goal Title", "Goal % Completion", "Goal Weight"],
    columns: { "User ID": "employee", "Goal Title": "area", "Goal End Date": "period", "Goal Weight": "weight", "Goal % Completion": "actual" },
    // Completion is a percentage of the goal: measured against 100, it rates by the workbook's bands.
    fixed: { target: { value: "100", header: "Goal % Completion" } },
  },
  latticeGoals: {
    tool: "Lattice goals (API Goal object)",
    source: "https://schemas.apis.io/schemas/lattice/lattice-goal/",
    kind: "okr",
    signature: ["id", "name", "okrType", "startingAmount", "endingAmount", "currentAmount", "parentGoal"],
    columns: {
      id: "keyResultId",
      name: "keyResult",
      goalType: "level",
      startingAmount: "start",
      endingAmount: "target",
      currentAmount: "current",
      dueDate: "due",
      owners: "owner",
      department: "team",
    },
    links: { by: "parent", id: "id", parent: "parentGoal", name: "name", objectiveType: { header: "okrType", words: ["objective"] } },
  },
  goalscape: {
    tool: "Goalscape CSV import",
    source: "https://goalscape.tenderapp.com/kb/general-questions/requirements-for-goalscape-csv-import-source-file",
    kind: "okr",
    signature: ["Main", "L1", "Importance", "Progress"],
    columns: { Importance: "weight", Progress: "score", "Due Date": "due" },
    links: { by: "level", levels: ["Main", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9"] },
  },
  dcoScorecard: {
    tool: "DCO online scorecard team-lead upload",
    source: "https://github.com/it-ph/dco-online-scorecard/blob/main/resources/views/exports/upload_tl_template.blade.php",
    kind: "kra",
    signature: ["month", "employee_number", "employee_name"],
    columns: { employee_name: "employee", month: "period" },
    shape: metricGroups,
  },
  pipwareTargets: {
    tool: "Pipware KPI custom targets import",
    source: "https://support.pipware.net/en/support/solutions/articles/5000845229-kpi-custom-targets-import-template-rules-and-sample",
    kind: "kpi",
    signature: ["KPI", "CustomTarget"],
    columns: { KPI: "kpi" },
    shape: dateColumns,
  },
} as const satisfies Record<ProfileId, Profile>;
