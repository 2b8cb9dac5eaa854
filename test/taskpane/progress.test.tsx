import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { ConversionResult } from "../../src/workbook/excel-editor";
import { progressText } from "../../src/taskpane/models/progress";
import { makeHost, renderPane } from "./host-builder";

describe("progressText", () => {
  it.each([
    ["before anything is known", null, null, "Reading the workbook…"],
    ["reading", { phase: "reading" as const }, null, "Reading the workbook…"],
    ["about to write", { phase: "writing" as const, sheets: 7 }, null, "Writing 7 sheets…"],
    ["one sheet to write", { phase: "writing" as const, sheets: 1 }, null, "Writing 1 sheet…"],
    ["writing", { phase: "writing" as const, sheets: 7 }, { done: 3, total: 7, sheet: "Ana López 2026" }, "Wrote 3 of 7 sheets (Ana López 2026)"],
  ])("says where the work stands %s", (_name, phase, progress, text) => {
    expect(progressText(phase, progress)).toBe(text);
  });
});

describe("progress in the pane", () => {
  it("shows what a table conversion is doing while it runs, then its outcome", async () => {
    let finish: (result: ConversionResult) => void = () => undefined;
    const convertToTable = jest.fn(() => new Promise<ConversionResult>((resolve) => (finish = resolve)));
    const { host } = makeHost(undefined, { convertToTable });
    renderPane(host, "tables");
    fireEvent.click(await screen.findByRole("button", { name: "Convert OKRs" }));
    expect(await screen.findByText(/^Converting OKRs: 3 rows, \d+ computed columns…$/)).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    finish({ tableName: "OKRs_table", address: "A1:M4" });
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect((await screen.findByRole("status")).textContent).toContain("OKRs is now the table OKRs_table");
  });

  it("stops a rollup while the workbook is read, writes nothing and says so", async () => {
    const { host, fake } = makeHost();
    const read = host.port.readSheets.bind(host.port);
    let release: () => void = () => undefined;
    renderPane(host, "rollup");
    const build = await screen.findByRole("button", { name: "Build rollup" });
    host.port.readSheets = async (names) => {
      await new Promise<void>((resolve) => (release = resolve));
      return read(names);
    };
    const before = fake.sheetNames();
    fireEvent.click(build);
    fireEvent.click(await screen.findByRole("button", { name: "Stop" }));
    release();
    expect((await screen.findByRole("status")).textContent).toBe("Stopped before anything was written.");
    expect(fake.sheetNames()).toEqual(before);
  });
});
