/**
 * The built Apps Script file (dist-sheets/Code.js, made by `npm run build:sheets`
 * or `npm test`), loaded as Apps Script loads it: one script in a global scope
 * with Google's services as globals, here stubs over the in-memory Sheets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { kpiStatusOf, kpiTrendOf, kraScoreOf, objectiveScoreOf, okrGrade, okrPace, okrScore } from "../../src/functions/compute";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { createSheetsStandIn } from "../../src/hosts/sheets-stand-in";
import { errorText } from "../../src/sheets/functions";
import type { Grid } from "../../src/functions/cells";
import type { SheetsValue } from "../../src/sheets/api";

const DIST = path.resolve(__dirname, "../../dist-sheets");
const FUNCTIONS = ["OKRSCORE", "OBJECTIVESCORE", "OKRGRADE", "OKRPACE", "KPISTATUS", "KPITREND", "KRASCORE"];

function code(): string {
  const file = path.join(DIST, "Code.js");
  if (!fs.existsSync(file)) throw new Error("dist-sheets/ is missing: build first with `npm run build:sheets` (npm test does this).");
  return fs.readFileSync(file, "utf8");
}

interface Ui {
  menus: Array<{ items: Array<[string, string]> }>;
  sidebars: Array<{ html: string; title: string }>;
  alerts: string[];
}

/** Loads Code.js in a fresh global scope whose services are stubs over an in-memory spreadsheet. */
function load(options: { sheets?: Record<string, SheetsValue[][]>; touched?: Set<string> } = {}) {
  const standIn = createSheetsStandIn({ sheets: options.sheets ?? { Data: [["x"]] }, timeZone: "Europe/Berlin" });
  const ui: Ui = { menus: [], sidebars: [], alerts: [] };
  const uiApi = {
    createAddonMenu() {
      const menu = { items: [] as Array<[string, string]> };
      ui.menus.push(menu);
      const api = {
        addItem: (label: string, fn: string) => (menu.items.push([label, fn]), api),
        addSeparator: () => api,
        addToUi: () => undefined,
      };
      return api;
    },
    showSidebar: (page: { html: string; title: string }) => ui.sidebars.push(page),
    alert: (title: string, text: string) => ui.alerts.push(`${title}\n${text}`),
    ButtonSet: { OK: "OK" },
  };
  const spreadsheetApp = new Proxy(
    { ...standIn.app, getUi: () => uiApi },
    {
      get(target, key) {
        options.touched?.add(String(key));
        return Reflect.get(target, key);
      },
    },
  );
  const htmlService = {
    createHtmlOutputFromFile: (name: string) => ({ getContent: () => fs.readFileSync(path.join(DIST, `${name}.html`), "utf8") }),
    createHtmlOutput: (html: string) => {
      const page = { html, title: "", setTitle: (t: string) => ((page.title = t), page) };
      return page;
    },
  };
  const sandbox: Record<string, unknown> = {
    SpreadsheetApp: spreadsheetApp,
    HtmlService: htmlService,
    Utilities: { formatDate: standIn.formatDate },
  };
  vm.createContext(sandbox);
  vm.runInContext(code(), sandbox, { filename: "Code.js" });
  const call = (name: string, ...args: unknown[]) => (sandbox[name] as (...a: unknown[]) => unknown)(...args);
  return { sandbox, call, ui, standIn };
}

describe("the built Apps Script file", () => {
  it.each(FUNCTIONS)("declares %s at the top level with its @customfunction JSDoc", (name) => {
    const source = code();
    const declaration = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(`);
    const doc = declaration.exec(source)?.[1] ?? "";
    expect(doc).toContain("@customfunction");
    expect(doc).toMatch(/@param/);
    expect(doc).toMatch(/@return/);
  });

  it("is one plain script: no module syntax, no network, no timers", () => {
    const source = code();
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toMatch(/\bfetch\(|UrlFetchApp|XMLHttpRequest|setTimeout\(|setInterval\(/);
    expect(source.startsWith("/** @OnlyCurrentDoc */")).toBe(true);
  });

  it("asks only for the current spreadsheet and the sidebar", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes).toEqual(["https://www.googleapis.com/auth/spreadsheets.currentonly", "https://www.googleapis.com/auth/script.container.ui"]);
  });

  it("builds the menu on open touching nothing but the menu (AuthMode.NONE)", () => {
    const touched = new Set<string>();
    const { call, ui } = load({ touched });
    call("onOpen", { authMode: "NONE" });
    expect([...touched]).toEqual(["getUi"]);
    expect(ui.menus[0].items).toEqual(
      expect.arrayContaining([
        ["Show panel", "showPanel"],
        ["Quarterly rollup", "showRollup"],
        ["Review summaries", "showReviews"],
        ["Check goals", "showChecks"],
      ]),
    );
  });

  it("builds the same menu on install", () => {
    const { call, ui } = load();
    call("onInstall", { authMode: "FULL" });
    expect(ui.menus[0].items.map(([label]) => label)).toContain("Quarterly rollup");
  });

  it.each([
    ["showPanel", "home"],
    ["showRollup", "rollup"],
    ["showReviews", "reviews"],
    ["showChecks", "checks"],
  ])("%s opens the sidebar on the %s view", (handler, view) => {
    const { call, ui } = load();
    call(handler);
    expect(ui.sidebars).toHaveLength(1);
    expect(ui.sidebars[0].title).toBe("Altitude");
    expect(ui.sidebars[0].html).toContain(`window.altitudeView = "${view}"`);
  });

  it("answers the sidebar's calls through the adapter", () => {
    const { call } = load({ sheets: { OKRs: [["Objective"]], Notes: [["n"]] } });
    expect(JSON.parse(call("altitudeCall", "sheetNames", "[]") as string)).toEqual({ ok: true, value: ["OKRs", "Notes"] });
    expect(JSON.parse(call("altitudeCall", "nope", "[]") as string)).toMatchObject({ ok: false, code: "InvalidArgument" });
  });

  it("runs the contract suites from the development menu and reports every contract passing", async () => {
    const { call, ui, standIn } = load();
    call("runContractTests");
    for (let i = 0; i < 20 && ui.alerts.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(ui.alerts[0]).toMatch(/^Altitude contracts: 10 of 10 passed/);
    expect(ui.alerts[0]).toContain("N/A A table grows");
    expect(standIn.book.sheets.map((s) => s.name)).toEqual(["Data"]);
  });
});

describe("the Sheets functions give Excel's results", () => {
  const context = { settings: DEFAULT_SETTINGS, today: "2026-08-15" };
  /** What Sheets shows for a neutral result: a lone error is thrown, errors in a range are text. */
  const shown = (grid: Grid): unknown => {
    if (grid.length === 1 && grid[0].length === 1) {
      const cell = grid[0][0];
      return typeof cell === "object" ? { thrown: cell.message } : cell;
    }
    return grid.map((row) => row.map((cell) => (typeof cell === "object" ? errorText(cell) : cell)));
  };
  const run = (name: string, args: unknown[]): unknown => {
    const { call } = load();
    try {
      return call(name, ...args);
    } catch (error) {
      return { thrown: (error as Error).message };
    }
  };

  it.each<[string, string, unknown[], Grid]>([
    ["a decrease half way", "OKRSCORE", [4.2, 2.8, 3.5, "decrease"], okrScore(4.2, 2.8, 3.5, "decrease", undefined, context)],
    ["target equal to start", "OKRSCORE", [5, 5, 3], okrScore(5, 5, 3, undefined, undefined, context)],
    ["ranges", "OKRSCORE", [[[0], [10]], [[100], [20]], [[50], [15]]], okrScore([[0], [10]], [[100], [20]], [[50], [15]], undefined, undefined, context)],
    ["an error row in a range", "OKRSCORE", [[[0], [5]], [[100], [5]], [[50], [5]]], okrScore([[0], [5]], [[100], [5]], [[50], [5]], undefined, undefined, context)],
    ["weighted objective", "OBJECTIVESCORE", [[[0.5], [1]], [[1], [3]]], objectiveScoreOf([[0.5], [1]], [[1], [3]], context)],
    ["committed grade", "OKRGRADE", [0.8, "committed"], okrGrade(0.8, "committed", context)],
    ["pace", "OKRPACE", [0.2, 46204, 46295, 46249], okrPace(0.2, 46204, 46295, 46249, context)],
    ["KPI breach", "KPISTATUS", [40, 45, 60], kpiStatusOf(40, 45, 60, undefined, undefined, context)],
    ["KPI trend lower is better", "KPITREND", [[[5], [4]], "lower"], kpiTrendOf([[5], [4]], "lower", undefined, undefined, context)],
    ["KRA score", "KRASCORE", [[[4], [3]], [[60], [40]]], kraScoreOf([[4], [3]], [[60], [40]], context)],
  ])("%s (%s)", (_name, fn, args, expected) => {
    expect(run(fn, args)).toEqual(shown(expected));
  });

  it("reads a date cell as the day the spreadsheet shows", () => {
    // 2026-07-01 at midnight in Berlin (the stand-in spreadsheet's zone) is 22:00 UTC the day before.
    const start = new Date("2026-06-30T22:00:00Z");
    const end = new Date("2026-09-29T22:00:00Z");
    const asOf = new Date("2026-08-14T22:00:00Z");
    expect(run("OKRPACE", [0.2, start, end, asOf])).toEqual(shown(okrPace(0.2, 46204, 46294, 46249, context)));
  });

  it("uses the settings stored in the spreadsheet", () => {
    const { call, standIn } = load();
    const sheet = standIn.book.insertSheet("Altitude.State", 1);
    sheet.getRange(1, 1, 1, 1).setValues([[`'${JSON.stringify({ settings: { scoreCap: 1.5 } })}`]]);
    expect(call("OKRSCORE", 0, 100, 150, "increase")).toBe(1.5);
  });
});
