import { becomeReady, fakeOffice } from "./fake-office";
import { buildReviews, buildRollup, checkGoals, createCommands } from "../../src/commands/commands";
import { getViewRequest, setChosenPeriod } from "../../src/commands/navigation";
import type { RawCell } from "../../src/core/model";
import type { TableBlock } from "../../src/core/plan";
import { planTemplate } from "../../src/core/templates";
import { createExcelWorkbook } from "../../src/workbook/excel";
import { createFakeExcel, type FakeExcel } from "../../src/hosts/excel-stand-in";
import { quarter } from "../support/builders";

/** A workbook holding the starter OKR, KPI and KRA sheets for 2026-Q3. */
function goalWorkbook(): FakeExcel {
  const sheets = (["okr", "kpi", "kra"] as const).map((kind) => {
    const sheet = planTemplate(kind, quarter(2026, 3)).sheets[0];
    const table = sheet.blocks.find((b): b is TableBlock => b.kind === "table");
    if (!table) throw new Error("template without a table");
    const values: RawCell[][] = [table.headers, ...table.rows.map((row) => row.map((v) => v ?? ""))];
    return { name: sheet.name, values };
  });
  return createFakeExcel({ sheets });
}

function makeEvent() {
  return { completed: jest.fn() };
}

function setUp(fake: FakeExcel, showPane = jest.fn(() => Promise.resolve())) {
  return { showPane, commands: createCommands({ workbook: () => createExcelWorkbook(fake.Excel), showPane }) };
}

describe("ribbon commands", () => {
  beforeEach(() => {
    setChosenPeriod("rollup", null);
    setChosenPeriod("reviews", null);
  });

  // https://learn.microsoft.com/en-us/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime
  it("associates each handler under its manifest FunctionName as soon as the file loads, before Office is ready, so the first ribbon click is heard (shared runtime samples)", () => {
    expect(fakeOffice.readyCallbacks.length).toBe(1);
    expect(fakeOffice.actions.associate.mock.calls).toEqual([
      ["buildRollup", buildRollup],
      ["buildReviews", buildReviews],
      ["checkGoals", checkGoals],
    ]);
  });

  // https://learn.microsoft.com/en-us/office/dev/add-ins/develop/run-code-on-document-open
  it("asks Excel to load the runtime when this workbook opens, once Office is ready (Run code in your Office Add-in when the document opens)", () => {
    expect(fakeOffice.addin.setStartupBehavior).not.toHaveBeenCalled();
    becomeReady();
    expect(fakeOffice.addin.setStartupBehavior).toHaveBeenCalledWith("Load");
  });

  it("Quarterly rollup writes the latest quarter's rollup sheet and completes without opening the pane", async () => {
    const fake = goalWorkbook();
    const { commands, showPane } = setUp(fake);
    const event = makeEvent();
    await commands.buildRollup(event);
    expect(fake.sheetNames()).toContain("Rollup 2026-Q3");
    expect(fake.activeSheet()).toBe("Rollup 2026-Q3");
    expect(showPane).not.toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("Quarterly rollup uses the period chosen in the task pane", async () => {
    const fake = goalWorkbook();
    const { commands } = setUp(fake);
    setChosenPeriod("rollup", "2025-Q1");
    await commands.buildRollup(makeEvent());
    expect(fake.sheetNames()).toContain("Rollup 2025-Q1");
  });

  it("Quarterly rollup reports a period it cannot use in the pane and writes nothing", async () => {
    const fake = goalWorkbook();
    const { commands, showPane } = setUp(fake);
    setChosenPeriod("rollup", "next spring");
    const event = makeEvent();
    await commands.buildRollup(event);
    expect(fake.sheetNames().some((n) => n.startsWith("Rollup"))).toBe(false);
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(getViewRequest()).toMatchObject({ view: "rollup", notice: { intent: "error", text: expect.stringContaining("The quarterly rollup was not written") } });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("Review summaries writes the index and one sheet per person for the latest year", async () => {
    const fake = goalWorkbook();
    const { commands } = setUp(fake);
    const event = makeEvent();
    await commands.buildReviews(event);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(["Reviews 2026"]));
    expect(fake.sheetNames().length).toBeGreaterThan(4);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("Check goals opens the findings in the task pane", async () => {
    const { commands, showPane } = setUp(goalWorkbook());
    const event = makeEvent();
    await commands.checkGoals(event);
    expect(getViewRequest()?.view).toBe("checks");
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("a workbook without goal sheets leaves a plain message in the pane and writes nothing", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Budget", values: [["Line", "Amount"], ["Rent", 1200]] }] });
    const { commands } = setUp(fake);
    await commands.buildRollup(makeEvent());
    expect(fake.sheetNames()).toEqual(["Budget"]);
    expect(getViewRequest()?.notice?.text).toMatch(/no sheet looks like an OKR/);
  });

  it("a failure inside Excel is shown in the pane, nothing half-written stays, and the command completes", async () => {
    const fake = goalWorkbook();
    const { commands } = setUp(fake);
    fake.failOn({ operation: "worksheets.add", nth: 1 });
    const event = makeEvent();
    await commands.buildRollup(event);
    expect(fake.sheetNames()).toEqual(["OKRs", "KPIs", "KRAs"]);
    expect(getViewRequest()?.notice?.intent).toBe("error");
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("completes even when the pane cannot be shown", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { commands } = setUp(goalWorkbook(), jest.fn(() => Promise.reject(new Error("showAsTaskpane is not supported"))));
    const event = makeEvent();
    await commands.checkGoals(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("checks"), expect.any(Error), expect.any(String));
    consoleError.mockRestore();
  });
});
