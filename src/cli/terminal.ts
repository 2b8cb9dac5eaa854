/**
 * Text from the user's cells on a terminal: an escape sequence in a cell
 * (`ESC[2J`) must not clear the screen, and a bidi override must not reorder
 * what the user reads. Every such character is shown as a visible escape instead.
 * JSON output needs none of this: it is data for programs, printed as is.
 */

/**
 * C0 controls (tab and line breaks included: a cell must stay on its line), DEL,
 * C1 controls, the line and paragraph separators, and the bidi marks, embeddings,
 * overrides and isolates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * `text` with every terminal control character replaced by a visible escape:
 * `\x1b` for ESC and the other C0/C1 controls and DEL, `\u202e` for the others.
 *
 * @example
 * visible("\u001b[2JAna") // "\\x1b[2JAna"
 * visible("abc\u202Edef") // "abc\\u202edef"
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
