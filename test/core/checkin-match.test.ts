import fc from "fast-check";
import { nameKey } from "../../src/core/collections";
import { keyHash, reducesTo } from "../../src/core/parse/checkins";

// A check-in names its key result by ID or text, whatever the case and spacing; the hash
// that rules most key results out must never rule out one whose key matches.
describe("matching check-ins to key results: keys and their hashes", () => {
  it.each([
    ["case does not matter", "KR-7", "kr-7"],
    ["spaces around do not matter", "  KR-7 ", "kr-7"],
    ["a run of spaces is one space", "Grow  NPS   to 45", "grow nps to 45"],
    ["a tab or a line break inside is a space", "Grow\tNPS\nto 45", "grow nps to 45"],
    ["punctuation stays", "Cut churn: 4.2% → 2.8%", "cut churn: 4.2% → 2.8%"],
  ])("%s", (_name, text, key) => {
    expect(nameKey(text)).toBe(key);
    expect(keyHash(text)).toBe(keyHash(key));
  });

  it.each([
    ["a letter outside ASCII", "Équipe KR"],
    ["a no-break space", "KR\u00a07"],
    ["an arrow", "NPS → 45"],
  ])("gives up on %s: the key is built in full", (_name, text) => {
    expect(keyHash(text)).toBe(-1);
  });

  it("tells different keys apart (so it rules key results out)", () => {
    expect(keyHash("kr-7")).not.toBe(keyHash("kr-8"));
    expect(keyHash("grow nps")).not.toBe(keyHash("grownps"));
  });

  const ascii = fc.string({ unit: fc.constantFrom("K", "r", "R", "-", "1", "7", " ", "  ", "\t", "\n", "\r", "\v", "\f", "a", "Z", ".", "%") });
  const any = fc.oneof(ascii, fc.string({ unit: "binary" }), fc.string());

  it("gives a text's hash to its key, for every ASCII text", () => {
    fc.assert(fc.property(any, (text) => keyHash(text) === -1 || keyHash(text) === keyHash(nameKey(text))), { numRuns: 3000 });
  });

  it("gives equal hashes to texts with equal keys", () => {
    fc.assert(
      fc.property(ascii, ascii, (a, b) => nameKey(a) !== nameKey(b) || keyHash(a) === keyHash(b)),
      { numRuns: 3000 },
    );
  });

  it("stays a non-negative 31-bit number or -1", () => {
    fc.assert(fc.property(any, (text) => { const h = keyHash(text); return h === -1 || (Number.isInteger(h) && h >= 0 && h <= 0x7fffffff); }));
  });

  it.each([
    ["the same ID in another case", "KR-7", "kr-7", true],
    ["spaces around and inside folded", "  Grow  NPS\tto 45 ", "grow nps to 45", true],
    ["a longer key", "KR-7", "kr-70", false],
    ["a shorter key", "KR-70", "kr-7", false],
    ["a space the key lacks", "Grow NPS", "grownps", false],
    ["a space the text lacks", "GrowNPS", "grow nps", false],
    ["the empty text and key", "", "", true],
    ["only spaces reduce to nothing", "   ", "", true],
  ])("reducesTo: %s", (_name, text, key, expected) => {
    expect(reducesTo(text, key)).toBe(expected);
    expect(nameKey(text) === key).toBe(expected);
  });

  it("reducesTo agrees with comparing keys, for every ASCII text", () => {
    fc.assert(
      fc.property(ascii, ascii, (a, b) => keyHash(a) === -1 || reducesTo(a, nameKey(b)) === (nameKey(a) === nameKey(b))),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(ascii, (a) => reducesTo(a, nameKey(a))), { numRuns: 2000 });
  });
});
