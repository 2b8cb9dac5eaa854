/**
 * The size of what Office.js sends: used by the Excel adapter to keep each
 * request under Excel on the web's payload cap. The in-memory Excel host
 * measures on its own (`src/hosts/excel-stand-in/payload.ts`), so an adapter
 * that under-counts fails in the tests.
 */

/**
 * UTF-8 length of a value's JSON, without allocating an encoder (the adapter runs
 * in the task pane's browser too) and without building one huge string for big arrays.
 *
 * @example
 * jsonBytes({ values: [["€5"]] }) // 21: the UTF-8 bytes of {"values":[["€5"]]}, € taking 3
 */
export function jsonBytes(value: unknown): number {
  if (Array.isArray(value)) {
    let bytes = 2 + Math.max(0, value.length - 1);
    for (const item of value) bytes += jsonBytes(item ?? null);
    return bytes;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    let bytes = 2 + Math.max(0, entries.length - 1);
    for (const [key, item] of entries) bytes += jsonBytes(key) + 1 + jsonBytes(item);
    return bytes;
  }
  const text = JSON.stringify(value) ?? "null";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2;
      i++;
    } else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}
