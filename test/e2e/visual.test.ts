/**
 * End-to-end: the Overview's dashboard, the charts and links the preview draws
 * on a rollup sheet, and the progress bar, in headless Chromium over the sample
 * workbook. The screenshots the README shows are saved under docs/screenshots;
 * the dashboard is scanned by axe-core in light, dark and high-contrast modes.
 */
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { AXE_URL, openPreview, previewHost } from "./support";

jest.setTimeout(90_000);

const DOCS_SCREENSHOTS = path.resolve(__dirname, "../../docs/screenshots");

const host = previewHost(DOCS_SCREENSHOTS);
let page: Page;
let pageErrors: string[];

async function open(viewport: { width: number; height: number } = { width: 1280, height: 1100 }): Promise<void> {
  pageErrors = [];
  page = await openPreview(host, viewport, pageErrors);
  await pane().getByRole("heading", { name: "Dashboard 2026-Q3" }).waitFor();
}

afterEach(async () => {
  await page.close();
  expect(pageErrors).toEqual([]);
});

function pane(): Locator {
  return page.getByRole("complementary", { name: "Altitude task pane" });
}

function chart(name: string): Locator {
  return pane().getByRole("region", { name });
}

/** Every axe violation inside the dashboard, whatever its impact. */
async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ url: `${host.server.url}${AXE_URL}` });
  return page.evaluate(async () => {
    // Fluent's focus manager (tabster) adds hidden <i tabindex="0"> sentinels that hand focus on at once; axe cannot know that.
    const result = await window.axe.run({ include: [['section[aria-labelledby="dashboard-heading"]']], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

async function shoot(name: string, target: Locator | Page = page): Promise<void> {
  await page.waitForTimeout(300);
  await target.screenshot({ path: path.join(DOCS_SCREENSHOTS, name) });
}

describe("the Overview's dashboard", () => {
  it.each(["light", "dark"] as const)("draws every chart with its figures and is axe clean (%s theme)", async (theme) => {
    await open();
    await page.evaluate((t) => window.__altitude?.setTheme(t), theme);
    for (const name of ["Objectives by grade", "Average score by team", "Pace", "KPI health", "Findings by severity (all sheets)"]) {
      await expect(chart(name).locator("svg").count()).resolves.toBeGreaterThan(0);
    }
    await expect(chart("Objectives by grade").getByRole("button").allInnerTexts()).resolves.toEqual(["Green 2", "Yellow 2", "Red 1"]);
    await expect(chart("KPI health").getByRole("button").allInnerTexts()).resolves.toEqual(["Breach 1", "Watch 2", "On target 2", "Above ceiling 1", "No data 0"]);
    await shoot(`dashboard-${theme}.png`, pane());
    expect(await axeViolations()).toEqual([]);
  });

  it("reads at 320 px without anything past the pane's edge", async () => {
    await open({ width: 900, height: 1600 });
    await page.addStyleTag({ content: `aside[aria-label="Altitude task pane"] { width: 320px !important; min-width: 320px !important; max-width: 320px !important; max-height: none !important; }` });
    await page.waitForTimeout(500);
    const overflows = await pane().evaluate((aside) => {
      const edge = aside.getBoundingClientRect().left + aside.clientWidth;
      return [...aside.querySelectorAll("svg, button, h2, h3, p, span, li")]
        .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge + 1)
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    });
    expect(overflows).toEqual([]);
    await shoot("dashboard-320.png", pane());
  });

  it("keeps every figure readable in high contrast (forced colours), axe clean", async () => {
    await open();
    await page.emulateMedia({ forcedColors: "active" });
    await shoot("dashboard-high-contrast.png", pane());
    // In forced colours the figures still read as text, not by colour alone.
    await expect(chart("Pace").getByRole("button").allInnerTexts()).resolves.toEqual(["Done 0", "On track 4", "At risk 0", "Behind 1"]);
    expect(await axeViolations()).toEqual([]);
  });

  it("selects the rows behind a figure in the preview's grid", async () => {
    await open();
    await chart("KPI health").getByRole("button", { name: /^Breach: 1 reading\./ }).click();
    await pane().getByTestId("rows-behind").getByText("KPI health, Breach: 1 row. Selected KPIs!A7:K7.").waitFor();
    await expect(page.evaluate(() => window.__altitude?.fake.selection())).resolves.toEqual({ sheet: "KPIs", address: "KPIs!A7:K7" });
    const selected = page.locator('table[data-sheet="KPIs"] td[data-selected]');
    await expect(selected.count()).resolves.toBe(11);
    await expect(selected.first().innerText()).resolves.toBe("Offer acceptance rate");
  });

  it("lists each block of rows behind a figure and selects the one chosen", async () => {
    await open();
    await chart("Objectives by grade").getByRole("button", { name: /^Yellow: 2 objectives/ }).click();
    const behind = pane().getByTestId("rows-behind");
    await behind.getByRole("button", { name: "OKRs!A13:L14" }).click();
    await page.waitForFunction(() => window.__altitude?.fake.selection()?.address === "OKRs!A13:L14");
  });
});

describe("the preview draws a rollup as Excel shows it", () => {
  it("floats the rollup's charts over their cells and follows a source link to its cell", async () => {
    await open({ width: 1600, height: 1000 });
    await pane().getByRole("tab", { name: "Rollup", exact: true }).click();
    await pane().getByRole("button", { name: "Build rollup" }).click();
    await page.locator('table[data-sheet="Rollup 2026-Q3"]').waitFor();
    const grade = page.getByRole("figure", { name: "Chart: Objectives by grade" });
    const teams = page.getByRole("figure", { name: "Chart: Average score by team" });
    await grade.waitFor();
    await expect(grade.locator("svg").count()).resolves.toBeGreaterThan(0);
    await expect(teams.innerText()).resolves.toContain("Company 67% · People 82% · Sales 75% · Engineering 52%");
    // The chart sits over the cell its plan places it at (column K).
    const [chartBox, cellBox] = await Promise.all([grade.boundingBox(), page.locator('table[data-sheet="Rollup 2026-Q3"] td[data-cell="K12"]').boundingBox()]);
    expect(Math.abs((chartBox?.x ?? 0) - (cellBox?.x ?? -99))).toBeLessThan(2);
    // Conditional colours are drawn too.
    const green = page.locator('table[data-sheet="Rollup 2026-Q3"] td[data-cell="A13"]');
    await expect(green.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe("rgb(198, 239, 206)");
    await page.getByRole("region", { name: "Cells of Rollup 2026-Q3" }).evaluate((e) => {
      e.scrollLeft = 1400;
      e.scrollTop = 180;
    });
    await shoot("preview-rollup-charts.png");

    await page.getByRole("button", { name: "OKRs!D7 (first of 2 rows)" }).click();
    await page.locator('table[data-sheet="OKRs"]').waitFor();
    await expect(page.evaluate(() => window.__altitude?.fake.selection())).resolves.toEqual({ sheet: "OKRs", address: "OKRs!D7" });
    await expect(page.locator('table[data-sheet="OKRs"] td[data-cell="D7"]').innerText()).resolves.toBe("Become the employer great people choose");
  });
});

describe("progress on long work", () => {
  it("shows a bar while the workbook is read and stops with nothing written", async () => {
    await open();
    // The sample reads in a blink; slowed down here, the bar shows as it would on a large workbook.
    await page.evaluate(() => {
      const port = window.__altitude!.host.port;
      const read = port.readSheets.bind(port);
      port.readSheets = async (names) => {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        return read(names);
      };
    });
    const before = await page.evaluate(() => window.__altitude?.fake.sheetNames());
    await pane().getByRole("tab", { name: "Reviews", exact: true }).click();
    await pane().getByRole("button", { name: "Write reviews" }).click();
    await pane().getByRole("progressbar").waitFor();
    await pane().getByText("Reading the workbook…").waitFor();
    await shoot("progress-bar.png", pane());
    await pane().getByRole("button", { name: "Stop" }).click();
    await pane().getByText("Stopped before anything was written.").waitFor({ timeout: 10_000 });
    await expect(page.evaluate(() => window.__altitude?.fake.sheetNames())).resolves.toEqual(before);
  });
});

declare global {
  interface Window {
    axe: typeof import("axe-core");
  }
}
