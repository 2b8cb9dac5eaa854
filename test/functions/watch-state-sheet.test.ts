/**
 * The functions hear of a change to the state sheet through Office.js events:
 * Worksheet.onChanged and WorksheetCollection.onAdded (ExcelApi 1.7,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-onchanged-member
 * and https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onadded-member).
 * The in-memory host has no events, so a small stand-in raises them here.
 */
import { watchStateSheet, type StateSheetHost } from "../../src/functions/workbook-settings";
import { STATE_SHEET } from "../../src/workbook/port";

type Handler = (event: { worksheetId?: string }) => Promise<void>;

/** A host with the given sheets (by id → name) that records event handlers and raises them on demand. */
function hostWith(sheets: Record<string, string>, events = true) {
  const changed = new Map<string, Handler[]>();
  const added: Handler[] = [];
  const sheetObject = (id: string | undefined) => {
    const name = id === undefined ? "" : sheets[id];
    return {
      isNullObject: name === undefined || name === "",
      name: name ?? "",
      load: () => undefined,
      ...(events && id !== undefined ? { onChanged: { add: (h: Handler) => changed.set(id, [...(changed.get(id) ?? []), h]) } } : {}),
    };
  };
  const idOf = (name: string) => Object.keys(sheets).find((id) => sheets[id] === name);
  const host: StateSheetHost = {
    run: (batch) =>
      batch({
        workbook: {
          worksheets: {
            getItem: (key) => sheetObject(key),
            getItemOrNullObject: (name) => sheetObject(idOf(name)),
            ...(events ? { onAdded: { add: (h: Handler) => added.push(h) } } : {}),
          },
        },
        sync: async () => undefined,
      }),
  };
  return {
    host,
    async change(id: string) {
      for (const h of changed.get(id) ?? []) await h({ worksheetId: id });
    },
    async add(id: string, name: string) {
      sheets[id] = name;
      for (const h of added) await h({ worksheetId: id });
    },
  };
}

describe("watching the state sheet", () => {
  it("hears every change to an existing state sheet, and only to it", async () => {
    const workbook = hostWith({ s1: "OKRs", s2: STATE_SHEET });
    const onChange = jest.fn();
    await expect(watchStateSheet(workbook.host, onChange)).resolves.toBe(true);
    await workbook.change("s1");
    expect(onChange).not.toHaveBeenCalled();
    await workbook.change("s2");
    await workbook.change("s2");
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it("waits for the state sheet to be created, then hears its changes", async () => {
    const workbook = hostWith({ s1: "OKRs" });
    const onChange = jest.fn();
    await expect(watchStateSheet(workbook.host, onChange)).resolves.toBe(true);
    await workbook.add("s2", "Rollup 2026-Q3");
    expect(onChange).not.toHaveBeenCalled();
    await workbook.add("s3", STATE_SHEET);
    expect(onChange).toHaveBeenCalledTimes(1);
    await workbook.change("s3");
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it("says so on a host without sheet events", async () => {
    const workbook = hostWith({ s1: STATE_SHEET }, false);
    await expect(watchStateSheet(workbook.host, jest.fn())).resolves.toBe(false);
  });
});
