import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { requestView } from "../../src/commands/navigation";
import { createExcelWorkbook } from "../../src/workbook/excel";
import { makeHost, renderPane } from "./host-builder";

describe("the task pane", () => {
  it("shows a spinner, then the recognised sheets and the sheets left alone", async () => {
    const { host } = makeHost();
    renderPane(host);
    expect(screen.getByText("Reading the workbook…")).toBeTruthy();
    const recognised = await screen.findByRole("list", { name: "Recognised sheets" });
    expect(within(recognised).getAllByRole("listitem").map((item) => item.textContent)).toEqual([expect.stringMatching(/^OKRs.*Kind: OKRs.*3 rows.*2026-Q3/)]);
    expect(within(screen.getByRole("list", { name: "Sheets not recognised" })).getByText("Notes")).toBeTruthy();
  });

  it("switches views from its tabs", async () => {
    const { host } = makeHost();
    renderPane(host);
    await screen.findByRole("list", { name: "Recognised sheets" });
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    expect(screen.getByRole("tabpanel").getAttribute("data-view")).toBe("settings");
    expect(screen.getByRole("heading", { name: "Grades" })).toBeTruthy();
  });

  it("opens the view a ribbon command asks for", async () => {
    const { host } = makeHost();
    renderPane(host);
    await screen.findByRole("list", { name: "Recognised sheets" });
    act(() => {
      requestView("rollup");
    });
    expect(await screen.findByRole("heading", { name: "Quarterly rollup" })).toBeTruthy();
  });

  it("shows the notice a ribbon command leaves, until the user moves on", async () => {
    const { host } = makeHost();
    renderPane(host);
    await screen.findByRole("list", { name: "Recognised sheets" });
    act(() => {
      requestView("rollup", { intent: "error", text: "The quarterly rollup was not written: no quarter found" });
    });
    expect((await screen.findByRole("alert")).textContent).toBe("The quarterly rollup was not written: no quarter found");
    fireEvent.click(screen.getByRole("tab", { name: "Checks" }));
    expect(screen.queryByText(/was not written/)).toBeNull();
  });

  it("remembers the quarter chosen for the rollup in the workbook, so the ribbon button and the CLI use it", async () => {
    const { host, fake } = makeHost();
    renderPane(host, "rollup");
    const quarter = (await screen.findByLabelText("Quarter")) as HTMLSelectElement;
    const options = Array.from(quarter.options).map((o) => o.value);
    const last = options[options.length - 1];
    fireEvent.change(quarter, { target: { value: last } });
    expect(quarter.value).toBe(last);
    await waitFor(async () => expect((await createExcelWorkbook(fake.Excel).readState()).periods).toEqual({ rollup: last }));
  });

  it("refreshes when the sheets change", async () => {
    let changed: () => void = () => undefined;
    const { host, fake } = makeHost(undefined, {
      onSheetsChanged: async (listener) => {
        changed = listener;
        return () => undefined;
      },
    });
    renderPane(host);
    await screen.findByRole("list", { name: "Recognised sheets" });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("KPIs");
      sheet.getRange("A1:C2").values = [["KPI", "Target", "Actual"], ["NPS", 50, 47]];
      await context.sync();
    });
    act(() => changed());
    await waitFor(() => expect(screen.getByRole("list", { name: "Recognised sheets" }).textContent).toContain("KPIs"), { timeout: 3000 });
  });

  it("says in plain words when the workbook cannot be read", async () => {
    const { host } = makeHost();
    renderPane({ ...host, port: { ...host.port, readSheets: async () => Promise.reject(new Error("Excel is busy")) } });
    expect((await screen.findByRole("alert")).textContent).toContain("The workbook could not be read: Excel is busy");
  });
});
