import { jsonBytes } from "../../src/workbook/json-bytes";

describe("jsonBytes", () => {
  it.each([
    ["a number", 42, 2],
    ["ASCII text with its quotes", "abc", 5],
    ["two-byte UTF-8 characters", "é", 4],
    ["three-byte characters", "€", 5],
    ["a surrogate pair, four bytes", "😀", 6],
    ["nested arrays", [[1, "a"], []], 12],
    ["objects, leaving out undefined members", { a: 1, b: undefined }, 7],
    ["null", null, 4],
  ])("counts %s", (_name, value, bytes) => {
    expect(jsonBytes(value)).toBe(bytes);
    expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value)));
  });
});
