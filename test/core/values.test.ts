import fc from "fast-check";
import type { RawCell } from "../../src/core/model";
import { anyCell } from "./parse-fixtures";
import { EXCEL_ERRORS, excerpt, isBlank, isDateFormat, isExcelError, toBoolean, toDate, toNumber, toNumberOrYesNo, toText } from "../../src/core/values";

describe("toNumber", () => {
  it.each<[string, RawCell, number | null]>([
    ["a plain number", 42, 42],
    ["a fraction from a percent-formatted cell", 0.45, 0.45],
    ["negative zero as zero", -0, 0],
    ["text percent", "45%", 0.45],
    ["text percent with a space", "12 %", 0.12],
    ["decimal text", "0.45", 0.45],
    ["thousands separator", "1,200", 1200],
    ["thousands with decimals", "1,234,567.89", 1234567.89],
    ["spaces as thousands", "1 200", 1200],
    ["dollar sign", "$1,200", 1200],
    ["euro after the number", "1200 €", 1200],
    ["pound", "£3.5", 3.5],
    ["yen", "¥900", 900],
    ["k suffix with currency", "$3.2k", 3200],
    ["m suffix", "1.5m", 1_500_000],
    ["bn suffix", "2bn", 2_000_000_000],
    ["upper-case K", "10K", 10_000],
    ["leading minus", "-3", -3],
    ["minus before currency", "-$5", -5],
    ["unicode minus", "−3", -3],
    ["accounting negative", "(1,200)", -1200],
    ["leading dot", ".5", 0.5],
    ["scientific", "1e3", 1000],
    ["surrounding spaces", "  7  ", 7],
    ["blank", "", null],
    ["spaces only", "   ", null],
    ["n/a", "n/a", null],
    ["N/A", "N/A", null],
    ["na", "na", null],
    ["dash", "-", null],
    ["em dash", "—", null],
    ["tbd", "TBD", null],
  ])("reads %s", (_name, raw, expected) => {
    expect(toNumber(raw)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string, number]>([
    ["decimal comma with dot groups", "1.200,5", 1200.5],
    ["decimal comma alone", "1,5", 1.5],
    ["dot groups without decimals", "1.200", 1200],
    ["percent with decimal comma", "12,5%", 0.125],
    ["plain integer", "1200", 1200],
  ])("with a comma decimal separator reads %s", (_name, raw, expected) => {
    expect(toNumber(raw, undefined, { decimalSeparator: "," })).toEqual({ ok: true, value: expected });
  });

  it.each([...EXCEL_ERRORS].map((e) => [e]))("reports the Excel error %s", (error) => {
    expect(toNumber(error)).toEqual({ ok: false, code: "excel-error", message: `Excel error ${error} in the cell`, text: error });
  });

  it.each<[string, RawCell]>([
    ["words", "lots"],
    ["a comma group of two digits", "1,2"],
    ["Infinity text", "Infinity"],
    ["hex", "0x10"],
    ["two numbers", "3 4 5"],
    ["TRUE", true],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("rejects %s", (_name, raw) => {
    const result = toNumber(raw);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.code).toBe("not-a-number");
  });

  it("quotes the text it could not read", () => {
    expect(toNumber("lots")).toEqual({ ok: false, code: "not-a-number", message: '"lots" is not a number', text: "lots" });
  });
});

describe("toNumberOrYesNo", () => {
  it.each<[string, RawCell, unknown]>([
    ["a number", 42, { ok: true, value: 42 }],
    ["percent text", "45%", { ok: true, value: 0.45 }],
    ["TRUE", true, { ok: true, value: 1, yesNo: true }],
    ["FALSE", false, { ok: true, value: 0, yesNo: true }],
    ["done", "Done", { ok: true, value: 1, yesNo: true }],
    ["not done", "not done", { ok: true, value: 0, yesNo: true }],
    ["tbd as blank", "tbd", { ok: true, value: null }],
  ])("reads %s", (_name, raw, expected) => {
    expect(toNumberOrYesNo(raw)).toEqual(expected);
  });

  it.each<[string, RawCell, string]>([
    ["words", "lots", "not-a-number"],
    ["an Excel error, never a yes/no", "#N/A", "excel-error"],
  ])("keeps the number's problem for %s", (_name, raw, code) => {
    expect(toNumberOrYesNo(raw)).toMatchObject({ ok: false, code });
  });
});

describe("toBoolean", () => {
  it.each<[string, RawCell, boolean | null]>([
    ["TRUE", true, true],
    ["FALSE", false, false],
    ["true text", "true", true],
    ["yes", "Yes", true],
    ["no", "no", false],
    ["done", "Done", true],
    ["not done", "Not  done", false],
    ["y", "y", true],
    ["n", "N", false],
    ["1", 1, true],
    ["0", 0, false],
    ["text 1", "1", true],
    ["check mark", "✓", true],
    ["cross", "✗", false],
    ["blank", "", null],
    ["n/a", "n/a", null],
  ])("reads %s", (_name, raw, expected) => {
    expect(toBoolean(raw)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RawCell, string]>([
    ["a word", "maybe", "not-a-boolean"],
    ["another number", 2, "not-a-boolean"],
    ["an Excel error", "#VALUE!", "excel-error"],
  ])("rejects %s", (_name, raw, code) => {
    const result = toBoolean(raw);
    expect(result.ok === false && result.code).toBe(code);
  });
});

describe("toDate", () => {
  it.each<[string, RawCell, "." | ",", string | null]>([
    ["a serial number", 46204, ".", "2026-07-01"],
    ["a serial with a time", 46204.75, ".", "2026-07-01"],
    ["ISO text", "2026-07-01", ".", "2026-07-01"],
    ["ISO with a time", "2026-07-01T09:30:00Z", ".", "2026-07-01"],
    ["slashed ISO", "2026/7/1", ".", "2026-07-01"],
    ["1/7/2026 month first with a dot decimal", "1/7/2026", ".", "2026-01-07"],
    ["1/7/2026 day first with a comma decimal", "1/7/2026", ",", "2026-07-01"],
    ["13/7/2026 only valid day first", "13/7/2026", ".", "2026-07-13"],
    ["7/13/2026 only valid month first", "7/13/2026", ",", "2026-07-13"],
    ["dotted is day first", "1.7.2026", ".", "2026-07-01"],
    ["two-digit year", "7/1/26", ".", "2026-07-01"],
    ["1 Jul 2026", "1 Jul 2026", ".", "2026-07-01"],
    ["1st July 2026", "1st July 2026", ".", "2026-07-01"],
    ["July 1, 2026", "July 1, 2026", ".", "2026-07-01"],
    ["Sept 3 2026", "Sept 3 2026", ".", "2026-09-03"],
    ["blank", "", ".", null],
    ["n/a", "n/a", ".", null],
  ])("reads %s", (_name, raw, decimalSeparator, expected) => {
    expect(toDate(raw, undefined, { decimalSeparator })).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RawCell, string]>([
    ["an impossible day", "31/2/2026", "not-a-date"],
    ["words", "next week", "not-a-date"],
    ["a serial before 1900-03-01", 10, "not-a-date"],
    ["a boolean", true, "not-a-date"],
    ["an Excel error", "#REF!", "excel-error"],
  ])("rejects %s", (_name, raw, code) => {
    const result = toDate(raw);
    expect(result.ok === false && result.code).toBe(code);
  });
});

describe("toText", () => {
  it.each<[string, RawCell, string | undefined, string | null]>([
    ["trimmed text", "  Grow revenue ", undefined, "Grow revenue"],
    ["a number", 42, undefined, "42"],
    ["negative zero", -0, undefined, "0"],
    ["a date-formatted number", 46204, "yyyy-mm-dd", "2026-07-01"],
    ["a percent-formatted number stays a number", 0.45, "0%", "0.45"],
    ["a boolean", true, undefined, "TRUE"],
    ["blank", "  ", undefined, null],
    ["n/a stays text", "n/a", undefined, "n/a"],
  ])("reads %s", (_name, raw, format, expected) => {
    expect(toText(raw, format)).toEqual({ ok: true, value: expected });
  });

  it("reports an Excel error", () => {
    expect(toText("#N/A")).toEqual({ ok: false, code: "excel-error", message: "Excel error #N/A in the cell", text: "#N/A" });
  });
});

describe("cell helpers", () => {
  it.each<[string, string | undefined, boolean]>([
    ["ISO", "yyyy-mm-dd", true],
    ["day-month", "d-mmm", true],
    ["month-year", "mmm yyyy", true],
    ["locale prefix", "[$-409]mmmm d, yyyy", true],
    ["percent", "0%", false],
    ["currency", "$#,##0", false],
    ["General", "General", false],
    ["time only", "h:mm", false],
    ["quoted literal with d", '0 "days"', false],
    ["none", undefined, false],
  ])("isDateFormat: %s", (_name, format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });

  it.each<[string, RawCell, boolean]>([
    ["#N/A", "#N/A", true],
    ["lower-case #n/a", "#n/a", true],
    ["a hashtag", "#1 priority", false],
    ["a number", 1, false],
  ])("isExcelError: %s", (_name, raw, expected) => {
    expect(isExcelError(raw)).toBe(expected);
  });

  it.each<[string, RawCell, boolean]>([
    ["empty", "", true],
    ["tbd", "tbd", true],
    ["zero", 0, false],
    ["FALSE", false, false],
    ["text", "x", false],
  ])("isBlank: %s", (_name, raw, expected) => {
    expect(isBlank(raw)).toBe(expected);
  });
});

describe("conversion properties", () => {
  it("never throws and always says ok or why not", () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom(".", ",") as fc.Arbitrary<"." | ",">, fc.option(fc.string()), (raw, decimalSeparator, format) => {
        const f = format ?? undefined;
        const checks: Array<[{ ok: boolean; value?: unknown; message?: string }, string]> = [
          [toNumber(raw, f, { decimalSeparator }), "number"],
          [toDate(raw, f, { decimalSeparator }), "string"],
          [toBoolean(raw, f), "boolean"],
          [toText(raw, f), "string"],
        ];
        for (const [result, type] of checks) {
          if (result.ok) expect(result.value === null || typeof result.value === type).toBe(true);
          else expect(result.message).toMatch(/\S/);
        }
      }),
    );
  });

  it("gives only finite numbers", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const result = toNumber(raw);
        if (result.ok && result.value !== null) expect(Number.isFinite(result.value)).toBe(true);
      }),
    );
  });

  it("reads back any finite number written with thousands separators", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(toNumber(n.toLocaleString("en-US"))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("gives only real ISO dates", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const result = toDate(raw);
        if (result.ok && result.value !== null) expect(result.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});

describe("excerpt", () => {
  it.each([
    ["short text unchanged", "Q3", undefined, "Q3"],
    ["exactly the limit unchanged", "x".repeat(40), undefined, "x".repeat(40)],
    ["longer text cut at 40 with an ellipsis", "x".repeat(41), undefined, `${"x".repeat(40)}…`],
    ["a chosen limit", "Raise NPS from 40 to 60", 9, "Raise NPS…"],
  ])("%s", (_name, text, limit, expected) => {
    expect(excerpt(text, limit)).toBe(expected);
  });
});
