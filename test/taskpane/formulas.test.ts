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
    // A little KPI table: names, periods (serials), actuals with a blank one.
    P1: "NPS",
    P2: "Churn",
    P3: "nps",
    P4: "NPS",
    Q1: 46204,
    Q2: 46204,
    Q3: 46235,
    Q4: 46266,
    R1: 40,
    R2: 5,
    R3: 45,
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
    // The lookups Trend and Person score make over a table's columns, with Excel's rules for each part.
    ["LET names used later in the formula", "=LET(x,2,y,x*3,y+1)", 7],
    ["comparison ignoring case, multiplied into 1s and 0s", "=MAX(FILTER(Q1:Q4,(P1:P4=\"NPS\")*(Q1:Q4<46266)))", 46235],
    ["FILTER with nothing left", "=FILTER(Q1:Q4,P1:P4=\"none\")", "#CALC!"],
    ["FILTER with nothing left and a fallback", "=FILTER(Q1:Q4,P1:P4=\"none\",0)", 0],
    ["IFERROR over FILTER's #CALC!", "=IFERROR(MAX(FILTER(Q1:Q4,P1:P4=\"none\")),0)", 0],
    ["FILTER gives 0 for a blank cell", "=MAX(FILTER(R1:R4,Q1:Q4=46266))", 0],
    ["XLOOKUP's first exact match", "=XLOOKUP(1,(P1:P4=\"nps\")*(Q1:Q4=46235),R1:R4)", 45],
    ["XLOOKUP's blank cell stays blank", "=XLOOKUP(46266,Q1:Q4,R1:R4)=\"\"", true],
    ["XLOOKUP with nothing found", "=XLOOKUP(1,Q1:Q4,R1:R4)", "#N/A"],
    ["XLOOKUP with nothing found and a fallback", "=XLOOKUP(1,Q1:Q4,R1:R4,\"\")", ""],
    ["IF over an array, blanks made empty text", "=XLOOKUP(46266,Q1:Q4,IF(R1:R4=\"\",\"-\",R1:R4))", "-"],
    ["ISNUMBER of a number", "=AND(ISNUMBER(Q1),TRUE)", true],
    ["ISNUMBER of text and of a blank", "=OR(ISNUMBER(P1),ISNUMBER(R4))", false],
    ["OR with an error", "=OR(TRUE,1/0)", "#DIV/0!"],
    ["numbers before text", "=5<\"a\"", true],
    ["a blank beside a number is 0", "=R4=0", true],
    ["concatenation of a number", "=\"<\"&Q1", "<46204"],
    ["a trend over a reading found by lookup", "=ALTITUDE.KPITREND(CHOOSE({1,2},XLOOKUP(46204,Q1:Q4,R1:R4),45))", "Improving"],
  ])("evaluates %s", (_name, formula, expected) => {
    const value = evaluateFormula(formula, "S", read);
    if (typeof expected === "number") expect(value).toBeCloseTo(expected, 10);
    else expect(value).toBe(expected);
  });
});
