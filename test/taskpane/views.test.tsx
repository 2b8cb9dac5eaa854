import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { Finding } from "../../src/core/model";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { themeForBackground } from "../../src/taskpane/app/theme";
import { groupChecks } from "../../src/taskpane/models/checks";
import { settingsProblems, type SettingsPart } from "../../src/app";
import { cloneSettings } from "../../src/taskpane/models/settings";
import { makeHost, renderPane } from "./host-builder";

function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return { rule: "okr.no-owner", code: "okr.no-owner", message: "No owner.", sheet: "OKRs", cell: "E4", row: 4, severity: "warning", fix: "Name an owner.", ...overrides };
}

describe("groupChecks", () => {
  it("groups by rule in registry order, then by sheet, with data problems last", () => {
    const groups = groupChecks(
      [makeFinding({ sheet: "Team OKRs", cell: "E9" }), makeFinding({ rule: "okr.status-quo", cell: "D2" }), makeFinding({ cell: "E5" })],
      [{ code: "not-a-number", message: "Target is text.", sheet: "KPIs", cell: "H3", severity: "error" }],
    );
    expect(groups.map((g) => [g.title, g.count, g.sheets.map((s) => `${s.sheet}:${s.items.map((i) => i.cell).join(",")}`)])).toEqual([
      ["Describes the status quo", 1, ["OKRs:D2"]],
      [expect.any(String), 2, ["Team OKRs:E9", "OKRs:E5"]],
      ["Problems reading the data", 1, ["KPIs:H3"]],
    ]);
  });
});

describe("themeForBackground", () => {
  it.each([
    ["Office's dark grey", "dark", "#262626"],
    ["black", "dark", "#000000"],
    ["white", "light", "#FFFFFF"],
    ["Office's colourful light grey", "light", "#E6E6E6"],
    ["no colour", "light", undefined],
    ["not a colour", "light", "transparent"],
  ])("%s reads as %s", (_name, theme, colour) => {
    expect(themeForBackground(colour)).toBe(theme);
  });
});

describe("settingsProblems", () => {
  const edit = (change: (s: Settings) => void): Settings => {
    const copy = cloneSettings(DEFAULT_SETTINGS);
    change(copy);
    return copy;
  };
  it.each<[string, SettingsPart[], Settings]>([
    ["the defaults", [], DEFAULT_SETTINGS],
    ["yellow above green", ["aspirational"], edit((s) => (s.grades.aspirational.yellow = 0.8))],
    ["committed green above 100%", ["committed"], edit((s) => (s.grades.committed.green = 1.2))],
    ["a cap below 100%", ["cap"], edit((s) => (s.scoreCap = 0.5))],
    ["at risk above on track", ["pace"], edit((s) => (s.pace.atRisk = 1))],
    ["a blank rating label", ["labels"], edit((s) => (s.rating.labels[2] = " "))],
    ["a scale upside down", ["scale"], edit((s) => (s.rating.min = 6))],
  ])("%s gives problems with %j", (_name, parts, settings) => {
    expect(settingsProblems(settings).map((p) => p.part)).toEqual(parts);
  });
});

describe("Checks view", () => {
  it("selects the cell of a finding when it is chosen", async () => {
    const select = jest.fn(async () => undefined);
    const { host } = makeHost(undefined, { select });
    renderPane(host, "checks");
    const [button] = await screen.findAllByRole("button", { name: /^Select / });
    const [, sheet, cell] = /^Select (.+)!([A-Z]+\d+):/.exec(button.getAttribute("aria-label") ?? "") ?? [];
    expect(sheet).toBe("OKRs");
    fireEvent.click(button);
    await waitFor(() => expect(select).toHaveBeenCalledWith(sheet, cell));
  });
});

describe("Tables view", () => {
  it.each([
    ["dated readings: only live columns", [46204, 46235], "KPIs is now the table Altitude_KPIs (A1:H3) with Status, Trend computed live."],
    [
      "text periods: the column of period starts is named as read, to fill in for new rows",
      ["2026-07", "2026-08"],
      "KPIs is now the table Altitude_KPIs (A1:I3) with Status, Trend computed live. Period start holds what Altitude read for each row: fill it in for rows you add.",
    ],
  ])("says what a KPI conversion added, %s", async (_name, periods, message) => {
    const { host } = makeHost([
      {
        name: "KPIs",
        values: [
          ["KPI", "Owner", "Floor", "Target", "Period", "Actual"],
          ["Time to hire", "Mia", 45, 30, periods[0], 50],
          ["Time to hire", "Mia", 45, 30, periods[1], 38],
        ],
      },
    ]);
    renderPane(host, "tables");
    fireEvent.click(await screen.findByRole("button", { name: "Convert KPIs" }));
    await waitFor(async () => expect((await screen.findByRole("status")).textContent).toContain(message));
  });
});

describe("Check-in view", () => {
  it("creates the Check-ins sheet when it is missing, reads the check-in as the current value and leaves the OKR sheet alone", async () => {
    const { host, fake } = makeHost();
    renderPane(host, "checkin");
    fireEvent.change(await screen.findByLabelText("Key result"), { target: { value: "1" } });
    fireEvent.change(screen.getByLabelText(/^New value/), { target: { value: "55" } });
    fireEvent.change(screen.getByLabelText("Comment"), { target: { value: "=cmd|' /C calc'!A0" } });
    fireEvent.click(screen.getByRole("button", { name: "Add check-in" }));
    expect((await screen.findByRole("status")).textContent).toContain('Checked in 55 for "Raise NPS from 40 to 60" on Check-ins');
    const checkIns = fake.getSheet("Check-ins");
    expect(checkIns?.values).toEqual([
      ["Date", "Key result", "Value", "Confidence", "Comment"],
      [46249, "Raise NPS from 40 to 60", 55, "", "=cmd|' /C calc'!A0"],
    ]);
    expect(checkIns?.cell("E2").formula).toBeNull();
    expect(fake.getSheet("OKRs")?.cell("I3").value).toBe(50);
    expect(await screen.findByText(/^Now 55/)).toBeTruthy();
  });
});

describe("Map columns view", () => {
  it("previews the first rows with the chosen columns and saves the mapping in the workbook", async () => {
    const { host } = makeHost();
    renderPane(host, "map");
    fireEvent.change(await screen.findByLabelText("Sheet"), { target: { value: "OKRs" } });
    expect(screen.getByLabelText("Row 2").textContent).toContain("Reduce churn from 4.2% to 2.8%");
    fireEvent.change(screen.getByLabelText("Owner"), { target: { value: "" } });
    expect(screen.getByLabelText("Row 2").textContent).not.toContain("Ana López");
    fireEvent.click(screen.getByRole("button", { name: "Save mapping" }));
    await screen.findByText(/Saved: OKRs is read as OKRs/);
    const state = await host.port.readState();
    expect(state.mappings?.OKRs.columns).not.toHaveProperty("owner");
    expect(state.mappings?.OKRs.columns).toEqual(expect.objectContaining({ keyResult: 3, target: 7 }));
  });
});

describe("Rollup view", () => {
  it("shows a failed run in plain words", async () => {
    const { host } = makeHost();
    const failing = { ...host, port: { ...host.port, writeSheets: async () => Promise.reject(new Error("The workbook is protected or read-only")) } };
    renderPane(failing, "rollup");
    fireEvent.click(await screen.findByRole("button", { name: "Build rollup" }));
    expect((await screen.findByRole("alert")).textContent).toContain("The workbook is protected or read-only");
  });
});
