import type { ColumnMapping, SheetData } from "../../../src/core/model";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { fieldLabel, headerCells, previewRecords } from "../../../src/taskpane/models/map";

const PLANNER: SheetData = {
  name: "Planner",
  origin: { row: 0, col: 0 },
  values: [
    [25000, "Target: 25,000", "", ""],
    ["KPI Monthly Targets & Performance (Year: 2024)", "", "", ""],
    ["", "Jan", "Feb", "Mar"],
    ["Sales Revenue (USD)", 21400, 22950, ""],
  ],
};

const arrangement = { groupRow: null, headingRows: true, formFields: { target: "B1" }, periodColumns: [1, 2, 3], year: null };

describe("fieldLabel", () => {
  it.each([
    ["okr", "keyResult", "Key result"],
    ["kpi", "actual", "Actual"],
    ["kra", "period", "Review period"],
    ["kpi", "unknown", "unknown"],
  ] as const)("%s %s is %s", (kind, field, label) => {
    expect(fieldLabel(kind, field)).toBe(label);
  });
});

describe("headerCells", () => {
  it("names each column by its letter and title, or by its letter where the title is blank", () => {
    expect(headerCells(PLANNER, 3).map((h) => h.label)).toEqual(["Column A", "B · Jan", "C · Feb", "D · Mar"]);
  });

  it("gives the sheet's real columns when its used range starts right of A", () => {
    expect(headerCells({ ...PLANNER, origin: { row: 0, col: 2 } }, 3).map((h) => [h.col, h.label])[1]).toEqual([3, "D · Jan"]);
  });
});

describe("previewRecords", () => {
  it.each<[string, ColumnMapping, string[][]]>([
    [
      "period columns: each reading with its period, the target from the form cell",
      { kind: "kpi", headerRow: 3, columns: { kpi: 0 }, arrangement },
      [
        ["Area", "—", "KPI", "Sales Revenue (USD)", "Target", "25000", "Period", "2024-01", "Actual", "21400"],
        ["Area", "—", "KPI", "Sales Revenue (USD)", "Target", "25000", "Period", "2024-02", "Actual", "22950"],
      ],
    ],
    ["no period columns: one record with no reading", { kind: "kpi", headerRow: 3, columns: { kpi: 0 }, arrangement: { ...arrangement, periodColumns: [] } }, [["Area", "—", "KPI", "Sales Revenue (USD)", "Target", "25000"]]],
  ])("%s", (_name, mapping, rows) => {
    const preview = previewRecords(PLANNER, mapping, DEFAULT_SETTINGS);
    expect(preview.rows.map((r) => r.fields.flat())).toEqual(rows);
    expect(preview.problems).toBe(0);
  });
});
