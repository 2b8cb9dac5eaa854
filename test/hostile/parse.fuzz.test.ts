/**
 * Hostile input through the parsing door: random and adversarial sheets go
 * through parse, analyse, checks, rollup and reviews. Nothing may throw, no
 * number may come out as NaN, and every problem and finding names its sheet and
 * a real cell address.
 */
import fc from "fast-check";
import { analyse } from "../../src/core/analyse";
import { checkWorkbook } from "../../src/core/checks";
import type { Problem, RawCell, SheetData } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { computeReviews } from "../../src/core/review";
import { computeRollup } from "../../src/core/rollup";
import { planRollup } from "../../src/core/rollup-sheet";
import { planReviews } from "../../src/core/review-sheets";
import { parsePeriod } from "../../src/core/periods";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planTableConversion } from "../../src/core/tables";
import { ADDRESS, CONTROL, EXCEL_ERRORS, FORMULA_LIKE, FUZZ, LONG_TEXT, NUMBERISH, RTL_AND_UNICODE, workbook } from "./arbitraries";

const settings = DEFAULT_SETTINGS;
const AS_OF = "2026-08-15";

function run(sheets: SheetData[]) {
  const parsed = parseWorkbook(sheets, { settings });
  const analysis = analyse(parsed, settings, AS_OF);
  const findings = checkWorkbook(parsed, analysis, { settings, asOf: AS_OF });
  return { parsed, analysis, findings };
}

function expectLocated(problems: readonly Problem[], sheetNames: readonly string[]): void {
  for (const p of problems) {
    expect(sheetNames).toContain(p.sheet);
    expect(p.cell).toMatch(ADDRESS);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** Every number in a record is a finite number or null, never NaN or an infinity. */
function expectNoNaN(records: ReadonlyArray<object>): void {
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === "number") expect({ key, finite: Number.isFinite(value) }).toEqual({ key, finite: true });
    }
  }
}

describe("parsing door: random sheets", () => {
  it("parses, scores and checks any workbook without throwing, and locates every problem", () => {
    fc.assert(
      fc.property(workbook, (sheets) => {
        const { parsed, analysis, findings } = run(sheets);
        const names = sheets.map((s) => s.name);
        expect(parsed.problems.filter((p) => p.code === "unreadable-sheet")).toEqual([]);
        expectLocated(parsed.problems, names);
        expectLocated(analysis.problems, names);
        expectLocated(findings, names);
        expectNoNaN(parsed.keyResults);
        expectNoNaN(parsed.kpis);
        expectNoNaN(parsed.kras);
        expectNoNaN(parsed.checkIns);
        for (const kr of analysis.keyResults) if (kr.score !== null) expect(Number.isFinite(kr.score)).toBe(true);
        for (const kra of analysis.kras) if (kra.score !== null) expect(Number.isFinite(kra.score)).toBe(true);
      }),
      FUZZ,
    );
  });

  it("builds rollups, reviews and table conversions from any workbook without throwing", () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom("2026-Q3", "Q3 2026", "2026-H1", "2026-08", "2026"), (sheets, label) => {
        const { parsed, analysis, findings } = run(sheets);
        const read = parsePeriod(label);
        if (!read.ok || read.value === null) throw new Error(`${label} should read as a period`);
        const period = read.value;
        const rollup = computeRollup(analysis, findings, { period, settings });
        expect(planRollup(rollup).sheets).toHaveLength(1);
        const reviews = computeReviews(analysis, findings, { period, settings });
        expect(planReviews(reviews, { period }).sheets).toHaveLength(reviews.length + 1);
        for (const recognised of parsed.sheets) {
          const sheet = sheets.find((s) => s.name === recognised.name);
          if (!sheet) continue;
          const conversion = planTableConversion(sheet, recognised, settings);
          if (!conversion.ok) continue;
          const formulas = conversion.value.computed.flatMap((column) => column.formulas);
          // Formulas are Altitude's own: no user text ever lands in one as code. A header may name a
          // column in a structured reference ([@[…]], [[…]], escaped) and a carried value may be a
          // quoted literal (quotes doubled); outside those, only Altitude's functions, names and numbers.
          const code = formulas.map((f) =>
            f
              .replace(/"(?:[^"]|"")*"/g, '""')
              .replace(/\[@(?:\[(?:[^'\]]|'.)*\]|[A-Za-z_][A-Za-z0-9_]*)\]/g, "[@]")
              .replace(/\[(?:\[(?:[^'\]]|'.)*\]|[A-Za-z_][A-Za-z0-9_]*)\]/g, "[]"),
          );
          for (const text of userTexts(sheet)) expect(code.filter((f) => f.includes(text))).toEqual([]);
          for (const f of code) expect(f).toMatch(/^=(ALTITUDE\.[A-Z]+\(|LET\(|DATE\(\d+,\d+,\d+\)$|""(&"")*$|-?\d+(\.\d+)?(e[-+]\d+)?$|TRUE$|FALSE$)/);
        }
      }),
      { ...FUZZ, numRuns: 80 },
    );
  });
});

/** The texts of a sheet's cells that could carry meaning into a formula: not blank, not an address or a number. */
function userTexts(sheet: SheetData): string[] {
  const texts = sheet.values.flatMap((line) => (Array.isArray(line) ? line : [])).filter((v): v is string => typeof v === "string");
  return texts.filter((t) => t.trim().length >= 2 && !/^\$?[A-Za-z]{0,3}\$?\d*$/.test(t.trim()) && !/^[\d.,\s%$+-]*$/.test(t));
}

const OKR_HEADERS = ["Objective", "Key result", "Owner", "Start", "Target", "Current", "Period", "Type"];

/** An OKR sheet whose one data row holds `value` in every column. */
function okrRowOf(value: RawCell): SheetData {
  return { name: "OKRs", origin: { row: 0, col: 0 }, values: [OKR_HEADERS, OKR_HEADERS.map(() => value)] };
}

describe("parsing door: named adversarial cells", () => {
  const cases: Array<{ name: string; value: RawCell }> = [
    ...[Number.NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, -0, 1e308].map((value) => ({ name: `number ${String(value)}`, value })),
    ...[...FORMULA_LIKE, ...RTL_AND_UNICODE, ...CONTROL, ...EXCEL_ERRORS, ...NUMBERISH].map((value) => ({ name: `text ${JSON.stringify(value)}`, value })),
    { name: "a 10,000-character string", value: LONG_TEXT },
    { name: "TRUE", value: true },
  ];

  it.each(cases)("$name in every column is read or reported at its cell", ({ value }) => {
    const { parsed, analysis, findings } = run([okrRowOf(value)]);
    expectLocated([...parsed.problems, ...analysis.problems, ...findings], ["OKRs"]);
    expectNoNaN(parsed.keyResults);
    // The row is either a key result or a located problem on row 2: never silently lost.
    const onRow2 = [...parsed.problems, ...findings].some((p) => /^[A-Z]+2$/.test(p.cell));
    expect(parsed.keyResults.length > 0 || onRow2 || String(value).trim() === "").toBe(true);
  });

  it("quotes at most a short excerpt of a 10,000-character cell in parsing problems", () => {
    const { parsed } = run([okrRowOf(LONG_TEXT)]);
    expect(parsed.problems.length).toBeGreaterThan(0);
    for (const p of parsed.problems) expect(p.message.length).toBeLessThan(500);
  });

  it("reads a sheet with 3,000 columns and duplicate headers, keeping one column per field", () => {
    const headers: RawCell[] = Array.from({ length: 3000 }, (_, i) => (i < 8 ? OKR_HEADERS[i] : i % 7 === 0 ? "Target" : i % 5 === 0 ? "" : `Extra ${i}`));
    const row: RawCell[] = headers.map((_, i) => (i < 8 ? ["Grow", "Raise NPS from 40 to 60", "Ana", 40, 60, 50, "2026-Q3", "increase"][i] : i));
    const { parsed } = run([{ name: "OKRs", origin: { row: 0, col: 0 }, values: [headers, row] }]);
    expect(parsed.sheets[0]?.kind).toBe("okr");
    expect(parsed.keyResults.map((k) => [k.keyResult, k.target])).toEqual([["Raise NPS from 40 to 60", 60]]);
  });

  it("treats merged cells (blank below the first) as fill-down", () => {
    const values: RawCell[][] = [
      OKR_HEADERS,
      ["Grow", "Raise NPS from 40 to 60", "Ana", 40, 60, 50, "2026-Q3", "increase"],
      ["", "Cut churn from 5 to 3", "Ben", 5, 3, 4, "", "decrease"],
    ];
    const { parsed } = run([{ name: "OKRs", origin: { row: 0, col: 0 }, values }]);
    expect(parsed.keyResults.map((k) => [k.objective, k.period?.label, k.cells.objective])).toEqual([
      ["Grow", "2026-Q3", "A2"],
      ["Grow", "2026-Q3", "A2"],
    ]);
  });

  it("reports rows that are not arrays as one located problem rather than throwing", () => {
    const sheets = [{ name: "OKRs", origin: { row: 0, col: 0 }, values: [OKR_HEADERS, "row", null, 7] }] as unknown as SheetData[];
    const { parsed } = run(sheets);
    expect(parsed.problems.map((p) => [p.sheet, p.cell])).toEqual(parsed.problems.map(() => ["OKRs", expect.stringMatching(ADDRESS)]));
  });

  it.each([
    { name: "values that are not an array", sheet: { name: "OKRs", origin: { row: 0, col: 0 }, values: "oops" } },
    { name: "null and undefined cells", sheet: { name: "OKRs", origin: { row: 0, col: 0 }, values: [OKR_HEADERS, [null, undefined, "Ana", null, 60, undefined]] } },
    { name: "a missing origin", sheet: { name: "OKRs", values: [OKR_HEADERS, ["Grow", "Raise NPS", "Ana", 1, 2, 3]] } },
    { name: "a name that is not a string", sheet: { name: 42, origin: { row: 0, col: 0 }, values: [OKR_HEADERS] } },
  ])("survives malformed sheet data: $name", ({ sheet }) => {
    // Data from outside the type system (a broken adapter or file) must not crash parsing.
    const sheets = [sheet] as unknown as SheetData[];
    const { parsed } = run(sheets);
    expect(parsed.problems.filter((p) => p.code === "unreadable-sheet")).toEqual([]);
    for (const p of parsed.problems) expect(p.cell).toMatch(ADDRESS);
  });
});
