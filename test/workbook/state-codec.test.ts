import fc from "fast-check";
import { STATE_SHEET } from "../../src/workbook/port";
import { decodeState, encodeState, STATE_PIECE, validateMappings } from "../../src/workbook/state-codec";

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

  it("never throws, whatever the cells hold", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.double(), fc.boolean())), (cells) => {
        const { problems } = decodeState(cells);
        for (const p of problems) expect(p.sheet).toBe(STATE_SHEET);
      }),
    );
  });
});
