/**
 * Which periods a rollup or reviews can cover, and which one a door uses when
 * the user names none: the one chosen last for this workbook (kept in its
 * stored state, so the pane, the ribbon and the CLI agree) while the workbook
 * still offers it, else the latest. Review years follow the fiscal year setting.
 */
import type { Period } from "../core/model";
import { comparePeriods, parsePeriod, yearContaining } from "../core/periods";
import type { WorkbookPort } from "../workbook/port";
import type { LoadedWorkbook } from "./load";
import { fail, type Failure, type Output } from "./messages";

/** Distinct periods by label, latest first. */
function latestFirst(periods: Iterable<Period | null>): Period[] {
  const byLabel = new Map<string, Period>();
  for (const p of periods) if (p && !byLabel.has(p.label)) byLabel.set(p.label, p);
  return [...byLabel.values()].sort((a, b) => comparePeriods(b, a));
}

/**
 * The quarters a rollup can cover: those of the key results and KPI readings, latest first.
 *
 * @example
 * rollupPeriods(loaded).map((p) => p.label) // ["2026-Q3", "2026-Q2"]
 */
export function rollupPeriods(loaded: LoadedWorkbook): Period[] {
  const { keyResults, kpis } = loaded.parsed;
  const all: Array<Period | null> = [];
  for (const k of keyResults) all.push(k.period);
  for (const k of kpis) all.push(k.period);
  return latestFirst(all).filter((p) => p.kind === "quarter");
}

/**
 * The years reviews can cover, latest first: the KRAs' review years, and the
 * year (fiscal, when the fiscal year starts after January) of each key result
 * and KPI reading.
 *
 * @example
 * reviewPeriods(loaded).map((p) => p.label) // ["2026", "2025"]
 * // with the fiscal year starting in April, a 2026-Q3 key result counts in "FY2027"
 */
export function reviewPeriods(loaded: LoadedWorkbook): Period[] {
  const fiscal = loaded.settings.fiscalYearStartMonth;
  const { kras, keyResults, kpis } = loaded.parsed;
  const yearOf = (p: Period | null): Period | null => (p === null || p.kind === "year" ? p : yearContaining(p.start, fiscal));
  const all: Array<Period | null> = [];
  for (const k of kras) all.push(yearOf(k.period));
  for (const k of keyResults) all.push(yearOf(k.period));
  for (const k of kpis) all.push(yearOf(k.period));
  return latestFirst(all);
}

/** The periods offered for an output, latest first, and the one used when none is named. */
export interface PeriodChoice {
  periods: Period[];
  /** The remembered choice while it is offered, else the latest; `null` when none is offered. */
  chosen: Period | null;
}

/**
 * The periods an output can cover and the default one.
 *
 * @example
 * periodChoice(loaded, "rollup").chosen?.label // "2026-Q3"
 */
export function periodChoice(loaded: LoadedWorkbook, output: Output): PeriodChoice {
  const periods = output === "rollup" ? rollupPeriods(loaded) : reviewPeriods(loaded);
  const remembered = loaded.state.periods?.[output];
  return { periods, chosen: periods.find((p) => p.label === remembered) ?? periods[0] ?? null };
}

/**
 * The period a use case runs for: the one given (a period, or text such as
 * `Q3 2026` or `FY27`, matched first against the workbook's own labels so a
 * fiscal quarter keeps its dates), else the default of {@link periodChoice}.
 *
 * @example
 * resolvePeriod(loaded, "rollup", "q3 2026") // { ok: true, period: { label: "2026-Q3", … } }
 * resolvePeriod(loaded, "rollup", "soon").ok // false, code "bad-period"
 */
export function resolvePeriod(loaded: LoadedWorkbook, output: Output, given?: Period | string): { ok: true; period: Period } | Failure {
  if (typeof given === "object") return { ok: true, period: given };
  const choice = periodChoice(loaded, output);
  if (given === undefined || given.trim() === "") {
    return choice.chosen ? { ok: true, period: choice.chosen } : fail({ code: "no-period", output });
  }
  const wanted = given.trim().toLowerCase();
  const known = choice.periods.find((p) => p.label.toLowerCase() === wanted);
  if (known) return { ok: true, period: known };
  const read = parsePeriod(given, { fiscalYearStartMonth: loaded.settings.fiscalYearStartMonth });
  if (!read.ok || read.value === null) return fail({ code: "bad-period", given });
  return { ok: true, period: read.value };
}

/**
 * Remembers the period chosen for an output in the workbook's stored state, so
 * every door (the ribbon button, the CLI) uses it until another is chosen.
 *
 * @example
 * await rememberPeriod(port, loaded, "rollup", quarter)
 */
export async function rememberPeriod(port: WorkbookPort, loaded: LoadedWorkbook, output: Output, period: Period): Promise<void> {
  if (loaded.state.periods?.[output] === period.label) return;
  const state = { ...loaded.state, periods: { ...loaded.state.periods, [output]: period.label } };
  await port.writeState(state);
}
