/**
 * End-to-end: the real task pane bundle (dist/preview.html) in headless
 * Chromium over the in-memory Excel host holding the sample workbook. Each
 * workflow is driven through the pane and checked in the workbook itself
 * (window.__altitude.fake). Screenshots of every view in both themes are saved
 * under test-output/screenshots, and axe-core finds no serious violation.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Locator } from "playwright-core";
import { AXE_URL, SCREENSHOTS, previewHost, previewPage } from "./support";

jest.setTimeout(60_000);

const host = previewHost(SCREENSHOTS);

const shown = previewPage(host, { width: 1280, height: 900 });
const pane = (): Locator => shown.pane();

async function openView(name: string): Promise<void> {
  await pane().getByRole("tab", { name, exact: true }).click();
}

/** A snapshot of one sheet, read straight from the in-memory host. */
function sheet(name: string) {
  return shown.page.evaluate((n) => {
    const view = window.__altitude?.fake.getSheet(n);
    if (!view) return null;
    return {
      values: view.values,
      tables: view.tables,
      conditionalFormats: view.conditionalFormats.map((f) => ({ address: f.address, rule: f.rule })),
      validations: view.validations,
    };
  }, name);
}

function formulaAt(name: string, address: string) {
  return shown.page.evaluate(([n, a]) => window.__altitude?.fake.getSheet(n)?.cell(a).formula ?? null, [name, address] as const);
}

function sheetNames() {
  return shown.page.evaluate(() => window.__altitude?.fake.sheetNames() ?? []);
}

function activeSheet() {
  return shown.page.evaluate(() => window.__altitude?.fake.activeSheet() ?? null);
}

function storedState() {
  return shown.page.evaluate(() => window.__altitude?.host.port.readState());
}

describe("Overview", () => {
  it("lists the recognised sheets with kind, rows and periods, and the sheets left alone", async () => {
    const list = pane().getByRole("list", { name: "Recognised sheets" });
    await expect(list.getByRole("listitem").allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/OKRs[\s\S]*Kind: OKRs[\s\S]*12 rows[\s\S]*2026-Q3, 2026-Q2/),
      expect.stringMatching(/KPIs[\s\S]*Kind: KPIs[\s\S]*12 rows/),
      expect.stringMatching(/KRAs[\s\S]*Kind: KRAs[\s\S]*9 rows[\s\S]*2026/),
      expect.stringMatching(/Check-ins[\s\S]*Kind: Check-ins[\s\S]*6 rows/),
    ]);
    await expect(pane().getByRole("list", { name: "Sheets not recognised" }).innerText()).resolves.toContain("Notes");
  });

  it("refreshes when a sheet is added to the workbook", async () => {
    await shown.page.evaluate(() => window.__altitude?.addSheet("Sales KPIs", [["KPI", "Owner", "Floor", "Target", "Actual"], ["Win rate", "Sam Rivera", 0.2, 0.3, 0.25]]));
    await pane().getByRole("listitem").filter({ hasText: "Sales KPIs" }).waitFor();
    await expect(pane().getByRole("listitem").filter({ hasText: "Sales KPIs" }).innerText()).resolves.toMatch(/Kind: KPIs[\s\S]*1 rows/);
  });
});

describe("Map columns", () => {
  it("saves a mapping for a sheet recognition cannot place, with a preview of its rows", async () => {
    await shown.page.evaluate(() =>
      window.__altitude?.addSheet("Goals draft", [
        ["Aim", "Outcome wanted", "Who", "Aiming for", "Now at"],
        ["Grow the team", "Hire 5 engineers", "Dev Patel", 5, 2],
        ["", "Onboard in 10 days", "Mia Schmidt", 10, 14],
      ]),
    );
    await pane().getByRole("list", { name: "Sheets not recognised" }).getByText("Goals draft", { exact: true }).waitFor();
    await pane().getByRole("button", { name: "Map columns of Goals draft" }).click();
    await pane().getByLabel("Sheet kind").selectOption({ label: "OKRs" });
    await pane().getByLabel("Objective", { exact: true }).selectOption({ label: "A · Aim" });
    await pane().getByLabel("Key result", { exact: true }).selectOption({ label: "B · Outcome wanted" });
    await pane().getByLabel("Owner", { exact: true }).selectOption({ label: "C · Who" });
    await pane().getByLabel("Target", { exact: true }).selectOption({ label: "D · Aiming for" });
    await pane().getByLabel("Current", { exact: true }).selectOption({ label: "E · Now at" });
    const preview = pane().locator("dl[aria-label='Row 2']");
    await expect(preview.innerText()).resolves.toMatch(/Grow the team[\s\S]*Hire 5 engineers[\s\S]*Dev Patel[\s\S]*5[\s\S]*2/);
    await pane().getByRole("button", { name: "Save mapping" }).click();
    await pane().getByText(/Saved: Goals draft is read as OKRs/).waitFor();
    const state = await storedState();
    expect(state?.mappings?.["Goals draft"]).toEqual({
      kind: "okr",
      headerRow: 1,
      columns: { objective: 0, keyResult: 1, owner: 2, target: 3, current: 4 },
      version: 2,
      arrangement: { groupRow: null, headingRows: true, formFields: {}, periodColumns: [], year: null },
    });
    await openView("Overview");
    await expect(pane().getByRole("list", { name: "Recognised sheets" }).innerText()).resolves.toContain("Goals draft");
  });
});

describe("Tables", () => {
  it("converts the OKR range into a table with live computed columns, colours and drop-downs, leaving the user's cells alone", async () => {
    const before = await sheet("OKRs");
    await openView("Tables");
    await pane().getByRole("button", { name: "Convert OKRs" }).click();
    await pane().getByText(/OKRs is now the table/).waitFor();
    const after = await sheet("OKRs");
    expect(after?.tables).toEqual([expect.objectContaining({ name: "Altitude_OKRs", address: "OKRs!A3:O15" })]);
    expect(after?.tables[0].headers.slice(12)).toEqual(["Score", "Grade", "Pace"]);
    // Structured references to each row's own cells, so sorting the table keeps every result with its row.
    await expect(formulaAt("OKRs", "M4")).resolves.toBe("=ALTITUDE.OKRSCORE([@Start],[@Target],[@Current],[@Type])");
    await expect(formulaAt("OKRs", "N4")).resolves.toBe("=ALTITUDE.OKRGRADE([@Score],[@Commitment])");
    await expect(formulaAt("OKRs", "O7")).resolves.toMatch(/^=ALTITUDE\.OKRPACE\(\[@Score\],DATE\(2026,7,1\),DATE\(2026,9,30\)\)$/);
    expect(after?.conditionalFormats.map((f) => f.address)).toEqual(expect.arrayContaining(["OKRs!N4:N15", "OKRs!O4:O15"]));
    expect(after?.validations.map((v) => v.address)).toEqual(expect.arrayContaining(["OKRs!G4:G15", "OKRs!L4:L15"]));
    // The user's own columns keep every value.
    expect(after?.values.slice(0, 15).map((row) => row.slice(0, 12))).toEqual(before?.values.slice(0, 15).map((row) => row.slice(0, 12)));
    // The preview computes the live formulas with the real custom functions: churn 4.2% → 2.8% at 3.5% is half way.
    expect(after?.values[6][12]).toBeCloseTo(0.5, 10);
    expect(after?.values[6][13]).toBe("Yellow");
  });

  it("inserts a KRA template as a table on a new sheet and shows it", async () => {
    await openView("Tables");
    await pane().getByRole("button", { name: "Insert KRAs" }).click();
    await pane().getByText(/Added the sheet "KRAs \(2\)"/).waitFor();
    const added = await sheet("KRAs (2)");
    expect(added?.tables[0].headers).toEqual(["Employee", "Role", "Manager", "Review period", "Area", "Weight", "Measure", "Target", "Actual", "Rating"]);
    expect(added?.values.length).toBeGreaterThan(2);
    await expect(activeSheet()).resolves.toBe("KRAs (2)");
  });
});

describe("Check-in", () => {
  it("appends a row to the Check-ins sheet, reads it as the current value and leaves the OKR sheet as written", async () => {
    await openView("Check-in");
    await pane().getByLabel("Key result", { exact: true }).selectOption({ label: "Raise NPS from 40 to 60 (2026-Q3)" });
    await pane().getByLabel("New value").fill("75");
    await pane().getByLabel("Confidence (0–10)").selectOption("8");
    await pane().getByLabel("Comment").fill("Support revamp, second wave");
    await pane().getByRole("button", { name: "Add check-in" }).click();
    await pane().getByText(/Checked in 75 for "Raise NPS from 40 to 60"/).waitFor();
    const checkIns = await sheet("Check-ins");
    expect(checkIns?.values.at(-1)).toEqual([46249, "Raise NPS from 40 to 60", 75, 8, "Support revamp, second wave"]);
    const okrs = await sheet("OKRs");
    expect(okrs?.values[7][9]).toBe(72);
    await pane().getByText(/^Now 75, target 60/).waitFor();
  });

  it("says plainly when the value is not a number, and writes nothing", async () => {
    const before = await sheet("Check-ins");
    await openView("Check-in");
    await pane().getByLabel("New value").fill("lots");
    await pane().getByRole("button", { name: "Add check-in" }).click();
    await pane().getByText(/Enter the key result's new value as a number/).waitFor();
    await expect(sheet("Check-ins")).resolves.toEqual(before);
  });
});

describe("Checks", () => {
  it("groups findings by rule and sheet, and choosing one selects its cell", async () => {
    await openView("Checks");
    const first = pane().getByRole("button", { name: /^Select / }).first();
    const label = (await first.getAttribute("aria-label")) ?? "";
    const [, sheetName, cell] = /^Select (.+)!([A-Z]+\d+):/.exec(label) ?? [];
    await first.click();
    await shown.page.waitForFunction(([s]) => window.__altitude?.fake.selection()?.sheet === s, [sheetName]);
    const selection = await shown.page.evaluate(() => window.__altitude?.fake.selection());
    expect(selection?.address.endsWith(`!${cell}`)).toBe(true);
    await expect(activeSheet()).resolves.toBe(sheetName);
  });
});

describe("Rollup", () => {
  it("writes the rollup of the chosen quarter onto a new sheet and lands on it", async () => {
    await openView("Rollup");
    await pane().getByLabel("Quarter", { exact: true }).selectOption("2026-Q3");
    await pane().getByRole("button", { name: "Build rollup" }).click();
    await pane().getByText(/The rollup of 2026-Q3 is on the sheet "Rollup 2026-Q3"/).waitFor();
    await expect(sheetNames()).resolves.toContain("Rollup 2026-Q3");
    await expect(activeSheet()).resolves.toBe("Rollup 2026-Q3");
    const rollup = await sheet("Rollup 2026-Q3");
    expect(JSON.stringify(rollup?.values)).toContain("2026-Q3");
  });
});

describe("Reviews", () => {
  it("writes review summaries for chosen people with an index, and lands on the index", async () => {
    await openView("Reviews");
    await pane().getByLabel("Review period", { exact: true }).selectOption("2026");
    await pane().getByRole("radio", { name: "Chosen people" }).check();
    await pane().getByRole("checkbox", { name: "Dev Patel" }).check();
    await pane().getByRole("button", { name: "Write reviews" }).click();
    await pane().getByText(/Wrote 1 review for 2026; the index is on "Reviews 2026"/).waitFor();
    const names = await sheetNames();
    expect(names).toEqual(expect.arrayContaining(["Reviews 2026", expect.stringContaining("Dev Patel")]));
    await expect(activeSheet()).resolves.toBe("Reviews 2026");
  });

  it("asks for at least one person before writing anything", async () => {
    const before = await sheetNames();
    await openView("Reviews");
    await pane().getByRole("radio", { name: "Chosen people" }).check();
    await pane().getByRole("button", { name: "Write reviews" }).click();
    await pane().getByRole("alert").getByText("Choose at least one person, or review everyone.").waitFor();
    await expect(sheetNames()).resolves.toEqual(before);
  });
});

describe("Settings", () => {
  it("stores the settings in the workbook", async () => {
    await openView("Settings");
    await pane().getByLabel("Highest key result score").fill("150");
    await pane().getByLabel("Fiscal year starts in").selectOption({ label: "April" });
    await pane().getByRole("button", { name: "Save settings" }).click();
    await pane().getByText(/Settings saved in the workbook/).waitFor();
    const state = await storedState();
    expect(state?.settings).toEqual(expect.objectContaining({ scoreCap: 1.5, fiscalYearStartMonth: 4 }));
  });
});

describe("A 320 px pane", () => {
  it("shows every view without anything reaching past the pane's right edge", async () => {
    await shown.page.addStyleTag({ content: `aside[aria-label="Altitude task pane"] { width: 320px !important; min-width: 320px !important; max-width: 320px !important; }` });
    const overflows: string[] = [];
    for (const view of ["Overview", "Map", "Tables", "Check-in", "Checks", "Rollup", "Reviews", "Settings"]) {
      await openView(view);
      await pane().locator(`main[data-view]`).waitFor();
      const found = await pane().evaluate((aside) => {
        const edge = aside.getBoundingClientRect().left + aside.clientWidth;
        return [...aside.querySelectorAll("input, select, textarea, button, label, p, span, li")]
          .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge + 1)
          .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
      });
      overflows.push(...found.map((f) => `${view}: ${f}`));
    }
    expect(overflows).toEqual([]);
  });
});

describe("Help › Diagnostics", () => {
  it("runs every workbook contract against the stand-in, shows pass per contract with what it answered, and leaves no scratch sheet", async () => {
    const before = await shown.page.evaluate(() => window.__altitude?.fake.sheetNames());
    await pane().getByRole("button", { name: "Help" }).click();
    await pane().getByRole("button", { name: "Run diagnostics" }).click();
    const status = pane().getByRole("status").filter({ hasText: /of \d+ hold/ });
    await status.waitFor({ timeout: 45_000 });
    await expect(status.textContent()).resolves.toMatch(/^(\d+) of \1 hold\.$/);
    const items = pane().getByRole("list", { name: "Diagnostics results" }).getByRole("listitem");
    await expect(items.count()).resolves.toBe(10);
    await expect(pane().getByText("Fail", { exact: true }).count()).resolves.toBe(0);
    await expect(pane().getByText(/all 13 came back as written/).count()).resolves.toBe(1);
    await expect(shown.page.evaluate(() => window.__altitude?.fake.sheetNames())).resolves.toEqual(before);
    await pane().getByRole("heading", { name: "Diagnostics" }).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await shown.page.screenshot({ path: path.join(SCREENSHOTS, "diagnostics.png"), fullPage: false });
  });
});

describe("Every view, light and dark", () => {
  const views = ["Overview", "Map", "Tables", "Check-in", "Checks", "Rollup", "Reviews", "Settings", "Help"];

  it.each(["light", "dark"] as const)("is saved as a screenshot and has no serious accessibility violation (%s theme)", async (theme) => {
    await shown.page.evaluate((t) => window.__altitude?.setTheme(t), theme);
    // Served from the page's own origin: the pane's CSP allows scripts from 'self' only.
    await shown.page.addScriptTag({ url: `${host.server.url}${AXE_URL}` });
    const violations: string[] = [];
    for (const view of views) {
      if (view === "Help") await pane().getByRole("button", { name: "Help" }).click();
      else await openView(view);
      await pane().locator(`main[data-view]`).waitFor();
      await shown.page.screenshot({ path: path.join(SCREENSHOTS, `${view.toLowerCase()}-${theme}.png`), fullPage: false });
      const found = await shown.page.evaluate(async () => {
        // Fluent's focus manager (tabster) adds hidden <i tabindex="0"> sentinels that hand focus on at once; axe cannot know that.
        const result = await window.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
        return result.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      });
      violations.push(...found.map((v) => `${view}: ${v}`));
    }
    expect(violations).toEqual([]);
    expect(fs.readdirSync(SCREENSHOTS)).toEqual(expect.arrayContaining(views.map((v) => `${v.toLowerCase()}-${theme}.png`)));
  });
});

declare global {
  interface Window {
    axe: typeof import("axe-core");
  }
}
