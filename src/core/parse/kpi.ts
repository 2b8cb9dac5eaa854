/**
 * KPI sheet rows → KPI readings. A row whose KPI cell is blank continues the
 * KPI above (merged or filled-down KPI names), taking its descriptive fields
 * (area, owner, data source, frequency, unit) and its floor, target, ceiling and
 * direction where its own are blank.
 */
import type { Direction, KpiField, KpiRecord, Period } from "../model";
import type { SheetReader } from "./reader";
import { aimsLower, DIRECTION_WORDS } from "./words";

const DESCRIPTIVE = ["kpi", "area", "owner", "dataSource", "frequency", "unit"] as const;
type Descriptive = (typeof DESCRIPTIVE)[number];
type Bound = "floor" | "target" | "ceiling" | "direction";
interface Held<T> {
  value: T | null;
  row: number;
}

/**
 * Parses the rows of a KPI sheet; problems go to the reader's list.
 *
 * @example
 * parseKpiRows(reader) // [{ kpi: "NPS", floor: 30, target: 45, actual: 41, period: { label: "2026-07", … }, … }]
 */
export function parseKpiRows(reader: SheetReader<KpiField>): KpiRecord[] {
  const out: KpiRecord[] = [];
  // Carried values remember the data row they were written on; a cell address is made only for a row that borrows one.
  let carry: Partial<Record<Descriptive, { value: string; row: number }>> = {};
  let bounds: { floor?: Held<number>; target?: Held<number>; ceiling?: Held<number>; direction?: Held<Direction> } = {};
  const { from, to } = reader.dataRows;
  let period: { value: Period | null; row: number } | undefined;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) continue;
    // A wide row (months as columns) is one reading per filled period column.
    let read = false;
    for (let v = 0; v < reader.variantCount; v++) {
      reader.useVariant(v);
      if (reader.variantIsEmpty(r)) continue;
      read = true;
      const cells = reader.cells(r);
      const own: Record<Descriptive, string> = {
        kpi: reader.text("kpi", r),
        area: reader.text("area", r),
        owner: reader.text("owner", r),
        dataSource: reader.text("dataSource", r),
        frequency: reader.text("frequency", r),
        unit: reader.text("unit", r),
      };
      // A new KPI name starts a new group; a blank one continues the group above.
      if (own.kpi !== "") carry = {};
      for (const field of DESCRIPTIVE) {
        const held = carry[field];
        if (own[field] !== "") carry[field] = { value: own[field], row: r };
        else if (held) cells[field] = reader.address(field, held.row);
      }
      const value = (field: Descriptive): string => carry[field]?.value ?? "";

      // Bounds continue only within a KPI's group: a new KPI name starts without them.
      if (own.kpi !== "") bounds = {};
      // A cell of its own (even one that could not be read) replaces the bound above; a blank one borrows it.
      const step = <T>(field: Bound, read: T | null, above: Held<T> | undefined): Held<T> | undefined => {
        if (read !== null || !reader.isBlankCell(field, r)) return { value: read, row: r };
        if (above) cells[field] = reader.address(field, above.row);
        return above;
      };
      bounds.floor = step("floor", reader.number("floor", r), bounds.floor);
      bounds.target = step("target", reader.number("target", r), bounds.target);
      bounds.ceiling = step("ceiling", reader.number("ceiling", r), bounds.ceiling);
      bounds.direction = step("direction", reader.word("direction", r, DIRECTION_WORDS, "higher, lower or band"), bounds.direction);
      // With no Direction cell, a target written as a bound says it (`<15%` lower is better), then the KPI's wording.
      if (bounds.direction?.value == null) {
        const implied = impliedDirection(reader.bound("target", r), value("kpi"), bounds.floor?.value ?? null, bounds.target?.value ?? null);
        if (implied) bounds.direction = { value: implied, row: r };
      }
      const floor = bounds.floor?.value ?? null;
      const target = bounds.target?.value ?? null;
      const ceiling = bounds.ceiling?.value ?? null;
      const direction = bounds.direction?.value ?? null;
      const actual = reader.number("actual", r, value("kpi"));
      if (value("kpi") === "") {
        reader.report("missing-kpi", "error", "kpi", r, `KPI name is blank in ${reader.where("kpi", r)}; write the KPI this row measures.`);
        continue;
      }
      out.push({
        sheet: reader.name,
        row: reader.excelRow(r),
        cells,
        kpi: value("kpi"),
        area: value("area"),
        owner: value("owner"),
        dataSource: value("dataSource"),
        frequency: value("frequency"),
        unit: value("unit"),
        floor,
        target,
        ceiling,
        direction,
        period: periodOf(reader, r, cells),
        actual,
      });
    }
    if (!read) reader.skipRow(r, "none of its period columns is filled in");
  }
  return out;

  /** The row's period; a blank one under a filled one continues it (a merged Month cell over its KPIs). */
  function periodOf(reader: SheetReader<KpiField>, r: number, cells: Partial<Record<KpiField, string>>): Period | null {
    if (!reader.isBlankCell("period", r) || !reader.has("period")) {
      const value = reader.period("period", r, "month");
      period = { value, row: r };
      return value;
    }
    if (!period) return null;
    cells.period = reader.address("period", period.row);
    return period.value;
  }
}

/**
 * Which way a KPI is good when no Direction cell says: a target written as a
 * ceiling (`<15%`) or a floor (`70%+`); with only a target, a measure that is
 * lower-is-better by its wording (defect rate, stock-outs, churn). `null` leaves
 * the order of floor and target to decide.
 */
function impliedDirection(bound: "min" | "max" | null, kpi: string, floor: number | null, target: number | null): Direction | null {
  if (bound === "max") return "lower";
  if (bound === "min") return "higher";
  if (floor === null && target !== null && aimsLower(kpi)) return "lower";
  return null;
}
