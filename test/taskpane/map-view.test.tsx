/**
 * The Map view describing a sheet's arrangement: it asks about what recognition
 * is unsure of, starts from recognition's guess, previews what a change reads,
 * and saves the arrangement in the workbook (version 2 of the stored mapping).
 */
import { fireEvent, screen, within } from "@testing-library/react";
import type { FakeSheetInput } from "../../src/hosts/excel-stand-in";
import { makeHost, renderPane } from "./host-builder";

const PLANNER: FakeSheetInput = {
  name: "Planner",
  values: [
    [25000, "Target: 25,000", "", ""],
    ["KPI Monthly Targets & Performance (Year: 2024)", "", "", ""],
    ["", "Jan", "Feb", "Mar"],
    ["Sales Revenue (USD)", 21400, 22950, ""],
  ],
};

const GRADES: FakeSheetInput = {
  name: "Grades",
  values: [
    ["Objective", "Key result", "Week 1", "Week 2", "Week 3"],
    ["Launch", "Ship the beta", 0.2, 0.5, ""],
  ],
};

const readings = (row: string) => screen.getAllByLabelText(row).map((dl) => dl.textContent ?? "");

describe("Map view: arrangements", () => {
  it("asks about what recognition is unsure of, pre-filled with its guess, and saves it as the sheet's arrangement", async () => {
    const { host } = makeHost([PLANNER]);
    renderPane(host, "home");
    const card = await screen.findByLabelText("Planner: KPIs");
    expect(card.textContent).toContain("Read as KPIs from few column names (confidence 40%)");
    fireEvent.click(within(card).getByRole("button", { name: "Check columns of Planner" }));
    const unsure = await screen.findByLabelText("Altitude is unsure how Planner is laid out");
    expect(unsure.textContent).toContain("check the kind and columns");
    // The guess: the name in column A, Jan … Mar as period columns, the target from B1.
    expect((screen.getByLabelText("KPI") as HTMLSelectElement).value).toBe("0");
    expect(screen.getByRole("checkbox", { name: "B · Jan" })).toHaveProperty("checked", true);
    expect(screen.getByRole("checkbox", { name: "D · Mar" })).toHaveProperty("checked", true);
    expect((screen.getByLabelText("Target from cell") as HTMLInputElement).value).toBe("B1");
    expect(readings("Row 4")).toEqual([expect.stringMatching(/2024-01.*21,?400/), expect.stringMatching(/2024-02.*22,?950/)]);
    fireEvent.click(screen.getByRole("button", { name: "Save mapping" }));
    await screen.findByText("Saved: Planner is read as KPIs with 1 mapped columns and 3 period columns.");
    const state = await host.port.readState();
    expect(state.mappings?.Planner).toEqual({
      kind: "kpi",
      headerRow: 3,
      columns: { kpi: 0 },
      version: 2,
      arrangement: { groupRow: null, headingRows: true, formFields: { target: "B1" }, periodColumns: [1, 2, 3], year: null },
    });
  });

  it("previews each period column as a reading, with the year given", async () => {
    const { host } = makeHost([PLANNER]);
    renderPane(host, "map");
    fireEvent.click(await screen.findByRole("checkbox", { name: "C · Feb" }));
    expect(readings("Row 4")).toEqual([expect.stringMatching(/2024-01/)]);
    fireEvent.change(screen.getByLabelText("Year of the period columns"), { target: { value: "2023" } });
    expect(readings("Row 4")).toEqual([expect.stringMatching(/2023-01/)]);
  });

  it("reads weekly grades as the latest graded week", async () => {
    const { host } = makeHost([GRADES]);
    renderPane(host, "map");
    expect(await screen.findByRole("checkbox", { name: "E · Week 3" })).toHaveProperty("checked", true);
    expect(readings("Row 2")).toEqual(["Row2ObjectiveLaunchKey resultShip the betaScore0.5"]);
  });

  it("does not take week columns for KPI readings, and says why when they are ticked", async () => {
    const { host } = makeHost([{ name: "Weekly", values: [["KPI", "Target", "Week 1", "Week 2"], ["Tickets", 100, 90, 95]] }]);
    renderPane(host, "map");
    const week1 = await screen.findByRole("checkbox", { name: "C · Week 1" });
    expect(week1).toHaveProperty("checked", false);
    fireEvent.click(week1);
    fireEvent.click(screen.getByRole("checkbox", { name: "D · Week 2" }));
    expect(screen.getByText("A KPI reading is for a month or a quarter: week columns are read on key-result sheets, as weekly grades.")).toBeTruthy();
  });

  it("offers the other header row recognition saw, and takes it when chosen", async () => {
    const { host } = makeHost([
      {
        name: "Goals",
        values: [
          ["Objective", "Key result", "Target"],
          ["Goal", "KR", "Target", "Current"],
          ["Grow", "Reach 50", 50, 20],
        ],
      },
    ]);
    renderPane(host, "map");
    fireEvent.click(await screen.findByRole("button", { name: "Use row 2 as the header" }));
    expect((screen.getByLabelText("Header row") as HTMLInputElement).value).toBe("2");
  });

  it("says why an arrangement cannot be saved, and saves nothing", async () => {
    const { host } = makeHost([PLANNER]);
    renderPane(host, "map");
    fireEvent.change(await screen.findByLabelText("Group row above the header"), { target: { value: "5" } });
    expect(screen.getByText("The group row must be above the header row.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save mapping" }));
    await screen.findByText(/The arrangement of Planner was not saved: The group row \(5\) must be above the header row \(3\)\./);
    expect((await host.port.readState()).mappings).toBeUndefined();
  });

  it("marks a form cell that is no address", async () => {
    const { host } = makeHost([PLANNER]);
    renderPane(host, "map");
    fireEvent.change(await screen.findByLabelText("Owner from cell"), { target: { value: "top" } });
    expect(screen.getByText("Write a cell address such as B3.")).toBeTruthy();
  });

  it("turns heading rows off: lone lines are then notes", async () => {
    const { host } = makeHost([
      {
        name: "Team",
        values: [
          ["Key result", "Target", "Current"],
          ["Launch:", "", ""],
          ["Ship the beta", 1, 0],
        ],
      },
    ]);
    renderPane(host, "map");
    fireEvent.change(await screen.findByLabelText("Sheet"), { target: { value: "Team" } });
    const headings = screen.getByRole("switch", { name: /Lone lines between the rows are headings/ });
    expect(readings("Row 3")[0]).toContain("Launch");
    fireEvent.click(headings);
    expect(readings("Row 3")[0]).not.toContain("Launch");
  });
});
