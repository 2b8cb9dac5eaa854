/**
 * The use cases that write new sheets or report on the goals: a rollup of a
 * period, review summaries (asking first when they mean very many sheets), and
 * the goal-quality checks.
 */
import type { Finding, Period } from "../core/model";
import { nameKey } from "../core/analyse";
import { compareText } from "../core/collections";
import { splitOwners } from "../core/owners";
import type { OutputPlan, Progress, WriteResult } from "../core/plan";
import { computeReviews, type Review } from "../core/review";
import { planReviews, tooManySheets } from "../core/review-sheets";
import { computeRollup, rollupHasData, type Rollup } from "../core/rollup";
import { planRollup } from "../core/rollup-sheet";
import type { StoredState, WorkbookPort } from "../workbook/port";
import { loadWorkbook, missingGoalSheets, type LoadedWorkbook, type LoadOptions } from "./load";
import { fail, type Failure, type PeopleNotReviewed } from "./messages";
import { resolvePeriod } from "./periods";

/** Where a long use case stands: reading the workbook, then writing its sheets. */
export type Phase = { phase: "reading" } | { phase: "writing"; sheets: number };

export interface RunOptions extends LoadOptions {
  /** Called after each new sheet is written. */
  onProgress?: (progress: Progress) => void;
  /** Called as the work moves from one phase to the next. */
  onPhase?: (phase: Phase) => void;
  /**
   * Stops the work when aborted: before writing, or between sheets while writing, in which
   * case the adapter removes the sheets written so far (a write is all or nothing).
   */
  signal?: AbortSignal;
}

/** Thrown from the progress callback to stop a write; the adapter then removes what it wrote. */
class Cancelled extends Error {}

/** Writes a plan unless the work is cancelled, in which case nothing stays written. */
async function writeCancellable(port: WorkbookPort, plan: OutputPlan, options: RunOptions): Promise<WriteResult | Failure> {
  if (options.signal?.aborted) return fail({ code: "cancelled" });
  options.onPhase?.({ phase: "writing", sheets: plan.sheets.length });
  try {
    return await port.writeSheets(plan, {
      onProgress: (progress) => {
        if (options.signal?.aborted) throw new Cancelled("cancelled");
        options.onProgress?.(progress);
      },
    });
  } catch (error) {
    if (error instanceof Cancelled || options.signal?.aborted) return fail({ code: "cancelled" });
    throw error;
  }
}

function isFailure(value: WriteResult | Failure): value is Failure {
  return "ok" in value && value.ok === false;
}

export interface RollupOptions extends RunOptions {
  /** The period, or text naming it (`2026-Q3`); the workbook's default when omitted. */
  period?: Period | string;
}

export interface RollupDone {
  ok: true;
  period: Period;
  rollup: Rollup;
  /** Final sheet names by plan key. */
  written: WriteResult;
  loaded: LoadedWorkbook;
}

/**
 * Writes the rollup of a period (the workbook's default quarter when none is
 * named) onto a new sheet. A period with no key results and no KPI readings
 * writes nothing and fails with `no-data`.
 *
 * @example
 * const done = await buildRollup(port, { period: "2026-Q3" });
 * if (done.ok) done.written.names.rollup // "Rollup 2026-Q3"
 */
export async function buildRollup(port: WorkbookPort, options: RollupOptions = {}): Promise<RollupDone | Failure> {
  options.onPhase?.({ phase: "reading" });
  const loaded = await loadWorkbook(port, options);
  const unusable = missingGoalSheets(loaded);
  if (unusable) return unusable;
  const chosen = resolvePeriod(loaded, "rollup", options.period);
  if (!chosen.ok) return chosen;
  const rollup = computeRollup(loaded.analysis, loaded.findings, { period: chosen.period, settings: loaded.settings });
  if (!rollupHasData(rollup)) return fail({ code: "no-data", period: chosen.period });
  const written = await writeCancellable(port, planRollup(rollup), options);
  if (isFailure(written)) return written;
  return { ok: true, period: chosen.period, rollup, written, loaded };
}

/** Who to review: everyone, the people of a team, or named people. */
export interface ReviewSelection {
  /** A year (or a quarter), or text naming it; the workbook's default when omitted. */
  period?: Period | string;
  /** Only these people (names as written, any case). */
  people?: string[];
  /** Only the people of this team. */
  team?: string;
}

export interface ReviewOptions extends RunOptions, ReviewSelection {
  /**
   * Whether writing may go ahead when it means very many sheets. Without it such
   * a run writes nothing and fails with `many-sheets`, for the door to ask.
   */
  allowManySheets?: boolean;
  /** Called before writing when very many sheets are written anyway (with `allowManySheets`), so a door can say so first. */
  onManySheets?: (sheets: number) => void;
}

export interface ReviewsDone {
  ok: true;
  period: Period;
  reviews: Review[];
  /** The number of sheets written when it was very many (with `allowManySheets`), else `null`. */
  manySheets: number | null;
  /** People asked for by name who got no review (each door reports them). */
  missed: PeopleNotReviewed;
  written: WriteResult;
  /**
   * The settings and mappings stored in the workbook, with what was wrong with them.
   * The parsed workbook itself is let go before the sheets are written: at 50,000
   * people its records are most of the memory a write would otherwise hold.
   */
  state: StoredState;
}

/** The reviews a review run would write, before anything is written. */
export interface SelectedReviews {
  ok: true;
  period: Period;
  reviews: Review[];
  /** People asked for by name who got no review (each door reports them). */
  missed: PeopleNotReviewed;
  loaded: LoadedWorkbook;
}

/**
 * Reads the workbook and works out the review summaries of a year (the
 * workbook's default when none is named) for the people and team asked for,
 * without writing anything.
 *
 * @example
 * const chosen = await selectReviews(port, { period: "2026", team: "Sales" });
 * if (chosen.ok) chosen.reviews.map((r) => r.person) // ["Ben Okafor", "Sam Rivera"]
 */
export async function selectReviews(port: WorkbookPort, options: ReviewSelection & LoadOptions = {}): Promise<SelectedReviews | Failure> {
  const loaded = await loadWorkbook(port, options);
  const unusable = missingGoalSheets(loaded);
  if (unusable) return unusable;
  const chosen = resolvePeriod(loaded, "reviews", options.period);
  if (!chosen.ok) return chosen;
  const period = chosen.period;
  const selection = { period, settings: loaded.settings };
  const reviews = computeReviews(loaded.analysis, loaded.findings, { ...selection, people: options.people, team: options.team });
  const missed = peopleNotReviewed(options.people, options.team, reviews, (people) => computeReviews(loaded.analysis, loaded.findings, { ...selection, people }));
  if (reviews.length === 0) return fail({ code: "no-people", period, people: options.people, team: options.team, missed });
  return { ok: true, period, reviews, missed, loaded };
}

/**
 * Writes review summaries (an index sheet with a link to one sheet per person)
 * for a year, the workbook's default when none is named.
 *
 * @example
 * const done = await writeReviews(port, { period: "2026", people: ["Ana López"] });
 * if (done.ok) done.written.names.index // "Reviews 2026"
 * else if (done.code === "many-sheets") askThenRun({ allowManySheets: true })
 */
export async function writeReviews(port: WorkbookPort, options: ReviewOptions = {}): Promise<ReviewsDone | Failure> {
  options.onPhase?.({ phase: "reading" });
  const chosen = await reviewsToWrite(port, options);
  if (!chosen.ok) return chosen;
  // The index sheet comes on top of one sheet per person.
  const sheets = chosen.reviews.length + 1;
  const many = tooManySheets(sheets);
  if (many && !options.allowManySheets) return fail({ code: "many-sheets", sheets });
  if (many) options.onManySheets?.(sheets);
  const written = await writeCancellable(port, planReviews(chosen.reviews, { period: chosen.period }), options);
  if (isFailure(written)) return written;
  return { ...chosen, manySheets: many ? sheets : null, written };
}

/** {@link selectReviews} keeping only what writing and its report need, so the parsed workbook is not held while writing. */
async function reviewsToWrite(port: WorkbookPort, options: ReviewOptions): Promise<(Omit<SelectedReviews, "loaded"> & { state: StoredState }) | Failure> {
  const chosen = await selectReviews(port, options);
  if (!chosen.ok) return chosen;
  return { ok: true, period: chosen.period, reviews: chosen.reviews, missed: chosen.missed, state: chosen.loaded.state };
}

/**
 * Writes already selected reviews onto new sheets of `port`: an index and a
 * sheet per person (for one workbook per team, each a new workbook of its own).
 *
 * @example
 * for (const team of reviewsByTeam(chosen.reviews)) await writeReviewSheets(workbookFor(team), team.reviews, chosen.period);
 */
export function writeReviewSheets(port: Pick<WorkbookPort, "writeSheets">, reviews: Review[], period: Period, options: Pick<RunOptions, "onProgress"> = {}): Promise<WriteResult> {
  return port.writeSheets(planReviews(reviews, { period }), { onProgress: options.onProgress });
}

/** One team's reviews, for a workbook of its own. */
export interface TeamReviews {
  team: string;
  reviews: Review[];
}

/** The reviews a run of one workbook per team writes, grouped by team. */
export interface ReviewsOfTeams {
  ok: true;
  period: Period;
  /** In the order of {@link reviewsByTeam}. */
  teams: TeamReviews[];
  /** How many people are reviewed, over every team. */
  people: number;
  /** People asked for by name who got no review (each door reports them). */
  missed: PeopleNotReviewed;
  /** The settings and mappings stored in the workbook, with what was wrong with them. */
  state: StoredState;
}

/**
 * {@link selectReviews} grouped by team ({@link reviewsByTeam}), holding nothing
 * else: the parsed workbook and the list of every review are let go, so that a
 * door writing one workbook per team, which lets each team's reviews go once they
 * are written, holds less and less while it writes. At a million key results the
 * records held through the whole write made the garbage collector walk gigabytes
 * for every team.
 *
 * @example
 * const chosen = await selectReviewsOfTeams(port, { period: "2026" });
 * if (chosen.ok) chosen.teams.map((t) => [t.team, t.reviews.length]) // [["People", 2], ["Sales", 3]]
 */
export async function selectReviewsOfTeams(port: WorkbookPort, options: ReviewSelection & LoadOptions = {}): Promise<ReviewsOfTeams | Failure> {
  const chosen = await selectReviews(port, options);
  if (!chosen.ok) return chosen;
  return { ok: true, period: chosen.period, teams: reviewsByTeam(chosen.reviews), people: chosen.reviews.length, missed: chosen.missed, state: chosen.loaded.state };
}

/** The team of a person who owns no key result or KPI: their reviews are grouped under it. */
export const NO_TEAM = "No team";

/**
 * Reviews grouped by team, for one workbook per team: a person belongs to the team
 * of most of their key results in the period (ties: the team named first), else to
 * the area of most of their KPIs, else to {@link NO_TEAM}. Teams come in name order.
 *
 * @example
 * reviewsByTeam(reviews).map((t) => [t.team, t.reviews.length]) // [["People", 2], ["Sales", 3]]
 */
export function reviewsByTeam(reviews: readonly Review[]): Array<{ team: string; reviews: Review[] }> {
  const teams = new Map<string, { team: string; reviews: Review[] }>();
  for (const review of reviews) {
    const team = mostCommon(review.keyResults.map((k) => k.team)) ?? mostCommon(review.kpis.map((k) => k.area)) ?? NO_TEAM;
    const key = nameKey(team);
    const group = teams.get(key);
    if (group) group.reviews.push(review);
    else teams.set(key, { team, reviews: [review] });
  }
  return [...teams.values()].sort((a, b) => (a.team === NO_TEAM ? 1 : b.team === NO_TEAM ? -1 : compareText(nameKey(a.team), nameKey(b.team))));
}

/** The most frequent non-blank name (compared as names are), the first seen on a tie; `null` for none. */
function mostCommon(names: readonly string[]): string | null {
  const counts = new Map<string, { name: string; count: number }>();
  let best: { name: string; count: number } | null = null;
  for (const name of names) {
    const key = nameKey(name);
    if (!key) continue;
    const entry = counts.get(key) ?? { name: name.trim(), count: 0 };
    entry.count++;
    counts.set(key, entry);
    if (best === null || entry.count > best.count) best = entry;
  }
  return best?.name ?? null;
}

/**
 * Which of the people named get no review, and why. With a team as well, the
 * selection is the people named who are in that team: someone found but outside
 * it is told apart from someone not found at all.
 */
function peopleNotReviewed(people: string[] | undefined, team: string | undefined, reviews: Review[], reviewsOf: (people: string[]) => Review[]): PeopleNotReviewed {
  if (!people?.length) return { notFound: [], notInTeam: [] };
  const reviewed = new Set(reviews.map((r) => nameKey(r.person)));
  const seen = new Set<string>();
  const missing = people.filter((p) => {
    const key = nameKey(p);
    if (reviewed.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (missing.length === 0 || team === undefined) return { notFound: missing, notInTeam: [] };
  const anywhere = new Set(reviewsOf(missing).map((r) => nameKey(r.person)));
  return { notFound: missing.filter((p) => !anywhere.has(nameKey(p))), notInTeam: missing.filter((p) => anywhere.has(nameKey(p))) };
}

/**
 * The size question, asked before writing: how many sheets reviews of this
 * selection would add when that is very many (a `many-sheets` failure for the
 * door to word and ask), else `null`. Nothing is written.
 *
 * @example
 * sizeQuestion(loaded, { period: "2026" })?.sheets // 61
 */
export function sizeQuestion(loaded: LoadedWorkbook, selection: ReviewSelection): Failure | null {
  const chosen = resolvePeriod(loaded, "reviews", selection.period);
  if (!chosen.ok) return null;
  const reviews = computeReviews(loaded.analysis, loaded.findings, { period: chosen.period, people: selection.people, team: selection.team, settings: loaded.settings });
  const sheets = reviews.length + 1;
  return reviews.length > 0 && tooManySheets(sheets) ? fail({ code: "many-sheets", sheets }) : null;
}

/**
 * Everyone a review can be written for, by name, sorted: KRA employees and every
 * person an owner cell names (split by the one owner rule).
 *
 * @example
 * reviewPeople(loaded) // ["Ana López", "Ben Okafor"]
 */
export function reviewPeople(loaded: LoadedWorkbook): string[] {
  const seen = new Map<string, string>();
  const add = (name: string) => {
    const key = nameKey(name);
    if (key && !seen.has(key)) seen.set(key, name.trim().replace(/\s+/g, " "));
  };
  for (const k of loaded.parsed.kras) add(k.employee);
  for (const k of loaded.parsed.keyResults) splitOwners(k.owner).forEach(add);
  for (const k of loaded.parsed.kpis) splitOwners(k.owner).forEach(add);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * The teams of the key results, sorted, for choosing whose reviews to write.
 *
 * @example
 * reviewTeams(loaded) // ["People", "Sales"]
 */
export function reviewTeams(loaded: LoadedWorkbook): string[] {
  return [...new Set(loaded.parsed.keyResults.map((k) => k.team.trim()).filter((t) => t !== ""))].sort();
}

export interface ChecksDone {
  ok: true;
  findings: Finding[];
  loaded: LoadedWorkbook;
}

/**
 * Runs the goal-quality checks over every recognised sheet.
 *
 * @example
 * const done = await checkGoals(port, { asOf: "2026-08-15" });
 * if (done.ok) done.findings.filter((f) => f.severity === "error").length
 */
export async function checkGoals(port: WorkbookPort, options: LoadOptions = {}): Promise<ChecksDone | Failure> {
  const loaded = await loadWorkbook(port, options);
  const unusable = missingGoalSheets(loaded);
  if (unusable) return unusable;
  return { ok: true, findings: loaded.findings, loaded };
}
