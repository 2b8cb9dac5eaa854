import fc from "fast-check";
import { boundOf, numberInStatement, splitQualifier, type Qualified } from "../../src/core/qualifiers";
import { toNumber } from "../../src/core/values";

const q = (number: string, extra: Partial<Qualified> = {}): Qualified => ({ number, bound: null, strict: false, scale: null, unit: null, ...extra });

describe("splitQualifier", () => {
  it.each<[string, string, Qualified | null]>([
    ["a trailing plus is a floor", "70%+", q("70%", { bound: "min" })],
    ["≥ is a floor", "≥ 70%", q("70%", { bound: "min" })],
    [">= is a floor", ">=70%", q("70%", { bound: "min" })],
    ["< is a strict ceiling", "<15%", q("15%", { bound: "max", strict: true })],
    ["≤ is a ceiling", "≤ 2", q("2", { bound: "max" })],
    ["a count with a plus is a minimum", "6+", q("6", { bound: "min" })],
    ["a hundred plus", "100+", q("100", { bound: "min" })],
    ["at least", "at least 45", q("45", { bound: "min" })],
    ["no more than", "No more than 5", q("5", { bound: "max" })],
    ["under with a unit", "under 2 days", q("2", { bound: "max", strict: true, unit: "days" })],
    ["below", "below 3%", q("3%", { bound: "max", strict: true })],
    ["or more", "10 or more", q("10", { bound: "min" })],
    ["or less", "4 or less", q("4", { bound: "max" })],
    ["a rating on a 5-point scale", "4.5/5", q("4.5", { scale: 5 })],
    ["a rating out of 10", "7 out of 10", q("7", { scale: 10 })],
    ["a number with a unit", "12 months", q("12", { unit: "months" })],
    ["a unit written against the number", "400ms", q("400", { unit: "ms" })],
    ["a minimum per month", "200+/mo", q("200", { bound: "min", unit: "mo" })],
    ["a minimum with a word after it", "70+ average", q("70", { bound: "min", unit: "average" })],
    ["a money amount keeps its suffix for the converter", "$1.2M", null],
    ["a plain number", "45", null],
    ["a percent", "45%", null],
    ["a negative number is no qualifier", "-5", null],
    ["a positive sign is no qualifier", "+5", null],
    ["no digits", "lots", null],
    ["a date is not a scale", "1/2/2026", null],
    ["a long sentence is not a value", "Raise the number of qualified leads from partners to 120 a month", null],
  ])("%s: %s", (_name, text, expected) => {
    expect(splitQualifier(text)).toEqual(expected);
  });

  it("never throws and always leaves digits in the number it returns", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const result = splitQualifier(text);
        if (result !== null) expect(result.number).toMatch(/\d/);
      }),
    );
  });

  it("reads back every number written with any qualifier", () => {
    const written = ["≥ {n}", "<{n}", "at least {n}", "under {n} days", "no more than {n}", "{n}+", "{n} or more", "{n} months", "{n}/5"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...written), (n, pattern) => {
        const text = pattern.replace("{n}", String(n));
        const value = toNumber(text);
        expect(value).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe("boundOf", () => {
  it.each<[string, unknown, string | null]>([
    ["a ceiling", "<15%", "max"],
    ["a floor", "70%+", "min"],
    ["a number", 45, null],
    ["plain text", "45%", null],
  ])("%s", (_name, raw, expected) => {
    expect(boundOf(raw)).toBe(expected);
  });
});

describe("toNumber with qualifiers", () => {
  it.each<[string, string, number]>([
    ["a floor", "70%+", 0.7],
    ["a ceiling", "<15%", 0.15],
    ["a rating", "4.5/5", 4.5],
    ["a duration", "12 months", 12],
    ["money in millions", "$1.2M", 1_200_000],
    ["a minimum count", "6+", 6],
  ])("reads %s", (_name, text, expected) => {
    expect(toNumber(text)).toEqual({ ok: true, value: expected });
  });
});

describe("numberInStatement", () => {
  it.each<[string, string, string, string | null]>([
    ["a label and its value", "NPS = 42", "", "42"],
    ["a note in brackets is left out", "NPS = 42 (Δ10)", "", "42"],
    ["a percent", "Churn = 6% (Δ2)", "", "6%"],
    ["the result of a working", "10/13 = 0.77", "", "0.77"],
    ["an amount after a verb echoing the subject", "Closed $400K", "Close $500K new revenue", "$400K"],
    ["a label and a colon echoing the subject", "Churn: 6%", "Reduce churn from 8% to 5%", "6%"],
    ["words that do not echo the subject", "see row 12", "Close $500K new revenue", null],
    ["words with no subject to echo", "Closed $400K", "", null],
    ["an equals sign with words after it", "NPS = good", "", null],
    ["no number", "Closed the deal", "Close the deal", null],
    ["two numbers after the words", "Closed 3 deals worth $400K", "Close deals", null],
  ])("%s: %s", (_name, text, subject, expected) => {
    expect(numberInStatement(text, subject)).toBe(expected);
  });

  it("never throws, and what it returns reads as a number", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 30 }), (text, subject) => {
        const found = numberInStatement(text, subject);
        if (found !== null) expect(toNumber(found).ok).toBe(true);
      }),
    );
  });

  const word = fc.stringMatching(/^[A-Za-z]{3,10}$/);
  const amount = fc.integer({ min: 0, max: 1_000_000 });

  it("reads back the value of `label = value`, whatever note follows in brackets", () => {
    fc.assert(
      fc.property(word, amount, fc.string({ maxLength: 10 }).filter((t) => !/[()]/.test(t)), (label, n, note) => {
        const found = numberInStatement(`${label} = ${n} (${note})`);
        expect(found !== null && toNumber(found)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("reads back an amount after a word of the subject, and nothing after a word foreign to it", () => {
    fc.assert(
      fc.property(word, word, amount, (verb, other, n) => {
        const subject = `${verb} ${n + 1} widgets`;
        expect(numberInStatement(`${verb}ed ${n}`, subject)).toBe(String(n));
        const sharesStart = (a: string, b: string) => a.toLowerCase().slice(0, Math.min(4, a.length, b.length)) === b.toLowerCase().slice(0, Math.min(4, a.length, b.length));
        if (!sharesStart(other, verb) && !sharesStart(other, "widgets")) expect(numberInStatement(`${other} ${n}`, subject)).toBeNull();
      }),
    );
  });
});
