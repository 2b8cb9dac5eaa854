/**
 * End-to-end: the built Google Sheets sidebar (dist-sheets/Sidebar.html) in
 * headless Chromium at the sidebar's 300 px, with `google.script.run` stubbed
 * to call the real server code (the Sheets adapter and its call dispatcher) in
 * this process over an in-memory spreadsheet holding the sample workbook. Each
 * workflow is driven through the sidebar, by keyboard where a person would, and
 * checked in the spreadsheet itself. Screenshots go to test-output/screenshots.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { createSheetsStandIn, type StandInSheet } from "../../src/hosts/sheets-stand-in";
import { SheetsWorkbook } from "../../src/sheets/adapter";
import { serveCall } from "../../src/sheets/rpc";
import { sampleInSheets } from "../sheets/sample";
import { AXE, AXE_URL, SCREENSHOTS, launchChromium, serveStatic, type StaticServer } from "./support";

jest.setTimeout(90_000);

const DIST_SHEETS = path.resolve(__dirname, "../../dist-sheets");

let server: StaticServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let spreadsheet: ReturnType<typeof createSheetsStandIn>;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST_SHEETS, "Sidebar.html"))) throw new Error("dist-sheets/Sidebar.html is missing: run `npm run build:sheets:dev` (npm test builds it).");
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveStatic(DIST_SHEETS, { [AXE_URL]: AXE });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the sidebar on a view, over a fresh copy of the sample spreadsheet. */
async function openSidebar(view = "home"): Promise<void> {
  const { sheets, formats } = await sampleInSheets("America/New_York");
  spreadsheet = createSheetsStandIn({ sheets, formats, timeZone: "America/New_York", locale: "en_US" });
  const book = new SheetsWorkbook(spreadsheet.app, spreadsheet.formatDate);
  page = await browser.newPage({ viewport: { width: 300, height: 800 } });
  pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.exposeFunction("altitudeServer", (method: string, argsJson: string) => serveCall(book, spreadsheet.app, method, argsJson));
  await page.addInitScript(() => {
    type Handler = (value: unknown) => void;
    const call = (ok?: Handler, fail?: Handler): unknown => ({
      withSuccessHandler: (handler: Handler) => call(handler, fail),
      withFailureHandler: (handler: Handler) => call(ok, handler),
      altitudeCall: (method: string, argsJson: string) => {
        const server = (window as unknown as { altitudeServer(m: string, a: string): Promise<string> }).altitudeServer;
        server(method, argsJson).then(
          (reply) => ok?.(reply),
          (error: Error) => fail?.(error),
        );
      },
    });
    (window as unknown as { google: unknown }).google = { script: { run: call() } };
  });
  const html = fs.readFileSync(path.join(DIST_SHEETS, "Sidebar.html"), "utf8").replace("__ALTITUDE_VIEW__", view);
  await page.route(`${server.url}/Sidebar.html`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(`${server.url}/Sidebar.html`);
}

afterEach(async () => {
  await page?.close();
  expect(pageErrors).toEqual([]);
});

/** The sidebar is the whole page: Google draws its frame and title around it. */
function pane(): Locator {
  return page.locator("#container");
}

function sheetNamed(name: string): StandInSheet | undefined {
  return spreadsheet.book.sheets.find((s) => s.name === name);
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `sheets-${name}.png`), fullPage: true });
}

async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ url: AXE_URL });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
    // Fluent's focus manager (tabster) adds hidden <i tabindex="0"> sentinels that hand focus on at once; axe cannot know that.
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document, { resultTypes: ["violations"] });
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
  });
}

describe("the Google Sheets sidebar at 300 px", () => {
  it("opens on the overview with the recognised sheets, nothing wider than the sidebar, and no accessibility violation", async () => {
    await openSidebar("home");
    await pane().getByRole("heading", { name: "Recognised sheets" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot("overview");
    expect(await axeViolations()).toEqual([]);
  });

  it("opens on the rollup from the menu, and writes the quarter's rollup by keyboard alone", async () => {
    await openSidebar("rollup");
    const build = pane().getByRole("button", { name: "Build rollup" });
    await build.waitFor();
    await pane().getByLabel("Quarter", { exact: true }).selectOption("2026-Q3");
    await build.focus();
    await page.keyboard.press("Enter");
    await pane().getByText(/The rollup of 2026-Q3 is on the sheet "Rollup 2026-Q3"/).waitFor();
    const rollup = sheetNamed("Rollup 2026-Q3");
    expect(rollup).toBeDefined();
    expect(rollup?.charts.length).toBeGreaterThan(0);
    expect(rollup?.active).toBe(true);
    await screenshot("rollup");
  });

  it("writes review summaries with an index that links to each person", async () => {
    await openSidebar("reviews");
    await pane().getByLabel("Review period", { exact: true }).selectOption("2026");
    await pane().getByRole("radio", { name: "Chosen people" }).check();
    await pane().getByRole("checkbox", { name: "Dev Patel" }).check();
    await pane().getByRole("button", { name: "Write reviews" }).click();
    await pane().getByText(/Wrote 1 review for 2026; the index is on "Reviews 2026"/).waitFor();
    const index = sheetNamed("Reviews 2026");
    const person = spreadsheet.book.sheets.find((s) => s.name.includes("Dev Patel"));
    expect(person).toBeDefined();
    const links = [...(index?.cells.values() ?? [])].map((cell) => cell.link).filter(Boolean);
    expect(links).toContain(`#gid=${person?.id}&range=A1`);
    await screenshot("reviews");
  });

  it("lists the checks and selects a finding's cell in the spreadsheet", async () => {
    await openSidebar("checks");
    const first = pane().getByRole("button", { name: /^Select / }).first();
    await first.waitFor();
    const label = (await first.getAttribute("aria-label")) ?? "";
    const [, sheetName, cell] = /^Select (.+)!([A-Z]+\d+):/.exec(label) ?? [];
    await first.focus();
    await page.keyboard.press("Enter");
    for (let tries = 0; tries < 100 && sheetNamed(sheetName)?.selection !== cell; tries++) await page.waitForTimeout(50);
    expect(sheetNamed(sheetName)?.selection).toBe(cell);
    await screenshot("checks");
  });

  it("stores settings in the spreadsheet's hidden state sheet", async () => {
    await openSidebar("home");
    await pane().getByRole("tab", { name: "Settings", exact: true }).click();
    await pane().getByLabel("Highest key result score").fill("150");
    await pane().getByRole("button", { name: "Save settings" }).click();
    await pane().getByText(/Settings saved in the workbook/).waitFor();
    const state = sheetNamed("Altitude.State");
    expect(state?.hidden).toBe(true);
    expect(JSON.parse(String(state?.cell(1, 1)?.value)).settings).toEqual(expect.objectContaining({ scoreCap: 1.5 }));
  });

  it("converts the OKR range with one ranged formula per computed column", async () => {
    await openSidebar("home");
    await pane().getByRole("tab", { name: "Tables", exact: true }).click();
    await pane().getByRole("button", { name: "Convert OKRs" }).click();
    await pane().getByText(/OKRs is now the table/).waitFor();
    const okrs = sheetNamed("OKRs");
    const formulas = [...(okrs?.cells.values() ?? [])].map((cell) => cell.formula).filter((f): f is string => Boolean(f));
    expect(formulas.some((f) => /^=OKRSCORE\([A-Z]+\d+:[A-Z]+\d+,/.test(f))).toBe(true);
    expect(formulas.every((f) => !f.includes("ALTITUDE."))).toBe(true);
    expect(okrs?.bandings.length).toBe(1);
    await screenshot("tables");
  });
});
