/**
 * Adversarial cell contents for the hostile-input suites: numbers at the edges
 * of the double range, NaN and infinities, very long strings, right-to-left and
 * combining text, formula-like text, control characters and Excel errors, plus
 * header rows built from real aliases with duplicates and blanks.
 */
import fc from "fast-check";
import type { RawCell, SheetData } from "../../src/core/model";
import { SHEET_KINDS } from "../../src/core/recognise";

/** Fixed seeds so every run explores the same cases; bounded runs keep the suite quick. */
export const FUZZ = { seed: 20260815, numRuns: 150 } as const;

export const FORMULA_LIKE = ["=1+1", "=HYPERLINK(\"http://x.test\",\"click\")", "+SUM(A1:A9)", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0", "\t=1", "=ALTITUDE.OKRSCORE(1,2,3)"];
export const RTL_AND_UNICODE = ["مرحبا بالعالم", "שלום", "\u202Eevil\u202C", "Zoë Åström", "👩🏽‍💻 Ana", "a\u0301", "\uFEFFbom", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\uD800", "İstanbul"];
export const CONTROL = ["\u0000", "line\nbreak", "tab\there", "\r\n", "\u0007bell", "\u001b[31mred", "\u2028sep"];
export const EXCEL_ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!"];
export const NUMBERISH = ["45%", "1,200", "$3.2k", "n/a", "1e309", "-0", "0x1F", "١٢٣", "½", "12.5.3", "—", "∞", "NaN", "Infinity", "2026-02-30", "Q5 2026", "FY99 Q3"];

export const LONG_TEXT = "x".repeat(10_000);

const numbers: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_VALUE, 1e308, 1e-308, 2 ** 53, 46204, 2_958_466),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
);

const texts: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(...FORMULA_LIKE, ...RTL_AND_UNICODE, ...CONTROL, ...EXCEL_ERRORS, ...NUMBERISH, LONG_TEXT, "", " ", "   "),
);

/** Any cell Office.js or the file reader could hand over, and some they should not. */
export const cell: fc.Arbitrary<RawCell> = fc.oneof({ weight: 3, arbitrary: texts }, { weight: 3, arbitrary: numbers }, { weight: 1, arbitrary: fc.boolean() });

/** Every header text the recogniser knows, for every kind, with its aliases. */
export const KNOWN_HEADERS: string[] = Object.values(SHEET_KINDS).flatMap((kind) =>
  Object.values(kind.fields).flatMap((field: { label: string; aliases: readonly string[] }) => [field.label, ...field.aliases]),
);

const header: fc.Arbitrary<RawCell> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KNOWN_HEADERS) }, { weight: 1, arbitrary: cell }, { weight: 1, arbitrary: fc.constant("") });

/** A sheet: an optional title row, a header row of aliases (duplicates and blanks allowed), and ragged data rows. */
export const sheet: fc.Arbitrary<SheetData> = fc
  .record({
    name: fc.constantFrom("OKRs", "KPIs", "KRAs", "Check-ins", "Notes", "مرحبا", "It's 'quoted'", "Sheet 1"),
    title: fc.option(fc.array(cell, { maxLength: 3 }), { nil: undefined }),
    headers: fc.array(header, { minLength: 1, maxLength: 18 }),
    rows: fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 12 }),
    origin: fc.record({ row: fc.integer({ min: 0, max: 5 }), col: fc.integer({ min: 0, max: 5 }) }),
    formats: fc.boolean(),
  })
  .map(({ name, title, headers, rows, origin, formats }) => {
    const values: RawCell[][] = [...(title ? [title] : []), headers, ...rows];
    const numberFormats = formats ? values.map((line) => line.map((_, i) => ["General", "0%", "yyyy-mm-dd", "@", "#,##0.00", "[$-x-sysdate]dddd"][i % 6])) : undefined;
    return { name, values, numberFormats, origin };
  });

/** A workbook of up to four sheets with distinct names. */
export const workbook: fc.Arbitrary<SheetData[]> = fc.uniqueArray(sheet, { minLength: 1, maxLength: 4, selector: (s) => s.name.toLowerCase() });

/** A1-style address: column letters then a row number from 1. */
export const ADDRESS = /^\$?[A-Z]{1,3}\$?[1-9]\d*$/;
