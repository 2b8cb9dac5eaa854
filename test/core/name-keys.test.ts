import fc from "fast-check";
import { nameKey, nameKeys } from "../../src/core/analyse";

describe("nameKeys: name keys remembered over one pass", () => {
  it.each([
    ["case and spacing fold", "  Ana   López ", "ana lópez"],
    ["a tab is a space", "Ana\tLópez", "ana lópez"],
    ["blank is empty", "   ", ""],
  ])("%s", (_name, text, key) => {
    const keyOf = nameKeys();
    expect(keyOf(text)).toBe(key);
    // Asked again, the same key comes back.
    expect(keyOf(text)).toBe(key);
  });

  it("always gives what nameKey gives, however often a text repeats", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom("Ana López", "ana  lópez", " ANA LÓPEZ", "Bo"), fc.string()), { maxLength: 30 }), (texts) => {
        const keyOf = nameKeys();
        return texts.every((t) => keyOf(t) === nameKey(t));
      }),
    );
  });
});
