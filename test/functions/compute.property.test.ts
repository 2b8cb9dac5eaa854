/**
 * Properties of the host-neutral functions, over cells as hosts pass them
 * (numbers, messy text, words, blanks, dates, data types, error objects):
 * they never throw; a range gives, row by row, what the single-cell form gives;
 * and blank rows after the last filled one never change the filled rows.
 */
import fc from "fast-check";
import { withDefaults } from "../../src/core/settings";
import { isCellError, type Grid } from "../../src/functions/cells";
import { kpiStatusOf, kpiTrendOf, kraScoreOf, objectiveScoreOf, okrGrade, okrPace, okrScore, type FunctionContext } from "../../src/functions/compute";

const RUNS = { seed: 20261129, numRuns: 100 } as const;
const context: FunctionContext = { settings: withDefaults({ scoreCap: 1.5 }), today: "2026-08-15" };

/** A cell as a host may pass it. */
const hostCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.double(), fc.integer({ min: -100, max: 200 }), fc.constantFrom(46204, 46249, 46295, 0, 1, 0.5)) },
  { weight: 3, arbitrary: fc.constantFrom("45%", "1,200", "$3.2k", "−5", "(3)", "1 2", "€1,5", "50 %", "tbd", "n/a", "TRUE", "done", "lots", "2026-07-01") },
  { weight: 2, arbitrary: fc.constantFrom("increase", "decrease", "binary", "maintain", "milestone", "committed", "higher", "lower", "band", "sideways") },
  { weight: 3, arbitrary: fc.constantFrom(null, undefined, "", "  ") },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.double().map((basicValue) => ({ type: "Double", basicValue })) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#DIV/0!", "#REF!").map((basicValue) => ({ type: "Error", basicValue })) },
  { weight: 1, arbitrary: fc.constantFrom({ type: "WebImage", address: "x" }, new Date(2026, 6, 1), new Date(Number.NaN), { code: "#N/A" }) },
);

/** A per-row function as a call over its arguments (single cells or columns). */
type RowFunction = { name: string; arity: number; call: (args: unknown[]) => Grid };

const ROW_FUNCTIONS: RowFunction[] = [
  { name: "OKRSCORE", arity: 5, call: (a) => okrScore(a[0], a[1], a[2], a[3], a[4], context) },
  { name: "OKRGRADE", arity: 2, call: (a) => okrGrade(a[0], a[1], context) },
  { name: "OKRPACE", arity: 4, call: (a) => okrPace(a[0], a[1], a[2], a[3], context) },
  { name: "KPISTATUS", arity: 5, call: (a) => kpiStatusOf(a[0], a[1], a[2], a[3], a[4], context) },
];

const RANGE_FUNCTIONS: Array<{ name: string; arity: number; call: (args: unknown[]) => Grid }> = [
  { name: "OBJECTIVESCORE", arity: 2, call: (a) => objectiveScoreOf(a[0], a[1], context) },
  { name: "KPITREND", arity: 4, call: (a) => kpiTrendOf(a[0], a[1], a[2], a[3], context) },
  { name: "KRASCORE", arity: 2, call: (a) => kraScoreOf(a[0], a[1], context) },
];

function expectCells(grid: Grid): void {
  expect(grid.length).toBeGreaterThan(0);
  for (const row of grid) {
    for (const cell of row) {
      if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      else if (typeof cell === "object") expect(isCellError(cell) && cell.message.length > 0).toBe(true);
      else expect(typeof cell).toBe("string");
    }
  }
}

const empty = (cell: unknown) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** Columns of equal height for a function of `arity` arguments. */
const columns = (arity: number) =>
  fc.integer({ min: 1, max: 6 }).chain((rows) => fc.array(fc.array(hostCell, { minLength: rows, maxLength: rows }), { minLength: arity, maxLength: arity }));

describe("the functions never throw", () => {
  it.each([...ROW_FUNCTIONS, ...RANGE_FUNCTIONS])("$name returns numbers, text or cell errors for any single cells", ({ arity, call }) => {
    fc.assert(
      fc.property(fc.array(hostCell, { minLength: arity, maxLength: arity }), (cells) => {
        expectCells(call(cells));
        expectCells(call(cells.map((c) => [[c]])));
      }),
      RUNS,
    );
  });

  it.each([...ROW_FUNCTIONS, ...RANGE_FUNCTIONS])("$name returns numbers, text or cell errors for any columns", ({ arity, call }) => {
    fc.assert(
      fc.property(columns(arity), (cols) => {
        expectCells(call(cols.map((col) => col.map((c) => [c]))));
      }),
      RUNS,
    );
  });
});

describe("a range gives, row by row, what single cells give", () => {
  it.each(ROW_FUNCTIONS)("$name", ({ arity, call }) => {
    fc.assert(
      fc.property(columns(arity), (cols) => {
        const rows = cols[0].length;
        const result = call(cols.map((col) => col.map((c) => [c])));
        const filled = Array.from({ length: rows }, (_, r) => cols.some((col) => !empty(col[r])));
        if (rows > 1 && !filled.includes(true)) {
          expect(result).toEqual([[""]]);
          return;
        }
        for (let r = 0; r < rows; r++) {
          if (r < result.length) expect(result[r]).toEqual(call(cols.map((col) => [[col[r]]]))[0]);
          else expect(filled[r]).toBe(false);
        }
        // Only a blank tail is left out.
        expect(result.length).toBe(rows > 1 ? filled.lastIndexOf(true) + 1 : 1);
      }),
      RUNS,
    );
  });
});

describe("blank rows after the last filled one never change the filled rows", () => {
  const blankTail = fc.array(fc.constantFrom(null, "", " "), { minLength: 1, maxLength: 5 });

  it.each([...ROW_FUNCTIONS, ...RANGE_FUNCTIONS])("$name", ({ arity, call }) => {
    fc.assert(
      fc.property(columns(arity), blankTail, (cols, tail) => {
        const without = call(cols.map((col) => col.map((c) => [c])));
        const withTail = call(cols.map((col) => [...col, ...tail].map((c) => [c])));
        const rows = cols[0].length;
        const anyFilled = cols.some((col) => col.some((c) => !empty(c)));
        if (rows === 1 && !anyFilled) return; // a lone blank row is computed; a blank column is one blank cell
        expect(withTail).toEqual(without);
      }),
      RUNS,
    );
  });
});
