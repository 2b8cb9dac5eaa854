/**
 * Cells that reach a function as objects. functions.json sets
 * allowCustomDataForDataTypeAny and allowErrorForDataTypeAny
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json), so:
 * - a cell holding a data type arrives as its JSON (`{ type: "Double", basicValue: 40 }`),
 *   as "Custom functions and data types" describes
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts);
 *   the function reads its basic value;
 * - an error cell arrives as an error object; what each function does with it is
 *   written in its JSDoc and in src/functions/README.md.
 */
import "./fake-custom-functions";
import { errorOf } from "./fake-custom-functions";
import { kpiStatusFn, kpiTrendFn, kraScoreFn, objectiveScoreFn, okrGrade, okrPace, okrScore } from "../../src/functions/functions";

const double = (basicValue: number) => ({ type: "Double", basicValue });
const formatted = (basicValue: number, numberFormat: string) => ({ type: "FormattedNumber", basicValue, numberFormat });
const entity = (text: string) => ({ type: "LinkedEntity", text, basicValue: text, id: { serviceId: 268, domainId: "x", entityId: "1", culture: "en-US" } });
const error = (basicValue: string, errorType: string) => ({ type: "Error", basicValue, errorType });
const NA = error("#N/A", "NotAvailable");
const DIV0 = error("#DIV/0!", "Div0");

/** A result with every cell error shown as "CODE message", so expectations read at a glance. */
function shown(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(shown);
  const e = errorOf(result);
  return e ? `${e.code} ${e.message ?? ""}`.trim() : result;
}

// Serial numbers of Q3 2026 dates.
const JUL_1 = 46204;
const AUG_15 = 46249;
const SEP_30 = 46295;

describe("data types give their basic value", () => {
  it.each<[string, () => unknown, unknown]>([
    ["OKRSCORE over Double cells", () => okrScore([[double(40)]], [[double(60)]], [[double(50)]]), [[0.5]]],
    ["OKRSCORE over formatted numbers (percent)", () => okrScore([[formatted(0, "0%")]], [[formatted(0.5, "0%")]], [[formatted(0.25, "0%")]]), [[0.5]]],
    ["OKRSCORE over a linked entity names it", () => okrScore([[40]], [[60]], [[entity("Contoso")]]), [['#VALUE! Current: "Contoso" is not a number.']]],
    ["OBJECTIVESCORE over Double scores and weights", () => objectiveScoreFn([[double(1)], [double(0)]], [[double(3)], [double(1)]]), 0.75],
    ["OKRGRADE over a formatted score", () => okrGrade([[formatted(0.7, "0%")]]), [["Green"]]],
    ["OKRPACE over date-formatted numbers", () => okrPace([[0.5]], [[formatted(JUL_1, "yyyy-mm-dd")]], [[formatted(SEP_30, "yyyy-mm-dd")]], [[formatted(AUG_15, "d mmm")]]), [["On track"]]],
    ["KPISTATUS over Double bounds", () => kpiStatusFn([[double(38)]], [[double(45)]], [[double(30)]]), [["Watch"]]],
    ["KPITREND over Double readings", () => kpiTrendFn([[double(40), double(38)]], [["lower"]]), [["Improving"]]],
    ["KRASCORE over Double ratings and formatted weights", () => kraScoreFn([[double(4)], [double(3)], [double(5)]], [[formatted(0.4, "0%")], [formatted(0.3, "0%")], [formatted(0.3, "0%")]]), 4],
    ["a String data type is read as its text", () => okrScore([[40]], [[60]], [[{ type: "String", basicValue: "50%" }]]), [[0]]],
  ])("%s", async (_name, call, expected) => {
    const result = shown(await call());
    if (typeof expected === "number") expect(result).toBeCloseTo(expected, 10);
    else expect(result).toEqual(expected);
  });
});

describe("error cells among the arguments", () => {
  it.each<[string, () => unknown, unknown]>([
    ["OKRSCORE: #N/A in current gives #N/A on that row only", () => okrScore([[40], [40]], [[60], [60]], [[50], [NA]]), [[0.5], ["#N/A Current holds #N/A."]]],
    ["OKRSCORE: an error in start is named", () => okrScore([[DIV0]], [[60]], [[50]]), [["#N/A Start holds #DIV/0!."]]],
    ["OKRSCORE: an error in the optional type is named", () => okrScore([[40]], [[60]], [[50]], [[error("#REF!", "Ref")]]), [["#N/A Type holds #REF!."]]],
    ["OKRSCORE: an error shown ahead of another problem of the row", () => okrScore([["lots"]], [[NA]], [[50]]), [["#N/A Target holds #N/A."]]],
    ["OKRSCORE: an error value read from a sheet as text", () => okrScore([[40]], [["#N/A"]], [[50]]), [["#N/A Target holds #N/A."]]],
    ["OKRGRADE: an error score", () => okrGrade([[0.8], [DIV0]]), [["Green"], ["#N/A Score holds #DIV/0!."]]],
    ["OKRPACE: an error in the period end", () => okrPace([[0.5]], [[JUL_1]], [[NA]], [[AUG_15]]), [["#N/A Period end holds #N/A."]]],
    ["KPISTATUS: an error floor", () => kpiStatusFn([[38]], [[NA]], [[30]]), [["#N/A Floor holds #N/A."]]],
    ["KPISTATUS: an error direction", () => kpiStatusFn([[38]], [[45]], [[30]], undefined, [[error("#NAME?", "Name")]]), [["#N/A Direction holds #NAME?."]]],
    ["OBJECTIVESCORE: an error score names its cell", () => objectiveScoreFn([[0.5], [NA], [1]]), "#N/A Scores, cell 2, holds #N/A."],
    ["OBJECTIVESCORE: an error weight names its cell", () => objectiveScoreFn([[0.5], [1]], [[1], [DIV0]]), "#N/A Weights, cell 2, holds #DIV/0!."],
    ["KRASCORE: an error rating names its cell", () => kraScoreFn([[4], [NA]], [[50], [50]]), "#N/A Ratings, cell 2, holds #N/A."],
    ["KRASCORE: an error weight names its cell", () => kraScoreFn([[4], [3]], [[error("#VALUE!", "Value")], [50]]), "#N/A Weights, cell 1, holds #VALUE!."],
    ["KPITREND: a #N/A reading is skipped like a blank", () => kpiTrendFn([[40, 38, NA]], [["lower"]]), [["Improving"]]],
    ["KPITREND: #N/A as the newest reading leaves the two before it", () => kpiTrendFn([[5], [7], [NA]]), [["Improving"]]],
    ["KPITREND: another error reading gives #N/A naming it", () => kpiTrendFn([[40, DIV0, 38]]), [["#N/A Values, reading 2, holds #DIV/0!."]]],
    ["KPITREND: one row of a block with an error, the others computed", () => kpiTrendFn([[1, 2], [3, DIV0]]), [["Improving"], ["#N/A Values, reading 2, holds #DIV/0!."]]],
  ])("%s", async (_name, call, expected) => {
    expect(shown(await call())).toEqual(expected);
  });
});
