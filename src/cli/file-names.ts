/**
 * File names made from what users wrote (team names): safe on every common file
 * system and unique in one folder, where case may not count (Windows, macOS).
 */

/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX_PART = 60;

/**
 * A piece of a file name from any text: letters, digits, `-` and `_` kept (in any
 * script), every other run of characters (and of dashes) one `-`, no leading dot, at most 60
 * characters, never a reserved device name and never empty.
 *
 * @example
 * safeFilePart("Sales / EMEA") // "Sales-EMEA"
 * safeFilePart("../../etc") // "etc"
 * safeFilePart("CON") // "CON-team"
 */
export function safeFilePart(text: string, fallback = "team"): string {
  const cleaned = text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = Array.from(cleaned).slice(0, MAX_PART).join("").replace(/-+$/, "");
  if (cut === "") return fallback;
  return RESERVED.test(cut) ? `${cut}-${fallback}` : cut;
}

/**
 * The names made unique by a counter (`Sales`, `Sales-2`), comparing them without
 * regard to case.
 *
 * @example
 * uniqueNames(["Sales", "sales", "People"]) // ["Sales", "sales-2", "People"]
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
