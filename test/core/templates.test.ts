import type { RawCell } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import type { TableBlock } from "../../src/core/plan";
import { recogniseSheet } from "../../src/core/recognise";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planTemplate, TEMPLATE_HEADERS } from "../../src/core/templates";
import { makeSheet, quarter } from "../support/builders";

const KINDS = ["okr", "kpi", "kra", "checkins"] as const;

function templateSheet(kind: (typeof KINDS)[number]) {
  const plan = planTemplate(kind, quarter(2026, 3));
  const table = plan.sheets[0].blocks.find((b): b is TableBlock => b.kind === "table");
  if (!table) throw new Error("template has no table");
  const values: RawCell[][] = [table.headers, ...table.rows.map((r) => r.map((v) => v ?? ""))];
  return { plan, table, sheet: makeSheet(plan.sheets[0].name, values) };
}

describe("planTemplate", () => {
  it.each(KINDS)("inserts a %s sheet that Altitude recognises as that kind", (kind) => {
    const { sheet, table } = templateSheet(kind);
    expect(table.headers).toEqual([...TEMPLATE_HEADERS[kind]]);
    const recognised = recogniseSheet(sheet);
    expect(recognised).toMatchObject({ kind, headerRow: 1, rowCount: table.rows.length });
    expect(recognised?.unmappedHeaders).toEqual([]);
  });

  it("has example rows that parse without problems and score as the design's examples", () => {
    const sheets = KINDS.map((k) => templateSheet(k).sheet);
    const parsed = parseWorkbook(sheets, { settings: DEFAULT_SETTINGS });
    expect(parsed.problems).toEqual([]);
    expect(parsed.keyResults).toHaveLength(4);
    expect(parsed.kpis).toHaveLength(3);
    expect(parsed.kras).toHaveLength(3);
    expect(parsed.checkIns).toHaveLength(2);
    const churn = parsed.keyResults[0];
    expect(churn).toMatchObject({ objective: "Make People a place people stay", type: "decrease", current: 0.035, lastCheckIn: "2026-08-15" });
    expect(parsed.keyResults[1].objective).toBe("Make People a place people stay");
  });

  it("offers drop-downs for type and commitment on the OKR template", () => {
    const { plan } = templateSheet("okr");
    const lists = plan.sheets[0].blocks.filter((b) => b.kind === "validation").map((b) => (b.kind === "validation" ? [b.range.col, b.list] : []));
    expect(lists).toEqual([
      [8, ["increase", "decrease", "milestone", "binary", "maintain"]],
      [14, ["aspirational", "committed"]],
    ]);
  });
});
