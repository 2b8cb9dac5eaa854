/**
 * The application layer: the one module the doors (task pane, ribbon, CLI and
 * the Sheets edition) call. It owns every default and every choice a door would
 * otherwise make, takes and returns domain types, and reports failures as codes
 * with data (`Failure`) that each door words its own way.
 */
export { loadWorkbook, missingGoalSheets, settingsOf, type LoadedWorkbook, type LoadOptions } from "./load";
export { describe, fail, type Failure, type Output, type PeopleNotReviewed, type Reason } from "./messages";
export { periodChoice, rememberPeriod, resolvePeriod, reviewPeriods, rollupPeriods, type PeriodChoice } from "./periods";
export {
  buildRollup,
  checkGoals,
  NO_TEAM,
  reviewPeople,
  reviewsByTeam,
  reviewTeams,
  selectReviews,
  selectReviewsOfTeams,
  sizeQuestion,
  writeReviewSheets,
  writeReviews,
  type ChecksDone,
  type Phase,
  type ReviewOptions,
  type ReviewSelection,
  type ReviewsDone,
  type ReviewsOfTeams,
  type RollupDone,
  type RollupOptions,
  type RunOptions,
  type SelectedReviews,
  type TeamReviews,
} from "./outputs";
export {
  checkIn,
  convertToTable,
  forgetMapping,
  readWithMapping,
  insertTemplate,
  mappingToEdit,
  saveMapping,
  saveSettings,
  settingsProblems,
  type CheckedIn,
  type CheckInEntry,
  type Converted,
  type MappingToEdit,
  type SettingsPart,
} from "./edits";
export {
  DEFAULT_SETTINGS,
  HEADING_FIELD,
  NAME_FIELD,
  PERIOD_COLUMN_KINDS,
  RULE_IDS,
  SHEET_KINDS,
  a1,
  columnLetter,
  comparePeriods,
  dayNumber,
  isoToSerial,
  maxOf,
  parseA1,
  periodLabel,
  quoteSheet,
  rowSpans,
  ruleTitle,
  serialToIso,
  todayIso,
  type RuleId,
} from "./vocabulary";
