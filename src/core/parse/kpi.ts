/**
 * KPI sheet rows → KPI readings. A row whose KPI cell is blank continues the
 * KPI above (merged or filled-down KPI names), taking its descriptive fields
 * (area, owner, data source, frequency, unit) and its floor, target, ceiling and
 * direction where its own are blank.
 */
import type { Direction, KpiField, KpiRecord, Period } from "../model";
import type { SheetReader } from "./reader";
import { Carried } from "./carried";
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
  // Values carried down a KPI's readings (merged or filled down), updated in place: this loop runs for every reading.
  const carried = DESCRIPTIVE.map(() => new Carried(""));
  const floor = new Carried<number | null>(null);
  const target = new Carried<number | null>(null);
  const ceiling = new Carried<number | null>(null);
  const direction = new Carried<Direction | null>(null);
  const period = new Carried<Period | null>(null);
  const { from, to } = reader.dataRows;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) continue;
    // A wide row (months as columns) is one reading per filled period column.
    let read = false;
    for (let v = 0; v < reader.variantCount; v++) {
      reader.useVariant(v);
      if (reader.variantIsEmpty(r)) continue;
      read = true;
      const cells = reader.cells(r);
      // A new KPI name starts a new group: its descriptive fields and bounds do not carry on from the KPI above.
      const kpiText = reader.text(f.kpi, r);
      if (kpiText !== "") {
        for (const slot of carried) slot.drop();
        floor.drop();
        target.drop();
        ceiling.drop();
        direction.drop();
      }
      for (let i = 0; i < descriptive.length; i++) {
        const text = i === KPI ? kpiText : reader.text(descriptive[i], r);
        if (text !== "") carried[i].hold(text, r);
        carried[i].take(r, descriptive[i], reader, cells);
      }
      const kpi = carried[KPI].value;

      // A cell of its own (even one that could not be read) replaces the bound above; a blank one borrows it.
      const floorRead = reader.number(f.floor, r);
      if (floorRead !== null || !reader.isBlankCell(f.floor, r)) floor.hold(floorRead, r);
      floor.take(r, f.floor, reader, cells);
      const targetRead = reader.number(f.target, r);
      if (targetRead !== null || !reader.isBlankCell(f.target, r)) target.hold(targetRead, r);
      target.take(r, f.target, reader, cells);
      const ceilingRead = reader.number(f.ceiling, r);
      if (ceilingRead !== null || !reader.isBlankCell(f.ceiling, r)) ceiling.hold(ceilingRead, r);
      ceiling.take(r, f.ceiling, reader, cells);
      const directionRead = reader.word(f.direction, r, DIRECTION_WORDS, "higher, lower or band");
      if (directionRead !== null || !reader.isBlankCell(f.direction, r)) direction.hold(directionRead, r);
      direction.take(r, f.direction, reader, cells);
      // With no Direction cell, a target written as a bound says it (`<15%` lower is better), then the KPI's wording.
      if (direction.value === null) {
        const implied = impliedDirection(reader.bound(f.target, r), kpi, floor.value, target.value);
        if (implied) direction.hold(implied, r);
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
        area: carried[AREA].value,
        owner: carried[OWNER].value,
        dataSource: carried[DATA_SOURCE].value,
        frequency: carried[FREQUENCY].value,
        unit: carried[UNIT].value,
        floor: floor.value,
        target: target.value,
        ceiling: ceiling.value,
        direction: direction.value,
        period: periodOf(r, cells),
        actual,
      });
    }
    if (!read) reader.skipRow(r, "none of its period columns is filled in");
  }
  return out;

  /** The row's period; a blank one under a filled one continues it (a merged Month cell over its KPIs). */
  function periodOf(r: number, cells: Partial<Record<KpiField, string>>): Period | null {
    if (!reader.isBlankCell(f.period, r) || !reader.has(f.period)) period.hold(reader.period(f.period, r, "month"), r);
    return period.take(r, f.period, reader, cells);
  }
}

/** Where each descriptive field is in the slots of `parseKpiRows`. */
const [KPI, AREA, OWNER, DATA_SOURCE, FREQUENCY, UNIT] = DESCRIPTIVE.map((_, i) => i);

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
