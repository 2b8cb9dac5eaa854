/**
 * XML for the .xlsx adapter: parts are read as a stream of tags and text (saxes,
 * the SAX parser ExcelJS itself uses), so a sheet of a million rows never sits in
 * memory as one string; and text is written escaped the way Excel escapes it.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { WorkbookError } from "./port";
import type { PackageParts } from "./xlsx-archive";

/** A start tag: its name without namespace prefix, and its attributes (entities decoded). */
export interface XmlTag {
  local: string;
  attributes: Record<string, string>;
  selfClosing: boolean;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  text?(text: string): void;
  close?(local: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Streams one part of the package through `handlers`: the part is inflated and
 * parsed chunk by chunk, so memory does not grow with its size. An error thrown
 * by a handler stops the stream and rejects.
 *
 * @example
 * await readXmlPart(parts, "xl/workbook.xml", { open: (tag) => tag.local === "sheet" && names.push(tag.attributes.name) });
 */
export async function readXmlPart(parts: PackageParts, path: string, handlers: XmlHandlers): Promise<void> {
  if (!parts.has(path)) throw new WorkbookError(`the package has no ${path}; the file is damaged`, "MissingPart");
  const parser = new SaxesParser({ xmlns: false, position: false });
  const { open, text, close } = handlers;
  if (open) {
    parser.on("opentag", (tag: SaxesTagPlain) =>
      open({ local: localName(tag.name), attributes: tag.attributes as Record<string, string>, selfClosing: tag.isSelfClosing }),
    );
  }
  if (text) parser.on("text", text);
  if (close) parser.on("closetag", (tag: SaxesTagPlain) => close(localName(tag.name)));
  const decoder = new TextDecoder("utf-8");
  const stream = await parts.open(path);
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      // Stops reading, and lets go of the file the part is read from.
      stream.destroy();
      reject(
        error instanceof WorkbookError
          ? error
          : new WorkbookError(`${path} is not valid XML (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); the file is damaged`, "Corrupt"),
      );
    };
    stream
      .on("data", (chunk: Buffer) => {
        if (failed) return;
        try {
          parser.write(decoder.decode(chunk, { stream: true }));
        } catch (error) {
          fail(error);
        }
      })
      .on("error", (error: Error) => fail(error))
      .on("end", () => {
        if (failed) return;
        try {
          parser.write(decoder.decode());
          parser.close();
          resolve();
        } catch (error) {
          fail(error);
        }
      });
  });
}

/** V8 copies the characters of shorter substrings; longer ones are slices of their parent. */
const SLICE_MIN_LENGTH = 13;

/**
 * The same text, holding only its own characters. The XML parser hands text over
 * as a slice of the chunk it is parsing, and a slice keeps its whole parent alive:
 * a workbook's shared strings, kept for every sheet, would keep every chunk of
 * sharedStrings.xml (markup, phonetic runs and all) in memory. Copied through
 * UTF-16, so every code unit survives as it was.
 *
 * @example
 * ownText(chunk.slice(100, 140)) === chunk.slice(100, 140) // true, without the chunk
 */
export function ownText(text: string): string {
  return text.length < SLICE_MIN_LENGTH ? text : Buffer.from(text, "utf16le").toString("utf16le");
}

/**
 * Decodes the `_xHHHH_` escapes of an OOXML string (ST_Xstring): Excel stores
 * characters XML cannot carry, such as U+0001, as `_x0001_`, and a literal
 * `_x0001_` typed by a user as `_x005F_x0001_`.
 *
 * @example
 * decodeXmlText("a_x0001_b") // "a\u0001b"
 * decodeXmlText("_x005F_x0041_") // "_x0041_"
 */
export function decodeXmlText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML 1.0 cannot carry (and U+FFFE/U+FFFF, which it forbids), plus `_` where it starts an escape. */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whatever {@link escapeXmlText} changes: most text has none, and is given back as it is without five replacements. */
const ANY_ESCAPE = new RegExp(`${NEEDS_ESCAPE.source}|[&<>"]`);

/**
 * Escapes text for XML content or attributes the way Excel stores cell text: markup
 * characters as entities, characters XML cannot carry as `_xHHHH_`, and the `_` of
 * a literal `_xHHHH_` as `_x005F_` so it reads back as typed.
 *
 * @example
 * escapeXmlText(`R&D <"core">`) // "R&amp;D &lt;&quot;core&quot;&gt;"
 * escapeXmlText("a\u0001b") // "a_x0001_b"
 * escapeXmlText("_x0041_") // "_x005F_x0041_"
 */
export function escapeXmlText(text: string): string {
  if (!ANY_ESCAPE.test(text)) return text;
  return text
    .replace(NEEDS_ESCAPE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Escapes text for XML where `_xHHHH_` means nothing (relationship targets, chart
 * and drawing text, formulas): markup characters as entities, characters XML
 * cannot carry dropped.
 *
 * @example
 * escapeXmlMarkup("a<b\u0001") // "a&lt;b"
 */
export function escapeXmlMarkup(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Excel keeps at most 32,767 characters in a cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * Text cut to Excel's cell limit with a visible marker saying how much was left out.
 *
 * @example
 * cutCellText("x".repeat(40_000)).endsWith("… [cut: 7,286 more characters]") // true
 */
export function cutCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  // The marker's length depends on the count it names; two passes settle it.
  let keep = MAX_CELL_TEXT - marker(text.length).length;
  keep = MAX_CELL_TEXT - marker(text.length - keep).length;
  // Never split a surrogate pair.
  const code = text.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep--;
  return text.slice(0, keep) + marker(text.length - keep);
}

function marker(omitted: number): string {
  return `… [cut: ${omitted.toLocaleString("en-US")} more characters]`;
}
