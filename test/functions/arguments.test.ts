import { COMMITMENT_WORDS, DIRECTION_WORDS, TYPE_WORDS } from "../../src/core/parse/words";
import {
  cellsOf,
  cellsTogether,
  errorCellIn,
  hostCell,
  isEmptyCell,
  mapCells,
  readDate,
  readNumber,
  readNumberOrYesNo,
  readWord,
  rowsToCompute,
  toMatrix,
} from "../../src/functions/arguments";
import { naError, valueError } from "../../src/functions/cells";
import { localToday } from "../../src/functions/compute";

describe("hostCell: what a host passes, as a sheet cell", () => {
  it.each<[string, unknown, unknown]>([
    ["a number", 40, 40],
    ["text", "45%", "45%"],
    ["a boolean", true, true],
    ["null (an omitted argument or a blank cell)", null, ""],
    ["undefined", undefined, ""],
    // https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
    ["a Double data type", { type: "Double", basicValue: 40 }, 40],
    ["a formatted number", { type: "FormattedNumber", basicValue: 0.4, numberFormat: "0%" }, 0.4],
    ["a linked entity's display text", { type: "LinkedEntity", text: "Contoso", basicValue: "Contoso" }, "Contoso"],
    ["a String data type", { type: "String", basicValue: "tbd" }, "tbd"],
    ["a Boolean data type", { type: "Boolean", basicValue: false }, false],
    ["an error data type", { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }, "#N/A"],
    ["an error data type known only by its type", { type: "Error", errorType: "Div0" }, "#DIV/0!"],
    ["an error object with a code", { code: "#REF!" }, "#REF!"],
    ["a Google Sheets date (local day)", new Date(2026, 6, 1, 0, 0), "2026-07-01"],
  ])("%s", (_name, cell, expected) => {
    expect(hostCell(cell)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ["an image", { type: "WebImage", address: "https://example.org/a.png" }],
    ["an entity without a basic value", { type: "Entity", text: "Team", properties: {} }],
    ["an invalid Date", new Date(Number.NaN)],
  ])("gives %s as unreadable, which readers report", (_name, cell) => {
    expect(readNumber(cell, "Current")).toEqual({ ok: false, error: valueError("Current holds a value that is not a number, text or date.") });
  });
});

describe("readers name the argument and use the one value converter", () => {
  it.each<[string, unknown, unknown]>([
    ["a data type's basic value", { type: "Double", basicValue: 40 }, { ok: true, value: 40 }],
    ["text with a percent sign", "45%", { ok: true, value: 0.45 }],
    ["tbd as a blank", "tbd", { ok: true, value: null }],
    ["text that is not a number", "lots", { ok: false, error: valueError('Current: "lots" is not a number.') }],
    ["an error cell as #N/A", { type: "Error", basicValue: "#DIV/0!" }, { ok: false, error: naError("Current holds #DIV/0!.") }],
    ["TRUE as not a number", true, { ok: false, error: valueError("Current: The cell holds TRUE or FALSE, not a number.") }],
  ])("readNumber: %s", (_name, cell, expected) => {
    expect(readNumber(cell, "Current")).toEqual(expected);
  });

  it.each<[string, unknown, number | null]>([
    ["TRUE", true, 1],
    ["done", "Done", 1],
    ["not done", "not done", 0],
    ["a number", "45%", 0.45],
  ])("readNumberOrYesNo: %s", (_name, cell, expected) => {
    expect(readNumberOrYesNo(cell, "Current")).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, { decimalSeparator?: "." | "," }, string | null]>([
    ["a serial number", 46204, {}, "2026-07-01"],
    ["ISO text", " 2026-07-01 ", {}, "2026-07-01"],
    ["a written-out date", "1 Jul 2026", {}, "2026-07-01"],
    ["day first where decimals are commas", "1/7/2026", { decimalSeparator: "," }, "2026-07-01"],
    ["a Sheets Date", new Date(2026, 8, 30), {}, "2026-09-30"],
    ["blank", "", {}, null],
  ])("readDate: %s", (_name, cell, options, expected) => {
    expect(readDate(cell, "Period start", options)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, ReadonlyMap<string, string>, string | null]>([
    ["a type in capitals", "DECREASE", TYPE_WORDS, "decrease"],
    ["yes/no as binary", "Yes/No", TYPE_WORDS, "binary"],
    ["a blank type", "", TYPE_WORDS, null],
    ["a direction with underscores", "lower_is_better", DIRECTION_WORDS, "lower"],
    ["a band", "Band", DIRECTION_WORDS, "band"],
    ["committed", "Committed", COMMITMENT_WORDS, "committed"],
    ["an omitted commitment", null, COMMITMENT_WORDS, null],
  ])("readWord: %s", (_name, cell, words, expected) => {
    expect(readWord(cell, words, "Word", "the words")).toEqual({ ok: true, value: expected });
  });

  it("readWord reports an unknown word, quoting only its start", () => {
    expect(readWord("x".repeat(100), DIRECTION_WORDS, "Direction", "higher, lower or band")).toEqual({
      ok: false,
      error: valueError(`Direction "${"x".repeat(40)}…" is not recognised: use higher, lower or band.`),
    });
  });

  it("errorCellIn names the first argument holding an error", () => {
    expect(errorCellIn([1, "#VALUE!", { type: "Error", basicValue: "#N/A" }], ["Start", "Target", "Current"])).toEqual(naError("Target holds #VALUE!."));
    expect(errorCellIn([1, "#1 priority"], ["Start", "Target"])).toBeNull();
  });
});

describe("shapes", () => {
  it.each<[string, unknown, unknown[][]]>([
    ["an omitted argument is one blank cell", undefined, [[null]]],
    ["a bare value is one cell", 5, [[5]]],
    ["a matrix stays", [[1, 2]], [[1, 2]]],
    ["a flat list is a column", [1, 2], [[1], [2]]],
  ])("%s", (_name, arg, expected) => {
    expect(toMatrix(arg)).toEqual(expected);
  });

  it("repeats a row across rows and a column across columns", () => {
    expect(mapCells([[[1, 2]], [[10], [20]]], ([a, b]) => Number(a) + Number(b))).toEqual([
      [11, 12],
      [21, 22],
    ]);
  });

  it.each<[string, unknown[][][], number]>([
    ["single cells", [[[1]], [[2]]], 1],
    ["a column with a blank tail", [[[1], [2], [""], [null]], [[5]]], 2],
    ["the last filled row of any argument counts", [[[1], [""], [""]], [[""], [""], [3]]], 3],
    ["a blank row inside is kept", [[[1], [""], [2], [""]]], 3],
    ["spaces are blank", [[[1], ["  "]]], 1],
    ["tbd is written, so its row counts", [[[1], ["tbd"]]], 2],
    ["every row blank", [[[""], [""]]], 0],
  ])("rowsToCompute: %s", (_name, matrices, expected) => {
    expect(rowsToCompute(matrices)).toBe(expected);
  });

  it("gives one blank cell when every row of the ranges is blank", () => {
    expect(mapCells([[[""], [""]], [[null], [null]]], () => 1)).toEqual([[""]]);
  });

  it.each<[string, unknown[], unknown[]]>([
    ["columns keep the last filled position of any", [[[0.5], [0.7], [""]], [[1], [""], [null]]], [[0.5, 0.7], [1, ""]]],
    ["a row pairs with a column", [[[4, 3, ""]], [[40], [30], [""]]], [[4, 3], [40, 30]]],
    ["a blank cell inside is kept", [[[1, "", 3, ""]]], [[1, "", 3]]],
    ["ranges of different sizes stay whole for the caller to report", [[[1], [2], [""]], [[1]]], [[1, 2, ""], [1]]],
    ["all blank", [[[""], [""]]], [[]]],
  ])("cellsTogether: %s", (_name, args, expected) => {
    expect(cellsTogether(args)).toEqual(expected);
  });

  it("cellsOf reads row by row; an omitted argument has none", () => {
    expect(cellsOf([[1, 2], [3, 4]])).toEqual([1, 2, 3, 4]);
    expect(cellsOf(undefined)).toEqual([]);
  });

  it.each<[unknown, boolean]>([
    [null, true],
    [undefined, true],
    ["", true],
    [" ", true],
    [0, false],
    ["n/a", false],
  ])("isEmptyCell(%p) is %p", (cell, expected) => {
    expect(isEmptyCell(cell)).toBe(expected);
  });
});

describe("localToday", () => {
  it("uses the local calendar day", () => {
    expect(localToday(new Date(2026, 6, 1, 23, 30))).toBe("2026-07-01");
    expect(localToday(new Date(2026, 0, 9, 0, 5))).toBe("2026-01-09");
  });
});
