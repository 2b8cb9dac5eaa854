import fc from "fast-check";
import type { Period, PeriodKind, RawCell } from "../../src/core/model";
import { comparePeriods, enclosingPeriod, makePeriod, parsePeriod, periodContaining, periodIncludes, periodWithin, previousPeriod, yearContaining, type PeriodOptions } from "../../src/core/periods";
import { anyCell } from "./parse-fixtures";

function period(raw: RawCell, options?: PeriodOptions): Period | null {
  const result = parsePeriod(raw, options);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const Q3_2026 = { label: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" };

describe("parsePeriod", () => {
  it.each<[string, RawCell]>([
    ["canonical", "2026-Q3"],
    ["quarter first", "Q3 2026"],
    ["two-digit year", "Q3-26"],
    ["slash", "Q3/2026"],
    ["year first with a space", "2026 Q3"],
    ["no separator", "2026Q3"],
    ["lower case", "q3 2026"],
    ["apostrophe year", "Q3 '26"],
    ["3Q26", "3Q26"],
    ["FY26 Q3 in a January fiscal year", "FY26 Q3"],
    ["FY2026-Q3 in a January fiscal year", "FY2026-Q3"],
    ["a date in the quarter", "2026-08-15"],
    ["a serial date in the quarter", 46204],
  ])("reads %s as 2026-Q3", (_name, raw) => {
    expect(period(raw)).toEqual(Q3_2026);
  });

  it.each<[string, RawCell, PeriodOptions, Period]>([
    ["a year", "2026", {}, { label: "2026", kind: "year", start: "2026-01-01", end: "2026-12-31" }],
    ["a year as a number", 2026, {}, { label: "2026", kind: "year", start: "2026-01-01", end: "2026-12-31" }],
    ["a half", "H1 2026", {}, { label: "2026-H1", kind: "half", start: "2026-01-01", end: "2026-06-30" }],
    ["a half, year first", "2026-H2", {}, { label: "2026-H2", kind: "half", start: "2026-07-01", end: "2026-12-31" }],
    ["a month", "2026-07", {}, { label: "2026-07", kind: "month", start: "2026-07-01", end: "2026-07-31" }],
    ["a month name", "Jul 2026", {}, { label: "2026-07", kind: "month", start: "2026-07-01", end: "2026-07-31" }],
    ["a long month name", "February 2028", {}, { label: "2028-02", kind: "month", start: "2028-02-01", end: "2028-02-29" }],
    ["a date as its month", "2026-07-15", { dateKind: "month" }, { label: "2026-07", kind: "month", start: "2026-07-01", end: "2026-07-31" }],
    ["a date as its year", "15 Jul 2026", { dateKind: "year" }, { label: "2026", kind: "year", start: "2026-01-01", end: "2026-12-31" }],
    ["a date-formatted serial", 46204, { format: "yyyy-mm-dd", dateKind: "month" }, { label: "2026-07", kind: "month", start: "2026-07-01", end: "2026-07-31" }],
    ["FY26 Q1 with an April fiscal year", "FY26 Q1", { fiscalYearStartMonth: 4 }, { label: "FY2026-Q1", kind: "quarter", start: "2025-04-01", end: "2025-06-30" }],
    ["FY26 Q4 with an April fiscal year", "FY2026-Q4", { fiscalYearStartMonth: 4 }, { label: "FY2026-Q4", kind: "quarter", start: "2026-01-01", end: "2026-03-31" }],
    ["Q3 FY26 with a July fiscal year", "Q3 FY26", { fiscalYearStartMonth: 7 }, { label: "FY2026-Q3", kind: "quarter", start: "2026-01-01", end: "2026-03-31" }],
    ["FY26 with an April fiscal year", "FY26", { fiscalYearStartMonth: 4 }, { label: "FY2026", kind: "year", start: "2025-04-01", end: "2026-03-31" }],
    ["FY26 H2 with an April fiscal year", "FY26 H2", { fiscalYearStartMonth: 4 }, { label: "FY2026-H2", kind: "half", start: "2025-10-01", end: "2026-03-31" }],
    ["a calendar quarter ignores the fiscal year", "Q1 2026", { fiscalYearStartMonth: 4 }, { label: "2026-Q1", kind: "quarter", start: "2026-01-01", end: "2026-03-31" }],
  ])("reads %s", (_name, raw, options, expected) => {
    expect(period(raw, options)).toEqual(expected);
  });

  it.each<[string, RawCell]>([
    ["blank", ""],
    ["n/a", "n/a"],
  ])("reads %s as no period", (_name, raw) => {
    expect(parsePeriod(raw)).toEqual({ ok: true, value: null });
  });

  it.each<[string, RawCell, string]>([
    ["a fifth quarter", "Q5 2026", "not-a-period"],
    ["a thirteenth month", "2026-13", "not-a-period"],
    ["words", "next quarter", "not-a-period"],
    ["a boolean", true, "not-a-period"],
    ["a small number", 12.5, "not-a-period"],
    ["an Excel error", "#N/A", "excel-error"],
  ])("rejects %s", (_name, raw, code) => {
    const result = parsePeriod(raw);
    expect(result.ok === false && result.code).toBe(code);
  });

  it.each<[string, RawCell, number, string, string, string]>([
    ["a financial year written over two years", "2025-26", 4, "FY2026", "2025-04-01", "2026-03-31"],
    ["with FY before it", "FY 2025-26", 4, "FY2026", "2025-04-01", "2026-03-31"],
    ["with four-digit years and a slash", "2025/2026", 4, "FY2026", "2025-04-01", "2026-03-31"],
    ["across a century", "FY 2099-00", 4, "FY2100", "2099-04-01", "2100-03-31"],
    ["on a calendar-year workbook, as FY 2026 reads there", "FY 2025-26", 1, "2026", "2026-01-01", "2026-12-31"],
    ["a month that looks like a span", "2011-12", 4, "2011-12", "2011-12-01", "2011-12-31"],
  ])("reads %s", (_name, raw, fiscalYearStartMonth, label, start, end) => {
    expect(period(raw, { fiscalYearStartMonth, dateKind: "year" })).toMatchObject({ label, start, end });
  });

  it.each<[string, RawCell, number, string, string, string]>([
    ["a financial year as a range of day-first dates", "From 01-04-2025 to 31-03-2026", 4, "FY2026", "2025-04-01", "2026-03-31"],
    ["the same range on a calendar-year workbook (the year it ends in, from April)", "From 01-04-2025 to 31-03-2026", 1, "FY2026", "2025-04-01", "2026-03-31"],
    ["a calendar year of ISO dates", "2026-01-01 – 2026-12-31", 4, "2026", "2026-01-01", "2026-12-31"],
    ["a calendar quarter", "1 Jul 2026 to 30 Sep 2026", 1, "2026-Q3", "2026-07-01", "2026-09-30"],
    ["a fiscal quarter", "2026-04-01 to 2026-06-30", 4, "FY2027-Q1", "2026-04-01", "2026-06-30"],
    ["a month", "2026-03-01 to 2026-03-31", 1, "2026-03", "2026-03-01", "2026-03-31"],
  ])("reads %s", (_name, raw, fiscalYearStartMonth, label, start, end) => {
    expect(period(raw, { fiscalYearStartMonth, dateKind: "year" })).toMatchObject({ label, start, end });
  });

  it.each<[string, RawCell]>([
    ["years that do not follow each other", "2025-27"],
    ["a span backwards", "FY 2026-25"],
    ["a range that is not a whole period", "From 01-04-2025 to 30-03-2026"],
    ["a range of three months across quarters", "2026-02-01 to 2026-04-30"],
  ])("rejects %s", (_name, raw) => {
    expect(parsePeriod(raw).ok).toBe(false);
  });

  it("reads a span of two years as the financial year ending in the second, however it is written (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2012, max: 2098 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom("-", "–", "/", " - "), fc.boolean(), fc.boolean(), (year, fy, sep, prefix, long) => {
        const next = long ? String(year + 1) : String((year + 1) % 100).padStart(2, "0");
        const written = `${prefix ? "FY " : ""}${year}${sep}${next}`;
        expect(period(written, { fiscalYearStartMonth: fy })).toEqual(period(`FY${year + 1}`, { fiscalYearStartMonth: fy }));
      }),
    );
  });

  it("reads the first and last day of any month, quarter, half or year written as a range as that period (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom<PeriodKind>("month", "quarter", "half", "year"), fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(" to ", " – ", " - "), (kind, year, part, sep) => {
        const whole = makePeriod(kind, year, ((part - 1) % ({ month: 12, quarter: 4, half: 2, year: 1 } as const)[kind]) + 1);
        if (!whole) return;
        expect(period(`From ${whole.start}${sep}${whole.end}`)).toMatchObject({ kind, start: whole.start, end: whole.end });
      }),
    );
  });

  it("never throws, and every period it gives starts before it ends", () => {
    fc.assert(
      fc.property(anyCell, fc.integer({ min: -3, max: 15 }), fc.constantFrom<PeriodKind>("quarter", "month", "year", "half"), (raw, fy, dateKind) => {
        const result = parsePeriod(raw, { fiscalYearStartMonth: fy, dateKind });
        if (result.ok && result.value) expect(result.value.start <= result.value.end).toBe(true);
        if (!result.ok) expect(result.message).toMatch(/\S/);
      }),
    );
  });
});

describe("period arithmetic", () => {
  it.each<[string, string, PeriodOptions, string]>([
    ["quarter within a year", "2026-Q3", {}, "2026-Q2"],
    ["quarter across a year", "2026-Q1", {}, "2025-Q4"],
    ["year", "2026", {}, "2025"],
    ["half across a year", "2026-H1", {}, "2025-H2"],
    ["month across a year", "2026-01", {}, "2025-12"],
    ["fiscal quarter across a fiscal year", "FY26 Q1", { fiscalYearStartMonth: 4 }, "FY2025-Q4"],
    ["fiscal quarter within a fiscal year", "FY26 Q3", { fiscalYearStartMonth: 4 }, "FY2026-Q2"],
    ["fiscal year", "FY26", { fiscalYearStartMonth: 10 }, "FY2025"],
  ])("previousPeriod of a %s", (_name, raw, options, expected) => {
    const p = period(raw, options);
    expect(p && previousPeriod(p).label).toBe(expected);
  });

  it("keeps a fiscal quarter's length and ends the day before it starts", () => {
    const p = period("FY26 Q1", { fiscalYearStartMonth: 4 });
    expect(p && previousPeriod(p)).toEqual({ label: "FY2025-Q4", kind: "quarter", start: "2025-01-01", end: "2025-03-31" });
  });

  it.each<[string, string, PeriodKind, string]>([
    ["quarter", "2026-08-15", "quarter", "2026-Q3"],
    ["first day of a quarter", "2026-10-01", "quarter", "2026-Q4"],
    ["half", "2026-06-30", "half", "2026-H1"],
    ["month", "2026-02-28", "month", "2026-02"],
    ["year", "2026-12-31", "year", "2026"],
  ])("periodContaining: %s", (_name, date, kind, label) => {
    expect(periodContaining(date, kind).label).toBe(label);
  });

  it.each<[string, string, string, number]>([
    ["earlier quarter first", "2026-Q1", "2026-Q2", -1],
    ["later quarter last", "2027-Q1", "2026-Q4", 1],
    ["a quarter before the year starting with it", "2026-Q1", "2026", -1],
    ["the same period", "Q3 2026", "2026-Q3", 0],
  ])("comparePeriods: %s", (_name, a, b, sign) => {
    const pa = period(a);
    const pb = period(b);
    expect(pa && pb && Math.sign(comparePeriods(pa, pb))).toBe(sign);
  });

  it.each<[string, string | null, string, boolean]>([
    ["a month inside the quarter", "2026-08", "2026-Q3", true],
    ["the quarter itself", "2026-Q3", "2026-Q3", true],
    ["a month of another quarter", "2026-06", "2026-Q3", false],
    ["a quarter inside its year", "2026-Q3", "2026", true],
    ["a year is not inside its quarter", "2026", "2026-Q3", false],
    ["no period", null, "2026-Q3", false],
  ])("periodWithin: %s", (_name, inner, outer, expected) => {
    expect(periodWithin(inner === null ? null : period(inner), period(outer)!)).toBe(expected);
  });

  it.each<[string, string, number, string, string, string]>([
    ["a calendar year", "2026-02-10", 1, "2026", "2026-01-01", "2026-12-31"],
    ["a fiscal year from April, before April", "2026-02-10", 4, "FY2026", "2025-04-01", "2026-03-31"],
    ["a fiscal year from April, in April", "2026-04-01", 4, "FY2027", "2026-04-01", "2027-03-31"],
    ["a fiscal year from July, in December", "2026-12-31", 7, "FY2027", "2026-07-01", "2027-06-30"],
  ])("yearContaining: %s", (_name, date, startMonth, label, start, end) => {
    expect(yearContaining(date, startMonth)).toEqual({ label, kind: "year", start, end });
  });

  it("yearContaining: the year found contains the date, whatever the fiscal start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), (y, m, d, start) => {
        const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        expect(periodIncludes(yearContaining(date, start), date)).toBe(true);
      }),
    );
  });

  it.each<[string, string, boolean]>([
    ["first day", "2026-07-01", true],
    ["last day", "2026-09-30", true],
    ["day after", "2026-10-01", false],
  ])("periodIncludes: %s", (_name, date, expected) => {
    expect(periodIncludes(Q3_2026 as Period, date)).toBe(expected);
  });

  it("previousPeriod always ends the day before the period starts", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PeriodKind>("quarter", "month", "year", "half"),
        fc.integer({ min: 1901, max: 9990 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (kind, year, part, fy) => {
          const p = makePeriod(kind, year, part, fy);
          fc.pre(p !== null);
          const prev = previousPeriod(p as Period);
          const dayAfter = new Date(`${prev.end}T00:00:00Z`);
          dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
          expect(dayAfter.toISOString().slice(0, 10)).toBe((p as Period).start);
          expect(prev.kind).toBe(kind);
        },
      ),
    );
  });
});

describe("enclosingPeriod", () => {
  it.each<[string, string, PeriodKind, number, string | null]>([
    ["the quarter of a month", "2025-03", "quarter", 1, "2025-Q1"],
    ["the year of a month", "2025-03", "year", 1, "2025"],
    ["the half of a quarter", "2025-Q3", "half", 1, "2025-H2"],
    ["a month is itself", "2025-03", "month", 1, "2025-03"],
    ["the fiscal quarter of a month, the year starting in April", "2025-05", "quarter", 4, "FY2026-Q1"],
    ["the fiscal quarter of March, the year starting in April", "2025-03", "quarter", 4, "FY2025-Q4"],
    ["the fiscal year of a month, the year starting in July", "2025-08", "year", 7, "FY2026"],
    ["no month of a year", "2025", "month", 1, null],
    ["no quarter of a year", "2025", "quarter", 1, null],
  ])("%s", (_name, raw, kind, fiscalStart, expected) => {
    const p = period(raw, { fiscalYearStartMonth: fiscalStart });
    expect(p && (enclosingPeriod(p, kind, fiscalStart)?.label ?? null)).toBe(expected);
  });

  it("always contains the period it encloses, whatever the fiscal start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2090 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<PeriodKind>("month", "quarter", "half", "year"),
        fc.integer({ min: 1, max: 12 }),
        (year, month, kind, start) => {
          const p = makePeriod("month", year, month);
          const enclosing = p && enclosingPeriod(p, kind, start);
          expect(enclosing?.kind).toBe(kind);
          expect(enclosing && p && periodWithin(p, enclosing)).toBe(true);
        },
      ),
    );
  });
});
