/**
 * Names for the sheets Altitude creates: valid in Excel (at most 31 characters,
 * none of `: \ / ? * [ ]`, no leading or trailing apostrophe) and never equal,
 * ignoring case, to a sheet that already exists.
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
  const taken = new Set(Array.from(existing, (n) => n.toLowerCase()));
  const base = validSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${truncate(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
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
