/**
 * A messy value means the same in a sheet and in a formula: each cell is read
 * once as a key result's Current in a parsed OKR sheet, and once as OKRSCORE's
 * current argument. OKRSCORE(-1000, 0, x, "increase", cap) scores (x + 1000) / 1000,
 * so the score gives back the number the function read; a blank current is no
 * check-in and scores 0.
 */
import "./fake-custom-functions";
import { errorOf } from "./fake-custom-functions";
import type { RawCell } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { withDefaults } from "../../src/core/settings";
import { okrScore } from "../../src/functions/functions";
import { setFunctionSettings } from "../../src/functions/settings-store";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { makeOkrSheet, okrRow } from "../core/parse-fixtures";

type Meaning = number | "blank" | "not a number";

function inSheet(cell: RawCell, decimalSeparator: "." | ","): Meaning {
  const sheet = makeOkrSheet([okrRow({ period: "2026-Q3", objective: "Grow", keyResult: "Revenue", owner: "Ana", start: -1000, target: 0, current: cell })]);
  const parsed = parseWorkbook([sheet], { settings: withDefaults({ decimalSeparator }) });
  if (parsed.problems.some((p) => p.cell === "J2")) return "not a number";
  const current = parsed.keyResults[0].current;
  return current === null ? "blank" : current;
}

async function inFormula(cell: RawCell, decimalSeparator: "." | ","): Promise<Meaning> {
  setFunctionSettings(withDefaults({ decimalSeparator }));
  const [[score]] = (await okrScore([[-1000]], [[0]], [[cell]], [["increase"]], [[1e6]]));
  if (errorOf(score)) return errorOf(score)?.code === "#VALUE!" ? "not a number" : "blank";
  return score === 0 ? "blank" : Number(((score as number) * 1000 - 1000).toPrecision(12));
}

afterEach(() => setFunctionSettings(DEFAULT_SETTINGS));

describe("one value converter for sheets and formulas", () => {
  it.each<[string, RawCell, "." | ",", Meaning]>([
    ["tbd is blank", "tbd", ".", "blank"],
    ["TBC is blank", "TBC", ".", "blank"],
    ["n/a is blank", "n/a", ".", "blank"],
    ["45% is 0.45", "45%", ".", 0.45],
    ["1,200 is 1200", "1,200", ".", 1200],
    ["$3.2k is 3200", "$3.2k", ".", 3200],
    ["−5 (Unicode minus) is −5", "\u22125", ".", -5],
    ["a TRUE cell is a yes: 1", true, ".", 1],
    ["TRUE typed as text is a yes: 1", "TRUE", ".", 1],
    ["1 2 is not a number", "1 2", ".", "not a number"],
    ["(3) is −3, accounting style", "(3)", ".", -3],
    ["€1,5 is 1.5 where decimals are commas", "€1,5", ",", 1.5],
    ["€1,5 is not a number where decimals are points", "€1,5", ".", "not a number"],
    ["50 % is 0.5", "50 %", ".", 0.5],
    ["trailing currency: 1200 € is 1200", "1200 €", ".", 1200],
  ])("%s", async (_name, cell, decimalSeparator, meaning) => {
    expect(inSheet(cell, decimalSeparator)).toEqual(meaning);
    expect(await inFormula(cell, decimalSeparator)).toEqual(meaning);
  });
});
