/**
 * OKR sheet rows → key result records. Blank Objective, Objective ID, Parent ID,
 * Team, Period and Level cells, and Commitment cells within an objective, under
 * filled ones repeat the value above (people fill down or merge cells, and
 * merged cells arrive blank below the first). A
 * row with an objective but no key result and no numbers is the objective's own
 * title row.
 */
import type { Commitment, KeyResultField, KeyResultRecord, Level, Period } from "../model";
import { Carried } from "./carried";
import type { SheetReader } from "./reader";
import { toNumber } from "../values";
import { COMMITMENT_WORDS, fromToInWording, inferKeyResultType, LEVEL_WORDS, statedKeyResultType, targetInWording, type StatedType } from "./words";

/**
 * Parses the key result rows of an OKR sheet; problems go to the reader's list.
 *
 * @example
 * parseOkrRows(reader) // [{ objective: "Grow revenue", keyResult: "Reach $3.2k MRR", type: "increase", … }]
 */
export function parseOkrRows(reader: SheetReader<KeyResultField>): KeyResultRecord[] {
  const out: KeyResultRecord[] = [];
  const f = reader.fields;
  // Values carried down from the rows above (filled down or merged), updated in place.
  const carry = {
    objective: new Carried(""),
    objectiveId: new Carried(""),
    parentId: new Carried(""),
    team: new Carried(""),
    period: new Carried<Period | null>(null),
    level: new Carried<Level | null>(null),
    commitment: new Carried<Commitment | null>(null),
  };
  const typeWords = new Map<string, StatedType | null>();
  const { from, to } = reader.dataRows;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) continue;
    // A tool export's row holds an objective and its numbered key results: one record per filled item.
    let read = false;
    for (let v = 0; v < reader.variantCount; v++) {
      reader.useVariant(v);
      if (reader.variantIsBlank(f.keyResult, r)) continue;
      readRow(r);
      read = true;
    }
    if (!read) reader.skipRow(r, "none of its numbered key results is filled in");
  }
  return out;

  function readRow(r: number): void {
    const cells = reader.cells(r);

    const objectiveText = reader.text(f.objective, r);
    if (objectiveText !== "") {
      carry.objective.hold(objectiveText, r);
      carry.objectiveId.drop();
      carry.parentId.drop();
      carry.commitment.drop();
    }
    // No closures, objects or addresses per row here: this loop runs for every key result.
    if (!reader.isBlankCell(f.objectiveId, r)) carry.objectiveId.hold(reader.text(f.objectiveId, r), r);
    if (!reader.isBlankCell(f.parentId, r)) carry.parentId.hold(reader.text(f.parentId, r), r);
    if (!reader.isBlankCell(f.team, r)) carry.team.hold(reader.text(f.team, r), r);
    if (!reader.isBlankCell(f.period, r)) carry.period.hold(reader.period(f.period, r, "quarter"), r);
    if (!reader.isBlankCell(f.level, r)) carry.level.hold(reader.word(f.level, r, LEVEL_WORDS, "company, team or individual"), r);
    // Commitment belongs to the objective: merged down its key results or written on its own row.
    if (!reader.isBlankCell(f.commitment, r)) carry.commitment.hold(reader.word(f.commitment, r, COMMITMENT_WORDS, "aspirational or committed"), r);
    const objective = carry.objective.take(r, f.objective, reader, cells);
    const objectiveId = carry.objectiveId.take(r, f.objectiveId, reader, cells);
    const parentId = carry.parentId.take(r, f.parentId, reader, cells);
    const team = carry.team.take(r, f.team, reader, cells);
    const period = carry.period.take(r, f.period, reader, cells);
    const level = carry.level.take(r, f.level, reader, cells);

    const keyResult = reader.text(f.keyResult, r);
    const keyResultId = reader.text(f.keyResultId, r);
    const start = reader.number(f.start, r) ?? (reader.isBlankCell(f.start, r) ? startInWording(keyResult) : null);
    const current = reader.numberOrYesNo(f.current, r, keyResult);
    let yesNo = reader.lastWasYesNo;
    // A sheet with no Target column may state the goal only in the key result's words ("Increase NPS from 32 to 45").
    const worded = reader.has(f.target) || current === null ? null : wordedTarget(keyResult);
    let target = worded;
    if (worded === null) {
      target = reader.numberOrYesNo(f.target, r);
      yesNo ||= reader.lastWasYesNo;
    }
    if (worded !== null) cells.target = reader.address("keyResult", r);

    if (keyResult === "" && keyResultId === "") {
      if (start !== null || target !== null || current !== null) {
        reader.report("missing-key-result", "error", "keyResult", r, `Key result is blank in ${reader.where("keyResult", r)}, but the row has numbers; write the key result or clear the row.`);
      } else if (reader.variantCount === 1) reader.skipRow(r, "objective title row (its key results are on the rows below)");
      return;
    }
    if (objective === "") {
      reader.report("missing-objective", "warning", "objective", r, `Key result "${keyResult.slice(0, 60)}" in ${reader.where("keyResult", r)} has no objective above it.`);
    }

    const stated = statedType(reader, r, typeWords);
    const targetBound = reader.bound(f.target, r);
    // A sheet whose only measure is its own score or completion: that is the key result's progress.
    const scoreOnly = current === null && target === null && start === null && reader.has(f.score);
    const statedScore = reader.has(f.score) ? reader.number(f.score, r, keyResult) : null;
    const type =
      stated?.type ??
      (scoreOnly && statedScore !== null
        ? "milestone"
        : inferKeyResultType({ keyResult, start, target, current, yesNo, targetBound }));
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
      owner: reader.text(f.owner, r),
      type,
      typeInferred: stated === null,
      start,
      target,
      current: scoreOnly ? statedScore : current,
      weight: reader.number(f.weight, r),
      confidence: reader.number(f.confidence, r),
      commitment: carry.commitment.take(r, f.commitment, reader, cells) ?? "aspirational",
      due: reader.date(f.due, r),
      lastCheckIn: null,
      // Always present (maybe undefined), so every record has one shape however the sheet is laid out.
      direction,
      statedScore: statedScore !== null && !scoreOnly ? (statedScore > 1 ? statedScore / 100 : statedScore) : undefined,
    });
  }
}

/** The Type cell, including thresholds such as `maintain below`; an unknown word is reported. */
function statedType(reader: SheetReader<KeyResultField>, r: number, seen: Map<string, StatedType | null>): StatedType | null {
  const text = reader.text(reader.fields.type, r);
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
