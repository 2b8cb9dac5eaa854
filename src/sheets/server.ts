/// <reference types="google-apps-script" />
/**
 * The Apps Script server file: only the global functions Google calls, each a
 * thin wrapper over ordinary modules. The build turns each `global.NAME = …`
 * into a top-level `function NAME` declaration that keeps its JSDoc, which is
 * what Sheets reads for a custom function's autocomplete and argument help
 * (https://developers.google.com/apps-script/guides/sheets/functions#autocomplete)
 * and what `google.script.run` and menus call.
 *
 * @OnlyCurrentDoc
 */
import { SheetsWorkbook } from "./adapter";
import type { SheetsApp } from "./api";
import { CONTRACTS } from "../contracts/contracts";
import { runContracts as runWorkbookContracts } from "../contracts/run";
import { sheetsContractHost } from "./contract-host";
import { runContracts } from "./contracts";
import { sheetsFunctions, type SheetsArgument, type SheetsResult } from "./functions";
import { MENU_ITEMS, menuView, sidebarHtml, type SidebarView } from "./menu";
import { serveCall } from "./rpc";

declare const ALTITUDE_DEVELOPMENT: boolean;

declare global {
  var OKRSCORE: (start: SheetsArgument, target: SheetsArgument, current: SheetsArgument, type?: SheetsArgument, cap?: SheetsArgument) => SheetsResult;
  var OBJECTIVESCORE: (scores: SheetsArgument, weights?: SheetsArgument) => SheetsResult;
  var OKRGRADE: (score: SheetsArgument, commitment?: SheetsArgument) => SheetsResult;
  var OKRPACE: (score: SheetsArgument, periodStart: SheetsArgument, periodEnd: SheetsArgument, asOf?: SheetsArgument) => SheetsResult;
  var KPISTATUS: (actual: SheetsArgument, floor: SheetsArgument, target: SheetsArgument, ceiling?: SheetsArgument, direction?: SheetsArgument) => SheetsResult;
  var KPITREND: (values: SheetsArgument, direction?: SheetsArgument, floor?: SheetsArgument, ceiling?: SheetsArgument) => SheetsResult;
  var KRASCORE: (ratings: SheetsArgument, weights: SheetsArgument) => SheetsResult;
  var onOpen: (event?: GoogleAppsScript.Events.SheetsOnOpen) => void;
  var onInstall: (event?: GoogleAppsScript.Events.AddonOnInstall) => void;
  var showPanel: () => void;
  var showRollup: () => void;
  var showReviews: () => void;
  var showChecks: () => void;
  var altitudeCall: (method: string, argsJson: string) => string;
  var runContractTests: () => void;
}

/** The real services, narrowed to what the adapter uses. */
function services(): { app: SheetsApp; formatDate: (date: Date, timeZone: string, pattern: string) => string } {
  const app: SheetsApp = SpreadsheetApp;
  return { app, formatDate: (date, timeZone, pattern) => Utilities.formatDate(date, timeZone, pattern) };
}

const functions = () => sheetsFunctions(services());

/**
 * Scores a key result from 0 to 1 as (current − start) ÷ (target − start), so increasing and decreasing metrics both work. A blank current scores 0.
 * @param {number|Array<Array<number>>} start Baseline value at the start of the period (blank counts as 0).
 * @param {number|Array<Array<number>>} target Value the key result aims for.
 * @param {number|Array<Array<number>>} current Latest value; blank means no check-in yet.
 * @param {string|Array<Array<string>>} [type] increase (default), decrease, milestone, binary, maintain or maintain below.
 * @param {number} [cap] Highest score allowed; above 1 allows over-achievement (default from Altitude's settings).
 * @return The score, one per row when given ranges.
 * @customfunction
 */
global.OKRSCORE = function (start, target, current, type, cap) {
  return functions().OKRSCORE(start, target, current, type, cap);
};

/**
 * An objective's score: the weighted mean of its key results' scores, each capped at 1.
 * @param {Array<Array<number>>} scores The key results' scores.
 * @param {Array<Array<number>>} [weights] One weight per score; equal when omitted.
 * @return The objective's score from 0 to 1.
 * @customfunction
 */
global.OBJECTIVESCORE = function (scores, weights) {
  return functions().OBJECTIVESCORE(scores, weights);
};

/**
 * Green, Yellow or Red for a score: aspirational red below 0.4, green from 0.7; committed green only at 1.
 * @param {number|Array<Array<number>>} score A score from 0 to 1.
 * @param {string|Array<Array<string>>} [commitment] aspirational (default) or committed.
 * @return The grade, one per row when given ranges.
 * @customfunction
 */
global.OKRGRADE = function (score, commitment) {
  return functions().OKRGRADE(score, commitment);
};

/**
 * On track, At risk, Behind or Done: the score against the share of the period elapsed.
 * @param {number|Array<Array<number>>} score A score from 0 to 1.
 * @param {Date|Array<Array<Date>>} period_start First day of the period.
 * @param {Date|Array<Array<Date>>} period_end Last day of the period.
 * @param {Date} [as_of] The day to judge on; today when omitted.
 * @return The pace, one per row when given ranges.
 * @customfunction
 */
global.OKRPACE = function (score, period_start, period_end, as_of) {
  return functions().OKRPACE(score, period_start, period_end, as_of);
};

/**
 * Breach, Watch, On target, Above ceiling or No data: a KPI reading against its floor, target and ceiling.
 * @param {number|Array<Array<number>>} actual The reading.
 * @param {number|Array<Array<number>>} floor The level below which the KPI is in breach.
 * @param {number|Array<Array<number>>} target The level the KPI aims for.
 * @param {number|Array<Array<number>>} [ceiling] The level above which it is above ceiling.
 * @param {string|Array<Array<string>>} [direction] higher, lower or band; from the floor and target when omitted.
 * @return The status, one per row when given ranges.
 * @customfunction
 */
global.KPISTATUS = function (actual, floor, target, ceiling, direction) {
  return functions().KPISTATUS(actual, floor, target, ceiling, direction);
};

/**
 * Improving, Declining or Flat: the latest reading against the one before it.
 * @param {Array<Array<number>>} values The readings, oldest first.
 * @param {string} [direction] higher (default), lower or band.
 * @param {number} [floor] For a band: its lower edge.
 * @param {number} [ceiling] For a band: its upper edge.
 * @return The trend.
 * @customfunction
 */
global.KPITREND = function (values, direction, floor, ceiling) {
  return functions().KPITREND(values, direction, floor, ceiling);
};

/**
 * A person's weighted rating over their key result areas: Σ(weight × rating) ÷ Σ weight.
 * @param {Array<Array<number>>} ratings One rating per area.
 * @param {Array<Array<number>>} weights One weight per area (40, 40% and 0.4 all mean 40%).
 * @return The weighted rating on the rating scale.
 * @customfunction
 */
global.KRASCORE = function (ratings, weights) {
  return functions().KRASCORE(ratings, weights);
};

/**
 * Builds the Altitude menu. In AuthMode.NONE (an add-on not yet used in this file)
 * only the menu may be touched, so nothing else is read here
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
global.onOpen = function (event) {
  const ui = SpreadsheetApp.getUi();
  let menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu = menu.addItem(item.label, item.handler);
  if (ALTITUDE_DEVELOPMENT) menu = menu.addSeparator().addItem("Run contract tests", "runContractTests");
  menu.addToUi();
  void event;
};

/** Installing the add-on opens the file it was installed from: build the menu there too. */
global.onInstall = function (event) {
  global.onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
};

function openSidebar(view: SidebarView): void {
  const template = HtmlService.createHtmlOutputFromFile("Sidebar").getContent();
  const page = HtmlService.createHtmlOutput(sidebarHtml(template, view)).setTitle("Altitude");
  SpreadsheetApp.getUi().showSidebar(page);
}

/** Opens Altitude's panel. */
global.showPanel = function () {
  openSidebar(menuView("showPanel"));
};

/** Opens the panel on the quarterly rollup. */
global.showRollup = function () {
  openSidebar(menuView("showRollup"));
};

/** Opens the panel on review summaries. */
global.showReviews = function () {
  openSidebar(menuView("showReviews"));
};

/** Opens the panel on the goal checks. */
global.showChecks = function () {
  openSidebar(menuView("showChecks"));
};

/** One call from the sidebar: a method of the workbook port or pane editor, JSON in and out. */
global.altitudeCall = function (method, argsJson) {
  const { app, formatDate } = services();
  return serveCall(new SheetsWorkbook(app, formatDate), app, method, argsJson);
};

/**
 * Development builds only: runs, in this spreadsheet, the workbook contracts Excel is
 * held to (those that apply to Sheets) and the Sheets adapter's own, and shows the results.
 */
global.runContractTests = function () {
  const { app, formatDate } = services();
  const own = runContracts(app, formatDate).map((r) => ({ passed: r.pass, line: `${r.pass ? "PASS" : "FAIL"} ${r.title}: ${r.detail}` }));
  void runWorkbookContracts(sheetsContractHost(app, formatDate), CONTRACTS).then((shared) => {
    const lines = shared
      .filter((r) => !r.notApplicable)
      .map((r) => ({ passed: r.passed, line: `${r.passed ? "PASS" : "FAIL"} ${r.title}: ${r.answered}` }))
      .concat(own);
    const passed = lines.filter((l) => l.passed).length;
    const skipped = shared.filter((r) => r.notApplicable).map((r) => `N/A ${r.title}: ${r.notApplicable}`);
    const text = lines.map((l) => l.line).concat(skipped).join("\n");
    SpreadsheetApp.getUi().alert(`Altitude contracts: ${passed} of ${lines.length} passed`, text, SpreadsheetApp.getUi().ButtonSet.OK);
  });
};
