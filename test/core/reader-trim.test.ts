import fc from "fast-check";
import { trimmed } from "../../src/core/parse/reader";

// Cells are read through `trimmed` instead of `trim()`: it must give exactly what `trim()` gives.
describe("trimmed: a cell's text without its surrounding whitespace", () => {
  it.each([
    ["plain text is given back as it is", "Grow NPS", "Grow NPS"],
    ["the empty text", "", ""],
    ["spaces on both sides", "  Grow NPS  ", "Grow NPS"],
    ["a tab before", "\tGrow", "Grow"],
    ["a line break after", "Grow\n", "Grow"],
    ["a no-break space after (Excel's CHAR(160))", "Grow\u00a0", "Grow"],
    ["an ideographic space before", "\u3000Grow", "Grow"],
    ["a byte-order mark before", "\ufeffGrow", "Grow"],
    ["non-ASCII letters at both ends stay", "éxito ü", "éxito ü"],
    ["only spaces", "   ", ""],
    ["one character", "x", "x"],
  ])("%s", (_name, text, expected) => {
    expect(trimmed(text)).toBe(expected);
  });

  it("gives the same string object when there is nothing to trim", () => {
    const text = ["Reduce", "churn"].join(" ");
    expect(Object.is(trimmed(text), text)).toBe(true);
  });

  it("always equals String.prototype.trim", () => {
    const edge = fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u200b", "\u0085", "a", "é", "#", "~", "\u007f");
    const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.array(edge, { maxLength: 6 }).map((a) => a.join("")), fc.tuple(fc.array(edge, { maxLength: 3 }), fc.string(), fc.array(edge, { maxLength: 3 })).map(([a, m, b]) => a.join("") + m + b.join("")));
    fc.assert(fc.property(text, (s) => trimmed(s) === s.trim()), { numRuns: 2000 });
  });
});
