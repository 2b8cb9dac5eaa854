/**
 * Appraisal forms as people keep them: areas spanning rows, weights in points
 * against a stated total, a rating marked in one column per level, a completion
 * as the only measure, unlabelled totals, notes and tables that are not KRAs.
 */
import fc from "fast-check";
import { analyse } from "../../src/core/analyse";
import type { ParsedWorkbook, RawCell } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { isPointsWhole } from "../../src/core/parse/kra";
import { deriveRating } from "../../src/core/scoring";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { makeSheet } from "../support/builders";

const AS_OF = "2026-04-10";

function parse(rows: RawCell[][], formats?: string[][]): ParsedWorkbook {
  return parseWorkbook([makeSheet("Form", rows, formats)], { settings: DEFAULT_SETTINGS, asOf: AS_OF });
}

function person(parsed: ParsedWorkbook) {
  const kras = analyse(parsed, DEFAULT_SETTINGS, AS_OF).kras;
  expect(kras).toHaveLength(1);
  return kras[0];
}

/** The reason each skipped row (1-based) is listed with. */
function skippedRows(parsed: ParsedWorkbook): Record<number, string> {
  const out: Record<number, string> = {};
  for (const entry of parsed.skipped) for (const row of entry.rows) out[row] = entry.reason;
  return out;
}

/** Number formats for a sheet: `General` everywhere except the given cells. */
function formatsOf(rows: RawCell[][], cells: ReadonlyArray<[number, number, string]>): string[][] {
  const formats = rows.map((row) => row.map(() => "General"));
  for (const [r, c, format] of cells) formats[r][c] = format;
  return formats;
}

const FORM = [["Employee Name:", "Meera Iyer"], ["Designation:", "HR Business Partner"]];

describe("summary rows of appraisal forms", () => {
  it.each<[string, RawCell[]]>([
    ["a total naming what it totals", ["Total Goal Score", "", 83.5]],
    ["a total KRA score", ["Total KRA Score", "", 83.5]],
    ["a total weighted score", ["Total weighted score:", "", 83.5]],
  ])("lists %s as a summary row, not an area", (_name, total) => {
    const parsed = parse([...FORM, ["KRA", "Weightage", "Rating"], ["Renewals", 60, 4], ["Onboarding", 40, 3], total]);
    expect(parsed.kras.map((k) => k.area)).toEqual(["Renewals", "Onboarding"]);
    expect(skippedRows(parsed)[6]).toMatch(/^summary row/);
  });

  it("keeps a KPI named with a total and a measure that is not a score word", () => {
    const { kpis } = parseWorkbook([makeSheet("KPIs", [["KPI", "Target", "Actual"], ["Total revenue", 100, 90], ["Total customers", 50, 48]])], { settings: DEFAULT_SETTINGS });
    expect(kpis.map((k) => k.kpi)).toEqual(["Total revenue", "Total customers"]);
  });

  it.each<[string, RawCell[][], number, string | null]>([
    ["a weightage total with no label", [["A", 30, 4], ["B", 70, 3], ["", 100]], 6, "summary row (unlabelled total)"],
    ["totals of two columns", [["A", 30, 4], ["B", 70, 3], ["", 100, 7]], 6, "summary row (unlabelled total)"],
    ["a figure that is not the column's sum", [["A", 30, 4], ["B", 50, 3], ["", 20]], 6, null],
  ])("%s", (_name, rows, row, reason) => {
    const parsed = parse([...FORM, ["KRA", "Weightage", "Rating"], ...rows]);
    expect(skippedRows(parsed)[row] ?? null).toBe(reason);
    expect(parsed.kras.some((k) => k.row === row)).toBe(reason === null);
  });

  it("a row of figures equal to the sums of the rows above is a total whatever the figures (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5 })), { minLength: 2, maxLength: 8 }), (areas) => {
        const weights = areas.reduce((sum, [w]) => sum + w, 0);
        const rows: RawCell[][] = [...FORM, ["KRA", "Weightage", "Rating"], ...areas.map(([w, r], i) => [`Area ${i + 1}`, w, r]), ["", weights]];
        const parsed = parse(rows);
        expect(parsed.kras).toHaveLength(areas.length);
        expect(skippedRows(parsed)[rows.length]).toBe("summary row (unlabelled total)");
      }),
    );
  });
});

describe("lines under a form's table", () => {
  it.each<[string, RawCell[][], Record<number, string>]>([
    [
      "numbered notes under a 'Please note' line",
      [[""], ["Please note the following:"], [""], [1, "This is a ready to use template"], [2, "Scores are worked out on the sheet"]],
      { 7: "note or legend line", 9: "note or legend line", 10: "note or legend line" },
    ],
    ["a P.S. line right under the rows", [["(P.S. : KRA should not include routine jobs)"]], { 6: "note or legend line" }],
    ["a comments line left to write on", [["Any other comments/observation:____________________"]], { 6: "a line of the form left to write on" }],
  ])("lists %s as skipped, not as areas", (_name, lines, expected) => {
    const parsed = parse([...FORM, ["KRA", "Weightage", "Rating"], ["Renewals", 60, 4], ["Onboarding", 40, 3], ...lines]);
    expect(parsed.kras.map((k) => k.area)).toEqual(["Renewals", "Onboarding"]);
    expect(skippedRows(parsed)).toMatchObject(expected);
  });

  it("lists a skills grid under the KRA table (its grade bands headed S1 - S6) as a table that is not a goal table", () => {
    const parsed = parse([
      ...FORM,
      ["KRA", "Weightage", "Rating"],
      ["Renewals", 60, 4],
      ["Onboarding", 40, 3],
      [""],
      ["Part II: Key Performance Indicators"],
      ["Sr No", "SKILLS", "S1 - S6", "M0 - M2", "DGM & Above"],
      [1, "Supervision Skills", 4, "N.A.", "N.A."],
      ["", "TOTAL MARKS", 9],
    ]);
    expect(parsed.kras.map((k) => k.area)).toEqual(["Renewals", "Onboarding"]);
    expect(skippedRows(parsed)).toMatchObject({
      8: "header of a table that is not a goal table (Sr No, SKILLS, S1 - S6, M0 - M2)",
      9: "row of a table that is not a goal table",
      10: "row of a table that is not a goal table",
    });
  });

  it("still reads a row of words after a break as a record when one of them is a period", () => {
    const sheet = makeSheet("OKRs", [["Objective", "Key result", "Owner", "Due"], ["Grow", "Launch pricing page", "Ana", "Q2 2026"], [""], ["Grow", "Launch referral program", "Team", "Q3 2026"]]);
    const { keyResults } = parseWorkbook([sheet], { settings: DEFAULT_SETTINGS });
    expect(keyResults.map((k) => k.keyResult)).toEqual(["Launch pricing page", "Launch referral program"]);
  });
});

describe("an area spanning rows", () => {
  const header = ["Goals", "Weightage", "Objective", "Target", "Actual", "Rating"];

  it("reads the rows under an area with no name, weight or rating as its further objectives, listed with the area's row", () => {
    const parsed = parse([
      ...FORM,
      header,
      ["I. Talent acquisition", 50, "i. Close open positions", 40, 36, 4],
      ["", "", "ii. Time to hire", "<45 days", "41 days", ""],
      ["", "", "iii. Offer acceptance", "90%", "92%", ""],
      ["II. Engagement", 50, "i. Survey score", "75%", "72%", 3],
    ]);
    expect(parsed.kras.map((k) => [k.row, k.area])).toEqual([
      [4, "I. Talent acquisition"],
      [7, "II. Engagement"],
    ]);
    expect(skippedRows(parsed)).toMatchObject({
      5: "a further objective of the area on row 4, whose weight and rating are on that row",
      6: "a further objective of the area on row 4, whose weight and rating are on that row",
    });
    expect(person(parsed).score).toBeCloseTo(3.5, 10);
  });

  it("does not continue an area across a blank row", () => {
    const parsed = parse([...FORM, header, ["I. Talent acquisition", 50, "i. Close positions", 40, 36, 4], [""], ["", "", "ii. Time to hire", 45, 41, ""]]);
    expect(parsed.kras.map((k) => k.row)).toEqual([4, 6]);
  });

  it.each<[string, RawCell[]]>([
    ["its own weight", ["", 20, "ii. Time to hire", 45, 41, ""]],
    ["its own rating", ["", "", "ii. Time to hire", 45, 41, 3]],
  ])("keeps a row with no name but %s as an area of its own", (_name, row) => {
    const parsed = parse([...FORM, header, ["I. Talent acquisition", 50, "i. Close positions", 40, 36, 4], row]);
    expect(parsed.kras.map((k) => k.row)).toEqual([4, 5]);
  });

  it("does not continue an area across a new person's row", () => {
    const parsed = parse([
      ["Employee", "KRA", "Weight", "Target", "Actual", "Rating"],
      ["Ana", "Sales", 100, 50, 40, 4],
      ["Ben", "", "", 30, 20, ""],
    ]);
    expect(parsed.kras.map((k) => [k.employee, k.row])).toEqual([
      ["Ana", 2],
      ["Ben", 3],
    ]);
  });
});

describe("weights in points against a stated total", () => {
  const rows = (weights: number[], total: RawCell[], weightHeader = "Weightage"): RawCell[][] => [
    ...FORM,
    ["Goals", weightHeader, "Rating"],
    ...weights.map((w, i) => [`Goal ${i + 1}`, w, 1 + (i % 5)]),
    total,
  ];

  it.each<[string, RawCell[][], number]>([
    ["points totalling a stated 20 are shares of 20", rows([5, 5, 4, 3, 3], ["Total", 20]), 100],
    ["points totalling a stated 10", rows([4, 3, 3], ["Total", 10]), 100],
    ["an unlabelled total of 20 points", rows([8, 6, 6], ["", 20]), 100],
    ["percentages that total 90 stay percentages, short of 100", rows([40, 30, 20], ["Total", 90]), 90],
    ["a stated 20 the weights do not add up to is not their whole", rows([5, 5, 4], ["Total", 20]), 14],
    ["a header saying % keeps 20 as 20%", rows([5, 5, 4, 3, 3], ["Total", 20], "Weightage (%)"), 20],
    ["weights in percent cells are percentages", rows([0.05, 0.15], ["Total", 0.2]), 20],
    ["a header stating the whole, with no total row", rows([5, 5, 4, 3, 3], [""], "Weightage (out of 20)"), 100],
    ["a header stating the whole the weights fall short of", rows([5, 5, 4], [""], "Weightage (out of 20)"), 70],
    ["a header stating a whole of 100", rows([40, 30, 20], [""], "Weight (out of 100)"), 90],
  ])("%s", (_name, sheet, weightTotal) => {
    expect(person(parse(sheet)).weightTotal).toBeCloseTo(weightTotal, 9);
  });

  it("takes the percent format of a weight cell as a percentage, never points", () => {
    const sheet = rows([5, 5, 4, 3, 3], ["Total", 20]);
    const formats = formatsOf(sheet, [[3, 1, "0%"]]);
    expect(person(parse(sheet, formats)).weightTotal).not.toBeCloseTo(100, 6);
  });

  it.each<[number, boolean]>([
    [5, true],
    [10, true],
    [20, true],
    [25, true],
    [50, true],
    [100, false],
    [90, false],
    [30, false],
    [1, false],
    [2.5, false],
  ])("a stated total of %s is a whole of points: %s", (total, expected) => {
    expect(isPointsWhole(total)).toBe(expected);
  });

  it("points against their stated whole give the score of the same shares in percent, and a complete total (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(5, 10, 20, 25, 50),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (whole, ratings, seed) => {
          // Split the whole into one positive share per rating.
          const n = Math.min(ratings.length, whole);
          const weights = Array.from({ length: n }, () => 1);
          for (let left = whole - n, i = seed; left > 0; left--, i = (i * 7 + 3) % 1_000_003) weights[i % n]++;
          const sheet: RawCell[][] = [...FORM, ["Goals", "Weightage", "Rating"], ...weights.map((w, i) => [`Goal ${i + 1}`, w, ratings[i]]), ["Total", whole]];
          const scored = person(parse(sheet));
          const expected = weights.reduce((s, w, i) => s + w * ratings[i], 0) / whole;
          expect(scored.weightTotal).toBeCloseTo(100, 9);
          expect(scored.score).toBeCloseTo(expected, 9);
        },
      ),
    );
  });
});

describe("a rating marked in one column per level", () => {
  const levels = ["Unacceptable\n1", "Weak\n2", "Fair\n3", "Good\n4", "Excellent\n5"];
  const marked = (name: string, level: number, mark: RawCell = level): RawCell[] => {
    const cells: RawCell[] = ["", "", "", "", ""];
    cells[level - 1] = mark;
    return [name, ...cells];
  };

  it.each<[string, RawCell[], RawCell[][], number[]]>([
    ["the level's number under word-and-number headers, no Score column", ["Performance Criteria", ...levels], [marked("Work knowledge", 4), marked("Teamwork", 5)], [4, 5]],
    ["ticks and crosses", ["Criteria", ...levels], [marked("Work knowledge", 2, "✓"), marked("Teamwork", 3, "x")], [2, 3]],
    ["number-first headers", ["Criteria", "1 - Poor", "2 - Fair", "3 - Good", "4 - Very good", "5 - Outstanding"], [marked("Quality", 3, "Yes")], [3]],
    ["levels from the top down", ["Criteria", "Excellent (5)", "Good (4)", "Fair (3)", "Weak (2)", "Poor (1)"], [["Quality", "", "✓", "", "", ""]], [4]],
    ["beside a Score column the sheet works out", ["Performance Criteria", ...levels, "Score"], [[...marked("Work knowledge", 4), 4]], [4]],
  ])("reads %s", (_name, header, data, ratings) => {
    const parsed = parse([...FORM, header, ...data]);
    expect(parsed.kras.map((k) => k.rating)).toEqual(ratings);
    expect(parsed.problems).toEqual([]);
  });

  it("points the rating at the marked cell", () => {
    const [kra] = parse([...FORM, ["Criteria", ...levels], marked("Teamwork", 4)]).kras;
    expect(kra.cells.rating).toBe("E4");
  });

  it("reports two marked levels at their cells and gives no rating", () => {
    const parsed = parse([...FORM, ["Criteria", ...levels], ["Teamwork", "", 2, "", 4, ""]]);
    expect(parsed.kras[0].rating).toBeNull();
    expect(parsed.problems).toEqual([
      { code: "several-levels", severity: "error", sheet: "Form", cell: "C4", message: "Rating: more than one level is marked on row 4 of Form (C4, E4); mark one." },
    ]);
  });

  it("reads level 8 of 10 as 4 on the workbook's 5-point scale", () => {
    const header = ["Criteria", ...Array.from({ length: 10 }, (_, i) => `L${String.fromCharCode(65 + i)} ${i + 1}`)];
    const row: RawCell[] = ["Teamwork", ...Array<RawCell>(10).fill("")];
    row[8] = 8;
    expect(parse([...FORM, header, row]).kras[0].rating).toBe(4);
  });

  it.each<[string, RawCell[]]>([
    ["quarters", ["KRA", "Weight", "Q1", "Q2", "Q3", "Q4", "Rating"]],
    ["weeks", ["KRA", "Weight", "Week 1", "Week 2", "Week 3", "Rating"]],
  ])("does not take %s for rating levels", (_name, header) => {
    const parsed = parse([...FORM, header, ["Sales", 100, 3, 4, 5, 2, 4].slice(0, header.length)]);
    expect(parsed.kras.map((k) => k.rating)).toEqual([header.length === 7 ? 4 : 2]);
  });

  it("weights the criteria of a sheet with no weight column equally", () => {
    const scored = person(parse([...FORM, ["Criteria", ...levels], marked("A", 4), marked("B", 3), marked("C", 5)]));
    expect(scored.score).toBeCloseTo(4, 10);
    expect(scored.weightTotal).toBeCloseTo(100, 10);
  });

  it("keeps a weight column left blank as no weight (the weights are missing, not equal)", () => {
    const scored = person(parse([...FORM, ["KRA", "Weight", "Rating"], ["A", "", 4], ["B", "", 3]]));
    expect([scored.score, scored.weightTotal]).toEqual([null, 0]);
  });

  it("reads whichever level is marked, in any mark (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.constantFrom<RawCell>("✓", "✔", "x", "X", "yes", true, "level"), (level, mark) => {
        const [kra] = parse([...FORM, ["Criteria", ...levels], marked("Teamwork", level, mark === "level" ? level : mark)]).kras;
        expect(kra.rating).toBe(level);
      }),
    );
  });
});

describe("a completion as the only measure", () => {
  const rated = (header: RawCell[], rows: RawCell[][], formats?: string[][]) => person(parse([...FORM, header, ...rows], formats)).areas.map((a) => a.rating);

  it.each<[string, RawCell[], RawCell[][], Array<[number, number, string]>, Array<number | null>]>([
    ["percentages under a (%) header", ["KRA", "Weightage (%)", "Goal Completion (%)"], [["Renewals", 40, 100], ["Onboarding", 30, 85], ["Knowledge base", 30, 60]], [], [4, 3, 2]],
    ["percent cells of an Achievement column with no Target", ["KRAs", "Weightage", "Achievement"], [["A", 50, 1.1], ["B", 50, 0.75]], [[3, 2, "0%"], [4, 2, "0%"]], [4, 2]],
    ["percentages written as text", ["KRA", "Weight", "Achievement"], [["A", 50, "110%"], ["B", 50, "90%"]], [], [4, 3]],
    ["fractions under a Completion header", ["KRA", "Weight", "Completion"], [["A", 50, 0.85], ["B", 50, 1]], [], [3, 4]],
    ["whole percentages under a Completion header", ["KRA", "Weight", "Completion"], [["A", 50, 85], ["B", 50, 100]], [], [3, 4]],
    ["plain figures under Achievement, with nothing to compare them with", ["KRA", "Weight", "Achievement"], [["A", 50, 36], ["B", 50, 12]], [], [null, null]],
    ["a completion of an area worded as a decrease (still higher is better)", ["KRA", "Weight", "Completion %"], [["Reduce downtime", 100, 85]], [], [3]],
  ])("derives the rating from %s", (_name, header, rows, percentCells, ratings) => {
    expect(rated(header, rows, formatsOf([...FORM, header, ...rows], percentCells))).toEqual(ratings);
  });

  it("points the implied 100% target at the completion's header", () => {
    const [kra] = parse([...FORM, ["KRA", "Weight", "Goal Completion (%)"], ["Renewals", 100, 85]]).kras;
    expect([kra.target, kra.cells.target]).toEqual([100, "C3"]);
  });

  it("a completion rates the same however the percentage is written (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.constantFrom("percent cell", "text", "(%) header"), (percent, written) => {
        const header: RawCell[] = ["KRA", "Weight", written === "(%) header" ? "Goal Completion (%)" : "Achievement"];
        const value: RawCell = written === "percent cell" ? percent / 100 : written === "text" ? `${percent}%` : percent;
        const sheet = [...FORM, header, ["Renewals", 100, value]];
        const formats = formatsOf(sheet, written === "percent cell" ? [[3, 2, "0%"]] : []);
        expect(rated(header, [["Renewals", 100, value]], formats)).toEqual([deriveRating(percent, 100)]);
      }),
    );
  });
});

describe("the KRA column headed with what else to write in it", () => {
  it.each<[string, string, Record<string, number>]>([
    ["KRAs along with action plan (in brief)", "area", { area: 1, weight: 2, actual: 3 }],
    ["KRA and Objectives", "area", { area: 1, weight: 2, actual: 3 }],
  ])("reads '%s' as the %s", (header, _field, columns) => {
    const parsed = parse([...FORM, ["Sr.No.", header, "Weightage", "Achievement"], ["1.", "Preventive maintenance", 100, 1]]);
    expect(parsed.sheets[0].columns).toEqual(columns);
  });

  it("does not take a KRA number column for the area", () => {
    const parsed = parse([...FORM, ["KRA No.", "Key Result Area", "Weightage", "Rating"], [1, "Maintenance", 100, 4]]);
    expect(parsed.sheets[0].columns).toMatchObject({ area: 1 });
  });
});

describe("the review period of an appraisal form", () => {
  const table = [["KRA", "Weightage (%)", "Rating"], ["Renewals", 60, 4], ["Onboarding", 40, 3]];
  const settings = { ...DEFAULT_SETTINGS, fiscalYearStartMonth: 4 };
  const periodOf = (form: RawCell[][]) => {
    const parsed = parseWorkbook([makeSheet("Form", [...form, ...table])], { settings, asOf: AS_OF });
    return { labels: parsed.kras.map((k) => k.period?.label ?? null), problems: parsed.problems.map((p) => `${p.cell} ${p.code}`) };
  };

  it.each<[string, RawCell[][], string | null]>([
    ["the appraisal cycle, not the month inside the appraisal's code", [["Appraisal", "HR-APR-2026-00031"], ["Employee Name", "Lakshmi Menon"], ["Appraisal Cycle", "FY 2025-26"]], "FY2026"],
    ["the labelled period, not the year of the form's date above it", [["Date:", "2026-03-31"], ["Employee's Name:", "Meera Iyer"], ["Period :", "2025-26"]], "FY2026"],
    ["no period from a code alone", [["Appraisal", "HR-APR-2025-00012"], ["Employee Name", "Sunil Verma"]], null],
    ["a year in the title when nothing is labelled", [["Performance Appraisal 2025"], ["Employee Name", "Sunil Verma"]], "2025"],
    ["the range between a start date and an end date (date cells)", [["Employee Name", "Sunil Verma"], ["Start Date", 45748, "End Date", 46112]], "FY2026"],
    ["the range between dates written as text", [["Employee Name", "Sunil Verma"], ["Period From:", "01-01-2026", "Period To:", "31-12-2026"]], "2026"],
    ["a labelled period over the start and end dates", [["Appraisal Cycle", "FY 2026-27"], ["Employee Name", "Sunil Verma"], ["Start Date", 45748, "End Date", 46112]], "FY2027"],
  ])("reads %s", (_name, form, label) => {
    const { labels, problems } = periodOf(form);
    expect(labels).toEqual([label, label]);
    expect(problems).toEqual([]);
  });

  it("reads a period written as a range of dates", () => {
    expect(periodOf([["Period :", "From 01-04-2025 to 31-03-2026"], ["Name :", "Deepak Rao"]])).toEqual({ labels: ["FY2026", "FY2026"], problems: [] });
  });

  it("tells a period it cannot read once, at the form's cell, not once per area", () => {
    const { labels, problems } = periodOf([["Period :", "From the last review to now"], ["Name :", "Deepak Rao"]]);
    expect(labels).toEqual([null, null]);
    expect(problems).toEqual(["B1 not-a-period"]);
  });
});

describe("a completion column beside an Actual column", () => {
  it.each<[string, RawCell[]]>([
    ["before it", ["KRA", "Weight", "Target", "% Completion", "Actual"]],
    ["after it", ["KRA", "Weight", "Target", "Actual", "% Completion"]],
  ])("reads the Actual column as the actual when the completion comes %s", (_name, header) => {
    const actualCol = header.indexOf("Actual");
    const row: RawCell[] = header.map((h) => (h === "KRA" ? "Sales" : h === "Weight" ? 100 : h === "Target" ? 40 : h === "Actual" ? 36 : 90));
    const parsed = parse([...FORM, header, row]);
    expect(parsed.sheets[0].columns.actual).toBe(actualCol);
    expect(parsed.sheets[0].unmappedHeaders).toContain("% Completion");
    expect([parsed.kras[0].actual, parsed.kras[0].target]).toEqual([36, 40]);
  });
});

describe("a Period column holding how often an area is measured", () => {
  it.each<[string, RawCell, string | null, number]>([
    ["Annual", "Annual", null, 0],
    ["Quarterly", "Quarterly", null, 0],
    ["half-yearly", "Half-yearly", null, 0],
    ["a year", 2025, "2025", 0],
    ["words that are no period", "Soon", null, 1],
  ])("reads %s", (_name, cell, label, problems) => {
    const parsed = parse([["KRA", "Weightage", "Period", "Rating"], ["Renewals", 60, cell, 4], ["Onboarding", 40, cell, 3]].map((row, i) => (i === 0 ? ["Employee", ...row] : ["Ana", ...row])));
    expect(parsed.kras.map((k) => k.period?.label ?? null)).toEqual([label, label]);
    expect(parsed.problems).toHaveLength(problems * 2);
  });
});
