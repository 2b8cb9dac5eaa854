/**
 * KRA sheet rows → key result area records. A blank Employee cell continues the
 * person above (merged or filled-down names), with their role, manager and
 * review period where the row's own are blank. A review period is a year; a
 * quarter written there is kept as written so the checks can point it out.
 */
import type { KraField, KraRecord, Period } from "../model";
import type { Settings } from "../settings";
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
  // Carried values remember the data row they were written on; a cell address is made only for a row that borrows one.
  type Held<T> = { value: T; row: number };
  let carry: { employee?: Held<string>; role?: Held<string>; manager?: Held<string>; period?: Held<Period | null> } = {};
  const { from, to } = reader.dataRows;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) continue;
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
    const employee = reader.text("employee", r);
    // A new person starts afresh, except the review period, which often sits only in the first row.
    if (employee !== "") carry = { employee: { value: employee, row: r }, period: carry.period };
    for (const field of ["role", "manager"] as const) {
      const text = reader.text(field, r);
      if (text !== "") carry[field] = { value: text, row: r };
    }
    if (!reader.isBlankCell("period", r)) carry.period = { value: reader.period("period", r, "year"), row: r };
    for (const field of ["employee", "role", "manager", "period"] as const) {
      const held = carry[field];
      if (held && held.row !== r) cells[field] = reader.address(field, held.row);
    }

    const area = reader.text("area", r);
    const weight = reader.number("weight", r);
    const measure = reader.text("measure", r);
    const target = reader.number("target", r);
    const actual = reader.number("actual", r);
    const rating = readRating(reader, r, labels, settings);
    const lowerIsBetter = reader.bound("target", r) === "max" || (reader.bound("target", r) === null && aimsLower(`${measure} ${area}`));
    if (!carry.employee) {
      reader.report("missing-employee", "error", "employee", r, `Employee is blank in ${reader.where("employee", r)}; write whose area this is.`);
      return;
    }
    out.push({
      sheet: reader.name,
      row: reader.excelRow(r),
      cells,
      employee: carry.employee.value,
      role: carry.role?.value ?? "",
      manager: carry.manager?.value ?? "",
      period: carry.period?.value ?? null,
      area,
      weight,
      measure,
      target,
      actual,
      rating,
      lowerIsBetter,
    });
  }
}

/** A rating as a number or a label of the scale; `8/10` on a 5-point scale reads as 4. */
function readRating(reader: SheetReader<KraField>, r: number, labels: ReadonlyMap<string, number>, settings: Settings): number | null {
  const raw = reader.raw("rating", r);
  if (typeof raw === "string") {
    const byLabel = labels.get(wordKey(raw));
    if (byLabel !== undefined) return byLabel;
  }
  const value = reader.number("rating", r);
  const scale = reader.scale("rating", r);
  return value !== null && scale !== null && scale !== settings.rating.max ? (value / scale) * settings.rating.max : value;
}
