import { loadWorkbook, mappingToEdit, saveMapping } from "../../src/app";
import type { ColumnMapping, RawCell, SheetArrangement, SheetData } from "../../src/core/model";
import { decodeState, encodeState } from "../../src/workbook/state-codec";
import { MemoryPort } from "../support/memory-port";

const AS_OF = "2026-08-15";

function sheet(name: string, values: RawCell[][]): SheetData {
  return { name, values, origin: { row: 0, col: 0 } };
}

const PLANNER = sheet("Planner", [
  [25000, "Target: 25,000"],
  ["KPI Monthly Targets & Performance (Year: 2024)"],
  ["", "Jan", "Feb", "Mar"],
  ["Sales Revenue (USD)", 21400, 22950, ""],
]);

const plain = (over: Partial<SheetArrangement> = {}): SheetArrangement => ({ groupRow: null, headingRows: true, formFields: {}, periodColumns: [], year: null, ...over });

describe("saveMapping with an arrangement", () => {
  it("stores it as version 2, and every later load reads the sheet by it", async () => {
    const port = new MemoryPort([PLANNER]);
    const loaded = await loadWorkbook(port, { asOf: AS_OF });
    const mapping: ColumnMapping = { kind: "kpi", headerRow: 3, columns: { kpi: 0 }, arrangement: plain({ formFields: { target: "B1" }, periodColumns: [1, 2, 3], year: 2023 }) };
    await expect(saveMapping(port, loaded, "Planner", mapping)).resolves.toEqual({ ok: true });
    expect(port.state.mappings?.Planner).toEqual({ ...mapping, version: 2 });
    // What the stored state holds is what the codec reads back, unchanged.
    expect(decodeState(encodeState(port.state)).state.mappings?.Planner).toEqual({ ...mapping, version: 2 });
    const again = await loadWorkbook(port, { asOf: AS_OF });
    expect(again.parsed.kpis.map((k) => [k.period?.label, k.actual, k.target])).toEqual([
      ["2023-01", 21400, 25000],
      ["2023-02", 22950, 25000],
    ]);
    expect(again.parsed.sheets[0]).toMatchObject({ confidence: 1, doubts: [] });
  });

  it("stores a mapping without an arrangement as it always did (version 1)", async () => {
    const port = new MemoryPort([PLANNER]);
    const loaded = await loadWorkbook(port, { asOf: AS_OF });
    await saveMapping(port, loaded, "Planner", { kind: "kpi", headerRow: 3, columns: { kpi: 0, actual: 1 } });
    expect(port.state.mappings?.Planner).toEqual({ kind: "kpi", headerRow: 3, columns: { kpi: 0, actual: 1 } });
  });

  it.each<[string, ColumnMapping, string, string]>([
    ["a group row below the header", { kind: "kpi", headerRow: 3, columns: { kpi: 0 }, arrangement: plain({ groupRow: 4 }) }, "invalid-arrangement", "The arrangement of Planner was not saved: The group row (4) must be above the header row (3)."],
    [
      "the name column also a period column",
      { kind: "kpi", headerRow: 3, columns: { kpi: 0 }, arrangement: plain({ periodColumns: [0, 1, 2] }) },
      "invalid-arrangement",
      "The arrangement of Planner was not saved: Column A is read as a field already; a period column holds one figure per period.",
    ],
    ["no name column", { kind: "kpi", headerRow: 3, columns: {}, arrangement: plain({ periodColumns: [1, 2] }) }, "missing-columns", "Choose the column of kpi first. Nothing was saved."],
  ])("refuses %s and saves nothing", async (_name, mapping, code, message) => {
    const port = new MemoryPort([PLANNER], { settings: { scoreCap: 2 } });
    const loaded = await loadWorkbook(port, { asOf: AS_OF });
    await expect(saveMapping(port, loaded, "Planner", mapping)).resolves.toMatchObject({ ok: false, code, message });
    expect(port.state).toEqual({ settings: { scoreCap: 2 } });
  });
});

describe("mappingToEdit", () => {
  it("starts from recognition's guess, with what it is unsure of", async () => {
    const loaded = await loadWorkbook(new MemoryPort([PLANNER]), { asOf: AS_OF });
    const start = mappingToEdit(loaded, "Planner");
    expect(start.source).toBe("guess");
    expect(start.complete).toBe(true);
    expect(start.mapping).toEqual({ kind: "kpi", headerRow: 3, columns: { kpi: 0 }, version: 2, arrangement: plain({ formFields: { target: "B1" }, periodColumns: [1, 2, 3] }) });
    expect(start.doubts.map((d) => d.about)).toEqual(["kind"]);
  });

  it("starts from the saved mapping, with nothing to ask", async () => {
    const saved: ColumnMapping = { kind: "kpi", headerRow: 3, columns: { kpi: 0 }, version: 2, arrangement: plain({ periodColumns: [1, 2] }) };
    const loaded = await loadWorkbook(new MemoryPort([PLANNER], { mappings: { Planner: saved } }), { asOf: AS_OF });
    expect(mappingToEdit(loaded, "Planner")).toEqual({ source: "saved", mapping: saved, doubts: [], complete: true, sections: 1 });
  });

  it("starts a mapping saved before arrangements (version 1) from how it is read now, its month columns found", async () => {
    const saved: ColumnMapping = { kind: "kpi", headerRow: 1, columns: { kpi: 0, target: 1 } };
    const months = sheet("Months", [["Metric", "Goal", "Jan", "Feb"], ["NPS", 45, 40, 41]]);
    const loaded = await loadWorkbook(new MemoryPort([months], { mappings: { Months: saved } }), { asOf: AS_OF });
    expect(loaded.parsed.kpis).toHaveLength(2);
    expect(mappingToEdit(loaded, "Months").mapping).toEqual({ ...saved, arrangement: plain({ periodColumns: [2, 3] }) });
  });

  it("offers an empty key-result mapping for a sheet nothing was recognised on", async () => {
    const loaded = await loadWorkbook(new MemoryPort([PLANNER, sheet("Notes", [["Remember the offsite"]])]), { asOf: AS_OF });
    expect(mappingToEdit(loaded, "Notes")).toMatchObject({ source: "none", mapping: { kind: "okr", headerRow: 1, columns: {} }, doubts: [] });
  });

  it("says when one mapping cannot say all recognition read (sections whose columns move)", async () => {
    const sections = sheet("KPIs", [
      ["KPI", "Owner", "Target", "Actual"],
      ["NPS", "Ana", 45, 40],
      [""],
      ["Finance"],
      ["KPI", "Target", "Actual", "Owner"],
      ["Margin", 0.2, 0.18, "Ben"],
    ]);
    const loaded = await loadWorkbook(new MemoryPort([sections]), { asOf: AS_OF });
    expect(mappingToEdit(loaded, "KPIs")).toMatchObject({ source: "guess", complete: false, sections: 2 });
  });
});
