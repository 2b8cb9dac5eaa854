/**
 * How the host measures a request or a response: the UTF-8 length of its JSON.
 * Excel on the web refuses either over 5 MB ("Resource limits and performance
 * optimization for Office Add-ins", https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * The host counts on its own rather than with the adapter's estimate, so an
 * adapter that under-counts (UTF-16 characters instead of bytes) fails here.
 */

/**
 * UTF-8 bytes of `value` as JSON, walking arrays so a big payload is never one string.
 *
 * @example
 * utf8JsonBytes(["é", 1]) // 8: the UTF-8 bytes of ["é",1], é taking 2
 */
export function utf8JsonBytes(value: unknown): number {
  if (Array.isArray(value)) {
    let bytes = value.length > 0 ? value.length + 1 : 2;
    for (const item of value) bytes += utf8JsonBytes(item ?? null);
    return bytes;
  }
  if (typeof value === "object" && value !== null) {
    let bytes = 1;
    let members = 0;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      bytes += utf8Bytes(JSON.stringify(key)) + 1 + utf8JsonBytes(item) + 1;
      members += 1;
    }
    return members === 0 ? 2 : bytes;
  }
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

/**
 * UTF-8 length of a string: 1 byte below U+0080, 2 below U+0800, 4 for a surrogate pair, else 3.
 *
 * @example
 * utf8Bytes("€5") // 4
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
