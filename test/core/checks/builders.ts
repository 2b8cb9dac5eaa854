/**
 * Builders for check fixtures: a scenario is a parsed workbook with its as-of
 * date and settings, and `runChecks` analyses and checks it the way the doors do.
 */
import { analyse } from "../../../src/core/analyse";
import { checkWorkbook } from "../../../src/core/checks";
import type { Finding, IsoDate, KeyResultRecord, KpiRecord, KraRecord, ParsedWorkbook, Period } from "../../../src/core/model";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import { makeKeyResult, makeKpi, makeKra, makeParsed } from "../../support/builders";

export const AS_OF: IsoDate = "2026-08-15";

export interface Scenario {
  parsed: ParsedWorkbook;
  asOf?: IsoDate;
  settings?: Settings;
}

/** Analyses and checks a scenario. */
export function runChecks({ parsed, asOf = AS_OF, settings = DEFAULT_SETTINGS }: Scenario): Finding[] {
  return checkWorkbook(parsed, analyse(parsed, settings, asOf), { settings, asOf });
}

export function okrs(...keyResults: KeyResultRecord[]): ParsedWorkbook {
  return makeParsed({ keyResults });
}

/**
 * One objective with `count` measurable key results on consecutive rows from `firstRow`.
 *
 * @example
 * objectiveWith(7, 10, { objective: "Grow the team" }) // rows 10–16
 */
export function objectiveWith(count: number, firstRow: number, overrides: Partial<KeyResultRecord> = {}): KeyResultRecord[] {
  return Array.from({ length: count }, (_, i) =>
    makeKeyResult({ row: firstRow + i, keyResult: `Raise offer acceptance in region ${i + 1} from 40% to 60%`, type: "increase", start: 0.4, target: 0.6, current: 0.5, ...overrides }),
  );
}

/** `count` objectives of one key result each, on consecutive rows from `firstRow`. */
export function objectives(count: number, firstRow: number, overrides: Partial<KeyResultRecord> = {}): KeyResultRecord[] {
  return Array.from({ length: count }, (_, i) => makeKeyResult({ row: firstRow + i, objective: `Objective ${i + 1}`, ...overrides }));
}

/** `count` distinct KPIs of one owner, each read in every period given, rows from `firstRow`. */
export function kpisOf(count: number, firstRow: number, periods: Period[], overrides: Partial<KpiRecord> = {}): KpiRecord[] {
  const out: KpiRecord[] = [];
  for (let i = 0; i < count; i++) {
    for (const period of periods) out.push(makeKpi({ row: firstRow + out.length, kpi: `KPI ${i + 1}`, period, ...overrides }));
  }
  return out;
}

/** One KPI read in successive periods with the actuals given, rows from `firstRow`. */
export function kpiSeries(firstRow: number, readings: Array<[Period, number | null]>, overrides: Partial<KpiRecord> = {}): KpiRecord[] {
  return readings.map(([period, actual], i) => makeKpi({ row: firstRow + i, period, actual, ...overrides }));
}

/** One person's KRAs with the weights given, rows from `firstRow`. */
export function krasWeighted(firstRow: number, weights: Array<number | null>, overrides: Partial<KraRecord> = {}): KraRecord[] {
  return weights.map((weight, i) => makeKra({ row: firstRow + i, area: `Area ${i + 1}`, weight, ...overrides }));
}
