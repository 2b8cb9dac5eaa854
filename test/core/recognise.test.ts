import fc from "fast-check";
import type { RawCell, RecognisedSheet, SheetData, SheetKind } from "../../src/core/model";
import { ALTITUDE_STATE_SHEET, fieldForHeader, normaliseHeader, recogniseSheet, SHEET_KINDS } from "../../src/core/recognise";
import { CHECKIN_HEADER, KPI_HEADER, KRA_HEADER, makeSheet, OKR_HEADER } from "./parse-fixtures";

interface Layout {
  name: string;
  sheet: SheetData;
  expected: Partial<RecognisedSheet> & { kind: SheetKind };
}

const layouts: Layout[] = [
  {
    name: "the standard OKR header in row 1",
    sheet: makeSheet("OKRs", [OKR_HEADER, ["2026-Q3", "team", "Sales", "Grow", "Reach 50", "Ana", "", 10, 50, 20, ""]]),
    expected: {
      kind: "okr",
      headerRow: 1,
      columns: { period: 0, level: 1, team: 2, objective: 3, keyResult: 4, owner: 5, type: 6, start: 7, target: 8, current: 9, weight: 10 },
      unmappedHeaders: [],
      rowCount: 1,
      confidence: 1,
    },
  },
  {
    name: "a title and a blank row above the header",
    sheet: makeSheet("Q3 goals", [["Sales OKRs — Q3 2026"], [], ["Objective", "Key Result", "Target"], ["Grow", "Reach 50", 50], ["", "Reach 60", 60]]),
    expected: { kind: "okr", headerRow: 3, columns: { objective: 0, keyResult: 1, target: 2 }, rowCount: 2 },
  },
  {
    name: "aliases in another order",
    sheet: makeSheet("Goals", [["KR", "DRI", "Baseline", "Target value", "Latest", "Obj ID", "Objective", "Weighting", "Quarter"]]),
    expected: {
      kind: "okr",
      headerRow: 1,
      columns: { keyResult: 0, owner: 1, start: 2, target: 3, current: 4, objectiveId: 5, objective: 6, weight: 7, period: 8 },
      rowCount: 0,
    },
  },
  {
    name: "odd spacing, case and punctuation",
    sheet: makeSheet("OKRs", [["  OBJECTIVE ", "key-result", "Key Result ID", "From", "To", "Actual", "Objective  ID", "Parent_ID"]]),
    expected: {
      kind: "okr",
      columns: { objective: 0, keyResult: 1, keyResultId: 2, start: 3, target: 4, current: 5, objectiveId: 6, parentId: 7 },
    },
  },
  {
    name: "extra unrelated columns kept as unmapped",
    sheet: makeSheet("OKRs", [["Objective", "Budget", "Key result", "Notes", "Target", "Current", "Colour"]]),
    expected: { kind: "okr", columns: { objective: 0, keyResult: 2, target: 4, current: 5 }, unmappedHeaders: ["Budget", "Notes", "Colour"] },
  },
  {
    name: "merged objective cells (blank below the first)",
    sheet: makeSheet("OKRs", [["Objective", "Key result", "Start", "Target"], ["Grow", "A", 1, 2], ["", "B", 1, 2], ["", "C", 1, 2], [], ["Keep", "D", 1, 2]]),
    expected: { kind: "okr", headerRow: 1, rowCount: 4 },
  },
  {
    name: "a used range starting at C4",
    sheet: makeSheet("OKRs", [["My goals"], ["Objective", "Key result", "Owner", "Target"], ["Grow", "Reach 50", "Ana", 50]], { origin: { row: 3, col: 2 } }),
    expected: { kind: "okr", headerRow: 5, columns: { objective: 2, keyResult: 3, owner: 4, target: 5 }, rowCount: 1 },
  },
  {
    name: "a KPI sheet",
    sheet: makeSheet("KPIs", [KPI_HEADER, ["NPS", "Customer", "Bo", "Survey", "Monthly", "pts", 30, 45, "", "higher", "2026-07", 41]]),
    expected: {
      kind: "kpi",
      columns: { kpi: 0, area: 1, owner: 2, dataSource: 3, frequency: 4, unit: 5, floor: 6, target: 7, ceiling: 8, direction: 9, period: 10, actual: 11 },
      rowCount: 1,
      confidence: 1,
    },
  },
  {
    name: "a KPI sheet with alias headers",
    sheet: makeSheet("Health", [["Metric", "KPA", "Responsible", "Minimum", "Goal", "Month", "Value"]]),
    expected: { kind: "kpi", columns: { kpi: 0, area: 1, owner: 2, floor: 3, target: 4, period: 5, actual: 6 } },
  },
  {
    name: "a KRA sheet",
    sheet: makeSheet("KRAs", [KRA_HEADER, ["Ana", "Recruiter", "Bo", 2026, "Hiring", 40, "Hires", 12, 10, 4]]),
    expected: {
      kind: "kra",
      columns: { employee: 0, role: 1, manager: 2, period: 3, area: 4, weight: 5, measure: 6, target: 7, actual: 8, rating: 9 },
      rowCount: 1,
    },
  },
  {
    name: "a KRA sheet with alias headers and a KPI column",
    sheet: makeSheet("Roles", [["Name", "Job title", "Year", "KRA", "Weight", "KPI", "Target", "Actual", "Score"]]),
    expected: { kind: "kra", columns: { employee: 0, role: 1, period: 2, area: 3, weight: 4, measure: 5, target: 6, actual: 7, rating: 8 } },
  },
  {
    name: "a check-ins sheet",
    sheet: makeSheet("Check-ins", [CHECKIN_HEADER, ["2026-07-10", "KR-1", 12, 7, "ok"]]),
    expected: { kind: "checkins", columns: { date: 0, keyResult: 1, value: 2, confidence: 3, comment: 4 }, rowCount: 1 },
  },
];

describe("recogniseSheet", () => {
  it.each(layouts.map((l) => [l.name, l] as const))("recognises %s", (_name, layout) => {
    const result = recogniseSheet(layout.sheet);
    expect(result).toMatchObject({ name: layout.sheet.name, ...layout.expected });
    expect(result?.confidence).toBeGreaterThanOrEqual(0.6);
    expect(result?.confidence).toBeLessThanOrEqual(1);
  });

  it.each<[string, RawCell[][]]>([
    ["a notes sheet", [["Remember the offsite"], ["Book rooms"]]],
    ["a budget sheet", [["Item", "Owner", "Target", "Actual", "Category"], ["Laptops", "IT", 5000, 4800, "Capex"]]],
    ["an empty sheet", []],
    ["a sheet of numbers", [[1, 2, 3], [4, 5, 6]]],
    ["an objective list without key results", [["Objective", "Owner"], ["Grow", "Ana"]]],
    ["a header below row 30", [...Array.from({ length: 30 }, () => ["x"]), ["Objective", "Key result", "Target"]]],
  ])("leaves alone %s", (_name, rows) => {
    expect(recogniseSheet(makeSheet("Sheet", rows))).toBeNull();
  });

  it("ignores Altitude's state sheet even when it looks like a goal sheet", () => {
    expect(recogniseSheet(makeSheet(ALTITUDE_STATE_SHEET, [OKR_HEADER]))).toBeNull();
  });

  it("accepts another ignore list", () => {
    expect(recogniseSheet(makeSheet("Archive", [OKR_HEADER]), undefined, { ignore: ["archive"] })).toBeNull();
  });

  it("gives lower confidence to a sparse header with many unknown columns", () => {
    const sparse = recogniseSheet(makeSheet("S", [["Objective", "Key result", "A", "B", "C", "D"]]));
    const full = recogniseSheet(makeSheet("F", [OKR_HEADER]));
    expect(sparse && full && sparse.confidence < full.confidence).toBe(true);
    expect(sparse?.confidence).toBeLessThan(0.6);
  });

  it("lets a saved mapping override recognition", () => {
    const sheet = makeSheet("Odd", [["Note"], ["What", "How", "Who", "Aim"], ["Grow", "Reach 50", "Ana", 50]], { origin: { row: 1, col: 1 } });
    const result = recogniseSheet(sheet, { kind: "okr", headerRow: 3, columns: { objective: 1, keyResult: 2, target: 4 } });
    expect(result).toEqual({
      name: "Odd",
      kind: "okr",
      confidence: 1,
      headerRow: 3,
      columns: { objective: 1, keyResult: 2, target: 4 },
      unmappedHeaders: ["Who"],
      rowCount: 1,
    });
  });
});

describe("header aliases", () => {
  it.each<[SheetKind, string, string]>([
    ["okr", "Baseline", "start"],
    ["okr", "From", "start"],
    ["okr", "Goal (a name column, not the target)", "objective"],
    ["okr", "Goal Title", "objective"],
    ["okr", "Weightage", "weight"],
    ["okr", "Current Value", "current"],
    ["okr", "Completion", "score"],
    ["kra", "Weightage", "weight"],
    ["kra", "Rating Point", "rating"],
    ["kra", "Achieved", "actual"],
    ["kra", "Goal", "area"],
    ["kpi", "Achieved", "actual"],
    ["checkins", "Current Value", "value"],
    ["okr", "To", "target"],
    ["okr", "Actual", "current"],
    ["okr", "Latest", "current"],
    ["okr", "DRI", "owner"],
    ["okr", "Responsible", "owner"],
    ["okr", "KR", "keyResult"],
    ["okr", "Obj. ID", "objectiveId"],
    ["okr", "Weighting", "weight"],
    ["okr", "Target (Q3)", "target"],
    ["kra", "Review period", "period"],
    ["kra", "Year", "period"],
    ["kra", "Person", "employee"],
    ["kra", "Weight (%)", "weight"],
    ["kpi", "Function", "area"],
    ["kpi", "KPA", "area"],
    ["kpi", "Measure name", "kpi"],
    ["checkins", "KR ID", "keyResult"],
  ])("%s: %s means %s", (kind, header, field) => {
    expect(fieldForHeader(kind, header)).toBe(field);
  });

  it("has no alias that means two fields of one kind", () => {
    for (const [kind, spec] of Object.entries(SHEET_KINDS)) {
      const seen = new Map<string, string>();
      for (const [field, f] of Object.entries(spec.fields as Record<string, { label: string; aliases: readonly string[] }>)) {
        for (const alias of [field, f.label, ...f.aliases]) {
          const key = normaliseHeader(alias);
          const other = seen.get(key);
          expect([kind, alias, other ?? field]).toEqual([kind, alias, field]);
          seen.set(key, field);
        }
      }
    }
  });

  it("requires only fields the kind declares", () => {
    for (const spec of Object.values(SHEET_KINDS)) {
      for (const f of [...spec.required, ...spec.anyOf, ...spec.typical]) expect(Object.keys(spec.fields)).toContain(f);
    }
  });
});

describe("headers naming a column two ways", () => {
  it.each<[SheetKind, string, string | null]>([
    ["kpi", "Objective / KPI", "kpi"],
    ["kpi", "Department/Owner", "owner"],
    ["kpi", "KPI / Metric", "kpi"],
    ["okr", "Department/Owner", null],
    ["kpi", "Target/Actual", null],
    ["kpi", "Yes/No", null],
    ["okr", "KR Target", "target"],
  ])("%s: %s means %s", (kind, header, field) => {
    expect(fieldForHeader(kind, header)).toBe(field);
  });

  it("a header of two parts means a field only when the parts that name one agree", () => {
    const kinds: SheetKind[] = ["okr", "kpi", "kra", "checkins"];
    const aliasesOf = (kind: SheetKind) => Object.entries(SHEET_KINDS[kind].fields as Record<string, { aliases: readonly string[] }>).flatMap(([field, spec]) => spec.aliases.map((alias) => [field, alias] as const));
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.nat(), fc.nat(), (kind, i, j) => {
        const aliases = aliasesOf(kind).filter(([, alias]) => !alias.includes("/"));
        const [fieldA, a] = aliases[i % aliases.length];
        const [fieldB, b] = aliases[j % aliases.length];
        const whole = fieldForHeader(kind, `${a} / ${b}`);
        // A joined text that is itself an alias is that alias; otherwise the parts decide.
        if (fieldForHeader(kind, `${a}${b}`) === null) {
          expect(whole).toBe(fieldA === fieldB ? fieldA : null);
        }
      }),
    );
  });
});
