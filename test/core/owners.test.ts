import fc from "fast-check";
import { splitOwners } from "../../src/core/owners";

describe("splitOwners", () => {
  it.each<[string, string, string[]]>([
    ["one name", "Ana López", ["Ana López"]],
    ["a comma", "Ana López, Ben Okafor", ["Ana López", "Ben Okafor"]],
    ["a semicolon", "Ana; Ben", ["Ana", "Ben"]],
    ["an ampersand", "Ana & Ben", ["Ana", "Ben"]],
    ["a slash", "Ana/Ben", ["Ana", "Ben"]],
    ["the word and", "Ana and Ben", ["Ana", "Ben"]],
    ["the word AND in capitals", "Ana AND Ben", ["Ana", "Ben"]],
    ["'and' inside a name is not a separator", "Alexander Sandberg", ["Alexander Sandberg"]],
    ["a name starting with And", "Andrea Ruiz", ["Andrea Ruiz"]],
    ["mixed separators", "Ana, Ben and Chen / Dee", ["Ana", "Ben", "Chen", "Dee"]],
    ["empty parts are dropped", "Ana,, ;Ben,", ["Ana", "Ben"]],
    ["a blank cell", "   ", []],
  ])("%s: %j", (_name, text, expected) => {
    expect(splitOwners(text)).toEqual(expected);
  });

  it("never returns a blank name or one with a separator in it", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const name of splitOwners(text)) {
          expect(name).toBe(name.trim());
          expect(name).not.toBe("");
          expect(name).not.toMatch(/[,;&/]|\s+and\s+/i);
        }
      }),
    );
  });
});
