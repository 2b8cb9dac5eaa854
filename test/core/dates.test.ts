import { addDays, dayNumber, daysBetween, fromDayNumber, isoToSerial, serialToIso, todayIso } from "../../src/core/dates";

describe("dayNumber", () => {
  it.each<[string, string, number | null]>([
    ["the epoch", "1970-01-01", 0],
    ["the day after the epoch", "1970-01-02", 1],
    ["a leap day", "2024-02-29", 19782],
    ["30 February is not a date", "2026-02-30", null],
    ["29 February in a common year is not a date", "2026-02-29", null],
    ["month 13 is not a date", "2026-13-01", null],
    ["a non-ISO layout", "01/07/2026", null],
    ["text", "soon", null],
  ])("%s", (_name, iso, expected) => {
    expect(dayNumber(iso)).toBe(expected);
  });
});

describe("serialToIso and isoToSerial", () => {
  it.each<[string, number, string]>([
    ["Q3 2026 starts", 46204, "2026-07-01"],
    ["1900-03-01 (after Excel's phantom leap day)", 61, "1900-03-01"],
    ["the Unix epoch", 25569, "1970-01-01"],
    ["the last day Excel knows", 2958465, "9999-12-31"],
  ])("%s: %p is %p", (_name, serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });

  it("drops the time of day", () => {
    expect(serialToIso(46204.75)).toBe("2026-07-01");
  });

  it.each<[string, number]>([
    ["the phantom 29 February 1900", 60],
    ["zero", 0],
    ["a negative serial", -1],
    ["beyond 9999", 2958466],
    ["NaN", Number.NaN],
    ["infinity", Number.POSITIVE_INFINITY],
  ])("gives null for %s", (_name, serial) => {
    expect(serialToIso(serial)).toBeNull();
  });

  it("gives null for an invalid ISO date", () => {
    expect(isoToSerial("2026-02-30")).toBeNull();
  });
});

describe("daysBetween, addDays, fromDayNumber", () => {
  it.each<[string, string, string, number]>([
    ["within July", "2026-07-01", "2026-07-31", 30],
    ["backwards", "2026-07-31", "2026-07-01", -30],
    ["across a leap day", "2024-02-28", "2024-03-01", 2],
    ["a quarter", "2026-07-01", "2026-09-30", 91],
  ])("%s", (_name, a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
    expect(addDays(a, days)).toBe(b);
  });

  it("gives null for an invalid date", () => {
    expect(daysBetween("2026-07-01", "nope")).toBeNull();
    expect(addDays("nope", 1)).toBeNull();
  });

  it("turns day numbers back into dates", () => {
    expect(fromDayNumber(0)).toBe("1970-01-01");
    expect(fromDayNumber(dayNumber("2026-09-30") ?? 0)).toBe("2026-09-30");
  });
});

describe("todayIso", () => {
  it.each<[string, Date, string]>([
    ["late in the UTC day", new Date(Date.UTC(2026, 6, 1, 23, 59)), "2026-07-01"],
    ["just after UTC midnight", new Date(Date.UTC(2026, 6, 2, 0, 0)), "2026-07-02"],
  ])("%s", (_name, now, iso) => {
    expect(todayIso(now)).toBe(iso);
  });
});
