/**
 * Names for the sheets and tables Altitude creates. Sheet names are valid in Excel
 * (at most 31 characters, none of `: \ / ? * [ ]`, no leading or trailing
 * apostrophe) and never equal, ignoring case, to a sheet that already exists;
 * table names likewise for tables. Both workbook adapters use these, so Excel and
 * .xlsx output carry the same names.
 */

export const MAX_SHEET_NAME = 31;

/**
 * Cleans a wanted name so Excel accepts it.
 *
 * @example
 * validSheetName("Reviews: Ana / Q3") // "Reviews Ana Q3"
 */
export function validSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  const name = cleaned.length === 0 || cleaned.toLowerCase() === "history" ? `Sheet ${cleaned}`.trim() : cleaned;
  return truncate(name, MAX_SHEET_NAME).trim();
}

/**
 * A valid name not yet taken: `Rollup 2026-Q3`, then `Rollup 2026-Q3 (2)` and so on,
 * shortening the base so the suffix still fits in 31 characters.
 *
 * @example
 * uniqueSheetName("Rollup 2026-Q3", ["rollup 2026-q3"]) // "Rollup 2026-Q3 (2)"
 */
export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  return sheetNamer(existing)(wanted);
}

/**
 * Names sheets one after another as {@link uniqueSheetName} would, each unique
 * (ignoring case) against `existing` and every name given before it. Each name
 * costs the same however many came before, so naming a sheet per person of a
 * large company stays linear: the taken names are one set, and the next suffix
 * to try is remembered per base name.
 *
 * @example
 * const name = sheetNamer(["Reviews 2026"]);
 * [name("Reviews 2026"), name("Ana 2026"), name("ana 2026")] // ["Reviews 2026 (2)", "Ana 2026", "ana 2026 (2)"]
 */
export function sheetNamer(existing: Iterable<string>): (wanted: string) => string {
  const taken = new Set(Array.from(existing, (n) => n.toLowerCase()));
  // Suffixes below the one remembered were all taken, and names are never given back.
  const nextSuffix = new Map<string, number>();
  return (wanted) => {
    const base = validSheetName(wanted);
    const key = base.toLowerCase();
    let name = base;
    if (taken.has(key)) {
      for (let i = nextSuffix.get(key) ?? 2; ; i++) {
        const suffix = ` (${i})`;
        const candidate = `${truncate(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
        if (!taken.has(candidate.toLowerCase())) {
          nextSuffix.set(key, i + 1);
          name = candidate;
          break;
        }
      }
    }
    taken.add(name.toLowerCase());
    return name;
  };
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const point of text) {
    if (out.length + point.length > max) break;
    out += point;
  }
  return out;
}

/** Excel's longest table name is 255 characters; this leaves room for a `_N` suffix. */
const MAX_TABLE_BASE = 200;

/**
 * A valid Excel table name (letters, digits, underscores and periods, starting with
 * a letter, not readable as a cell reference such as `KR1` or `R2C3`), not yet taken.
 * `taken` holds the names in use in lower case; it is read, not changed.
 *
 * @example
 * uniqueTableName("Team scores", new Set(["team_scores"])) // "Team_scores_2"
 * uniqueTableName("KR1", new Set()) // "T_KR1"
 */
export function uniqueTableName(wanted: string, taken: ReadonlySet<string>): string {
  let base = wanted
    .replace(/[^A-Za-z0-9_.]+/g, "_")
    .replace(/^[^A-Za-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, MAX_TABLE_BASE);
  if (base.length === 0) base = "Table";
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]$/.test(base) || /^[Rr]\d*[Cc]\d*$/.test(base)) base = `T_${base}`;
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
}
