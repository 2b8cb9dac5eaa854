/**
 * OKR sheet rows → key result records. Blank Objective, Objective ID, Parent ID,
 * Team, Period and Level cells under filled ones repeat the value above (people
 * fill down or merge cells, and merged cells arrive blank below the first). A
 * row with an objective but no key result and no numbers is the objective's own
 * title row.
 */
import type { KeyResultField, KeyResultRecord, Level, Period } from "../model";
import type { Carried, SheetReader } from "./reader";
import { COMMITMENT_WORDS, inferKeyResultType, LEVEL_WORDS, TYPE_WORDS } from "./words";

interface Carry {
  objective?: Carried<string>;
  objectiveId?: Carried<string>;
  parentId?: Carried<string>;
  team?: Carried<string>;
  period?: Carried<Period | null>;
  level?: Carried<Level | null>;
}

/**
 * Parses the key result rows of an OKR sheet; problems go to the reader's list.
 *
 * @example
 * parseOkrRows(reader) // [{ objective: "Grow revenue", keyResult: "Reach $3.2k MRR", type: "increase", … }]
 */
export function parseOkrRows(reader: SheetReader<KeyResultField>): KeyResultRecord[] {
  const out: KeyResultRecord[] = [];
  const carry: Carry = {};
  const { from, to } = reader.dataRows;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) continue;
    const cells = reader.cells(r);

    const objectiveText = reader.text("objective", r);
    if (objectiveText !== "") {
      carry.objective = { value: objectiveText, cell: reader.address("objective", r) };
      carry.objectiveId = undefined;
      carry.parentId = undefined;
    }
    const objective = held(carry.objective, "objective", cells) ?? "";
    carry.objectiveId = refresh(carry.objectiveId, reader, "objectiveId", r, () => reader.text("objectiveId", r));
    carry.parentId = refresh(carry.parentId, reader, "parentId", r, () => reader.text("parentId", r));
    carry.team = refresh(carry.team, reader, "team", r, () => reader.text("team", r));
    carry.period = refresh(carry.period, reader, "period", r, () => reader.period("period", r, "quarter"));
    carry.level = refresh(carry.level, reader, "level", r, () => reader.word("level", r, LEVEL_WORDS, "company, team or individual"));
    const objectiveId = held(carry.objectiveId, "objectiveId", cells) ?? "";
    const parentId = held(carry.parentId, "parentId", cells) ?? "";
    const team = held(carry.team, "team", cells) ?? "";
    const period = held(carry.period, "period", cells) ?? null;
    const level = held(carry.level, "level", cells) ?? null;

    const keyResult = reader.text("keyResult", r);
    const keyResultId = reader.text("keyResultId", r);
    const start = reader.number("start", r);
    const target = reader.numberOrYesNo("target", r);
    const current = reader.numberOrYesNo("current", r);

    if (keyResult === "" && keyResultId === "") {
      if (start !== null || target.value !== null || current.value !== null) {
        reader.report("missing-key-result", "error", "keyResult", r, `Key result is blank in ${reader.where("keyResult", r)}, but the row has numbers; write the key result or clear the row.`);
      }
      continue;
    }
    if (objective === "") {
      reader.report("missing-objective", "warning", "objective", r, `Key result "${keyResult.slice(0, 60)}" in ${reader.where("keyResult", r)} has no objective above it.`);
    }

    const stated = reader.word("type", r, TYPE_WORDS, "increase, decrease, milestone, binary or maintain");
    const type =
      stated ?? inferKeyResultType({ keyResult, start, target: target.value, current: current.value, yesNo: target.yesNo || current.yesNo });

    out.push({
      sheet: reader.name,
      row: reader.excelRow(r),
      cells,
      period,
      level,
      team,
      objective,
      objectiveId,
      parentId,
      keyResultId,
      keyResult,
      owner: reader.text("owner", r),
      type,
      typeInferred: stated === null,
      start,
      target: target.value,
      current: current.value,
      weight: reader.number("weight", r),
      confidence: reader.number("confidence", r),
      commitment: reader.word("commitment", r, COMMITMENT_WORDS, "aspirational or committed") ?? "aspirational",
      due: reader.date("due", r),
      lastCheckIn: null,
    });
  }
  return out;
}

/** A filled cell replaces the carried value; a blank one keeps it. */
function refresh<T>(carried: Carried<T> | undefined, reader: SheetReader<KeyResultField>, field: KeyResultField, r: number, read: () => T): Carried<T> | undefined {
  return reader.isBlankCell(field, r) ? carried : { value: read(), cell: reader.address(field, r) };
}

/** The carried value, pointing the record's cell at the cell it came from. */
function held<T>(carried: Carried<T> | undefined, field: KeyResultField, cells: Partial<Record<KeyResultField, string>>): T | undefined {
  if (!carried) return undefined;
  cells[field] = carried.cell;
  return carried.value;
}
