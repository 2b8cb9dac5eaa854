/** What the Tables view says about converting a sheet and inserting a template. */
import type { SheetKind } from "../../core/model";

/** The starter sheets the Tables view offers, in this order. */
export const TEMPLATE_KINDS: readonly SheetKind[] = ["okr", "kpi", "kra", "checkins"];

/**
 * The computed columns a conversion adds to a sheet of this kind, as a clause.
 *
 * @example
 * computedHint("kpi") // ": adds Status and Trend"
 */
export function computedHint(kind: SheetKind): string {
  switch (kind) {
    case "okr":
      return ": adds Score, Grade and Pace";
    case "kpi":
      return ": adds Status and Trend";
    case "kra":
      return ": adds Person score";
    default:
      return "";
  }
}

/**
 * What the bar says while a sheet is converted.
 *
 * @example
 * convertingText("OKRs", { rows: 12, computed: 3 }) // "Converting OKRs: 12 rows, 3 computed columns…"
 */
export function convertingText(sheet: string, { rows, computed }: { rows: number; computed: number }): string {
  return `Converting ${sheet}: ${rows} rows${computed ? `, ${computed} computed ${computed === 1 ? "column" : "columns"}` : ""}…`;
}

/**
 * What the pane says once a sheet is a table: its name and place, the columns
 * computed live, and the columns holding what Altitude read for each row, which
 * rows added later must fill in.
 *
 * @example
 * convertedMessage("OKRs", { tableName: "OKRs", address: "A1:L13", computed: ["Score"], asRead: [] })
 * // "OKRs is now the table OKRs (A1:L13) with Score computed live."
 */
export function convertedMessage(sheet: string, done: { tableName: string; address: string; computed: readonly string[]; asRead: readonly string[] }): string {
  const computed = done.computed.length ? ` with ${done.computed.join(", ")} computed live` : "";
  const one = done.asRead.length === 1;
  const read = done.asRead.length ? ` ${done.asRead.join(" and ")} ${one ? "holds" : "hold"} what Altitude read for each row: fill ${one ? "it" : "them"} in for rows you add.` : "";
  return `${sheet} is now the table ${done.tableName} (${done.address})${computed}.${read}`;
}
