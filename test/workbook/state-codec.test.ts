import fc from "fast-check";
import { STATE_SHEET } from "../../src/workbook/port";
import { decodeState, encodeState, STATE_PIECE, validateMappings, validatePeriods } from "../../src/workbook/state-codec";

describe("the state codec", () => {
  it("round-trips settings and mappings through pieces that fit a cell", () => {
    const state = {
      settings: { scoreCap: 1.5, rating: { labels: ["x".repeat(STATE_PIECE)] } },
      mappings: { OKRs: { kind: "okr" as const, headerRow: 3, columns: { keyResult: 1, owner: 4 } } },
    };
    const pieces = encodeState(state);
    expect(pieces.length).toBe(2);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(STATE_PIECE);
    expect(decodeState(pieces)).toEqual({ state, problems: [] });
  });

  it("round-trips the periods last chosen for the rollup and the reviews", () => {
    const state = { settings: { fiscalYearStartMonth: 4 }, periods: { rollup: "FY2027-Q2", reviews: "FY2027" } };
    expect(decodeState(encodeState(state))).toEqual({ state, problems: [] });
  });

  it("never writes the read problems back", () => {
    const problems = [{ code: "state-invalid", message: "m", sheet: STATE_SHEET, cell: "A1", severity: "warning" as const }];
    expect(encodeState({ settings: { scoreCap: 2 }, problems })).toEqual(['{"settings":{"scoreCap":2}}']);
  });

  it.each([
    ["an empty sheet", [], { state: {}, messages: [] }],
    ["text that is not JSON", ["{not json"], { state: {}, messages: ["the stored settings and mappings are not readable; using the defaults"] }],
    ["a JSON list", ["[1,2]"], { state: {}, messages: ["the stored state is not an object; using the default settings and no saved mappings"] }],
    [
      "ratingBands of 5",
      ['{"settings":{"ratingBands":5,"scoreCap":1.2}}'],
      { state: { settings: { scoreCap: 1.2 } }, messages: ["ratingBands is not a list (it is a number); using the default bands"] },
    ],
    [
      "a mapping of an unknown kind",
      ['{"mappings":{"OKRs":{"kind":"okrs","headerRow":1,"columns":{}}}}'],
      { state: { mappings: {} }, messages: ['the column mapping of "OKRs" has an unknown kind ("okrs"); reading the sheet as if it had none'] },
    ],
    [
      "a mapping to a negative column",
      ['{"mappings":{"KPIs":{"kind":"kpi","headerRow":2,"columns":{"kpi":-1}}}}'],
      { state: { mappings: {} }, messages: ['the column mapping of "KPIs" maps "kpi" to -1, which is not a field and column of the sheet; reading the sheet as if it had none'] },
    ],
    [
      "mappings as text",
      ['{"mappings":"OKRs"}'],
      { state: { mappings: {} }, messages: ["mappings is not an object of sheet names; reading every sheet without a saved mapping"] },
    ],
    [
      "a rollup period that is a number",
      ['{"periods":{"rollup":20263,"reviews":"2026"}}'],
      { state: { periods: { reviews: "2026" } }, messages: ["the quarter last chosen for the rollup (20263) is not a period label; using the latest quarter"] },
    ],
    [
      "a review year that is not a period",
      ['{"periods":{"reviews":"next year"}}'],
      { state: {}, messages: ['the review year last chosen ("next year") is not a period label; using the latest year'] },
    ],
    ["periods as a list", ['{"periods":["2026-Q3"]}'], { state: {}, messages: ["periods is not an object of outputs; using the latest quarter and year"] }],
    [
      "a period for an unknown output",
      ['{"periods":{"rollup":"2026-Q3","dashboard":"2026-Q2"}}'],
      { state: { periods: { rollup: "2026-Q3" } }, messages: ['periods has an unknown output "dashboard"; ignoring it'] },
    ],
    ["JSON split across cells, one of them a number", ['{"settings":{"scoreCap":', 2, "}}"], { state: { settings: { scoreCap: 2 } }, messages: [] }],
  ])("reads %s", (_name, cells, expected) => {
    const { state, problems } = decodeState(cells);
    expect(state).toEqual(expected.state);
    expect(problems.map((p) => p.message)).toEqual(expected.messages);
    for (const p of problems) expect(p).toMatchObject({ sheet: STATE_SHEET, cell: "A1", code: "state-invalid", severity: "warning" });
  });

  it("keeps a mapping's further properties as they are", () => {
    const stored = { OKRs: { kind: "okr", headerRow: 2, columns: { keyResult: 0 }, note: "from the Map view" } };
    expect(validateMappings(stored)).toEqual({ mappings: stored, issues: [] });
  });

  describe("versioned mappings with an arrangement", () => {
    const arrangement = { groupRow: 1, headingRows: false, formFields: { owner: "B1" }, periodColumns: [2, 3, 4], year: 2025 };
    const v2 = { kind: "kpi" as const, headerRow: 2, columns: { kpi: 0, target: 1 }, version: 2, arrangement };

    it("round-trips a version 2 mapping with its arrangement", () => {
      const state = { mappings: { KPIs: v2 } };
      expect(decodeState(encodeState(state))).toEqual({ state, problems: [] });
    });

    it.each<[string, unknown, Record<string, unknown>, string[]]>([
      ["a version 1 mapping (saved before arrangements)", { kind: "okr", headerRow: 3, columns: { keyResult: 1 } }, { kind: "okr", headerRow: 3, columns: { keyResult: 1 } }, []],
      [
        "a mapping saved by a newer version",
        { ...v2, version: 3 },
        { kind: "kpi", headerRow: 2, columns: { kpi: 0, target: 1 }, version: 3 },
        ['the column mapping of "KPIs" was saved by a newer version of Altitude (version 3); reading it by its header row and columns alone'],
      ],
      [
        "an arrangement with one wrong part",
        { ...v2, arrangement: { ...arrangement, year: "last year" } },
        { ...v2, arrangement: { ...arrangement, year: null } },
        ['the column mapping of "KPIs": its year is not a year such as 2026; reading the year from the sheet'],
      ],
      [
        "an arrangement that does not fit its columns",
        { ...v2, arrangement: { ...arrangement, periodColumns: [1, 2] } },
        { kind: "kpi", headerRow: 2, columns: { kpi: 0, target: 1 }, version: 2 },
        [
          'the column mapping of "KPIs" has an arrangement that does not fit its columns (Column B is read as a field already; a period column holds one figure per period.); reading it by its header row and columns alone',
        ],
      ],
    ])("reads %s", (_name, stored, expected, issues) => {
      expect(validateMappings({ KPIs: stored })).toEqual({ mappings: { KPIs: expected }, issues });
    });
  });

  it.each([
    ["a quarter", "2026-Q3"],
    ["a year", "2026"],
    ["a fiscal quarter", "FY2027-Q1"],
    ["a fiscal year", "FY2027"],
  ])("keeps %s as the remembered period (%s)", (_name, label) => {
    expect(validatePeriods({ rollup: label, reviews: label })).toEqual({ periods: { rollup: label, reviews: label }, issues: [] });
  });

  it("never throws, whatever the cells hold", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.double(), fc.boolean())), (cells) => {
        const { problems } = decodeState(cells);
        for (const p of problems) expect(p.sheet).toBe(STATE_SHEET);
      }),
    );
  });
});
