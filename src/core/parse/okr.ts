/**
 * OKR sheet rows → key result records. Blank Objective, Objective ID, Parent ID,
 * Team, Period and Level cells, and Commitment cells within an objective, under
 * filled ones repeat the value above (people fill down or merge cells, and
 * merged cells arrive blank below the first). A
 * row with an objective but no key result and no numbers is the objective's own
 * title row.
 */
import type { Commitment, KeyResultField, KeyResultRecord, Level, Period } from "../model";
import type { SheetReader } from "./reader";
import { toNumber } from "../values";
import { COMMITMENT_WORDS, fromToInWording, inferKeyResultType, LEVEL_WORDS, statedKeyResultType, targetInWording, type StatedType } from "./words";

/** A value carried down from the row above, with the data row it was written on. */
interface Held<T> {
  value: T;
  row: number;
}

interface Carry {
  objective?: Held<string>;
  objectiveId?: Held<string>;
  parentId?: Held<string>;
  team?: Held<string>;
  period?: Held<Period | null>;
  level?: Held<Level | null>;
  commitment?: Held<Commitment | null>;
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
  const typeWords = new Map<string, StatedType | null>();
  const { from, to } = reader.dataRows;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) continue;
    // A tool export's row holds an objective and its numbered key results: one record per filled item.
    let read = false;
    for (let v = 0; v < reader.variantCount; v++) {
      reader.useVariant(v);
      if (reader.variantIsBlank("keyResult", r)) continue;
      readRow(r);
      read = true;
    }
    if (!read) reader.skipRow(r, "none of its numbered key results is filled in");
  }
  return out;

  function readRow(r: number): void {
    const cells = reader.cells(r);

    const objectiveText = reader.text("objective", r);
    if (objectiveText !== "") {
      carry.objective = { value: objectiveText, row: r };
      carry.objectiveId = undefined;
      carry.parentId = undefined;
      carry.commitment = undefined;
    }
    // No closures or addresses per row here: this loop runs for every key result.
    if (!reader.isBlankCell("objectiveId", r)) carry.objectiveId = { value: reader.text("objectiveId", r), row: r };
    if (!reader.isBlankCell("parentId", r)) carry.parentId = { value: reader.text("parentId", r), row: r };
    if (!reader.isBlankCell("team", r)) carry.team = { value: reader.text("team", r), row: r };
    if (!reader.isBlankCell("period", r)) carry.period = { value: reader.period("period", r, "quarter"), row: r };
    if (!reader.isBlankCell("level", r)) carry.level = { value: reader.word("level", r, LEVEL_WORDS, "company, team or individual"), row: r };
    // Commitment belongs to the objective: merged down its key results or written on its own row.
    if (!reader.isBlankCell("commitment", r)) carry.commitment = { value: reader.word("commitment", r, COMMITMENT_WORDS, "aspirational or committed"), row: r };
    const objective = held(carry.objective, "objective", r, reader, cells) ?? "";
    const objectiveId = held(carry.objectiveId, "objectiveId", r, reader, cells) ?? "";
    const parentId = held(carry.parentId, "parentId", r, reader, cells) ?? "";
    const team = held(carry.team, "team", r, reader, cells) ?? "";
    const period = held(carry.period, "period", r, reader, cells) ?? null;
    const level = held(carry.level, "level", r, reader, cells) ?? null;

    const keyResult = reader.text("keyResult", r);
    const keyResultId = reader.text("keyResultId", r);
    const start = reader.number("start", r) ?? (reader.isBlankCell("start", r) ? startInWording(keyResult) : null);
    const current = reader.numberOrYesNo("current", r, keyResult);
    // A sheet with no Target column may state the goal only in the key result's words ("Increase NPS from 32 to 45").
    const worded = reader.has("target") || current.value === null ? null : wordedTarget(keyResult);
    const target = worded === null ? reader.numberOrYesNo("target", r) : { value: worded, yesNo: false };
    if (worded !== null) cells.target = reader.address("keyResult", r);

    if (keyResult === "" && keyResultId === "") {
      if (start !== null || target.value !== null || current.value !== null) {
        reader.report("missing-key-result", "error", "keyResult", r, `Key result is blank in ${reader.where("keyResult", r)}, but the row has numbers; write the key result or clear the row.`);
      } else if (reader.variantCount === 1) reader.skipRow(r, "objective title row (its key results are on the rows below)");
      return;
    }
    if (objective === "") {
      reader.report("missing-objective", "warning", "objective", r, `Key result "${keyResult.slice(0, 60)}" in ${reader.where("keyResult", r)} has no objective above it.`);
    }

    const stated = statedType(reader, r, typeWords);
    const targetBound = reader.bound("target", r);
    // A sheet whose only measure is its own score or completion: that is the key result's progress.
    const scoreOnly = current.value === null && target.value === null && start === null && reader.has("score");
    const statedScore = reader.has("score") ? reader.number("score", r, keyResult) : null;
    const type =
      stated?.type ??
      (scoreOnly && statedScore !== null
        ? "milestone"
        : inferKeyResultType({ keyResult, start, target: target.value, current: current.value, yesNo: target.yesNo || current.yesNo, targetBound }));
    const direction = stated?.direction ?? (targetBound === "max" ? "lower" : targetBound === "min" ? "higher" : undefined);

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
      current: scoreOnly ? statedScore : current.value,
      weight: reader.number("weight", r),
      confidence: reader.number("confidence", r),
      commitment: held(carry.commitment, "commitment", r, reader, cells) ?? "aspirational",
      due: reader.date("due", r),
      lastCheckIn: null,
      // Always present (maybe undefined), so every record has one shape however the sheet is laid out.
      direction,
      statedScore: statedScore !== null && !scoreOnly ? (statedScore > 1 ? statedScore / 100 : statedScore) : undefined,
    });
  }
}

/** The carried value; a value filled down from above points the record's cell at the cell it came from. */
function held<T>(
  carried: Held<T> | undefined,
  field: KeyResultField,
  r: number,
  reader: SheetReader<KeyResultField>,
  cells: Partial<Record<KeyResultField, string>>,
): T | undefined {
  if (!carried) return undefined;
  if (carried.row !== r) cells[field] = reader.address(field, carried.row);
  return carried.value;
}

/** The Type cell, including thresholds such as `maintain below`; an unknown word is reported. */
function statedType(reader: SheetReader<KeyResultField>, r: number, seen: Map<string, StatedType | null>): StatedType | null {
  const text = reader.text("type", r);
  if (text === "") return null;
  // A Type column repeats a handful of words down thousands of rows: read each once per sheet.
  let stated = seen.get(text);
  if (stated === undefined) seen.set(text, (stated = statedKeyResultType(text)));
  if (stated) return stated;
  reader.report("bad-type", "warning", "type", r, `Type "${text.slice(0, 40)}" in ${reader.where("type", r)} is not recognised; expected increase, decrease, milestone, binary or maintain (below or above).`);
  return null;
}

/** The goal the key result's words state ("Close $500K new revenue"), for a sheet with no Target column. */
function wordedTarget(keyResult: string): number | null {
  const stated = targetInWording(keyResult);
  if (stated === null) return null;
  const goal = toNumber(stated);
  return goal.ok ? goal.value : null;
}

/** A baseline the key result's words state ("from 2.1% to 3%"), for a sheet with no Start cell for it. */
function startInWording(keyResult: string): number | null {
  const stated = fromToInWording(keyResult);
  if (!stated) return null;
  const from = toNumber(stated.from);
  return from.ok ? from.value : null;
}
