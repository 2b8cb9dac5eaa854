import { associated, errorOf } from "./fake-custom-functions";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";
import {
  kpiStatusFn,
  kpiTrendFn,
  kraScoreFn,
  objectiveScoreFn,
  okrGrade,
  okrPace,
  okrScore,
} from "../../src/functions/functions";
import { setFunctionSettings } from "../../src/functions/settings-store";

/** One cell as Excel passes it to a matrix parameter. */
const cell = (value: unknown): unknown[][] => [[value]];
/** One column of cells. */
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** A result with every cell error replaced by its code, so whole spills compare at a glance. */
function shown(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(shown);
  return errorOf(result)?.code ?? result;
}

// Serial numbers of Q3 2026 dates, as Excel passes them.
const JUL_1 = 46204;
const AUG_15 = 46249;
const SEP_30 = 46295;

afterEach(() => {
  setFunctionSettings(DEFAULT_SETTINGS);
  jest.useRealTimers();
});

describe("registration", () => {
  it("associates all seven functions with their ids", async () => {
    expect(Object.fromEntries(associated)).toEqual({
      OKRSCORE: okrScore,
      OBJECTIVESCORE: objectiveScoreFn,
      OKRGRADE: okrGrade,
      OKRPACE: okrPace,
      KPISTATUS: kpiStatusFn,
      KPITREND: kpiTrendFn,
      KRASCORE: kraScoreFn,
    });
  });
});

describe("OKRSCORE", () => {
  it.each<[string, unknown[][], unknown[][], unknown[][], unknown[][] | null | undefined, number]>([
    ["churn 4.2% → 2.8% at 3.5% as numbers", cell(0.042), cell(0.028), cell(0.035), cell("decrease"), 0.5],
    ["churn written as percent text", cell("4.2%"), cell("2.8%"), cell("3.5%"), undefined, 0.5],
    ["thousands separators", cell("1,000"), cell("2,000"), cell("1,500"), null, 0.5],
    ["sales cycle 47 → 31 at 39", cell(47), cell(31), cell(39), cell(""), 0.5],
    ["NPS above target is capped at 1", cell(40), cell(60), cell(72), undefined, 1],
    ["NPS below the baseline scores 0", cell(40), cell(60), cell(35), undefined, 0],
    ["blank current is no check-in: 0", cell(40), cell(60), cell(""), undefined, 0],
    ["binary written as Done", cell(""), cell(1), cell("Done"), cell("binary"), 1],
    ["binary TRUE", cell(""), cell(1), cell(true), cell("Binary"), 1],
    ["binary written as no", cell(""), cell(1), cell("no"), cell("binary"), 0],
    ["milestone 3 of 4", cell(""), cell(4), cell(3), cell("milestone"), 0.75],
  ])("%s", async (_name, start, target, current, type, expected) => {
    const result = (await okrScore(start, target, current, type ?? undefined));
    expect(result).toHaveLength(1);
    expect(result[0][0]).toBeCloseTo(expected, 10);
  });

  it("allows over-achievement up to a cap given as an argument", async () => {
    expect((await okrScore(cell(40), cell(60), cell(72), undefined, cell(1.5)))).toEqual([[1.5]]);
  });

  it("takes the cap from the workbook's settings when none is given", async () => {
    setFunctionSettings(withDefaults({ scoreCap: 2 }));
    expect((await okrScore(cell(40), cell(60), cell(72)))[0][0]).toBeCloseTo(1.6, 10);
  });

  it("spills one score per row of ranges", async () => {
    const result = (await okrScore(column(40, 47, 6.9), column(60, 31, 8), column(72, 39, 7.6), column("", "decrease", "")));
    expect(result.map((row) => row.length)).toEqual([1, 1, 1]);
    expect(result[0][0]).toBe(1);
    expect(result[1][0]).toBeCloseTo(0.5, 10);
    expect(result[2][0]).toBeCloseTo(0.636, 3);
  });

  it.each<[string, string, number, number]>([
    ["maintain below holds at or under the threshold", "maintain below", 2, 1],
    ["maintain below fails above the threshold", "maintain below", 3, 0],
    ["keep below reads the same", "Keep below", 3, 0],
    ["not exceed reads the same", "not exceed", 2, 1],
    ["maintain holds from above", "maintain", 3, 1],
  ])("OKRSCORE type: %s", async (_name, type, current, score) => {
    expect(await okrScore(cell(""), cell(2), cell(current), cell(type))).toEqual([[score]]);
  });

  it("repeats a single cell across a range", async () => {
    expect((await okrScore(cell(0), cell(100), column(50, 25)))).toEqual([[0.5], [0.25]]);
  });

  it("gives #N/A where ranges of different sizes do not overlap", async () => {
    expect(shown((await okrScore(column(0, 0, 0), column(100, 100, 100), column(50, 25))))).toEqual([[0.5], [0.25], ["#N/A"]]);
  });

  it.each<[string, unknown[][], unknown[][], unknown[][], unknown[][] | undefined, string, string]>([
    ["text where a number belongs", cell(40), cell(60), cell("lots"), undefined, "#VALUE!", 'Current: "lots" is not a number.'],
    ["target equal to start", cell(40), cell(40), cell(50), undefined, "#VALUE!", "Target equals start, so progress cannot be measured."],
    ["an unknown type", cell(40), cell(60), cell(50), cell("sideways"), "#VALUE!", 'Type "sideways" is not recognised: use increase, decrease, milestone, binary, maintain or maintain below.'],
    ["no target", cell(40), cell(""), cell(50), undefined, "#VALUE!", "The key result has no target."],
  ])("returns an error for %s", async (_name, start, target, current, type, code, message) => {
    expect(errorOf((await okrScore(start, target, current, type))[0][0])).toEqual({ code, message });
  });

  it("returns an error in the bad row only", async () => {
    expect(shown((await okrScore(column(40, 40), column(60, 40), column(50, 50))))).toEqual([[0.5], ["#VALUE!"]]);
  });
});

describe("OBJECTIVESCORE", () => {
  it.each<[string, unknown[][], unknown[][] | null | undefined, number]>([
    ["key results 0 and 2.0 roll up to 0.5, not 1", column(0, 2), undefined, 0.5],
    ["weighted 3:1", column(1, 0), column(3, 1), 0.75],
    ["a row of scores and weights", [[1, 0]], [[3, 1]], 0.75],
    ["weights as percent text", column(1, 0), column("75%", "25%"), 0.75],
    ["omitted weights (null) are equal", column(0.2, 0.4, 0.9), null, 0.5],
    ["blank scores are skipped with their weights", column(1, "", 0), column(1, 5, 1), 0.5],
  ])("%s", async (_name, scores, weights, expected) => {
    expect((await objectiveScoreFn(scores, weights ?? undefined))).toBeCloseTo(expected, 10);
  });

  it.each<[string, unknown[][], unknown[][] | undefined, string, string]>([
    ["weights of the wrong length", column(0.5, 0.5), column(1), "#VALUE!", "There are 2 scores but 1 weights."],
    ["a negative weight", column(0.5, 0.5), column(1, -1), "#VALUE!", "Weights cannot be negative."],
    ["weights adding up to 0", column(0.5, 0.5), column(0, 0), "#VALUE!", "The weights add up to 0."],
    ["text where a score belongs", column(0.5, "high"), undefined, "#VALUE!", 'Scores, cell 2: "high" is not a number.'],
    ["no scores at all", column("", ""), undefined, "#VALUE!", "There are no key result scores to combine."],
  ])("returns an error for %s", async (_name, scores, weights, code, message) => {
    expect(errorOf((await objectiveScoreFn(scores, weights)))).toEqual({ code, message });
  });
});

describe("OKRGRADE", () => {
  it("grades a column of scores on the aspirational bands", async () => {
    expect((await okrGrade(column(0.39, 0.4, 0.69, 0.7, "45%")))).toEqual([["Red"], ["Yellow"], ["Yellow"], ["Green"], ["Yellow"]]);
  });

  it("grades committed goals green only at 1.0", async () => {
    expect((await okrGrade(column(0.69, 0.7, 0.99, 1), cell("Committed")))).toEqual([["Red"], ["Yellow"], ["Yellow"], ["Green"]]);
  });

  it("reads a commitment per row", async () => {
    expect((await okrGrade(column(0.8, 0.8), column("aspirational", "committed")))).toEqual([["Green"], ["Yellow"]]);
  });

  it("uses the workbook's bands", async () => {
    setFunctionSettings(withDefaults({ grades: { aspirational: { yellow: 0.3, green: 0.6 } } }));
    expect((await okrGrade(cell(0.6)))).toEqual([["Green"]]);
  });

  it("leaves a blank score blank", async () => {
    expect((await okrGrade(cell("")))).toEqual([[""]]);
  });

  it.each<[string, unknown[][], unknown[][] | undefined, string]>([
    ["text where a score belongs", cell("good"), undefined, "#VALUE!"],
    ["an unknown commitment", cell(0.5), cell("sideways"), "#VALUE!"],
  ])("returns an error for %s", async (_name, score, commitment, code) => {
    expect(errorOf((await okrGrade(score, commitment))[0][0])?.code).toBe(code);
  });
});

describe("OKRPACE", () => {
  it.each<[string, unknown, string]>([
    ["Done at score 1", 1, "Done"],
    ["On track at the expected progress", 0.5, "On track"],
    ["On track at ratio 0.95", 0.475, "On track"],
    ["At risk below 0.95", 0.45, "At risk"],
    ["Behind below 0.75", 0.3, "Behind"],
  ])("%s (half-way through Q3)", async (_name, score, pace) => {
    expect((await okrPace(cell(score), cell(JUL_1), cell(SEP_30), cell(AUG_15)))).toEqual([[pace]]);
  });

  it("spills one pace per score", async () => {
    expect((await okrPace(column(1, 0.5, 0.3), cell(JUL_1), cell(SEP_30), cell(AUG_15)))).toEqual([["Done"], ["On track"], ["Behind"]]);
  });

  it("accepts ISO dates written as text", async () => {
    expect((await okrPace(cell(0.45), cell("2026-07-01"), cell("2026-09-30"), cell("2026-08-15")))).toEqual([["At risk"]]);
  });

  it("judges on today when as_of is omitted", async () => {
    jest.useFakeTimers({ now: new Date(2026, 7, 15, 12) });
    expect((await okrPace(column(0.5, 0.3), cell(JUL_1), cell(SEP_30)))).toEqual([["On track"], ["Behind"]]);
  });

  it("uses the workbook's thresholds", async () => {
    setFunctionSettings(withDefaults({ pace: { onTrack: 0.5, atRisk: 0.2 } }));
    expect((await okrPace(cell(0.3), cell(JUL_1), cell(SEP_30), cell(AUG_15)))).toEqual([["On track"]]);
  });

  it("leaves a blank score blank", async () => {
    expect((await okrPace(cell(""), cell(JUL_1), cell(SEP_30), cell(AUG_15)))).toEqual([[""]]);
  });

  it.each<[string, unknown[][], unknown[][], unknown[][], string]>([
    ["a date written as words", cell(0.5), cell("soon"), cell(SEP_30), "#VALUE!"],
    ["a period ending before it starts", cell(0.5), cell(SEP_30), cell(JUL_1), "#VALUE!"],
    ["a missing period end", cell(0.5), cell(JUL_1), cell(""), "#VALUE!"],
    ["text where a score belongs", cell("fine"), cell(JUL_1), cell(SEP_30), "#VALUE!"],
  ])("returns an error for %s", async (_name, score, start, end, code) => {
    expect(errorOf((await okrPace(score, start, end, cell(AUG_15)))[0][0])?.code).toBe(code);
  });
});

describe("KPISTATUS", () => {
  it("reads time to hire (floor 45, target 30) as lower is better", async () => {
    expect((await kpiStatusFn(column(38, 50, 30, "", "n/a"), cell(45), cell(30)))).toEqual([
      ["Watch"],
      ["Breach"],
      ["On target"],
      ["No data"],
      ["No data"],
    ]);
  });

  it("reads a speed band of 224–228 with no target", async () => {
    expect((await kpiStatusFn(column(225, 229, 223), cell(224), cell(""), cell(228)))).toEqual([["On target"], ["Above ceiling"], ["Breach"]]);
  });

  it("reads a row per KPI with its own bounds", async () => {
    expect((await kpiStatusFn(column(0.992, 8), column("99%", 10), column("99.5%", 5), column("", ""), column("", "Lower is better")))).toEqual([
      ["Watch"],
      ["Watch"],
    ]);
  });

  it.each<[string, unknown[][], unknown[][], unknown[][], unknown[][] | undefined, string]>([
    ["text where a number belongs", cell("many"), cell(45), cell(30), undefined, "#VALUE!"],
    ["an unknown direction", cell(38), cell(45), cell(30), cell("sideways"), "#VALUE!"],
    ["no bounds at all", cell(38), cell(""), cell(""), undefined, "#VALUE!"],
  ])("returns an error for %s", async (_name, actual, floor, target, direction, code) => {
    expect(errorOf((await kpiStatusFn(actual, floor, target, undefined, direction))[0][0])?.code).toBe(code);
  });
});

describe("KPITREND", () => {
  it.each<[string, unknown[][], unknown[][] | undefined, unknown[][]]>([
    ["a row of readings, lower is better", [[40, 38]], cell("lower"), [["Improving"]]],
    ["a column of readings with a blank", column(5, "", 7), undefined, [["Improving"]]],
    ["falling, higher is better", [[7, 5]], cell("higher"), [["Declining"]]],
    ["a single reading", cell(5), undefined, [["Flat"]]],
    ["a block is one KPI per row", [[1, 2], [3, 2]], undefined, [["Improving"], ["Declining"]]],
    ["a block with a direction per row", [[1, 2], [3, 2]], column("higher", "lower"), [["Improving"], ["Improving"]]],
  ])("%s", async (_name, values, direction, expected) => {
    expect((await kpiTrendFn(values, direction))).toEqual(expected);
  });

  it.each<[string, unknown[][], unknown[][] | undefined, string]>([
    ["text among the readings", [[5, "up"]], undefined, "#VALUE!"],
    ["an unknown direction", [[5, 6]], cell("north"), "#VALUE!"],
  ])("returns an error for %s", async (_name, values, direction, code) => {
    expect(errorOf((await kpiTrendFn(values, direction))[0][0])?.code).toBe(code);
  });

  describe("a band: moving toward the middle of floor and ceiling is improving", () => {
    // A speed band of 224–228 mph: its middle is 226.
    it.each<[string, unknown[][], unknown[][] | undefined, unknown[][], unknown[][], unknown[][]]>([
      ["from above the band into it", [[230, 227]], cell("band"), cell(224), cell(228), [["Improving"]]],
      ["from the middle toward an edge", [[226, 227.5]], cell("band"), cell(224), cell(228), [["Declining"]]],
      ["from below past the middle to the same distance above", [[225, 227]], cell("Band"), cell(224), cell(228), [["Flat"]]],
      ["leaving the band below", [[225, 223]], cell("within range"), cell(224), cell(228), [["Declining"]]],
      ["a band read from floor and ceiling without a direction", [[230, 227]], undefined, cell(224), cell(228), [["Improving"]]],
      ["a ceiling below the floor reads lower is better", [[40, 38]], undefined, cell(45), cell(20), [["Improving"]]],
      ["a stated direction wins over the edges", [[230, 227]], cell("higher"), cell(224), cell(228), [["Declining"]]],
      ["edges written as percent text", [["99.9%", "99.6%"]], cell("band"), cell("99%"), cell("99.5%"), [["Improving"]]],
      ["a block: one band per row", [[230, 227], [226, 223]], cell("band"), column(224, 224), column(228, 228), [["Improving"], ["Declining"]]],
    ])("%s", async (_name, values, direction, floor, ceiling, expected) => {
      expect((await kpiTrendFn(values, direction, floor, ceiling))).toEqual(expected);
    });

    it.each<[string, unknown[][] | undefined, unknown[][] | undefined]>([
      ["no edges", undefined, undefined],
      ["no ceiling", cell(224), undefined],
      ["no floor", cell(""), cell(228)],
    ])("asks for the band's edges when it has %s", async (_name, floor, ceiling) => {
      expect(errorOf((await kpiTrendFn([[5, 6]], cell("band"), floor, ceiling))[0][0])).toEqual({
        code: "#VALUE!",
        message: 'A band\'s trend needs its floor and ceiling: KPITREND(values, "band", floor, ceiling).',
      });
    });

    it("names an edge that is not a number", async () => {
      expect(errorOf((await kpiTrendFn([[5, 6]], cell("band"), cell("low"), cell(228)))[0][0])).toEqual({ code: "#VALUE!", message: 'Floor: "low" is not a number.' });
    });
  });
});

describe("KRASCORE", () => {
  it.each<[string, unknown[][], unknown[][], number]>([
    ["weights 40/30/30 with ratings 4/3/5", column(4, 3, 5), column(40, 30, 30), 4],
    ["weights 0.4/0.3/0.3", column(4, 3, 5), column(0.4, 0.3, 0.3), 4],
    ["weights as percent text", column(4, 3, 5), column("40%", "30%", "30%"), 4],
    ["a row of ratings against a column of weights", [[4, 3, 5]], column(40, 30, 30), 4],
    ["an unrated area is left out", column(5, ""), column(50, 50), 5],
  ])("%s", async (_name, ratings, weights, expected) => {
    expect((await kraScoreFn(ratings, weights))).toBeCloseTo(expected, 10);
  });

  it("uses the workbook's rating scale", async () => {
    setFunctionSettings(withDefaults({ rating: { min: 1, max: 10 } }));
    expect((await kraScoreFn(column(8, 6), column(50, 50)))).toBe(7);
  });

  it.each<[string, unknown[][], unknown[][], string, string]>([
    ["weights of the wrong length", column(4, 3), column(100), "#VALUE!", "There are 2 ratings but 1 weights."],
    ["a negative weight", column(4, 3), column(120, -20), "#VALUE!", "Weights cannot be negative."],
    ["a rating off the scale", column(6), column(100), "#VALUE!", "Rating 6 is outside the scale 1–5."],
    ["text where a rating belongs", column("great"), column(100), "#VALUE!", 'Ratings, cell 1: "great" is not a number.'],
  ])("returns an error for %s", async (_name, ratings, weights, code, message) => {
    expect(errorOf((await kraScoreFn(ratings, weights)))).toEqual({ code, message });
  });
});
