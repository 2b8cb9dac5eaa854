/**
 * JSON output written in pieces: `JSON.stringify` of a million key results makes
 * one string longer than a JavaScript string may be ("Invalid string length").
 * The pieces joined are exactly `JSON.stringify(value, null, 2)`.
 */

/** Pieces are gathered up to about this many characters before each write. */
const PIECE = 1 << 20;
/** Containers are opened this deep; anything deeper is one `JSON.stringify` call (records are small). */
const OPEN_DEPTH = 3;

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object") return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Writes `value` as JSON indented by two spaces, in pieces of about a megabyte,
 * so output of any size never becomes one string.
 *
 * @example
 * let text = "";
 * writeJson({ keyResults: [{ score: 0.7 }] }, (piece) => (text += piece));
 * text === JSON.stringify({ keyResults: [{ score: 0.7 }] }, null, 2) // true
 */
export function writeJson(value: unknown, out: (piece: string) => void): void {
  let buffer = "";
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length >= PIECE) {
      out(buffer);
      buffer = "";
    }
  };
  const write = (item: unknown, indent: string, depth: number): boolean => {
    if (depth >= OPEN_DEPTH || !isPlainContainer(item)) {
      const text = JSON.stringify(item, null, 2) as string | undefined;
      if (text === undefined) return false;
      emit(text.includes("\n") ? text.replace(/\n/g, `\n${indent}`) : text);
      return true;
    }
    const inner = `${indent}  `;
    if (Array.isArray(item)) {
      if (item.length === 0) return emit("[]"), true;
      emit("[");
      for (let i = 0; i < item.length; i++) {
        emit(`${i > 0 ? "," : ""}\n${inner}`);
        // An array keeps a place for what JSON cannot hold (undefined, functions) as null.
        if (!write(item[i], inner, depth + 1)) emit("null");
      }
      emit(`\n${indent}]`);
      return true;
    }
    let first = true;
    for (const key of Object.keys(item)) {
      const child = item[key];
      if (child === undefined || typeof child === "function" || typeof child === "symbol") continue;
      emit(`${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `);
      first = false;
      write(child, inner, depth + 1);
    }
    emit(first ? "{}" : `\n${indent}}`);
    return true;
  };
  write(value, "", 0);
  if (buffer !== "") out(buffer);
}
