/**
 * Check-ins: parsing the Check-ins sheet, and applying the latest check-in of
 * each key result as its current value.
 */
import { quoteSheet } from "../address";
import { nameKey, pushTo } from "../collections";
import type { CheckInField, CheckInRecord, IsoDate, KeyResultRecord, Period, Problem } from "../model";
import { periodIncludes } from "../periods";
import type { SheetReader } from "./reader";

/**
 * Parses the rows of a Check-ins sheet; problems go to the reader's list.
 *
 * @example
 * parseCheckInRows(reader) // [{ date: "2026-07-14", keyResult: "KR-1", value: 0.42, confidence: 7, comment: "On track", … }]
 */
export function parseCheckInRows(reader: SheetReader<CheckInField>): CheckInRecord[] {
  const out: CheckInRecord[] = [];
  const f = reader.fields;
  const { from, to } = reader.dataRows;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) continue;
    const date = reader.date(f.date, r);
    const keyResult = reader.text(f.keyResult, r);
    const value = reader.numberOrYesNo(f.value, r);
    const confidence = reader.number(f.confidence, r);
    const comment = reader.text(f.comment, r);
    if (keyResult === "") {
      reader.report("checkin-missing-key-result", "error", "keyResult", r, `Check-in in ${reader.where("keyResult", r)} names no key result; write its text or ID.`);
      continue;
    }
    if (date === null && reader.isBlankCell(f.date, r)) {
      reader.report("checkin-missing-date", "warning", "date", r, `Check-in in ${reader.where("date", r)} has no date, so it cannot count as the latest.`);
    }
    out.push({ sheet: reader.name, row: reader.excelRow(r), cells: reader.cells(r), date, keyResult, value, confidence, comment });
  }
  return out;
}

/**
 * Of the key results (by index) sharing a text, those whose period contains `date`;
 * when none does, those of the latest period begun by then (a final check-in made
 * after the quarter closed), else all of them. The split by period is made once per
 * text, so many check-ins for a text repeated across many rows stay cheap.
 */
function inPeriodOf(
  targets: number[],
  date: string,
  keyResults: readonly KeyResultRecord[],
  cache: Map<number[], Map<Period | null, number[]>>,
): number[] {
  let split = cache.get(targets);
  if (!split) {
    split = new Map();
    for (const i of targets) pushTo(split, keyResults[i].period, i);
    cache.set(targets, split);
  }
  // Each key result keeps its own latest check-in, so the order of the ones returned does not matter.
  let matching: number[] | null = null;
  let begun = "";
  for (const [period, indices] of split) {
    if (period !== null && period.start <= date && period.start > begun) begun = period.start;
    if (period === null || !periodIncludes(period, date)) continue;
    matching = matching ? matching.concat(indices) : indices;
  }
  if (matching) return matching;
  if (begun === "") return targets;
  // Sheets read separately hold separate Period objects for one label: gather them by start date.
  return [...split].flatMap(([period, indices]) => (period !== null && period.start === begun ? indices : []));
}

/** What {@link keyHash} gives for a text with characters outside ASCII, whose key it does not work out. */
const OUTSIDE_ASCII = -1;

/**
 * A 31-bit hash of `nameKey(text)` worked out without building the key (no
 * trimmed, folded or lower-cased copy): equal keys give equal hashes, so a hash
 * no check-in's key has rules a text out. ASCII only: a text with any other
 * character gives {@link OUTSIDE_ASCII} and is matched by its key in full.
 *
 * @example
 * keyHash("  KR-7 ") === keyHash("kr-7") // true
 * keyHash("Équipe") // -1
 */
export function keyHash(text: string): number {
  let hash = 0;
  let started = false;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return OUTSIDE_ASCII;
    // Whitespace as `\s` reads it within ASCII: space, tab, line feed, vertical tab, form feed, carriage return.
    if (c === 32 || (c >= 9 && c <= 13)) {
      space = started;
      continue;
    }
    if (space) {
      hash = (Math.imul(hash, 31) + 32) & 0x7fffffff;
      space = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    hash = (Math.imul(hash, 31) + c) & 0x7fffffff;
    started = true;
  }
  return hash;
}

/**
 * Whether an ASCII text reduces to `key` as {@link nameKey} would reduce it
 * (case and spacing folded), compared character by character without building
 * the text's key. Meant for texts whose {@link keyHash} is not `OUTSIDE_ASCII`.
 *
 * @example
 * reducesTo("  KR-7 ", "kr-7") // true
 * reducesTo("Grow  NPS", "grow nps") // true
 * reducesTo("KR-7", "kr-70") // false
 */
export function reducesTo(text: string, key: string): boolean {
  let k = 0;
  let started = false;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      space = started;
      continue;
    }
    if (space) {
      if (key.charCodeAt(k) !== 32) return false;
      k++;
      space = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    if (key.charCodeAt(k) !== c) return false;
    k++;
    started = true;
  }
  return k === key.length;
}

/**
 * Sets each key result's `current` and `lastCheckIn` from its latest dated
 * check-in (by date, then by order in the workbook). A check-in names its key
 * result by ID, else by text; when several key results share the text, the one
 * whose period contains the check-in's date is meant. A check-in that matches no
 * key result is reported; one dated after `asOf` is left out. Mutates the key
 * results; returns the problems found.
 *
 * @example
 * applyCheckIns(keyResults, checkIns) // [] and keyResults[0].current === 0.42
 */
export function applyCheckIns(keyResults: KeyResultRecord[], checkIns: readonly CheckInRecord[], asOf?: IsoDate): Problem[] {
  const problems: Problem[] = [];
  if (checkIns.length === 0) return problems;
  // Index only the key results some check-in names: far fewer entries than every key result.
  const named = new Set<string>();
  const keys = checkIns.map((ci) => {
    const key = nameKey(ci.keyResult);
    named.add(key);
    return key;
  });
  // A key result's key is never built: a hash of it, worked out from the text, finds
  // the few keys it may be (most key results are named by no check-in), and the
  // text is compared with each as it reduces. Texts outside ASCII take the full key.
  const byHash = new Map<number, string[]>();
  for (const key of named) pushTo(byHash, keyHash(key), key);
  const namedKeyOf = (text: string): string | undefined => {
    if (text === "") return undefined;
    const hash = keyHash(text);
    if (hash === OUTSIDE_ASCII) {
      const key = nameKey(text);
      return named.has(key) ? key : undefined;
    }
    const keys = byHash.get(hash);
    if (keys !== undefined) for (let k = 0; k < keys.length; k++) if (reducesTo(text, keys[k])) return keys[k];
    return undefined;
  };
  // Key results are kept by index, not as map keys: an object used as a key gets a
  // hidden identity hash, which is slow to add to a hundred thousand records.
  const byId = new Map<string, number[]>();
  const byText = new Map<string, number[]>();
  for (let i = 0; i < keyResults.length; i++) {
    const kr = keyResults[i];
    const id = namedKeyOf(kr.keyResultId);
    if (id !== undefined) pushTo(byId, id, i);
    const text = namedKeyOf(kr.keyResult);
    if (text !== undefined) pushTo(byText, text, i);
  }
  const latest: Array<CheckInRecord | undefined> = new Array(keyResults.length);
  const byPeriod = new Map<number[], Map<Period | null, number[]>>();
  const prefixes: PrefixIndex = {};
  checkIns.forEach((ci, c) => {
    const key = keys[c];
    let targets = byId.get(key) ?? byText.get(key) ?? startOf(key, keyResults, prefixes);
    if (!targets) {
      problems.push({
        code: "checkin-unmatched",
        message: `Check-in for "${ci.keyResult.slice(0, 60)}" in ${quoteSheet(ci.sheet)}!${ci.cells.keyResult ?? ""} matches no key result's ID or text.`,
        sheet: ci.sheet,
        cell: ci.cells.keyResult ?? "",
        severity: "warning",
      });
      return;
    }
    if (ci.date === null || ci.value === null || (asOf !== undefined && ci.date > asOf)) return;
    if (targets.length > 1) targets = inPeriodOf(targets, ci.date, keyResults, byPeriod);
    for (const i of targets) {
      const held = latest[i];
      // Check-ins arrive in workbook order, so on an equal date the later row wins.
      if (!held || (held.date !== null && ci.date >= held.date)) latest[i] = ci;
    }
  });
  latest.forEach((ci, i) => {
    if (!ci) return;
    keyResults[i].current = ci.value;
    keyResults[i].lastCheckIn = ci.date;
  });
  return problems;
}

/**
 * The key results whose text begins with a check-in's shortened name ("Close 10
 * new accounts" for "Close 10 new accounts >$10K ARR"), when exactly one text
 * does. Texts are sorted once, so each name is a binary search, not a scan.
 */
function startOf(key: string, keyResults: readonly KeyResultRecord[], index: PrefixIndex): number[] | undefined {
  if (key.length < 8) return undefined;
  index.sorted ??= keyResults.map((kr, i) => [nameKey(kr.keyResult), i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const sorted = index.sorted;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid][0] < key) lo = mid + 1;
    else hi = mid;
  }
  const hits: number[] = [];
  let text: string | null = null;
  for (let i = lo; i < sorted.length && sorted[i][0].startsWith(key); i++) {
    const [candidate, at] = sorted[i];
    if (candidate.length === key.length || !/[\s\p{P}\p{S}]/u.test(candidate[key.length])) continue;
    if (text !== null && candidate !== text) return undefined;
    text = candidate;
    hits.push(at);
  }
  return hits.length > 0 ? hits : undefined;
}

interface PrefixIndex {
  sorted?: ReadonlyArray<readonly [string, number]>;
}
