/**
 * End-to-end: the Map view in headless Chromium over the in-memory Excel host,
 * describing a sheet recognition is unsure of: the pane asks, pre-filled with
 * its guess; the person answers with the keyboard alone; the arrangement is
 * saved in the workbook and every view reads the sheet by it. axe-core finds
 * no serious violation in the view, in the light and dark themes.
 */
import * as path from "node:path";
import type { Locator } from "playwright-core";
import { AXE_URL, SCREENSHOTS, previewHost, previewPage } from "./support";

jest.setTimeout(60_000);

const host = previewHost(SCREENSHOTS);

/** A monthly plan: months under a merged 2025, the owner in a form line, the name column headed by no KPI word. */
const PLAN = [
  ["Prepared by", "Dana Reyes", "", "", ""],
  ["", "", "2025", "", ""],
  ["Line", "Target", "Jan", "Feb", "Mar"],
  ["Qualified leads", 400, 380, 410, ""],
  ["Demo bookings", 60, 48, 55, 63],
];

/** Month columns over blank-headed names: recognised, but from little, so the pane asks. */
const PLANNER = [
  ["Monthly planner (Year: 2024)", "", "", ""],
  ["", "Jan", "Feb", "Mar"],
  ["Sales Revenue (USD)", 21400, 22950, ""],
];

const shown = previewPage(host, { width: 1280, height: 900 });
const pane = (): Locator => shown.pane();

function storedState() {
  return shown.page.evaluate(() => window.__altitude?.host.port.readState());
}

async function addSheet(name: string, values: Array<Array<string | number>>): Promise<void> {
  await shown.page.evaluate(([n, v]) => window.__altitude?.addSheet(n, v), [name, values] as const);
}

/** Moves focus with Tab until `target` has it; fails rather than loop for ever. */
async function tabTo(target: Locator): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await shown.page.keyboard.press("Tab");
  }
  throw new Error("could not reach the control with Tab");
}

describe("Map view", () => {
  it("asks about a sheet recognition is unsure of, from the Overview, pre-filled with its guess", async () => {
    await addSheet("Planner", PLANNER);
    const card = pane().getByRole("listitem").filter({ hasText: "Planner" });
    await card.getByText(/Read as KPIs from few column names/).waitFor();
    await card.getByRole("button", { name: "Check columns of Planner" }).click();
    const unsure = pane().getByLabel("Altitude is unsure how Planner is laid out");
    await unsure.waitFor();
    await expect(pane().getByRole("checkbox", { name: "B · Jan" }).isChecked()).resolves.toBe(true);
    await expect(pane().locator("dl[aria-label='Row 3']").allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/Sales Revenue \(USD\)[\s\S]*2024-01[\s\S]*21,?400/),
      expect.stringMatching(/2024-02[\s\S]*22,?950/),
    ]);
  });

  it("describes an arrangement with the keyboard alone, saves it in the workbook, and every view reads by it", async () => {
    await addSheet("Plan", PLAN);
    await pane().getByRole("list", { name: "Sheets not recognised" }).getByText("Plan", { exact: true }).waitFor();
    await pane().getByRole("tab", { name: "Map", exact: true }).click();
    const sheetSelect = pane().getByLabel("Sheet", { exact: true });
    await sheetSelect.selectOption("Plan");

    await tabTo(pane().getByLabel("Sheet kind"));
    await pane().getByLabel("Sheet kind").selectOption({ label: "KPIs" });
    await tabTo(pane().getByLabel("Header row"));
    await shown.page.keyboard.press("ControlOrMeta+a");
    await shown.page.keyboard.type("3");
    await tabTo(pane().getByLabel("Group row above the header"));
    await shown.page.keyboard.type("2");
    await tabTo(pane().getByLabel("KPI", { exact: true }));
    await pane().getByLabel("KPI", { exact: true }).selectOption({ label: "A · Line" });
    await pane().getByLabel("Target", { exact: true }).selectOption({ label: "B · Target" });
    await tabTo(pane().getByLabel("Owner from cell"));
    await shown.page.keyboard.type("B1");
    for (const month of ["C · Jan", "D · Feb", "E · Mar"]) {
      await tabTo(pane().getByRole("checkbox", { name: month }));
      await shown.page.keyboard.press("Space");
    }
    // The preview shows the first three readings: two months of row 4, then row 5's first.
    await expect(pane().locator("dl[aria-label^='Row ']").allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Row\s+4[\s\S]*Qualified leads[\s\S]*Dana Reyes[\s\S]*2025-01[\s\S]*380$/),
      expect.stringMatching(/^Row\s+4[\s\S]*2025-02[\s\S]*410$/),
      expect.stringMatching(/^Row\s+5[\s\S]*Demo bookings[\s\S]*2025-01[\s\S]*48$/),
    ]);
    await tabTo(pane().getByRole("button", { name: "Save mapping" }));
    await shown.page.keyboard.press("Enter");
    await pane().getByText("Saved: Plan is read as KPIs with 2 mapped columns and 3 period columns.").waitFor();
    const state = await storedState();
    expect(state?.mappings?.Plan).toEqual({
      kind: "kpi",
      headerRow: 3,
      columns: { kpi: 0, target: 1 },
      version: 2,
      arrangement: { groupRow: 2, headingRows: true, formFields: { owner: "B1" }, periodColumns: [2, 3, 4], year: null },
    });
    await pane().getByRole("tab", { name: "Overview", exact: true }).click();
    await expect(pane().getByRole("listitem").filter({ hasText: "Plan" }).first().innerText()).resolves.toMatch(/Kind: KPIs[\s\S]*2 rows[\s\S]*3 periods/);
  });

  it.each(["light", "dark"] as const)("has no serious accessibility violation with every part shown (%s theme)", async (theme) => {
    await shown.page.evaluate((t) => window.__altitude?.setTheme(t), theme);
    await addSheet("Planner", PLANNER);
    await pane().getByRole("listitem").filter({ hasText: "Planner" }).getByRole("button", { name: "Check columns of Planner" }).click();
    await pane().getByLabel("Altitude is unsure how Planner is laid out").waitFor();
    await shown.page.addScriptTag({ url: `${host.server.url}${AXE_URL}` });
    const violations = await shown.page.evaluate(async () => {
      const result = await window.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    });
    expect(violations).toEqual([]);
    await shown.page.screenshot({ path: path.join(SCREENSHOTS, `map-arrangement-${theme}.png`), fullPage: true });
  });
});

declare global {
  interface Window {
    axe: typeof import("axe-core");
  }
}
