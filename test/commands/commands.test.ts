import { becomeReady, fakeOffice } from "./fake-office";
import { buildReviews, buildRollup, checkGoals, createCommands } from "../../src/commands/commands";
import { getViewRequest } from "../../src/commands/navigation";
import type { RawCell } from "../../src/core/model";
import type { TableBlock } from "../../src/core/plan";
import { planTemplate } from "../../src/core/templates";
import { createExcelWorkbook } from "../../src/workbook/excel";
import { createFakeExcel, type FakeExcel } from "../../src/hosts/excel-stand-in";
import { quarter } from "../support/builders";

/** The starter rows of a kind of sheet for a quarter, header first. */
function templateRows(kind: "okr" | "kpi" | "kra", q: 1 | 2 | 3 | 4): { name: string; values: RawCell[][] } {
  const sheet = planTemplate(kind, quarter(2026, q)).sheets[0];
  const table = sheet.blocks.find((b): b is TableBlock => b.kind === "table");
  if (!table) throw new Error("template without a table");
  return { name: sheet.name, values: [table.headers, ...table.rows.map((row) => row.map((v) => v ?? ""))] };
}

/** A workbook holding the starter OKR, KPI and KRA sheets for 2026-Q3 (and the OKRs of 2026-Q2 too when asked). */
function goalWorkbook(options: { withQ2?: boolean } = {}): FakeExcel {
  const sheets = (["okr", "kpi", "kra"] as const).map((kind) => templateRows(kind, 3));
  if (options.withQ2) sheets[0].values.push(...templateRows("okr", 2).values.slice(1));
  return createFakeExcel({ sheets });
}

function makeEvent() {
  return { completed: jest.fn() };
}

function setUp(fake: FakeExcel, showPane = jest.fn(() => Promise.resolve())) {
  return { showPane, commands: createCommands({ workbook: () => createExcelWorkbook(fake.Excel), showPane }) };
}

describe("ribbon commands", () => {
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

  it("Quarterly rollup uses the period last chosen for the workbook, kept in its state", async () => {
    const fake = goalWorkbook({ withQ2: true });
    const { commands } = setUp(fake);
    await createExcelWorkbook(fake.Excel).writeState({ periods: { rollup: "2026-Q2" } });
    await commands.buildRollup(makeEvent());
    expect(fake.sheetNames()).toContain("Rollup 2026-Q2");
  });

  it("Quarterly rollup reads a sheet by the arrangement saved in the workbook, as the pane and the CLI do", async () => {
    // Weekly grades under an `Outcome` column, which no recognition takes for the key result.
    const grades = {
      name: "Grades",
      values: [
        ["Quarter", "Objective", "Outcome", "W1", "W2", "W3"],
        ["2026-Q3", "Launch", "Ship the beta", 0.2, 0.5, ""],
      ],
    };
    const arranged = {
      kind: "okr" as const,
      headerRow: 1,
      columns: { period: 0, objective: 1, keyResult: 2 },
      version: 2,
      arrangement: { groupRow: null, headingRows: true, formFields: {}, periodColumns: [3, 4, 5], year: null },
    };
    const without = createFakeExcel({ sheets: [grades] });
    await setUp(without).commands.buildRollup(makeEvent());
    expect(without.sheetNames().some((n) => n.startsWith("Rollup"))).toBe(false);
    const fake = createFakeExcel({ sheets: [grades] });
    await createExcelWorkbook(fake.Excel).writeState({ mappings: { Grades: arranged } });
    await setUp(fake).commands.buildRollup(makeEvent());
    expect(fake.sheetNames()).toContain("Rollup 2026-Q3");
    // The objective's score on the rollup is its key result's latest grade, 0.5.
    const rollup = fake.getSheet("Rollup 2026-Q3");
    expect(rollup?.values.some((row) => row.includes("Launch") && row.includes(0.5))).toBe(true);
  });

  it("Quarterly rollup of a workbook with no quarter tells the pane in the ribbon's words, with no CLI flag", async () => {
    const fake = createFakeExcel({ sheets: [templateRows("kra", 3)] });
    const { commands, showPane } = setUp(fake);
    const event = makeEvent();
    await commands.buildRollup(event);
    expect(fake.sheetNames().some((n) => n.startsWith("Rollup"))).toBe(false);
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(getViewRequest()).toMatchObject({ view: "rollup", notice: { intent: "error", text: "The quarterly rollup was not written: the workbook has no quarter yet." } });
    expect(getViewRequest()?.notice?.text).not.toContain("--period");
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
