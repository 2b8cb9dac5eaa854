/**
 * Review summaries: for each person, their role accountability (KRAs), the key
 * results and KPIs they own in the review period and the findings that concern
 * them (`computeReviews`), and the sheets that show them (`planReviews`): an
 * index with a link to one sheet per person. OKR results are shown as evidence
 * for the conversation, never as the rating.
 */
import { parseA1 } from "./address";
import type { Analysis, ScoredKeyResult, ScoredKpi, ScoredKra } from "./analyse";
import { nameKey } from "./analyse";
import { groupBy, pushTo } from "./collections";
import {
  GRADE_COLOURS,
  KPI_STATUS_COLOURS,
  PACE_COLOURS,
  PERCENT,
  RATING,
  SheetLayout,
  slugOf,
} from "./layout";
import type { Finding, Grade, KpiStatus, Pace, Period, Trend } from "./model";
import type { OutputPlan, SheetPlan } from "./plan";
import { periodFromLabel, periodWithin } from "./rollup";
import type { Settings } from "./settings";
import { MAX_SHEET_NAME, validSheetName } from "./sheet-names";
import { findingSource, keyResultSource, kpiSource, kraSource, sourceText, type SourceCell } from "./sources";

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
  /** A year (`2026`) or a quarter (`2026-Q3`); a year covers its quarters and months. */
  period: string;
  /** Names of the people to review; everyone found when omitted. */
  people?: string[];
  /** Only people who own key results of this team (or KPIs of this area). */
  team?: string;
  settings: Settings;
}

/** Above this many new sheets the caller warns before writing. */
const MAX_REVIEW_SHEETS = 50;

/** Owners are sometimes listed together, e.g. "Ana López, Ben Okafor". */
function ownersOf(text: string): string[] {
  return text
    .split(/[,;/&]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function owns(text: string, key: string): boolean {
  return ownersOf(text).some((o) => nameKey(o) === key);
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
  analysis.keyResults.filter((k) => periodWithin(k.record.period, period)).forEach((k) => ownersOf(k.record.owner).forEach(add));
  analysis.kpis.filter((k) => periodWithin(k.record.period, period)).forEach((k) => ownersOf(k.record.owner).forEach(add));

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
    for (const key of new Set(ownersOf(ownerOf(record)).map(nameKey))) pushTo(map, key, record);
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
    const cell = parseA1(f.cell);
    if (cell) pushTo(findingsByRow, `${f.sheet}\u0000${cell.row + 1}`, i);
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
 * const reviews = computeReviews(analyse(parsed, DEFAULT_SETTINGS, "2026-12-31"), findings, { period: "2026", settings: DEFAULT_SETTINGS });
 * reviews[0].person // e.g. "Ana López"
 * reviews[0].kra?.label // e.g. "Exceeds expectations"
 */
export function computeReviews(analysis: Analysis, findings: Finding[], options: ReviewOptions): Review[] {
  const period = periodFromLabel(options.period, analysis, options.settings.fiscalYearStartMonth);
  if (!period) return [];
  const slugs = new Set<string>();
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
    let slug = slugOf(person.name);
    for (let i = 2; slugs.has(slug); i++) slug = `${slugOf(person.name)}-${i}`;
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

/**
 * A person's sheet name, `Ana López 2026`, at most 31 characters: a long name
 * keeps its first and last words, then the last word's initial, then as much
 * of the first word as fits.
 *
 * @example
 * personSheetName("Ana López", "2026") // "Ana López 2026"
 * personSheetName("Maximiliana Alexandra Wolfeschlegel", "2026-Q3") // "Maximiliana W. 2026-Q3"
 */
export function personSheetName(person: string, period: string): string {
  const budget = MAX_SHEET_NAME - period.length - 1;
  // Clean without validSheetName's cut at 31 characters, so the last word survives to be shortened.
  const name = person
    .replace(/[:\\/?*[\]\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  const words = name.split(" ").filter((w) => w.length > 0);
  const first = words[0] ?? "";
  const last = words.length > 1 ? words[words.length - 1] : "";
  const candidates = [name, last ? `${first} ${last}` : first, last ? `${first} ${last[0]}.` : first];
  const fit = candidates.find((c) => c.length <= budget) ?? first.slice(0, Math.max(1, budget));
  return validSheetName(`${fit.trim()} ${period}`);
}

function tableName(prefix: string, slug: string): string {
  return `${prefix}_${slug.replace(/-/g, "_")}`;
}

function personSheet(review: Review, label: string, indexName: string): SheetPlan {
  const layout = new SheetLayout(`person:${review.slug}`, personSheetName(review.person, label));
  layout.title(review.person);
  layout.link(`Back to ${indexName}`, { key: "index" });
  layout.skip();
  layout.keyValues([
    { label: "Role", value: review.role },
    { label: "Manager", value: review.manager },
    { label: "Review period", value: label },
  ]);

  layout.heading("Role accountability");
  if (review.kra) {
    const figures = layout.keyValues([
      { label: "KRA score", value: review.kra.score, format: RATING },
      { label: "Rating", value: review.kra.label },
      { label: "Weights total", value: review.kra.weightTotal / 100, format: PERCENT },
    ]);
    layout.link(sourceText(review.kra.source), { sheet: review.kra.source.sheet }, { row: figures.row, col: figures.col + 1 }, review.kra.source.cell);
    layout.skip();
    const kras = layout.table({
      name: tableName("Kras", review.slug),
      headers: ["Area", "Measure", "Weight", "Target", "Actual", `Rating (of ${review.kra.ratingMax})`, "Rating source", "Source"],
      rows: review.kra.areas.map((a) => [
        a.area,
        a.measure,
        a.weightPercent === null ? null : a.weightPercent / 100,
        a.target,
        a.actual,
        a.rating,
        a.rating === null ? "" : a.derived ? "Derived from actual ÷ target" : "Given",
        sourceText(a.source),
      ]),
      columnFormats: [null, null, PERCENT, null, null, RATING, null, null],
    });
    layout.sourceLinks(kras, 7, review.kra.areas.map((a) => a.source));
  } else {
    layout.note(`No key result areas recorded for ${label}.`);
  }

  layout.heading("OKR contributions (evidence, not the rating)");
  layout.note("OKR results inform the conversation but do not set the rating.");
  const okrs = layout.table(
    {
      name: tableName("Okrs", review.slug),
      headers: ["Period", "Team", "Objective", "Key result", "Score", "Grade", "Pace", "Check-in", "Source"],
      rows: review.keyResults.map((k) => [k.period, k.team, k.objective, k.keyResult, k.score, k.grade, k.pace, k.noCheckIn ? "None yet" : "", sourceText(k.source)]),
      columnFormats: [null, null, null, null, PERCENT, null, null, null, null],
    },
    `No key results owned in ${label}.`,
  );
  layout.sourceLinks(okrs, 8, review.keyResults.map((k) => k.source));
  layout.colourColumn(okrs, 5, GRADE_COLOURS);
  layout.colourColumn(okrs, 6, PACE_COLOURS);

  layout.heading("KPIs owned");
  const kpis = layout.table(
    {
      name: tableName("Kpis", review.slug),
      headers: ["KPI", "Area", "Period", "Actual", "Floor", "Target", "Ceiling", "Status", "Trend", "Source"],
      rows: review.kpis.flatMap((k) => k.history.map((h) => [k.kpi, k.area, h.period, h.actual, h.floor, h.target, h.ceiling, h.status, h.trend, sourceText(h.source)])),
    },
    `No KPIs owned in ${label}.`,
  );
  layout.sourceLinks(kpis, 9, review.kpis.flatMap((k) => k.history.map((h) => h.source)));
  layout.colourColumn(kpis, 7, KPI_STATUS_COLOURS);

  layout.heading("Findings");
  const findings = layout.table(
    {
      name: tableName("Findings", review.slug),
      headers: ["Rule", "Severity", "Where", "Message", "Fix"],
      rows: review.findings.map((f) => [f.rule, f.severity, sourceText(findingSource(f)) || f.sheet, f.message, f.fix]),
    },
    "No findings.",
  );
  layout.sourceLinks(findings, 2, review.findings.map(findingSource));

  layout.heading("Manager's notes");
  layout.box(8, 6);
  return layout.build({ freeze: { rows: 1, cols: 0 } });
}

/**
 * The review sheets: an index, `Reviews 2026`, with one row and a link per person,
 * and one sheet per person (`person:<slug>`) with role accountability, OKR
 * contributions, KPIs owned, findings and a box for the manager's notes.
 *
 * @example
 * const plan = planReviews(reviews, { period: "2026" });
 * plan.sheets.map((s) => s.name) // e.g. ["Reviews 2026", "Ana López 2026"]
 */
export function planReviews(reviews: Review[], options: { period: string }): OutputPlan {
  const label = options.period;
  const indexName = `Reviews ${label}`;
  const index = new SheetLayout("index", indexName);
  index.title(indexName);
  index.subtitle(`${reviews.length} ${reviews.length === 1 ? "person" : "people"} · Generated by Altitude`);
  index.skip();
  const headers = ["Person", "Role", "Manager", "KRA score", "Rating", "Key results owned", "Average KR score", "KPI breaches"];
  const table = index.table(
    {
      name: "ReviewIndex",
      headers,
      rows: reviews.map((r) => [
        r.person,
        r.role,
        r.manager,
        r.kra?.score ?? null,
        r.kra?.label ?? "",
        r.keyResultCount,
        r.averageKeyResultScore,
        r.kpiBreaches,
      ]),
      columnFormats: [null, null, null, RATING, null, "0", PERCENT, "0"],
    },
    `No people with KRAs, key results or KPIs in ${label}.`,
  );
  if (table) {
    // Links sit in the column right of the table: a table cell cannot hold one safely.
    const col = table.col + headers.length;
    index.add({ kind: "cells", at: { row: table.row, col }, values: [["Sheet"]], style: { bold: true } });
    reviews.forEach((r, i) => index.link("Open", { key: `person:${r.slug}` }, { row: table.row + 1 + i, col }));
  }
  return {
    sheets: [index.build({ freeze: { rows: 2, cols: 0 } }), ...reviews.map((r) => personSheet(r, label, indexName))],
    activate: "index",
  };
}

/**
 * A warning to show before writing more than {@link MAX_REVIEW_SHEETS} sheets, or `null`.
 *
 * @example
 * reviewSheetCountWarning(12) // null
 * reviewSheetCountWarning(61) // "This will add 61 sheets to the workbook. ..."
 */
export function reviewSheetCountWarning(sheets: number): string | null {
  if (sheets <= MAX_REVIEW_SHEETS) return null;
  return `This will add ${sheets} sheets to the workbook. So many sheets make it slow to open and hard to navigate; consider reviewing one team or a few people at a time.`;
}
