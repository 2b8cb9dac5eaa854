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

/**
 * Parses the rows of a KPI sheet; problems go to the reader's list.
 *
 * @example
 * parseKpiRows(reader) // [{ kpi: "NPS", floor: 30, target: 45, actual: 41, period: { label: "2026-07", … }, … }]
 */
export function parseKpiRows(reader: SheetReader<KpiField>): KpiRecord[] {
  const out: KpiRecord[] = [];
  const f = reader.fields;
  const descriptive = DESCRIPTIVE.map((name) => f[name]);
  // Carried values remember the data row they were written on (-1: none); a cell address is made only for a row that borrows one.
  // Plain slots updated in place rather than objects per row: this loop runs for every reading.
  const carried: string[] = DESCRIPTIVE.map(() => "");
  const carriedRow: number[] = DESCRIPTIVE.map(() => -1);
  const own: string[] = DESCRIPTIVE.map(() => "");
  const bounds = new Bounds();
  const { from, to } = reader.dataRows;
  let period: Period | null = null;
  let periodRow = -1;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) continue;
    // A wide row (months as columns) is one reading per filled period column.
    let read = false;
    for (let v = 0; v < reader.variantCount; v++) {
      reader.useVariant(v);
      if (reader.variantIsEmpty(r)) continue;
      read = true;
      const cells = reader.cells(r);
      for (let i = 0; i < descriptive.length; i++) own[i] = reader.text(descriptive[i], r);
      // A new KPI name starts a new group; a blank one continues the group above.
      const newKpi = own[KPI] !== "";
      if (newKpi) carriedRow.fill(-1);
      for (let i = 0; i < descriptive.length; i++) {
        if (own[i] !== "") {
          carried[i] = own[i];
          carriedRow[i] = r;
        } else if (carriedRow[i] >= 0) cells[DESCRIPTIVE[i]] = reader.borrowedAddress(descriptive[i], carriedRow[i]);
      }
      const kpi = carriedRow[KPI] < 0 ? "" : carried[KPI];

      // Bounds continue only within a KPI's group: a new KPI name starts without them.
      if (newKpi) bounds.clear();
      // A cell of its own (even one that could not be read) replaces the bound above; a blank one borrows it.
      const floor = reader.number(f.floor, r);
      if (floor !== null || !reader.isBlankCell(f.floor, r)) bounds.floor(floor, r);
      else if (bounds.floorRow >= 0) cells.floor = reader.borrowedAddress(f.floor, bounds.floorRow);
      const target = reader.number(f.target, r);
      if (target !== null || !reader.isBlankCell(f.target, r)) bounds.target(target, r);
      else if (bounds.targetRow >= 0) cells.target = reader.borrowedAddress(f.target, bounds.targetRow);
      const ceiling = reader.number(f.ceiling, r);
      if (ceiling !== null || !reader.isBlankCell(f.ceiling, r)) bounds.ceiling(ceiling, r);
      else if (bounds.ceilingRow >= 0) cells.ceiling = reader.borrowedAddress(f.ceiling, bounds.ceilingRow);
      const direction = reader.word(f.direction, r, DIRECTION_WORDS, "higher, lower or band");
      if (direction !== null || !reader.isBlankCell(f.direction, r)) bounds.direction(direction, r);
      else if (bounds.directionRow >= 0) cells.direction = reader.borrowedAddress(f.direction, bounds.directionRow);
      // With no Direction cell, a target written as a bound says it (`<15%` lower is better), then the KPI's wording.
      if (bounds.directionValue === null) {
        const implied = impliedDirection(reader.bound(f.target, r), kpi, bounds.floorValue, bounds.targetValue);
        if (implied) bounds.direction(implied, r);
      }
      const actual = reader.number(f.actual, r, kpi);
      if (kpi === "") {
        reader.report("missing-kpi", "error", "kpi", r, `KPI name is blank in ${reader.where("kpi", r)}; write the KPI this row measures.`);
        continue;
      }
      out.push({
        sheet: reader.name,
        row: reader.excelRow(r),
        cells,
        kpi,
        area: carriedRow[AREA] < 0 ? "" : carried[AREA],
        owner: carriedRow[OWNER] < 0 ? "" : carried[OWNER],
        dataSource: carriedRow[DATA_SOURCE] < 0 ? "" : carried[DATA_SOURCE],
        frequency: carriedRow[FREQUENCY] < 0 ? "" : carried[FREQUENCY],
        unit: carriedRow[UNIT] < 0 ? "" : carried[UNIT],
        floor: bounds.floorValue,
        target: bounds.targetValue,
        ceiling: bounds.ceilingValue,
        direction: bounds.directionValue,
        period: periodOf(r, cells),
        actual,
      });
    }
    if (!read) reader.skipRow(r, "none of its period columns is filled in");
  }
  return out;

  /** The row's period; a blank one under a filled one continues it (a merged Month cell over its KPIs). */
  function periodOf(r: number, cells: Partial<Record<KpiField, string>>): Period | null {
    if (!reader.isBlankCell(f.period, r) || !reader.has(f.period)) {
      period = reader.period(f.period, r, "month");
      periodRow = r;
      return period;
    }
    if (periodRow < 0) return null;
    cells.period = reader.borrowedAddress(f.period, periodRow);
    return period;
  }
}

/** Where each descriptive field is in the slots of `parseKpiRows`. */
const [KPI, AREA, OWNER, DATA_SOURCE, FREQUENCY, UNIT] = DESCRIPTIVE.map((_, i) => i);

/** A KPI group's floor, target, ceiling and direction, each with the row it was written on (-1: none yet). */
class Bounds {
  floorValue: number | null = null;
  floorRow = -1;
  targetValue: number | null = null;
  targetRow = -1;
  ceilingValue: number | null = null;
  ceilingRow = -1;
  directionValue: Direction | null = null;
  directionRow = -1;

  clear(): void {
    this.floor(null, -1);
    this.target(null, -1);
    this.ceiling(null, -1);
    this.direction(null, -1);
  }

  floor(value: number | null, row: number): void {
    this.floorValue = value;
    this.floorRow = row;
  }

  target(value: number | null, row: number): void {
    this.targetValue = value;
    this.targetRow = row;
  }

  ceiling(value: number | null, row: number): void {
    this.ceilingValue = value;
    this.ceilingRow = row;
  }

  direction(value: Direction | null, row: number): void {
    this.directionValue = value;
    this.directionRow = row;
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
