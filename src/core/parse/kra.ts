/**
 * KRA sheet rows → key result area records. A blank Employee cell continues the
 * person above (merged or filled-down names), with their role, manager and
 * review period where the row's own are blank. A review period is a year; a
 * quarter written there is kept as written so the checks can point it out.
 *
 * Appraisal forms add their own habits: an area spanning several rows (its
 * further objectives below it, the weight and rating merged down), weights in
 * points against a stated total (`Total | 20`), a rating marked in one column
 * per level, and a completion % as the only measure.
 */
import type { KraField, KraRecord, Period } from "../model";
import type { Settings } from "../settings";
import { Carried } from "./carried";
import { wordKey, type SheetReader } from "./reader";
import { aimsLower } from "./words";

/**
 * Parses the rows of a KRA sheet; problems go to the reader's list. A rating may
 * be a number or one of the rating scale's labels ("Meets expectations").
 *
 * @example
 * parseKraRows(reader, settings) // [{ employee: "Ana", area: "Hiring", weight: 0.4, rating: 4, … }]
 */
export function parseKraRows(reader: SheetReader<KraField>, settings: Settings): KraRecord[] {
  const labels = new Map(settings.rating.labels.map((label, i) => [wordKey(label), settings.rating.min + i]));
  const out: KraRecord[] = [];
  const f = reader.fields;
  // The person carried down from the rows above (merged or filled-down names), updated in place.
  const carry = { employee: new Carried(""), role: new Carried(""), manager: new Carried(""), period: new Carried<Period | null>(null) };
  // The records since the last summary row, whose weights a stated total may turn into shares of it.
  let runStart = 0;
  const weightHeader = reader.headerText("weight");
  let percentWeights = PERCENT_HEADER.test(weightHeader);
  // A header may state the whole itself: `Weightage (out of 20)`, `Points /20`.
  const headerWhole = wholeInHeader(weightHeader);
  /** 1-based row of the last area read, which the rows under it may continue; `null` after a break. */
  let lastArea: number | null = null;
  const { from, to } = reader.dataRows;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) {
      const whole = reader.statedTotal("weight", r);
      if (whole !== null) {
        if (!percentWeights && headerWhole === null) shareOfWhole(out, runStart, whole);
        runStart = out.length;
        percentWeights = PERCENT_HEADER.test(weightHeader);
      }
      // An area continues only on the rows right under it.
      lastArea = null;
      continue;
    }
    // A row with one column group per area (a scorecard's metrics) gives one record per filled group.
    let read = false;
    for (let v = 0; v < reader.variantCount; v++) {
      reader.useVariant(v);
      if (reader.variantIsEmpty(r)) continue;
      readRow(r);
      read = true;
    }
    if (!read) reader.skipRow(r, "none of its area column groups is filled in");
  }
  return out;

  function readRow(r: number): void {
    const cells = reader.cells(r);
    const employee = reader.text(f.employee, r);
    // A new person starts afresh, except the review period, which often sits only in the first row.
    if (employee !== "") {
      carry.employee.hold(employee, r);
      carry.role.drop();
      carry.manager.drop();
    }
    const roleText = reader.text(f.role, r);
    if (roleText !== "") carry.role.hold(roleText, r);
    const managerText = reader.text(f.manager, r);
    if (managerText !== "") carry.manager.hold(managerText, r);
    // `Annual` or `Quarterly` in a Period column says how often the area is measured, not which review it belongs to.
    if (!reader.isBlankCell(f.period, r) && !FREQUENCY.test(String(reader.raw(f.period, r)).trim())) carry.period.hold(reader.period(f.period, r, "year"), r);
    const person = carry.employee.take(r, f.employee, reader, cells);
    const role = carry.role.take(r, f.role, reader, cells);
    const manager = carry.manager.take(r, f.manager, reader, cells);
    const period = carry.period.take(r, f.period, reader, cells);

    const area = reader.text(f.area, r);
    const weight = reader.number(f.weight, r);
    const marked = reader.hasLevels ? reader.markedLevels(r) : [];
    if (area === "" && weight === null && marked.length === 0 && reader.isBlankCell(f.rating, r) && lastArea !== null && !(reader.hasColumn("employee") && employee !== "")) {
      // An area spanning rows (its name, weight and rating merged down): the rows under it are its further objectives.
      reader.skipRow(r, `a further objective of the area on row ${lastArea}, whose weight and rating are on that row`);
      return;
    }
    if (weight !== null && reader.isPercent(f.weight, r)) percentWeights = true;
    const measure = reader.text(f.measure, r);
    let target = reader.number(f.target, r);
    const actual = reader.number(f.actual, r);
    const rating = reader.hasLevels && marked.length > 0 ? levelRating(reader, r, marked, cells, settings) : readRating(reader, r, labels, settings);
    let lowerIsBetter = reader.bound(f.target, r) === "max" || (reader.bound(f.target, r) === null && aimsLower(`${measure} ${area}`));
    const whole = target === null && actual !== null && !reader.has(f.target) ? completionWhole(reader, r) : null;
    if (whole !== null) {
      // A completion is already the share of the aim achieved: measured against 100%, and never lower-is-better.
      target = whole;
      lowerIsBetter = false;
      const header = reader.headerAddress("actual");
      if (header !== null) cells.target = header;
    }
    if (carry.employee.row < 0) {
      reader.report("missing-employee", "error", "employee", r, `Employee is blank in ${reader.where("employee", r)}; write whose area this is.`);
      return;
    }
    out.push({
      sheet: reader.name,
      row: reader.excelRow(r),
      cells,
      employee: person,
      role,
      manager,
      period,
      area,
      weight,
      measure,
      target,
      actual,
      rating,
      lowerIsBetter,
    });
    if (headerWhole !== null && weight !== null) out[out.length - 1].weightOutOf = headerWhole;
    lastArea = reader.excelRow(r);
  }
}

/** The whole a weight header states (`Weightage (out of 20)`, `Points /20`), or `null`; 100 says percentages. */
function wholeInHeader(header: string): number | null {
  const m = /\bout\s+of\s+(\d+(?:\.\d+)?)|\/\s*(\d+(?:\.\d+)?)\s*\)?\s*$/i.exec(header);
  const whole = m ? Number(m[1] ?? m[2]) : null;
  return whole !== null && whole > 0 && whole !== 100 ? whole : null;
}

/** A frequency written where a period could be: how often, not when. */
const FREQUENCY = /^(?:annual|annually|yearly|half[\s-]?yearly|semi[\s-]?annual(?:ly)?|quarterly|monthly|weekly|daily|ongoing|continuous)$/i;

/** A weight or completion header that says its figures are percentages: `Weightage (%)`, `Goal Completion (%)`. */
const PERCENT_HEADER = /%|\bper\s?cent/i;
/** A header naming a completion, whose plain figures may be fractions (0.85) or percentages (85). */
const COMPLETION_HEADER = /\bcomplet(?:ion|ed|e)\b/i;

/**
 * The 100% an actual is measured against when the sheet has no target because
 * the actual is a completion or achievement percentage: 1 for a percent cell
 * (`85%`), 100 for figures under a `(%)` header or a completion column whose
 * figures go above 2 (nobody completes 200%); `null` when the actual is not a percentage.
 */
function completionWhole(reader: SheetReader<KraField>, r: number): number | null {
  if (reader.isPercent(reader.fields.actual, r)) return 1;
  const header = reader.headerText("actual");
  if (PERCENT_HEADER.test(header)) return 100;
  if (!COMPLETION_HEADER.test(header)) return null;
  const max = reader.columnMax("actual");
  return max !== null && max > 2 ? 100 : 1;
}

/**
 * True when a stated total is a whole of points rather than a sum of percentages:
 * a whole number from 5 to 50 that divides 100 (10, 20, 25 points), so that each
 * point is a round share. A total such as 90 is percentages with an area missing.
 *
 * @example
 * isPointsWhole(20) // true
 * isPointsWhole(90) // false
 */
export function isPointsWhole(total: number): boolean {
  return Number.isInteger(total) && total >= 5 && total <= 50 && 100 % total === 0;
}

/**
 * Marks the records from `start` on as weighted in points out of `whole` when
 * their weights add up to exactly that whole and it is a whole of points.
 */
function shareOfWhole(records: KraRecord[], start: number, whole: number): void {
  if (!isPointsWhole(whole)) return;
  let sum = 0;
  let weighted = 0;
  for (let i = start; i < records.length; i++) {
    const w = records[i].weight;
    if (w === null) continue;
    sum += w;
    weighted++;
  }
  if (weighted === 0 || Math.abs(sum - whole) > 1e-9 * whole) return;
  for (let i = start; i < records.length; i++) if (records[i].weight !== null) records[i].weightOutOf = whole;
}

/** The rating marked in level columns, on the workbook's scale; several marks are a problem and no rating. */
function levelRating(reader: SheetReader<KraField>, r: number, marked: ReadonlyArray<{ level: number; cell: string }>, cells: Partial<Record<KraField, string>>, settings: Settings): number | null {
  if (marked.length > 1) {
    reader.reportAt("several-levels", "error", marked[0].cell, `Rating: more than one level is marked on row ${reader.excelRow(r)} of ${reader.name} (${marked.map((m) => m.cell).join(", ")}); mark one.`);
    return null;
  }
  const [{ level, cell }] = marked;
  cells.rating = cell;
  const top = reader.topLevel;
  return top !== null && top !== settings.rating.max ? (level / top) * settings.rating.max : level;
}

/** A rating as a number or a label of the scale; `8/10` on a 5-point scale reads as 4. */
function readRating(reader: SheetReader<KraField>, r: number, labels: ReadonlyMap<string, number>, settings: Settings): number | null {
  const raw = reader.raw(reader.fields.rating, r);
  if (typeof raw === "string") {
    const byLabel = labels.get(wordKey(raw));
    if (byLabel !== undefined) return byLabel;
  }
  const value = reader.number(reader.fields.rating, r);
  const scale = reader.scale(reader.fields.rating, r);
  return value !== null && scale !== null && scale !== settings.rating.max ? (value / scale) * settings.rating.max : value;
}
