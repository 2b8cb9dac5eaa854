/**
 * @deprecated The use cases live in `src/app/`; import them from there. These
 * names stay so that code written against the former home keeps compiling.
 */
export {
  buildRollup as runRollup,
  checkGoals as runChecks,
  loadWorkbook,
  missingGoalSheets,
  settingsOf,
  writeReviews as runReviews,
  type Failure as UseCaseFailure,
  type LoadedWorkbook,
  type LoadOptions,
  type PeopleNotReviewed,
  type Phase,
  type RunOptions,
} from "../app";
