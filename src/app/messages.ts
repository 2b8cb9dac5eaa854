/**
 * Why a use case did not run, as a code with its data. The layer words each one
 * in plain, door-neutral language (`message`); a door may word a code its own
 * way (the CLI names its flag, the ribbon says what it did not write).
 */
import type { Period, SheetNotRead } from "../core/model";

/** The outputs a period is chosen for. */
export type Output = "rollup" | "reviews";

/** People asked for by name who get no review: not found in the period at all, or not in the team asked for. */
export interface PeopleNotReviewed {
  notFound: string[];
  notInTeam: string[];
}

/** A reason, with the data a door needs to word it. */
export type Reason =
  | { code: "no-goal-sheets"; notRead?: SheetNotRead[] }
  | { code: "cancelled" }
  | { code: "no-period"; output: Output }
  | { code: "bad-period"; given: string }
  | { code: "no-data"; period: Period }
  | { code: "no-people"; period: Period; people?: string[]; team?: string; missed?: PeopleNotReviewed }
  | { code: "many-sheets"; sheets: number }
  | { code: "bad-value"; given: string }
  | { code: "no-key-result"; keyResult: string }
  | { code: "invalid-settings"; problems: string[] }
  | { code: "missing-columns"; sheet: string; fields: string[] }
  | { code: "invalid-arrangement"; sheet: string; problems: string[] }
  | { code: "not-recognised"; sheet: string }
  | { code: "table-refused"; sheet: string }
  | { code: "cannot-convert"; sheet: string; detail: string };

/** A use case that did not run: its reason and the neutral sentence for it. */
export type Failure = Reason & { ok: false; message: string };

/**
 * The plain sentence for a reason, without any door's flags or buttons.
 *
 * @example
 * describe({ code: "no-period", output: "rollup" }) // "no quarter found in the workbook"
 * describe({ code: "many-sheets", sheets: 61 }) // "This will add 61 sheets to the workbook. …"
 */
export function describe(reason: Reason): string {
  switch (reason.code) {
    case "no-goal-sheets": {
      // Each sheet says why it was not read (empty, no header row found, …).
      const why = (reason.notRead ?? []).map((n) => `${n.sheet}: ${n.reason}`).join("; ");
      return `no sheet looks like an OKR, KPI, KRA or Check-ins sheet${why ? ` (${why})` : ""}`;
    }
    case "cancelled":
      return "Stopped before anything was written.";
    case "no-period":
      return `no ${reason.output === "rollup" ? "quarter" : "review year"} found in the workbook`;
    case "bad-period":
      return `"${reason.given}" is not a period (try 2026-Q3, Q3 2026 or 2026)`;
    case "no-data":
      return `no key results or KPI readings in ${reason.period.label}, so no rollup was written`;
    case "no-people":
      return noOneMessage(reason);
    case "many-sheets":
      return `This will add ${reason.sheets} sheets to the workbook. So many sheets make it slow to open and hard to navigate; consider reviewing one team or a few people at a time.`;
    case "bad-value":
      return `"${reason.given}" is not a number; enter the key result's new value, e.g. 42, 3.5 or 45%.`;
    case "no-key-result":
      return `"${reason.keyResult}" is not a key result of the workbook any more; refresh and choose again.`;
    case "invalid-settings":
      return `The settings were not saved: ${reason.problems.join(" ")}`;
    case "missing-columns":
      return `Choose the column of ${reason.fields.join(", ")} first. Nothing was saved.`;
    case "invalid-arrangement":
      return `The arrangement of ${reason.sheet} was not saved: ${reason.problems.join(" ")}`;
    case "not-recognised":
      return `"${reason.sheet}" is no longer a recognised sheet; refresh the overview.`;
    case "cannot-convert":
      return reason.detail;
    case "table-refused":
      return `Excel would not make ${reason.sheet} into a table. Usually part of it is an Excel table already (an earlier Convert does that); then there is nothing more to do.`;
  }
}

function quoted(names: string[]): string {
  return names.map((n) => `"${n}"`).join(", ");
}

/** No review to write: who was not found, and who is outside the team asked for. */
function noOneMessage(reason: Extract<Reason, { code: "no-people" }>): string {
  const label = reason.period.label;
  const parts: string[] = [];
  if (reason.missed?.notFound.length) parts.push(`no KRAs, key results or KPIs for ${quoted(reason.missed.notFound)} in ${label}`);
  if (reason.missed?.notInTeam.length) {
    const names = reason.missed.notInTeam;
    parts.push(`${quoted(names)} ${names.length === 1 ? "is" : "are"} not in the team "${reason.team}" in ${label}`);
  }
  if (parts.length) return parts.join("; ");
  const who = reason.people?.length ? quoted(reason.people) : reason.team !== undefined ? `the team "${reason.team}"` : "anyone";
  return `no KRAs, key results or KPIs for ${who} in ${label}`;
}

/**
 * A failure for a reason, worded by {@link describe}.
 *
 * @example
 * fail({ code: "no-goal-sheets" }).ok // false
 */
export function fail<R extends Reason>(reason: R): R & { ok: false; message: string } {
  return { ...reason, ok: false, message: describe(reason) };
}
