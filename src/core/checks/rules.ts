/**
 * The goal-quality rules of DESIGN.md ("Goal-quality checks"), one registry
 * entry each. A rule reads the parsed records and the computed figures and
 * returns located hits; `checkWorkbook` adds the rule's severity and fix.
 *
 * Severities: `error` where the data contradicts itself or breaks a score
 * (KRA weights not adding up to 100%, a Direction contradicting floor and
 * target); `info` for candidates (graduate a key result, turn a breaching KPI
 * into an OKR); `warning` for everything else.
 *
 * Every rule groups with Maps in one pass, so a workbook of 100,000 key results
 * is checked in linear time (plus the final sort).
 */
import { nameKey, nameKeys, type Analysis, type ScoredKeyResult, type ScoredObjective } from "../analyse";
import { parseA1 } from "../address";
import { compareText, groupBy } from "../collections";
import { daysBetween } from "../dates";
import type { IsoDate, KpiRecord, Located, ParsedWorkbook, Period, Severity } from "../model";
import { expectedProgress } from "../scoring";
import type { Settings } from "../settings";
import { excerpt } from "../values";
import { hasDigit, isActivity, statusQuoPhrase } from "./wording";

export type RuleId =
  | "okr.status-quo"
  | "okr.no-number"
  | "okr.too-many-krs"
  | "okr.too-many-objectives"
  | "okr.no-owner"
  | "okr.no-checkin-late"
  | "okr.stale-checkin"
  | "okr.graduate"
  | "okr.own-score-differs"
  | "kpi.too-many"
  | "kpi.missing-pillar"
  | "kpi.direction-contradiction"
  | "kpi.repeated-breach"
  | "kra.weights-not-100"
  | "kra.quarterly";

/** What every rule reads: the records, their figures, the settings and the as-of date. */
export interface CheckContext {
  parsed: ParsedWorkbook;
  analysis: Analysis;
  settings: Settings;
  asOf: IsoDate;
}

/** One place a rule fired: the cell to select and a message naming the thing. */
export interface RuleHit {
  sheet: string;
  /** 1-based row, used to sort findings. */
  row: number;
  cell: string;
  message: string;
}

export interface Rule<Id extends RuleId = RuleId> {
  id: Id;
  severity: Severity;
  /** Short name for lists and counts, e.g. "Too many key results". */
  title: string;
  /** What to do about a finding, in plain language. */
  fix: string;
  run(context: CheckContext): RuleHit[];
}

/** Limits from the source material: 3–5 key results, at most 4 team (3 individual) objectives, 7 KPIs. */
export const LIMITS = {
  keyResultsPerObjective: 5,
  objectivesPerTeam: 4,
  objectivesPerIndividual: 3,
  kpisPerOwner: 7,
  breachesInARow: 2,
  /** Percentage points KRA weights may be off 100 (rounding in the sheet). */
  weightTolerance: 0.5,
} as const;

export const RULES = {
  "okr.status-quo": {
    id: "okr.status-quo",
    severity: "warning",
    title: "Describes the status quo",
    fix: 'Move it to the KPI sheet, or rewrite it as a change with a start and a target (e.g. "Raise NPS from 45 to 55").',
    run: statusQuo,
  },
  "okr.no-number": {
    id: "okr.no-number",
    severity: "warning",
    title: "Key result without a number",
    fix: 'Rewrite it as the outcome the activity should cause, with a number (e.g. "Raise feature adoption from 10% to 40%").',
    run: noNumber,
  },
  "okr.too-many-krs": {
    id: "okr.too-many-krs",
    severity: "warning",
    title: "Too many key results",
    fix: "Keep the 3–5 key results that best show the objective is met; move the rest to KPIs or drop them.",
    run: tooManyKeyResults,
  },
  "okr.too-many-objectives": {
    id: "okr.too-many-objectives",
    severity: "warning",
    title: "Too many objectives",
    fix: "Focus on fewer objectives: at most 4 for a team and 3 for a person in a period.",
    run: tooManyObjectives,
  },
  "okr.no-owner": {
    id: "okr.no-owner",
    severity: "warning",
    title: "No owner",
    fix: "Name one person who owns it in the Owner column.",
    run: noOwner,
  },
  "okr.no-checkin-late": {
    id: "okr.no-checkin-late",
    severity: "warning",
    title: "No check-in late in the period",
    fix: "Record a check-in with the current value.",
    run: noCheckInLate,
  },
  "okr.stale-checkin": {
    id: "okr.stale-checkin",
    severity: "warning",
    title: "Check-in out of date",
    fix: "Record a check-in with the latest value.",
    run: staleCheckIn,
  },
  "okr.graduate": {
    id: "okr.graduate",
    severity: "info",
    title: "Graduation candidate",
    fix: "If the new level should now hold, track it as a KPI with this target as its floor, and set a new key result for the next change.",
    run: graduate,
  },
  "okr.own-score-differs": {
    id: "okr.own-score-differs",
    severity: "warning",
    title: "The sheet's own score differs",
    fix: "Score from start, target and current: (current − start) ÷ (target − start). MIN(current/target, 1) ignores the baseline and misreads decreasing metrics.",
    run: ownScoreDiffers,
  },
  "kpi.too-many": {
    id: "kpi.too-many",
    severity: "warning",
    title: "Too many KPIs for one owner",
    fix: "Keep at most 7 KPIs per owner: retire the ones nobody acts on or hand some to another owner.",
    run: tooManyKpis,
  },
  "kpi.missing-pillar": {
    id: "kpi.missing-pillar",
    severity: "warning",
    title: "KPI missing a pillar",
    fix: "Fill in all four pillars: what is measured, its target or floor, who owns it or where the data comes from, and how often it is measured.",
    run: missingPillar,
  },
  "kpi.direction-contradiction": {
    id: "kpi.direction-contradiction",
    severity: "error",
    title: "Direction contradicts floor and target",
    fix: "Correct the Direction column or swap the floor and the target.",
    run: directionContradiction,
  },
  "kpi.repeated-breach": {
    id: "kpi.repeated-breach",
    severity: "info",
    title: "Repeated breach",
    fix: "Set an objective with key results to bring it back above its floor.",
    run: repeatedBreach,
  },
  "kra.weights-not-100": {
    id: "kra.weights-not-100",
    severity: "error",
    title: "KRA weights do not add up to 100%",
    fix: "Adjust the weights so they add up to 100%.",
    run: weightsNot100,
  },
  "kra.quarterly": {
    id: "kra.quarterly",
    severity: "warning",
    title: "KRAs set for less than a year",
    fix: "Set KRAs for a year: they describe a role's lasting accountability. Use OKRs for quarterly goals.",
    run: quarterlyKras,
  },
} as const satisfies { [Id in RuleId]: Rule<Id> };

/** Every rule id, in registry order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/**
 * The title of a rule, for lists and counts.
 *
 * @example
 * ruleTitle("okr.too-many-krs") // "Too many key results"
 */
export function ruleTitle(id: RuleId): string {
  return RULES[id].title;
}

// ── Key results and objectives ─────────────────────────────────────────────

function statusQuo({ analysis }: CheckContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < analysis.objectives.length; i++) {
    const o = analysis.objectives[i];
    const phrase = statusQuoPhrase(o.objective);
    if (phrase) {
      hits.push({
        ...objectiveAt(o),
        message: `The objective "${excerpt(o.objective, NAME_LIMIT)}" describes the status quo ("${phrase}"), so it reads as a KPI rather than a change.`,
      });
    }
  }
  for (let i = 0; i < analysis.keyResults.length; i++) {
    const r = analysis.keyResults[i].record;
    const moves = r.start !== null && r.target !== null && r.start !== r.target;
    const phrase = statusQuoPhrase(r.keyResult, moves);
    if (!phrase && r.type !== "maintain") continue;
    const why = phrase ? `describes the status quo ("${phrase}")` : "is of type maintain: it holds a level instead of changing it";
    hits.push(hitAt(r, `${cap(keyResultName(r))} ${why}, so it reads as a KPI rather than a change.`, "keyResult", "type"));
  }
  return hits;
}

function noNumber({ analysis }: CheckContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < analysis.keyResults.length; i++) {
    const r = analysis.keyResults[i].record;
    if (hasDigit(r.keyResult)) continue;
    // A binary key result always has a 1 or 0 to score, but "Launch X" done is still an output.
    const fires = r.type === "binary" ? isActivity(r.keyResult) : r.target === null;
    if (!fires) continue;
    const what = isActivity(r.keyResult) ? "it describes an activity, not a measurable outcome" : "there is nothing to measure progress against";
    hits.push(hitAt(r, `${cap(keyResultName(r))} has no number: ${what}.`, "keyResult"));
  }
  return hits;
}

function tooManyKeyResults({ analysis }: CheckContext): RuleHit[] {
  const max = LIMITS.keyResultsPerObjective;
  return analysis.objectives
    .filter((o) => o.keyResults.length > max)
    .map((o) => ({ ...objectiveAt(o), message: `${cap(objectiveName(o))} has ${o.keyResults.length} key results; keep it to 3–${max}.` }));
}

function tooManyObjectives({ analysis }: CheckContext): RuleHit[] {
  interface Group {
    label: string;
    individual: boolean;
    period: Period | null;
    objectives: ScoredObjective[];
  }
  const groups = new Map<string, Group>();
  const add = (key: string, label: string, individual: boolean, o: ScoredObjective) => {
    const group = groups.get(key);
    if (group) group.objectives.push(o);
    else groups.set(key, { label, individual, period: o.period, objectives: [o] });
  };
  for (let i = 0; i < analysis.objectives.length; i++) {
    const o = analysis.objectives[i];
    const period = o.period?.label ?? "";
    if (o.level === "individual") {
      // An individual's objectives are grouped by owner: the person, not the team, holds them.
      for (const owner of o.owners) add(`i\u0000${period}\u0000${nameKey(owner)}`, excerpt(owner, NAME_LIMIT), true, o);
    } else {
      add(`t\u0000${period}\u0000${nameKey(o.team)}`, o.team ? `The team "${excerpt(o.team, NAME_LIMIT)}"` : "The company", false, o);
    }
  }
  const hits: RuleHit[] = [];
  for (const g of groups.values()) {
    const limit = g.individual ? LIMITS.objectivesPerIndividual : LIMITS.objectivesPerTeam;
    if (g.objectives.length <= limit) continue;
    const kind = g.individual ? "individual objectives" : "objectives";
    hits.push({
      // At the first objective over the limit: the one to reconsider first.
      ...objectiveAt(g.objectives[limit]),
      message: `${g.label} has ${g.objectives.length} ${kind} ${inPeriod(g.period)}; keep it to at most ${limit}.`,
    });
  }
  return hits;
}

function noOwner({ analysis }: CheckContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < analysis.objectives.length; i++) {
    const o = analysis.objectives[i];
    if (o.owners.length === 0) {
      // One finding for the whole objective rather than one per key result.
      const n = o.keyResults.length;
      hits.push({
        ...at(o.keyResults[0].record, "owner", "objective"),
        message: `${cap(objectiveName(o))} has no owner: none of its ${n} key result${n === 1 ? "" : "s"} names one.`,
      });
      continue;
    }
    for (let j = 0; j < o.keyResults.length; j++) {
      const r = o.keyResults[j].record;
      if (r.owner.trim() === "") hits.push(hitAt(r, `${cap(keyResultName(r))} has no owner.`, "owner", "keyResult"));
    }
  }
  return hits;
}

function noCheckInLate({ analysis, settings, asOf }: CheckContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < analysis.keyResults.length; i++) {
    const r = analysis.keyResults[i].record;
    if (r.current !== null || !r.period) continue;
    const elapsed = expectedProgress(r.period.start, r.period.end, asOf);
    if (!elapsed.ok || elapsed.value <= settings.lateInPeriod) continue;
    const when = elapsed.value >= 1 ? `${r.period.label} has ended` : `${Math.round(elapsed.value * 100)}% of ${r.period.label} has passed`;
    hits.push(hitAt(r, `${cap(keyResultName(r))} has no check-in yet and ${when}.`, "current", "keyResult"));
  }
  return hits;
}

function staleCheckIn({ analysis, settings, asOf }: CheckContext): RuleHit[] {
  const hits: RuleHit[] = [];
  const limit = settings.staleWeeks * 7;
  for (let i = 0; i < analysis.keyResults.length; i++) {
    const r = analysis.keyResults[i].record;
    if (!r.lastCheckIn || !r.period) continue;
    const sinceStart = daysBetween(r.period.start, asOf);
    const toEnd = daysBetween(asOf, r.period.end);
    if (sinceStart === null || toEnd === null || sinceStart < 0 || toEnd < 0) continue;
    const age = daysBetween(r.lastCheckIn, asOf);
    if (age === null || age <= limit) continue;
    const weeks = Math.floor(age / 7);
    hits.push(
      hitAt(
        r,
        `${cap(keyResultName(r))} was last checked in on ${r.lastCheckIn}, ${weeks} week${weeks === 1 ? "" : "s"} ago; check in at least every ${plural(settings.staleWeeks, "week")}.`,
        "current",
        "keyResult",
      ),
    );
  }
  return hits;
}

/**
 * A key result of type increase or decrease measures a metric that outlives the
 * quarter; once it reaches its target, holding that level is a KPI's job.
 * Milestones, binary and activity key results are done when done, so they never graduate.
 */
/**
 * Whether a key result could graduate into a KPI: a measured change (increase or
 * decrease, not an activity) that reached its target. Binary and milestone results
 * are outputs, and maintain results are KPIs already.
 *
 * @example
 * isGraduationCandidate({ record: makeKeyResult({ type: "increase" }), score: 1, ... }) // true
 */
export function isGraduationCandidate({ record, score }: Pick<ScoredKeyResult, "record" | "score">): boolean {
  return score !== null && score >= 1 && (record.type === "increase" || record.type === "decrease") && !isActivity(record.keyResult);
}

function graduate({ analysis }: CheckContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < analysis.keyResults.length; i++) {
    const scored = analysis.keyResults[i];
    const r = scored.record;
    if (!isGraduationCandidate(scored)) continue;
    hits.push(hitAt(r, `${cap(keyResultName(r))} reached its target and measures an ongoing metric: a candidate to graduate into a KPI.`, "keyResult", "current"));
  }
  return hits;
}

// ── KPIs ───────────────────────────────────────────────────────────────────

function tooManyKpis({ parsed }: CheckContext): RuleHit[] {
  const byOwner = new Map<string, { owner: string; names: Set<string>; overflow: RuleHit | null }>();
  const keyOf = nameKeys();
  for (let i = 0; i < parsed.kpis.length; i++) {
    const k = parsed.kpis[i];
    const ownerKey = keyOf(k.owner);
    const name = keyOf(k.kpi);
    if (!ownerKey || !name) continue;
    let entry = byOwner.get(ownerKey);
    if (!entry) byOwner.set(ownerKey, (entry = { owner: k.owner.trim(), names: new Set(), overflow: null }));
    if (entry.names.has(name)) continue;
    entry.names.add(name);
    // Located at the first reading of the first KPI over the limit.
    if (entry.names.size === LIMITS.kpisPerOwner + 1) entry.overflow = { ...at(k, "kpi", "owner"), message: "" };
  }
  const hits: RuleHit[] = [];
  for (const { owner, names, overflow } of byOwner.values()) {
    if (!overflow) continue;
    hits.push({ ...overflow, message: `${excerpt(owner, NAME_LIMIT)} owns ${names.size} KPIs; keep it to at most ${LIMITS.kpisPerOwner} so each gets attention.` });
  }
  return hits;
}

type Pillar = "measure" | "target" | "owner" | "frequency";

const PILLARS: ReadonlyArray<{
  pillar: Pillar;
  missing: string;
  field: "kpi" | "target" | "owner" | "frequency";
  present: (k: KpiRecord) => boolean;
}> = [
  { pillar: "measure", missing: "no measure (a KPI name or unit)", field: "kpi", present: (k) => k.kpi.trim() !== "" || k.unit.trim() !== "" },
  { pillar: "target", missing: "no target or floor", field: "target", present: (k) => k.target !== null || k.floor !== null },
  { pillar: "owner", missing: "no owner or data source", field: "owner", present: (k) => k.owner.trim() !== "" || k.dataSource.trim() !== "" },
  { pillar: "frequency", missing: "no frequency (how often it is measured)", field: "frequency", present: (k) => k.frequency.trim() !== "" },
];

/** A pillar counts as present when any reading of the KPI has it; readings often leave repeats blank. */
function missingPillar({ parsed }: CheckContext): RuleHit[] {
  const keyOf = nameKeys();
  const series = groupBy(parsed.kpis, (k) => {
    const name = keyOf(k.kpi);
    return name ? `n\u0000${name}` : `r\u0000${k.sheet}\u0000${k.row}`;
  });
  const hits: RuleHit[] = [];
  for (const readings of series.values()) {
    const first = readings[0];
    const name = first.kpi.trim() ? `The KPI "${excerpt(first.kpi.trim(), NAME_LIMIT)}"` : `The KPI on row ${first.row}`;
    for (const p of PILLARS) {
      if (readings.some(p.present)) continue;
      hits.push({ ...at(first, p.field), message: `${name} has ${p.missing}.` });
    }
  }
  return hits;
}

function directionContradiction({ parsed }: CheckContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < parsed.kpis.length; i++) {
    const k = parsed.kpis[i];
    if (k.floor === null || k.target === null || k.floor === k.target) continue;
    const implied = k.target > k.floor ? "higher" : "lower";
    if (k.direction !== (implied === "higher" ? "lower" : "higher")) continue;
    const order = implied === "higher" ? "above" : "below";
    hits.push({
      ...at(k, "direction", "floor", "target", "kpi"),
      message: `The KPI "${excerpt(k.kpi, NAME_LIMIT)}" says ${k.direction} is better, but its target (${k.target}) is ${order} its floor (${k.floor}), which means ${implied} is better.`,
    });
  }
  return hits;
}

function repeatedBreach({ analysis }: CheckContext): RuleHit[] {
  interface Reading {
    record: KpiRecord;
    period: Period;
    breach: boolean;
  }
  const readings = analysis.kpis.flatMap(({ record, status }): Reading[] =>
    record.period ? [{ record, period: record.period, breach: status === "Breach" }] : [],
  );
  // A KPI's readings usually follow each other: the key is built again only when the name or owner changes.
  let last: KpiRecord | null = null;
  let lastKey = "";
  const series = groupBy(readings, ({ record: k }) => {
    if (last === null || last.kpi !== k.kpi || last.owner !== k.owner) lastKey = `${nameKey(k.kpi)}\u0000${nameKey(k.owner)}`;
    last = k;
    return lastKey;
  });
  const hits: RuleHit[] = [];
  for (const list of series.values()) {
    list.sort((a, b) => compareText(a.period.start, b.period.start) || a.record.row - b.record.row);
    let run = 0;
    for (let i = 0; i <= list.length; i++) {
      if (i < list.length && list[i].breach) {
        run++;
        continue;
      }
      if (run >= LIMITS.breachesInARow) {
        // Reported once per run, at its latest reading.
        const last = list[i - 1];
        const from = list[i - run].period.label;
        hits.push({
          ...at(last.record, "actual", "kpi"),
          message: `The KPI "${excerpt(last.record.kpi, NAME_LIMIT)}" breached its floor ${run} periods in a row (${from} to ${last.period.label}): a candidate for a new OKR.`,
        });
      }
      run = 0;
    }
  }
  return hits;
}

// ── KRAs ───────────────────────────────────────────────────────────────────

function weightsNot100({ analysis }: CheckContext): RuleHit[] {
  return analysis.kras
    .filter((k) => Math.abs(k.weightTotal - 100) > LIMITS.weightTolerance)
    .map((k) => ({
      ...at(k.areas[0].record, "weight", "employee"),
      message: `The KRA weights of ${k.employee} ${inPeriod(k.period)} add up to ${formatPercent(k.weightTotal)}, not 100%.`,
    }));
}

function quarterlyKras({ analysis }: CheckContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < analysis.kras.length; i++) {
    const k = analysis.kras[i];
    if (!k.period || k.period.kind === "year") continue;
    hits.push({
      ...at(k.areas[0].record, "period", "employee"),
      message: `The KRAs of ${k.employee} are set for ${k.period.label}; KRAs are annual, so set them for a year.`,
    });
  }
  return hits;
}

// ── Helpers ────────────────────────────────────────────────────────────────

/** The first of `fields` the record has a cell for, else the leftmost cell of its row. */
function at<F extends string>(record: Located<F>, ...fields: F[]): Omit<RuleHit, "message"> {
  return { sheet: record.sheet, row: record.row, cell: cellOf(record, fields) };
}

/** A hit at the first of `fields` the record has a cell for: one object, not a place spread into another (rules on every key result make thousands). */
function hitAt<F extends string>(record: Located<F>, message: string, ...fields: F[]): RuleHit {
  return { sheet: record.sheet, row: record.row, cell: cellOf(record, fields), message };
}

function cellOf<F extends string>(record: Located<F>, fields: readonly F[]): string {
  for (let i = 0; i < fields.length; i++) {
    const cell = record.cells[fields[i]];
    if (cell) return cell;
  }
  return firstCell(record);
}

function firstCell(record: Located<string>): string {
  let best = `A${record.row}`;
  let bestCol = Number.POSITIVE_INFINITY;
  for (const cell of Object.values(record.cells)) {
    const parsed = cell ? parseA1(cell) : null;
    if (cell && parsed && parsed.col < bestCol) {
      best = cell;
      bestCol = parsed.col;
    }
  }
  return best;
}

function objectiveAt(o: ScoredObjective): Omit<RuleHit, "message"> {
  return at(o.keyResults[0].record, "objective", "objectiveId", "keyResult");
}

/** Longest goal or KPI name quoted in a finding: enough to recognise it, never a whole pasted document. */
const NAME_LIMIT = 100;

function keyResultName(r: { keyResult: string; row: number }): string {
  const text = r.keyResult.trim();
  return text ? `the key result "${excerpt(text, NAME_LIMIT)}"` : `the key result on row ${r.row}`;
}

function objectiveName(o: ScoredObjective): string {
  const text = o.objective.trim() || o.objectiveId.trim();
  return text ? `the objective "${excerpt(text, NAME_LIMIT)}"` : `the objective on row ${o.row}`;
}

function inPeriod(period: Period | null): string {
  return period ? `in ${period.label}` : "with no period";
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(n: number, word: string): string {
  return n === 1 ? `${n} ${word}` : `${n} ${word}s`;
}

function formatPercent(x: number): string {
  return `${Math.round(x * 10) / 10}%`;
}

/** How far (0–1) the sheet's own score may differ from Altitude's before it is pointed out: 5 points. */
const OWN_SCORE_TOLERANCE = 0.05 + 1e-9;

function ownScoreDiffers({ analysis }: CheckContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < analysis.keyResults.length; i++) {
    const kr = analysis.keyResults[i];
    const stated = kr.record.statedScore;
    if (typeof stated !== "number" || kr.score === null || kr.noCheckIn) continue;
    if (Math.abs(Math.min(kr.score, 1) - Math.min(stated, 1)) <= OWN_SCORE_TOLERANCE) continue;
    const r = kr.record;
    const percent = (x: number): string => `${Math.round(x * 100)}%`;
    hits.push({
      sheet: r.sheet,
      row: r.row,
      cell: r.cells.score ?? r.cells.current ?? `A${r.row}`,
      message:
        `The sheet scores "${excerpt(r.keyResult)}" ${percent(stated)}, but from start ${r.start ?? "(blank)"}, target ${r.target ?? "(blank)"} ` +
        `and current ${r.current} its score is ${percent(kr.score)}${r.type === "decrease" ? " (a decreasing metric: MIN(current/target, 1) misreads it)" : ""}.`,
    });
  }
  return hits;
}
