import fc from "fast-check";
import { analyse } from "../../src/core/analyse";
import type { RawCell } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { readLayout } from "../../src/core/parse/blocks";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { deriveRating } from "../../src/core/scoring";
import { makeSheet } from "../support/builders";

const parse = (rows: RawCell[][], name = "Sheet", asOf = "2026-08-15") => parseWorkbook([makeSheet(name, rows)], { settings: DEFAULT_SETTINGS, asOf });

describe("readLayout: blocks, headers and context", () => {
  it("reads objective headings above repeated headers as each block's objective", () => {
    const layout = readLayout(
      makeSheet("OKRs", [
        ["Objective 1: Grow revenue"],
        ["Key result", "Target", "Current"],
        ["Reach $1M ARR", 1_000_000, 800_000],
        [""],
        ["Objective 2: Win customers faster"],
        ["Key result", "Owner", "Target", "Current"],
        ["Cut onboarding to 5 days", "Ana", 5, 7],
      ]),
    );
    expect(layout.blocks.map((b) => [b.headerRows, b.context.objective?.text, b.columns])).toEqual([
      [[1], "Grow revenue", { keyResult: 0, target: 1, current: 2 }],
      [[5], "Win customers faster", { keyResult: 0, owner: 1, target: 2, current: 3 }],
    ]);
  });

  it.each<[string, RawCell[][], Record<string, string>]>([
    [
      "form fields in one cell",
      [["Employee Name: Ravi Kumar"], ["Designation: Sales Lead"], ["Period: FY 2026"], ["KRA", "Weightage", "Rating"], ["Sales", 60, 4]],
      { employee: "Ravi Kumar", role: "Sales Lead", period: "FY 2026" },
    ],
    [
      "form fields in label and value cells, two on a row",
      [["Name :", "Kavita Sharma", "Reporting to:", "Imran Ali"], ["KRA", "Weightage", "Rating"], ["Sales", 60, 4]],
      { employee: "Kavita Sharma", manager: "Imran Ali" },
    ],
    ["a specific label over a code", [["Employee", "E-1042", "Employee Name", "Sunil Verma"], ["KRA", "Weight", "Rating"], ["Quality", 40, 3]], { employee: "Sunil Verma" }],
    ["a title with a year", [["Appraisal 2025"], ["Employee", "KRA", "Weight", "Rating"], ["Ana", "Sales", 60, 4]], { period: "2025" }],
  ])("reads %s as the block's context", (_name, rows, expected) => {
    const [block] = readLayout(makeSheet("Form", rows)).blocks;
    const context = Object.fromEntries(Object.entries(block.context).filter(([field]) => field in expected).map(([field, cell]) => [field, cell.text]));
    expect(context).toEqual(expected);
  });

  it("reads a two-row header, taking the reviewer's rating over the employee's own", () => {
    const [block] = readLayout(
      makeSheet("Appraisal", [
        ["", "Self Appraisal", "", "Appraisal by Reviewer", ""],
        ["KRA", "Weight", "Rating", "Weight", "Rating"],
        ["Sales", 60, 5, 60, 4],
      ]),
    ).blocks;
    expect(block.headerRows).toEqual([0, 1]);
    expect(block.columns).toMatchObject({ area: 0, weight: 3, rating: 4 });
  });

  it("turns months as columns under a merged year into one variant per month", () => {
    const [block] = readLayout(makeSheet("KPIs", [["", "", "2026", ""], ["KPI", "Target", "Jan", "Feb"], ["NPS", 45, 41, 44]])).blocks;
    expect(block.variants.map((v) => [v.columns.actual, v.context.period.text])).toEqual([
      [2, "Jan 2026"],
      [3, "Feb 2026"],
    ]);
  });

  it.each<[string, RawCell[][], Array<[number, string]>]>([
    ["a Total row", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["Total", 45, 47]], [[3, "summary row (Total)"]]],
    ["an Overall score line written with arrows", [["KPI", "Target", "Actual"], ["NPS", 45, 47], [100, "<===Overall score", ""]], [[3, "summary row (Overall score)"]]],
    // The first character of a cell decides whether the label expression runs: each start it allows, and one beyond ASCII.
    ["a Total row after a no-break space", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["\u00a0Total", 45, 47]], [[3, "summary row (Total)"]]],
    ["a total row in lower case", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["total", 45, 47]], [[3, "summary row (total)"]]],
    ["a Sub-total row", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["Sub-total (Q3)", 45, 47]], [[3, "summary row (Sub-total (Q3))"]]],
    ["a Grand total row", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["Grand Total", 45, 47]], [[3, "summary row (Grand Total)"]]],
    ["a Mean row", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["Mean", 45, 47]], [[3, "summary row (Mean)"]]],
    ["a Weighted score row", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["Weighted score", 45, 47]], [[3, "summary row (Weighted score)"]]],
    ["a Final rating row", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["Final rating", 45, 47]], [[3, "summary row (Final rating)"]]],
    ["a Summary row", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["Summary", 45, 47]], [[3, "summary row (Summary)"]]],
    ["a total marked with a star", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["*Total*", 45, 47]], [[3, "summary row (*Total*)"]]],
    ["an Average row after a colon", [["KPI", "Target", "Actual"], ["NPS", 45, 47], [":Average", 45, 47]], [[3, "summary row (:Average)"]]],
    ["a legend under the table", [["KPI", "Target", "Actual"], ["NPS", 45, 47], [""], ["Legend: green is on target"], ["🟢 On target"]], [[4, "note or legend line"], [5, "note or legend line"]]],
    ["a list under a note", [["KPI", "Target", "Actual"], ["NPS", 45, 47], ["Risks:"], ["- survey fatigue"]], [[3, "note or legend line"], [4, "note or legend line"]]],
    [
      "a table of another kind below",
      [["KPI", "Target", "Actual"], ["NPS", 45, 47], [""], ["Initiative", "Owner", "Status"], ["New survey", "Ana", "Open"]],
      [
        [4, "header of a table that is not a goal table (Initiative, Owner, Status)"],
        [5, "row of a table that is not a goal table"],
      ],
    ],
  ])("lists %s as skipped, with why", (_name, rows, expected) => {
    const parsed = parse(rows, "KPIs");
    expect(parsed.kpis.map((k) => k.kpi)).toEqual(["NPS"]);
    expect(parsed.skipped.flatMap((s) => s.rows.map((row) => [row, s.reason]))).toEqual(expected);
  });

  it("keeps a KPI whose name starts like a summary word", () => {
    expect(parse([["KPI", "Target", "Actual"], ["Average handle time", 300, 320], ["Total revenue", 100, 90]], "KPIs").kpis.map((k) => k.kpi)).toEqual([
      "Average handle time",
      "Total revenue",
    ]);
  });

  it("says why a sheet with no header is not read", () => {
    expect(parse([["Shopping list"], ["eggs", 12]]).notRead).toEqual([
      { sheet: "Sheet", reason: expect.stringMatching(/^no header row with the columns of a goal sheet/) },
    ]);
    expect(parse([[""]]).notRead).toEqual([{ sheet: "Sheet", reason: "the sheet is empty" }]);
  });
});

describe("reading rows: context, direction and qualifiers", () => {
  it("fills the employee, role and manager of a KRA form from the lines above", () => {
    const { kras } = parse([["Employee Name: Ravi Kumar"], ["Designation: Sales Lead"], ["Manager: Neha Joshi"], ["KRA", "Weightage", "Rating"], ["Sales", 60, 4], ["Hiring", 40, 3]]);
    expect(kras.map((k) => [k.employee, k.role, k.manager, k.area, k.cells.employee])).toEqual([
      ["Ravi Kumar", "Sales Lead", "Neha Joshi", "Sales", "A1"],
      ["Ravi Kumar", "Sales Lead", "Neha Joshi", "Hiring", "A1"],
    ]);
  });

  it("reads a decrease from the wording when there is no baseline: 15% against a target of 12% is not reached", () => {
    const parsed = parse([["Objective", "Key result", "Target", "Current"], ["Protect margin", "Reduce average discount to 12%", "12%", "15%"]]);
    const [kr] = parsed.keyResults;
    expect([kr.type, kr.start, kr.target, kr.current]).toEqual(["decrease", null, 0.12, 0.15]);
    const [scored] = analyse(parsed, DEFAULT_SETTINGS, "2026-08-15").keyResults;
    expect([scored.score, scored.grade]).toEqual([0, "Red"]);
  });

  it("takes the baseline a key result states in its words", () => {
    const [kr] = parse([["Objective", "Key result", "Target", "Current"], ["Detect faster", "Reduce mean time to detect from 30 min to 10 min", "10 min", "18 min"]]).keyResults;
    expect([kr.type, kr.start, kr.target, kr.current]).toEqual(["decrease", 30, 10, 18]);
  });

  it.each<[string, RawCell, "maintain", "higher" | "lower"]>([
    ["maintain below", "maintain below", "maintain", "lower"],
    ["keep below", "keep below", "maintain", "lower"],
    ["not exceed", "not exceed", "maintain", "lower"],
    ["under", "under", "maintain", "lower"],
    ["maintain above", "maintain above", "maintain", "higher"],
  ])("reads a Type of %s as a threshold", (_name, type, expected, direction) => {
    const [kr] = parse([["Objective", "Key result", "Type", "Target", "Current"], ["Stay safe", "P1 incidents", type, 2, 3]]).keyResults;
    expect([kr.type, kr.direction]).toEqual([expected, direction]);
  });

  it("reads a target written as a ceiling as lower-is-better", () => {
    const [kpi] = parse([["KPI", "Target", "Actual"], ["Churn", "<15%", 0.12]], "KPIs").kpis;
    expect([kpi.target, kpi.direction]).toEqual([0.15, "lower"]);
  });

  it("reads lower-is-better KPIs from their wording when only a target is given", () => {
    const [kpi] = parse([["KPI", "Target", "Actual"], ["Defect rate", 0.02, 0.03]], "KPIs").kpis;
    expect(kpi.direction).toBe("lower");
  });

  it("gives a month written without a year the year of the title", () => {
    const { kpis } = parse([["KPI report 2025"], ["Month", "KPI", "Target", "Actual"], ["January", "NPS", 45, 41], ["", "CSAT", 0.9, 0.92]], "KPIs");
    expect(kpis.map((k) => [k.kpi, k.period?.label, k.cells.period])).toEqual([
      ["NPS", "2025-01", "A3"],
      ["CSAT", "2025-01", "A3"],
    ]);
  });

  it("honours lower-is-better when deriving a KRA rating: 38 days against 30 does not rate 5", () => {
    const { kras } = parse([["Employee", "KRA", "Measure", "Weight", "Target", "Actual"], ["Ana", "Hiring", "Days to close a requisition", 100, 30, 38]]);
    expect(kras[0].lowerIsBetter).toBe(true);
    const [person] = analyse({ ...parse([]), kras, notRead: [], skipped: [] }, DEFAULT_SETTINGS, "2026-08-15").kras;
    expect(person.areas[0].rating).toBe(2);
    // Read as higher-is-better, the same figures would have rated 5.
    expect(deriveRating(38, 30)).toBe(5);
  });

  it("reads a 4.5/5 rating on the workbook's scale, and 8/10 as 4 on a 5-point scale", () => {
    const { kras } = parse([["Employee", "KRA", "Weight", "Rating"], ["Ana", "Sales", 50, "4.5/5"], ["Ana", "Hiring", 50, "8/10"]]);
    expect(kras.map((k) => k.rating)).toEqual([4.5, 4]);
  });
});

describe("readLayout properties", () => {
  const cell = fc.oneof(
    fc.constant(""),
    fc.constantFrom("Objective", "Key result", "KPI", "Target", "Actual", "Total", "Note: x", "- item", "Objective 2: Grow", "Employee Name: Ana", "KRA", "Weight", "Rating", "Jan", "Feb"),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 500 }),
    fc.boolean(),
  );
  const sheet = fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { maxLength: 25 });
  const filled = (row: RawCell[] | undefined) => Array.isArray(row) && row.some((c) => !(typeof c === "string" && c.trim() === ""));

  it("never throws, and every row with content is a header, a data row of a block, or skipped with a reason", () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        const layout = readLayout(makeSheet("S", rows));
        if (layout.blocks.length === 0) {
          expect(layout.reason).toEqual(expect.any(String));
          return;
        }
        const skipped = new Map(layout.skipped.map((s) => [s.row, s.reason]));
        for (const reason of skipped.values()) expect(reason.trim()).not.toBe("");
        rows.forEach((row, r) => {
          if (!filled(row)) return;
          const header = layout.blocks.some((b) => b.headerRows.includes(r));
          const data = layout.blocks.some((b) => r >= b.from && r < b.to && !b.skip.has(r));
          expect([r, header || data || skipped.has(r)]).toEqual([r, true]);
          for (const b of layout.blocks) if (b.skip.has(r)) expect(skipped.has(r)).toBe(true);
        });
      }),
    );
  });

  it("parsing never throws, and every row is a record, a header, skipped with a reason, or has a located problem", () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        const parsed = parse(rows);
        const sheetInfo = parsed.sheets[0];
        if (!sheetInfo) {
          expect(parsed.notRead).toHaveLength(1);
          return;
        }
        const accounted = new Set<number>();
        for (const r of [...parsed.keyResults, ...parsed.kpis, ...parsed.kras, ...parsed.checkIns]) accounted.add(r.row);
        for (const s of parsed.skipped) for (const row of s.rows) accounted.add(row);
        for (const p of parsed.problems) accounted.add(Number(/\d+$/.exec(p.cell)?.[0]));
        const layout = readLayout(makeSheet("S", rows));
        for (const b of layout.blocks) for (const h of b.headerRows) accounted.add(h + 1);
        rows.forEach((row, r) => {
          if (filled(row)) expect([r + 1, accounted.has(r + 1)]).toEqual([r + 1, true]);
        });
      }),
    );
  });
});

describe("rows with content only outside the columns read", () => {
  it.each<[string, RawCell[][], number]>([
    ["a FALSE under an unheaded column", [["", "KPI", "Actual"], [false, "", ""]], 2],
    ["a number beside an empty reading", [["KPI", "Actual", ""], ["", "", 42]], 2],
  ])("%s is listed as skipped with its reason, not dropped", (_name, rows, row) => {
    const parsed = parse(rows, "KPIs");
    expect(parsed.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: "KPIs", rows: [row], reason: expect.stringMatching(/nothing in the columns Altitude reads/) })]));
  });
});
