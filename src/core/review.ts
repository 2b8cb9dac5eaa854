/**
 * Review summaries' figures: for each person, their role accountability (KRAs),
 * the key results and KPIs they own in the review period and the findings that
 * concern them. Pure figures only: the sheets that show them are laid out by
 * `review-sheets.ts`. OKR results are evidence for the conversation, never the rating.
 */
import type { Analysis, ScoredKeyResult, ScoredKpi, ScoredKra } from "./analyse";
import { nameKey } from "./analyse";
import { groupBy, pushTo } from "./collections";
import { slugOf } from "./layout";
import type { Finding, Grade, KpiStatus, Pace, Period, Trend } from "./model";
import { splitOwners } from "./owners";
import { periodWithin } from "./periods";
import type { Settings } from "./settings";
import { keyResultSource, kpiSource, kraSource, type SourceCell } from "./sources";

export interface ReviewArea {
  area: string;
  measure: string;
  /** Weight in percent (40 means 40 %). */
  weightPercent: number | null;
  target: number | null;
  actual: number | null;
  rating: number | null;
  /** True when the rating was derived from actual ÷ target rather than given. */
  derived: boolean;
  /** The cell the rating came from (its Actual cell when derived). */
  source: SourceCell;
}

export interface ReviewKeyResult {
  period: string;
  team: string;
  objective: string;
  keyResult: string;
  score: number | null;
  grade: Grade | null;
  pace: Pace | null;
  noCheckIn: boolean;
  /** The key result's row on the OKR sheet. */
  source: SourceCell;
}

export interface ReviewKpiReading {
  period: string;
  actual: number | null;
  /** The reading's own bounds: they may change from one period to the next. */
  floor: number | null;
  target: number | null;
  ceiling: number | null;
  status: KpiStatus | null;
  trend: Trend;
  /** The reading's Actual cell. */
  source: SourceCell;
}

export interface ReviewKpi {
  kpi: string;
  area: string;
  unit: string;
  floor: number | null;
  target: number | null;
  ceiling: number | null;
  /** Readings inside the review period, oldest first. */
  history: ReviewKpiReading[];
}

export interface Review {
  person: string;
  /** Stable, unique among the reviews: used in sheet keys (`person:<slug>`). */
  slug: string;
  role: string;
  manager: string;
  period: Period;
  /** Role accountability; `null` when the KRA sheet has nothing for this person in the period. */
  kra: {
    areas: ReviewArea[];
    score: number | null;
    label: string;
    weightTotal: number;
    ratingMax: number;
    /** The score is computed from every area: the first area's row, and how many. */
    source: SourceCell;
  } | null;
  keyResults: ReviewKeyResult[];
  kpis: ReviewKpi[];
  findings: Finding[];
  keyResultCount: number;
  /** Mean of the owned key results' scores, each capped at 1; `null` when none is scored. */
  averageKeyResultScore: number | null;
  /** KPI readings in breach during the period. */
  kpiBreaches: number;
}

export interface ReviewOptions {
  /** A year, or a quarter; a year covers its quarters and months. */
  period: Period;
  /** Names of the people to review; everyone found when omitted. */
  people?: string[];
  /** Only people who own key results of this team (or KPIs of this area). */
  team?: string;
  settings: Settings;
}

function owns(text: string, key: string): boolean {
  return splitOwners(text).some((o) => nameKey(o) === key);
}

/** KRAs written without a review period are the role's standing accountabilities: they apply to any period. */
function kraApplies(k: ScoredKra, period: Period): boolean {
  return k.period === null || overlaps(k.period, period);
}

function overlaps(a: Period | null, b: Period): boolean {
  return a !== null && a.start <= b.end && b.start <= a.end;
}

function byPeriod(a: Period | null, b: Period | null): number {
  const x = a?.start ?? "";
  const y = b?.start ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

interface Person {
  name: string;
  key: string;
}

function peopleIn(analysis: Analysis, period: Period, options: ReviewOptions): Person[] {
  const found = new Map<string, Person>();
  const add = (name: string) => {
    const key = nameKey(name);
    if (key && !found.has(key)) found.set(key, { name: name.trim().replace(/\s+/g, " "), key });
  };
  analysis.kras.filter((k) => kraApplies(k, period)).forEach((k) => add(k.employee));
  analysis.keyResults.filter((k) => periodWithin(k.record.period, period)).forEach((k) => splitOwners(k.record.owner).forEach(add));
  analysis.kpis.filter((k) => periodWithin(k.record.period, period)).forEach((k) => splitOwners(k.record.owner).forEach(add));

  let people = [...found.values()];
  if (options.people) {
    const wanted = new Set(options.people.map(nameKey));
    people = people.filter((p) => wanted.has(p.key));
  }
  if (options.team !== undefined) {
    const team = nameKey(options.team);
    people = people.filter(
      (p) =>
        analysis.keyResults.some((k) => periodWithin(k.record.period, period) && nameKey(k.record.team) === team && owns(k.record.owner, p.key)) ||
        analysis.kpis.some((k) => periodWithin(k.record.period, period) && nameKey(k.record.area) === team && owns(k.record.owner, p.key)),
    );
  }
  return people;
}

/** The person's KRA set for the period: the one labelled as the period, else the first dated one that overlaps it, else the undated one. */
function kraOf(sets: readonly ScoredKra[], period: Period): ScoredKra | null {
  return sets.find((k) => k.period?.label === period.label) ?? sets.find((k) => k.period !== null) ?? sets[0] ?? null;
}

/**
 * The period's records and the findings grouped by person, built once per call
 * so that each review reads only its own: scanning everything for every person
 * took minutes for 5,000 people.
 */
interface PeopleIndex {
  kras: Map<string, ScoredKra[]>;
  keyResults: Map<string, ScoredKeyResult[]>;
  kpis: Map<string, ScoredKpi[]>;
  /** Positions in `findings` by `sheet\u0000row`. */
  findingsByRow: Map<string, number[]>;
  /** Positions in `findings` by the key of each person their message names. */
  findingsByName: Map<string, number[]>;
}

/** Each record under every distinct person its owner cell names. */
function byOwner<T>(records: readonly T[], ownerOf: (record: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    for (const key of new Set(splitOwners(ownerOf(record)).map(nameKey))) pushTo(map, key, record);
  }
  return map;
}

function indexPeople(analysis: Analysis, findings: readonly Finding[], period: Period, people: readonly Person[]): PeopleIndex {
  const kras = new Map<string, ScoredKra[]>();
  for (const k of analysis.kras) if (kraApplies(k, period)) pushTo(kras, nameKey(k.employee), k);
  const findingsByRow = new Map<string, number[]>();
  const findingsByName = new Map<string, number[]>();
  const names = nameMatcher(people.map((p) => p.key));
  findings.forEach((f, i) => {
    if (f.cell) pushTo(findingsByRow, `${f.sheet}\u0000${f.row}`, i);
    for (const key of names(nameKey(f.message))) pushTo(findingsByName, key, i);
  });
  return {
    kras,
    keyResults: byOwner(
      analysis.keyResults.filter((k) => periodWithin(k.record.period, period)),
      (k) => k.record.owner,
    ),
    kpis: byOwner(
      analysis.kpis.filter((k) => periodWithin(k.record.period, period)),
      (k) => k.record.owner,
    ),
    findingsByRow,
    findingsByName,
  };
}

const WORD = /[\p{L}\p{M}\p{N}]+/u;
const WORDS = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_BEFORE = /[\p{L}\p{M}\p{N}]$/u;
const WORD_AFTER = /^[\p{L}\p{M}\p{N}]/u;

/**
 * A function listing the keys (see `nameKey`) that a normalised text names as
 * whole words: "Ana López" is named in "KRAs of Ana López" but not in "KRAs of
 * Diana López". Keys are looked up by their first word, so a text costs its own
 * length, not the number of people.
 */
function nameMatcher(keys: readonly string[]): (text: string) => Set<string> {
  const byFirstWord = new Map<string, Array<{ key: string; offset: number }>>();
  const wordless: string[] = [];
  for (const key of keys) {
    const first = WORD.exec(key);
    if (first) pushTo(byFirstWord, first[0], { key, offset: first.index });
    else wordless.push(key);
  }
  return (text) => {
    const named = new Set<string>();
    for (const word of text.matchAll(WORDS)) {
      for (const { key, offset } of byFirstWord.get(word[0]) ?? []) {
        const start = (word.index ?? 0) - offset;
        const end = start + key.length;
        if (start < 0 || !text.startsWith(key, start)) continue;
        if (WORD_AFTER.test(key) && WORD_BEFORE.test(text.slice(Math.max(0, start - 2), start))) continue;
        if (WORD_BEFORE.test(key) && WORD_AFTER.test(text.slice(end, end + 2))) continue;
        named.add(key);
      }
    }
    for (const key of wordless) if (text.includes(key)) named.add(key);
    return named;
  };
}

function kpiHistories(readings: ScoredKpi[]): ReviewKpi[] {
  const series = groupBy(readings, (k) => nameKey(k.record.kpi));
  return [...series.values()].map((list) => {
    const ordered = [...list].sort((a, b) => byPeriod(a.record.period, b.record.period) || a.record.row - b.record.row);
    const last = ordered[ordered.length - 1].record;
    return {
      kpi: last.kpi,
      area: last.area,
      unit: last.unit,
      floor: last.floor,
      target: last.target,
      ceiling: last.ceiling,
      history: ordered.map((k) => ({
        period: k.record.period?.label ?? "",
        actual: k.record.actual,
        floor: k.record.floor,
        target: k.record.target,
        ceiling: k.record.ceiling,
        status: k.status,
        trend: k.trend,
        source: kpiSource(k),
      })),
    };
  });
}

/** Findings naming the person, or located on a row of one of their records, in their original order. */
function findingsFor(findings: Finding[], index: PeopleIndex, key: string, rows: Set<string>): Finding[] {
  const positions = new Set<number>(index.findingsByName.get(key) ?? []);
  for (const row of rows) for (const i of index.findingsByRow.get(row) ?? []) positions.add(i);
  return [...positions].sort((a, b) => a - b).map((i) => findings[i]);
}

function kraScoreSource(kra: ScoredKra): SourceCell {
  const first = kra.areas[0]?.record;
  const cell = first?.cells.area ?? first?.cells.employee ?? `A${kra.row}`;
  return kra.areas.length > 1 ? { sheet: kra.sheet, cell, rows: kra.areas.length } : { sheet: kra.sheet, cell };
}

function keyResultOf(k: ScoredKeyResult): ReviewKeyResult {
  const r = k.record;
  return {
    period: r.period?.label ?? "",
    team: r.team,
    objective: r.objective,
    keyResult: r.keyResult,
    score: k.score,
    grade: k.grade,
    pace: k.pace,
    noCheckIn: k.noCheckIn,
    source: keyResultSource(k),
  };
}

/**
 * One review per person who has KRAs overlapping the period or owns key results
 * or KPI readings inside it (a year covers its quarters and months), in the order
 * they appear: KRA sheet first, then key result owners, then KPI owners.
 *
 * @example
 * const reviews = computeReviews(analyse(parsed, DEFAULT_SETTINGS, "2026-12-31"), findings, { period: makePeriod("year", 2026, 1)!, settings: DEFAULT_SETTINGS });
 * reviews[0].person // e.g. "Ana López"
 * reviews[0].kra?.label // e.g. "Exceeds expectations"
 */
export function computeReviews(analysis: Analysis, findings: Finding[], options: ReviewOptions): Review[] {
  const { period } = options;
  const slugs = new Set<string>();
  // The next number to try by slug: 50,000 people whose names have no Latin letters all slug as `person`.
  const nextNumber = new Map<string, number>();
  const people = peopleIn(analysis, period, options);
  const index = indexPeople(analysis, findings, period, people);
  return people.map((person) => {
    const kra = kraOf(index.kras.get(person.key) ?? [], period);
    const keyResults = [...(index.keyResults.get(person.key) ?? [])].sort((a, b) => byPeriod(a.record.period, b.record.period));
    const readings = index.kpis.get(person.key) ?? [];
    const rows = new Set<string>([
      ...(kra?.areas.map((a) => `${a.record.sheet}\u0000${a.record.row}`) ?? []),
      ...keyResults.map((k) => `${k.record.sheet}\u0000${k.record.row}`),
      ...readings.map((k) => `${k.record.sheet}\u0000${k.record.row}`),
    ]);
    const scores = keyResults.map((k) => k.score).filter((s): s is number => s !== null);
    const base = slugOf(person.name);
    let slug = base;
    for (let i = nextNumber.get(base) ?? 2; slugs.has(slug); i++) {
      slug = `${base}-${i}`;
      nextNumber.set(base, i + 1);
    }
    slugs.add(slug);
    return {
      person: person.name,
      slug,
      role: kra?.role ?? "",
      manager: kra?.manager ?? "",
      period,
      kra: kra
        ? {
            areas: kra.areas.map((a) => ({
              area: a.record.area,
              measure: a.record.measure,
              weightPercent: a.weightPercent,
              target: a.record.target,
              actual: a.record.actual,
              rating: a.rating,
              derived: a.derived,
              source: kraSource(a),
            })),
            score: kra.score,
            label: kra.label,
            weightTotal: kra.weightTotal,
            ratingMax: options.settings.rating.max,
            source: kraScoreSource(kra),
          }
        : null,
      keyResults: keyResults.map(keyResultOf),
      kpis: kpiHistories(readings),
      findings: findingsFor(findings, index, person.key, rows),
      keyResultCount: keyResults.length,
      averageKeyResultScore: scores.length ? scores.reduce((a, s) => a + Math.min(s, 1), 0) / scores.length : null,
      kpiBreaches: readings.filter((k) => k.status === "Breach").length,
    };
  });
}

