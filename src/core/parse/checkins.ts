/**
 * Check-ins: parsing the Check-ins sheet, and applying the latest check-in of
 * each key result as its current value.
 */
import { quoteSheet } from "../address";
import { pushTo } from "../collections";
import type { CheckInField, CheckInRecord, KeyResultRecord, Problem } from "../model";
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
  const { from, to } = reader.dataRows;
  for (let r = from; r < to; r++) {
    if (reader.isBlankRow(r)) continue;
    const date = reader.date("date", r);
    const keyResult = reader.text("keyResult", r);
    const value = reader.numberOrYesNo("value", r).value;
    const confidence = reader.number("confidence", r);
    const comment = reader.text("comment", r);
    if (keyResult === "") {
      reader.report("checkin-missing-key-result", "error", "keyResult", r, `Check-in in ${reader.where("keyResult", r)} names no key result; write its text or ID.`);
      continue;
    }
    if (date === null && reader.isBlankCell("date", r)) {
      reader.report("checkin-missing-date", "warning", "date", r, `Check-in in ${reader.where("date", r)} has no date, so it cannot count as the latest.`);
    }
    out.push({ sheet: reader.name, row: reader.excelRow(r), cells: reader.cells(r), date, keyResult, value, confidence, comment });
  }
  return out;
}

/** Key result text or ID reduced for matching: case and spacing do not matter. */
function matchKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Sets each key result's `current` and `lastCheckIn` from its latest dated
 * check-in (by date, then by order in the workbook). A check-in names its key
 * result by ID, else by text; when several key results share the text, the one
 * whose period contains the check-in's date is meant. A check-in that matches no
 * key result is reported. Mutates the key results; returns the problems found.
 *
 * @example
 * applyCheckIns(keyResults, checkIns) // [] and keyResults[0].current === 0.42
 */
export function applyCheckIns(keyResults: KeyResultRecord[], checkIns: readonly CheckInRecord[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, KeyResultRecord[]>();
  const byText = new Map<string, KeyResultRecord[]>();
  for (const kr of keyResults) {
    if (kr.keyResultId !== "") pushTo(byId, matchKey(kr.keyResultId), kr);
    if (kr.keyResult !== "") pushTo(byText, matchKey(kr.keyResult), kr);
  }
  const latest = new Map<KeyResultRecord, CheckInRecord>();
  for (const ci of checkIns) {
    const key = matchKey(ci.keyResult);
    let targets = byId.get(key) ?? byText.get(key);
    if (!targets) {
      problems.push({
        code: "checkin-unmatched",
        message: `Check-in for "${ci.keyResult.slice(0, 60)}" in ${quoteSheet(ci.sheet)}!${ci.cells.keyResult ?? ""} matches no key result's ID or text.`,
        sheet: ci.sheet,
        cell: ci.cells.keyResult ?? "",
        severity: "warning",
      });
      continue;
    }
    if (ci.date === null || ci.value === null) continue;
    if (targets.length > 1) {
      const date = ci.date;
      const inPeriod = targets.filter((kr) => kr.period !== null && periodIncludes(kr.period, date));
      if (inPeriod.length > 0) targets = inPeriod;
    }
    for (const kr of targets) {
      const held = latest.get(kr);
      // Check-ins arrive in workbook order, so on an equal date the later row wins.
      if (!held || (held.date !== null && ci.date >= held.date)) latest.set(kr, ci);
    }
  }
  for (const [kr, ci] of latest) {
    kr.current = ci.value;
    kr.lastCheckIn = ci.date;
  }
  return problems;
}
