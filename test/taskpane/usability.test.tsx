/**
 * What a first-time user meets in the views: figures in the sheet's own
 * units, focus kept for keyboard users, and plain guidance before anything
 * unusable is saved.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { FakeSheetInput } from "../../src/hosts/excel-stand-in";
import { WorkbookError } from "../../src/workbook/port";
import { formatFigure, isPercentFormat } from "../../src/taskpane/models/figures";
import { NOTES_SHEET, OKR_SHEET, makeHost, renderPane } from "./host-builder";

/** The OKR sheet with its churn row in percent cells, as the sample and most HR sheets keep it. */
function percentOkrSheet(): FakeSheetInput {
  const general = OKR_SHEET.values.map((row) => row.map(() => "General"));
  general[1] = general[1].map((format, col) => (col >= 6 ? "0.0%" : format));
  return { ...OKR_SHEET, numberFormats: general };
}

/** A KRA sheet with one row for each of `count` people. */
function kraSheet(count: number): FakeSheetInput {
  const header = ["Employee", "Role", "Manager", "Review period", "Area", "Weight", "Measure", "Target", "Actual", "Rating"];
  const rows = Array.from({ length: count }, (_, i) => [`Person ${i + 1}`, "Analyst", "Lee Chen", 2026, "Delivery", 100, "Tickets closed", 10, 9, 4]);
  return { name: "KRAs", values: [header, ...rows] };
}

describe("isPercentFormat", () => {
  it.each([
    ["a percentage", "0%", true],
    ["a percentage with a decimal", "0.0%", true],
    ["General", "General", false],
    ["a % inside quoted text", '0 "% done"', false],
    ["no format", null, false],
  ])("%s (%s) gives %s", (_name, format, expected) => {
    expect(isPercentFormat(format)).toBe(expected);
  });
});

describe("formatFigure", () => {
  it.each([
    ["a fraction shown as a percentage", 0.035, true, "3.5%"],
    ["a whole percentage", 0.5, true, "50%"],
    ["a plain number", 0.035, false, "0.04"],
    ["a whole number", 72, false, "72"],
  ])("%s: %d → %s", (_name, value, percent, expected) => {
    expect(formatFigure(value, percent)).toBe(expected);
  });
});

describe("Check-in view", () => {
  it("shows a key result kept in percent cells in percent, and asks for the new value in percent", async () => {
    const { host } = makeHost([percentOkrSheet(), NOTES_SHEET]);
    renderPane(host, "checkin");
    expect(await screen.findByText("Now 3.5%, target 2.8%, owner Ana López.")).toBeTruthy();
    expect(screen.getByText("In percent, e.g. 3.5%")).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^New value/), { target: { value: "3.1%" } });
    fireEvent.click(screen.getByRole("button", { name: "Add check-in" }));
    expect((await screen.findByRole("status")).textContent).toContain('Checked in 3.1% for "Reduce churn from 4.2% to 2.8%"');
    expect(await screen.findByText(/^Now 3\.1%/)).toBeTruthy();
  });

  it("keeps plain numbers plain", async () => {
    const { host } = makeHost([percentOkrSheet(), NOTES_SHEET]);
    renderPane(host, "checkin");
    fireEvent.change(await screen.findByLabelText("Key result"), { target: { value: "1" } });
    expect(screen.getByText("Now 50, target 60, owner Ana López.")).toBeTruthy();
    expect(screen.queryByText("In percent, e.g. 3.5%")).toBeNull();
  });
});

describe("Reviews view", () => {
  it("gives keyboard focus back to Write reviews when the many-sheets question is cancelled", async () => {
    const { host, fake } = makeHost([kraSheet(55)]);
    renderPane(host, "reviews");
    const write = await screen.findByRole("button", { name: "Write reviews" });
    write.focus();
    fireEvent.click(write);
    const dialog = await screen.findByRole("dialog", {}, { timeout: 5000 });
    expect(dialog.textContent).toContain("56 sheets");
    // The dialog is hidden from the accessibility tree until its opening motion ends: wait for it.
    fireEvent.click(await within(dialog).findByRole("button", { name: "Cancel" }, { timeout: 5000 }));
    // Fluent restores focus in an effect after the closing motion: on a loaded machine that can
    // take longer than Testing Library's default second, so wait for the focus itself.
    await waitFor(
      () => {
        expect(screen.queryByRole("dialog")).toBeNull();
        expect(document.activeElement).toBe(screen.getByRole("button", { name: "Write reviews" }));
      },
      { timeout: 5000 },
    );
    expect(fake.sheetNames()).toEqual(["KRAs"]);
  });
});

describe("Map columns view", () => {
  it("says which columns are missing instead of saving a mapping that reads no rows", async () => {
    const { host } = makeHost();
    renderPane(host, "map");
    fireEvent.change(await screen.findByLabelText("Sheet"), { target: { value: "Notes" } });
    fireEvent.click(screen.getByRole("button", { name: "Save mapping" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Choose the column of Key result first. Nothing was saved.");
    await expect(host.port.readState()).resolves.not.toHaveProperty(["mappings", "Notes"]);
  });
});

describe("Settings view", () => {
  it("marks the fields to fix and says why Save is unavailable", async () => {
    const { host } = makeHost();
    renderPane(host, "settings");
    const [, committedGreen] = await screen.findAllByLabelText("Green from");
    fireEvent.change(committedGreen, { target: { value: "120" } });
    const save = screen.getByRole("button", { name: "Save settings" });
    expect(save.getAttribute("aria-disabled")).toBe("true");
    const reasons = document.getElementById(save.getAttribute("aria-describedby") ?? "");
    expect(reasons?.textContent).toContain("Committed: Yellow must start below Green");
    const invalid = (label: string) => screen.getAllByLabelText(label).map((input) => input.getAttribute("aria-invalid") === "true");
    expect(invalid("Green from")).toEqual([false, true]);
    expect(invalid("Yellow from")).toEqual([false, true]);
  });
});

describe("Help view", () => {
  it("says a check-in leaves the user's Current cell as written", async () => {
    const { host } = makeHost();
    renderPane(host, "help");
    const item = (await screen.findByRole("button", { name: "Check-in" })).closest("li");
    expect(item?.textContent).toContain("leaves your Current cell as you wrote it");
  });
});

describe("Tables view", () => {
  it("explains in plain words when Excel refuses a table, without Excel's internals", async () => {
    const refuse = jest.fn(async () => Promise.reject(new WorkbookError("Excel did not accept a value Altitude sent: A table can't overlap another table. (at TableCollection.add)", "InvalidArgument")));
    const { host } = makeHost(undefined, { convertToTable: refuse });
    renderPane(host, "tables");
    fireEvent.click(await screen.findByRole("button", { name: "Convert OKRs" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Excel would not make OKRs into a table. Usually part of it is an Excel table already");
    expect(alert.textContent).not.toContain("TableCollection");
  });

  it("passes other failures on as they are", async () => {
    const { host } = makeHost(undefined, { convertToTable: async () => Promise.reject(new WorkbookError("The workbook is protected or read-only: locked", "AccessDenied")) });
    renderPane(host, "tables");
    fireEvent.click(await screen.findByRole("button", { name: "Convert OKRs" }));
    expect((await screen.findByRole("alert")).textContent).toContain("The workbook is protected or read-only");
  });
});

describe("Overview", () => {
  it("opens Checks from a sheet's problem count", async () => {
    const { host } = makeHost();
    renderPane(host);
    fireEvent.click(await screen.findByRole("button", { name: /^\d+ problems? on OKRs: show them in Checks$/ }));
    expect(screen.getByRole("tabpanel").getAttribute("data-view")).toBe("checks");
    expect(screen.getByRole("tab", { name: "Checks" }).getAttribute("aria-selected")).toBe("true");
  });
});

describe("moving between views", () => {
  it.each([
    ["a sheet's Map columns button on the overview", "home", /^Map columns of Notes$/, "map"],
    ["a link in Help", "help", /^Settings$/, "settings"],
  ] as const)("keeps keyboard focus in the pane after %s", async (_name, from, button, to) => {
    const { host } = makeHost();
    renderPane(host, from);
    const trigger = await screen.findByRole("button", { name: button });
    trigger.focus();
    fireEvent.click(trigger);
    const panel = await screen.findByRole("tabpanel");
    expect(panel.getAttribute("data-view")).toBe(to);
    expect(document.activeElement).toBe(panel);
  });

  it("leaves focus on the tab when a tab is chosen", async () => {
    const { host } = makeHost();
    renderPane(host);
    const tab = await screen.findByRole("tab", { name: "Rollup" });
    tab.focus();
    fireEvent.click(tab);
    expect(document.activeElement).toBe(tab);
  });
});

describe("Map columns preview", () => {
  it("shows figures from percent cells in percent, as the sheet does", async () => {
    const { host } = makeHost([percentOkrSheet(), NOTES_SHEET]);
    renderPane(host, "map");
    fireEvent.change(await screen.findByLabelText("Sheet"), { target: { value: "OKRs" } });
    const row = screen.getByLabelText("Row 2");
    const pairs = [...row.querySelectorAll("dt")].map((term) => `${term.textContent}=${term.nextElementSibling?.textContent}`);
    expect(pairs).toEqual(expect.arrayContaining(["Start=4.2%", "Target=2.8%", "Current=3.5%"]));
    const plain = [...screen.getByLabelText("Row 3").querySelectorAll("dt")].map((term) => `${term.textContent}=${term.nextElementSibling?.textContent}`);
    expect(plain).toEqual(expect.arrayContaining(["Start=40", "Target=60", "Current=50"]));
  });
});
