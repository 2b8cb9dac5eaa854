/**
 * JSON output in pieces: joined, the pieces are exactly `JSON.stringify(value, null, 2)`
 * for any value, and no piece is much larger than a megabyte however large the value.
 */
import fc from "fast-check";
import { writeJson } from "../../src/cli/json-out";

function joined(value: unknown): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  writeJson(value, (piece) => pieces.push(piece));
  return { text: pieces.join(""), pieces };
}

describe("writeJson", () => {
  it.each<[string, unknown]>([
    ["an empty object", {}],
    ["an empty array", []],
    ["a number", 0.7],
    ["null", null],
    ["undefined fields left out, as JSON.stringify does", { a: undefined, b: 1, c: () => 1 }],
    ["undefined in an array written as null", [undefined, 1, () => 1]],
    ["an object with only undefined fields", { a: undefined }],
    ["a Date through its toJSON", { at: new Date(Date.UTC(2026, 7, 15)) }],
    ["text with line breaks and quotes", { text: 'a\nb "c"\u2028' }],
    ["records nested deeper than the opened levels", { keyResults: [{ cells: { target: "K2", nested: { deep: [1, [2, { x: "y" }]] } } }] }],
  ])("%s", (_name, value) => {
    expect(joined(value).text).toBe(JSON.stringify(value, null, 2));
  });

  it("matches JSON.stringify on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(joined(value).text).toBe(JSON.stringify(value, null, 2));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("writes a large report in pieces of about a megabyte", () => {
    const report = { keyResults: Array.from({ length: 60_000 }, (_, i) => ({ keyResult: `Key result ${i}`, score: i / 60_000, cells: { score: `M${i + 2}` } })) };
    const { text, pieces } = joined(report);
    expect(text).toBe(JSON.stringify(report, null, 2));
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.length).toBeLessThan(1.1 * (1 << 20));
  });
});
