import { a1 } from "../../src/core/address";
import type { RawCell } from "../../src/core/model";
import { evaluateFormula, type CellReader } from "../../src/taskpane/preview/formulas";

/** A sheet "S" whose cells are given by address; formula cells evaluate through the same reader. */
function sheet(cells: Record<string, RawCell>): CellReader {
  const read: CellReader = (_sheet, row, col) => {
    const value = cells[a1(row, col)] ?? "";
    return typeof value === "string" && value.startsWith("=") ? evaluateFormula(value, "S", read, a1(row, col)) : value;
  };
  return read;
}

describe("the preview's formula evaluation", () => {
  const read = sheet({
    D3: 0.042,
    E3: 0.028,
    F3: 0.035,
    G3: "=ALTITUDE.OKRSCORE(D3,E3,F3)",
    D4: 5,
    E4: 5,
    F4: 6,
    A1: 45,
    B1: 30,
    C1: 38,
    C2: 50,
    K1: 4,
    K2: 3,
    K3: 5,
    L1: 40,
    L2: 30,
    L3: 30,
    X1: "=X2",
    X2: "=X1",
  });

  it.each([
    ["a key result score", "=ALTITUDE.OKRSCORE(D3,E3,F3)", 0.5],
    ["a grade over a score cell that is itself a formula", "=ALTITUDE.OKRGRADE(G3)", "Yellow"],
    ["pace between two DATE literals", "=ALTITUDE.OKRPACE(G3,DATE(2026,7,1),DATE(2026,9,30),DATE(2026,8,15))", "On track"],
    ["a KPI status with an empty optional argument", '=ALTITUDE.KPISTATUS(C1,A1,B1,"")', "Watch"],
    ["a trend over two readings put side by side", '=ALTITUDE.KPITREND(CHOOSE({1,2},C2,C1),"lower")', "Improving"],
    ["a trend read higher-is-better by default", "=ALTITUDE.KPITREND(CHOOSE({1,2},C2,C1))", "Declining"],
    ["a KRA score over absolute ranges", "=ALTITUDE.KRASCORE($K$1:$K$3,$L$1:$L$3)", 4],
    ["a text formula", '="Flat"', "Flat"],
    ["an empty text formula", '=""', ""],
    ["target equal to start as Excel's error", "=ALTITUDE.OKRSCORE(D4,E4,F4)", "#VALUE!"],
    ["an unknown function", "=SUM(A1:B1)", "#NAME?"],
    ["a circular reference", "=X1", "#REF!"],
  ])("evaluates %s", (_name, formula, expected) => {
    const value = evaluateFormula(formula, "S", read);
    if (typeof expected === "number") expect(value).toBeCloseTo(expected, 10);
    else expect(value).toBe(expected);
  });
});
