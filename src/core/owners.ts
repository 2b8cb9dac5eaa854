/**
 * The one rule for a cell that names several owners: "Ana López, Ben Okafor",
 * "Ana / Ben", "Ana & Ben", "Ana; Ben" and "Ana and Ben" all name two people.
 * "and" counts only as a whole word between spaces, so "Alexander Sandberg"
 * stays one name.
 */

/** Commas, semicolons, ampersands, slashes, and the word "and" (any case) between spaces. */
const SEPARATOR = /[,;&/]|\s+and\s+/i;

/**
 * The people an owner cell names, trimmed, in the order written; empty for a blank cell.
 *
 * @example
 * splitOwners("Ana López, Ben Okafor") // ["Ana López", "Ben Okafor"]
 * splitOwners("Ana and Ben / Chen") // ["Ana", "Ben", "Chen"]
 * splitOwners("Alexander Sandberg") // ["Alexander Sandberg"]
 */
export function splitOwners(text: string): string[] {
  return text
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
