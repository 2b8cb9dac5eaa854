import fc from "fast-check";
import { analyse } from "../../../src/core/analyse";
import { checkWorkbook, RULES, type RuleId } from "../../../src/core/checks";
import type { Direction, KeyResultType, Level, Period, PeriodKind } from "../../../src/core/model";
import { DEFAULT_SETTINGS, withDefaults } from "../../../src/core/settings";
import { makeCheckIn, makeKeyResult, makeKpi, makeKra, makeParsed } from "../../support/builders";

const SHEETS = ["OKRs", "KPIs", "KRAs", "Team OKRs"];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
/** Dates that exist, and strings that only look like dates. */
const date = fc.oneof(
  fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-30", "", "someday"),
);
const period: fc.Arbitrary<Period | null> = maybe(
  fc.record({
    label: fc.string(),
    kind: fc.constantFrom<PeriodKind>("quarter", "year", "month", "half"),
    start: date,
    end: date,
  }),
);
const text = fc.oneof(fc.string(), fc.constantFrom("Maintain NPS above 45", "Launch the feature", "", "  ", "At least 90%"));
const name = fc.constantFrom("Ana López", "ana  lópez", "Ben", "", " ");
/** Any number a record may carry, including ones parsing should never let through. */
const number = maybe(fc.oneof(fc.double(), fc.integer({ min: -5, max: 200 })));
const cells = fc.dictionary(fc.constantFrom("kpi", "keyResult", "owner", "objective", "target", "current", "weight", "period", "direction"), fc.constantFrom("A1", "F12", "$C$3", "not a cell", ""));
const located = { sheet: fc.constantFrom(...SHEETS), row: fc.integer({ min: 1, max: 50 }), cells };

const keyResult = fc
  .record({
    ...located,
    period,
    level: maybe(fc.constantFrom<Level>("company", "team", "individual")),
    team: name,
    objective: text,
    keyResult: text,
    owner: name,
    type: fc.constantFrom<KeyResultType>("increase", "decrease", "milestone", "binary", "maintain"),
    start: number,
    target: number,
    current: number,
    weight: number,
    lastCheckIn: maybe(date),
  })
  .map((r) => makeKeyResult(r));

const kpi = fc
  .record({
    ...located,
    kpi: text,
    owner: name,
    dataSource: text,
    frequency: text,
    unit: text,
    floor: number,
    target: number,
    ceiling: number,
    direction: maybe(fc.constantFrom<Direction>("higher", "lower", "band")),
    period,
    actual: number,
  })
  .map((r) => makeKpi(r));

const kra = fc.record({ ...located, employee: name, period, weight: number, rating: number }).map((r) => makeKra(r));

const workbook = fc.record({
  keyResults: fc.array(keyResult, { maxLength: 30 }),
  kpis: fc.array(kpi, { maxLength: 20 }),
  kras: fc.array(kra, { maxLength: 10 }),
  checkIns: fc.array(fc.record({ date: maybe(date) }).map((c) => makeCheckIn(c)), { maxLength: 5 }),
});

const settings = fc.oneof(
  fc.constant(DEFAULT_SETTINGS),
  fc.record({ staleWeeks: fc.integer({ min: 0, max: 10 }), lateInPeriod: fc.double({ min: 0, max: 1, noNaN: true }) }).map((s) => withDefaults(s)),
);

describe("checkWorkbook on arbitrary records", () => {
  it("never throws, and every finding is a located, registered rule in sorted order", () => {
    fc.assert(
      fc.property(workbook, settings, date, (records, settings, asOf) => {
        const parsed = makeParsed(records);
        const findings = checkWorkbook(parsed, analyse(parsed, settings, asOf), { settings, asOf });
        for (const f of findings) {
          const rule = RULES[f.rule as RuleId];
          expect(rule).toBeDefined();
          expect(f).toMatchObject({ code: f.rule, severity: rule.severity, fix: rule.fix });
          expect(SHEETS).toContain(f.sheet);
          expect(f.cell.length).toBeGreaterThan(0);
          expect(f.message.length).toBeGreaterThan(0);
        }
        // Sorted by sheet first: each sheet's findings come in one block.
        const blocks = findings.map((f) => f.sheet).filter((sheet, i, all) => i === 0 || all[i - 1] !== sheet);
        expect(new Set(blocks).size).toBe(blocks.length);
      }),
      { numRuns: 300 },
    );
  });
});
