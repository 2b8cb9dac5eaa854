/**
 * Copies that keep the user's workbook: new sheets are added to the input's own
 * package as new parts (worksheets, tables, drawings, charts, relationships) plus
 * entries in the few shared parts that list them (the workbook part and its
 * relationships, the content types, and new formats appended to the style part).
 * Every other part (the user's sheets, charts, pivot tables, images, comments,
 * shared strings) is copied as it is, still compressed, never parsed.
 */
import { readPartBytes, type PackageParts } from "./xlsx-archive";
import { chartDrawing, relationship, relationshipsXml, type NewPart } from "./xlsx-charts";
import { NS, relativeTarget, relsPathOf, type XlsxPackage } from "./xlsx-package";
import type { ExistingStyles, StyleSheet } from "./xlsx-styles";
import { DRAWING_SLOT, type SheetPart } from "./xlsx-writer";
import { escapeXmlText } from "./xlsx-xml";
import { packContent, writeArchive, type ArchiveEntry, type NewContent, type Spool } from "./xlsx-zip";

export const REL = {
  worksheet: `${NS.rel}/worksheet`,
  table: `${NS.rel}/table`,
  drawing: `${NS.rel}/drawing`,
  styles: `${NS.rel}/styles`,
  hyperlink: `${NS.rel}/hyperlink`,
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

/** A bare style part for a package that has none: the entries Excel expects at index 0. */
export const BARE_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}">` +
  `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** What {@link BARE_STYLES} holds, for numbering new formats after its entries. */
export const BARE_STYLE_COUNTS: ExistingStyles = { fonts: 1, fills: 2, borders: 1, cellXfs: 1, dxfs: 0, numFmts: new Map(), maxNumFmtId: 163 };

/**
 * A new sheet waiting to be copied, its worksheet and table parts already deflated
 * (thousands of review sheets wait compressed), in memory or parked in a spool.
 */
export interface PackedSheet extends Omit<SheetPart, "xml" | "tables"> {
  content: NewContent;
  tables: Array<{ name: string; id: number; content: NewContent }>;
}

/**
 * Finishes a rendered sheet's XML (its drawing element, when it has charts) and
 * deflates it and its tables, so they wait for the copy in a tenth of the memory;
 * with a spool, past its budget they wait on disk instead.
 *
 * @example
 * const packed = packSheet(rendered.sheets[0]);
 */
export function packSheet(sheet: SheetPart, spool?: Spool): PackedSheet {
  const { xml, tables, ...rest } = sheet;
  const drawing = sheet.charts.length > 0 ? `<drawing r:id="${drawingRelId(sheet)}"/>` : "";
  const pack = (text: string): NewContent => (spool ? spool.keep(packContent(text)) : packContent(text));
  return {
    ...rest,
    content: pack(xml.replace(DRAWING_SLOT, drawing)),
    tables: tables.map((table) => ({ name: table.name, id: table.id, content: pack(table.xml) })),
  };
}

/** The drawing's relationship id follows the sheet's tables' ids. */
function drawingRelId(sheet: { tables: unknown[] }): string {
  return `rId${sheet.tables.length + 1}`;
}

/** What a copy adds to the input's package. */
export interface Additions {
  sheets: PackedSheet[];
  styles: StyleSheet | null;
  /** The worksheet XML of Altitude's state sheet: replaces the existing one's part, or is added very hidden. */
  state: { name: string; xml: string } | null;
}

/**
 * Writes the input's package with the additions to `file`: every part the
 * additions do not replace is copied byte for byte from the input (read from its
 * file in pieces, once the file is known to be unchanged since it was opened), and
 * the new and replaced parts are written in place of the old ones or after them.
 * The package object is left as it was.
 *
 * @example
 * await writeCopy(pkg, { sheets, styles, state: null }, "/tmp/.out.xlsx.tmp");
 */
export async function writeCopy(pkg: XlsxPackage, additions: Additions, file: string): Promise<void> {
  const added = new Map<string, NewContent>();
  await addParts(pkg, additions, (path, content) => added.set(path, typeof content === "string" ? packContent(content) : content));
  const entries: ArchiveEntry[] = [];
  const stored = pkg.parts.stored;
  if (stored) {
    for (const entry of stored.entries) {
      const replacement = added.get(entry.name);
      entries.push(replacement ? { name: entry.name, content: replacement } : entry);
      added.delete(entry.name);
    }
    for (const [name, content] of added) entries.push({ name, content });
    await stored.copying((from) => writeArchive(file, entries, { from }));
    return;
  }
  // A zip this reader does not follow: each kept part is read and deflated again.
  for (const name of pkg.parts.names) {
    const content = added.get(name) ?? packContent(pkg.parts.has(name) ? await readPartBytes(pkg.parts, name) : Buffer.alloc(0));
    entries.push({ name, content });
    added.delete(name);
  }
  for (const [name, content] of added) entries.push({ name, content });
  await writeArchive(file, entries);
}

async function addParts(pkg: XlsxPackage, additions: Additions, put: (path: string, content: string | NewContent) => void): Promise<void> {
  const parts = pkg.parts;
  const overrides: Array<{ part: string; type: string }> = [];
  const workbookRels: string[] = [];
  const sheetEntries: string[] = [];
  const usedRelIds = new Set(pkg.workbookRels.map((r) => r.id));
  const freeRelId = () => {
    let n = usedRelIds.size + 1;
    while (usedRelIds.has(`rId${n}`)) n++;
    usedRelIds.add(`rId${n}`);
    return `rId${n}`;
  };
  const next: PartNumbers = {
    sheet: nextNumber(parts, /^xl\/worksheets\/sheet(\d+)\.xml$/),
    table: nextNumber(parts, /^xl\/tables\/table(\d+)\.xml$/),
    drawing: nextNumber(parts, /^xl\/drawings\/drawing(\d+)\.xml$/),
    chart: nextNumber(parts, /^xl\/charts\/chart(\d+)\.xml$/),
  };
  let sheetId = pkg.sheets.reduce((max, s) => Math.max(max, s.sheetId), 0);
  let formulas = false;

  const sheets: Array<PackedSheet & { existingPart?: string }> = [...additions.sheets];
  if (additions.state) {
    const existing = pkg.sheets.find((s) => s.name === additions.state?.name && s.part);
    const state = packSheet({ name: additions.state.name, state: "veryHidden", xml: additions.state.xml, tables: [], charts: [], formulas: false, externalLinks: [] });
    sheets.push({ ...state, existingPart: existing?.part ?? undefined });
  }

  for (const sheet of sheets) {
    const part = sheet.existingPart ?? `xl/worksheets/sheet${next.sheet++}.xml`;
    putSheetParts(sheet, part, next, put, overrides);
    formulas ||= sheet.formulas;
    if (sheet.existingPart) continue;
    overrides.push({ part, type: CONTENT_TYPE.worksheet });
    const rId = freeRelId();
    workbookRels.push(relationship(rId, REL.worksheet, relativeTarget(pkg.workbookPart, part)));
    const state = sheet.state === "veryHidden" ? ' state="veryHidden"' : "";
    sheetEntries.push(`<sheet name="${escapeXmlText(sheet.name)}" sheetId="${++sheetId}"${state} r:id="${rId}" xmlns:r="${NS.rel}"/>`);
  }

  if (additions.styles && !additions.styles.empty) {
    let stylesPart = pkg.workbookTarget("styles");
    let stylesXml: string;
    if (stylesPart) stylesXml = await text(parts, stylesPart);
    else {
      stylesPart = "xl/styles.xml";
      stylesXml = BARE_STYLES;
      workbookRels.push(relationship(freeRelId(), REL.styles, relativeTarget(pkg.workbookPart, stylesPart)));
      overrides.push({ part: stylesPart, type: CONTENT_TYPE.styles });
    }
    put(stylesPart, additions.styles.applyTo(stylesXml));
  }

  if (sheetEntries.length > 0 || formulas) {
    put(pkg.workbookPart, workbookWithSheets(await text(parts, pkg.workbookPart), sheetEntries, formulas));
  }
  if (workbookRels.length > 0) {
    const relsPath = relsPathOf(pkg.workbookPart);
    const relsXml = parts.has(relsPath) ? await text(parts, relsPath) : relationshipsXml([]);
    put(relsPath, insertBeforeClose(relsXml, "Relationships", workbookRels.join("")));
  }
  if (overrides.length > 0) {
    const types = await text(parts, "[Content_Types].xml");
    const entries = overrides.map((o) => `<Override PartName="/${escapeXmlText(o.part)}" ContentType="${o.type}"/>`).join("");
    put("[Content_Types].xml", insertBeforeClose(types, "Types", entries));
  }
}

/** The numbers the next new worksheet, table, drawing and chart parts take. */
export interface PartNumbers {
  sheet: number;
  table: number;
  drawing: number;
  chart: number;
}

/**
 * Puts a sheet's worksheet part at `part` with its tables, drawing and charts, and
 * the sheet's relationships to them and to the files its external links open
 * (`TargetMode="External"`: no part in the package). Every new part but the
 * worksheet is listed in `overrides` with its content type.
 *
 * @example
 * putSheetParts(sheet, "xl/worksheets/sheet2.xml", { sheet: 3, table: 1, drawing: 1, chart: 1 }, put, overrides);
 */
export function putSheetParts(
  sheet: PackedSheet,
  part: string,
  next: PartNumbers,
  put: (path: string, content: string | NewContent) => void,
  overrides: Array<{ part: string; type: string }>,
): void {
  const rels: string[] = [];
  sheet.tables.forEach((table, i) => {
    const tablePart = `xl/tables/table${next.table++}.xml`;
    put(tablePart, table.content);
    overrides.push({ part: tablePart, type: CONTENT_TYPE.table });
    rels.push(relationship(`rId${i + 1}`, REL.table, relativeTarget(part, tablePart)));
  });
  if (sheet.charts.length > 0) {
    const { drawingPart, parts } = chartDrawing(sheet.charts, next.drawing++, next.chart);
    next.chart += sheet.charts.length;
    for (const p of parts) addNewPart(p, put, overrides);
    rels.push(relationship(drawingRelId(sheet), REL.drawing, relativeTarget(part, drawingPart)));
  }
  // The links' ids follow the tables' and the drawing's, as the writer numbered them.
  const firstLink = sheet.tables.length + (sheet.charts.length > 0 ? 1 : 0) + 1;
  sheet.externalLinks.forEach((target, i) => rels.push(relationship(`rId${firstLink + i}`, REL.hyperlink, target, "External")));
  put(part, sheet.content);
  if (rels.length > 0) put(relsPathOf(part), relationshipsXml(rels));
}

function addNewPart(part: NewPart, put: (path: string, xml: string) => void, overrides: Array<{ part: string; type: string }>): void {
  put(part.path, part.xml);
  if (part.contentType) overrides.push({ part: part.path, type: part.contentType });
}

/** The workbook part with new `<sheet>` entries at the end of `<sheets>`, and calculation on open when formulas were added. */
function workbookWithSheets(xml: string, entries: string[], formulas: boolean): string {
  const prefix = /<((?:[\w.-]+:)?)sheets\b/.exec(xml)?.[1] ?? "";
  // Entries are written in the prefix the workbook gives its own elements.
  let out = entries.length ? insertBeforeClose(xml, `${prefix}sheets`, prefix ? entries.join("").replace(/<sheet /g, `<${prefix}sheet `) : entries.join("")) : xml;
  if (formulas) {
    // Formulas are written without cached results: Excel calculates them when the copy opens.
    const calc = new RegExp(`<${prefix}calcPr\\b([^>]*?)(/?)>`).exec(out);
    if (calc) {
      const attrs = /\bfullCalcOnLoad=/.test(calc[1]) ? calc[1].replace(/\bfullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"') : `${calc[1]} fullCalcOnLoad="1"`;
      out = out.slice(0, calc.index) + `<${prefix}calcPr${attrs}${calc[2]}>` + out.slice(calc.index + calc[0].length);
    } else {
      // calcPr follows definedNames and sheets (CT_Workbook); before anything later, or at the end.
      const later = new RegExp(`<${prefix}(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\\b`).exec(out);
      const at = later ? later.index : out.lastIndexOf(`</${prefix}workbook>`);
      out = out.slice(0, at) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + out.slice(at);
    }
  }
  return out;
}

/** Inserts before `</tag>`, or opens a self-closed `<tag/>` to hold the content. */
function insertBeforeClose(xml: string, tag: string, content: string): string {
  const close = xml.lastIndexOf(`</${tag}>`);
  if (close >= 0) return xml.slice(0, close) + content + xml.slice(close);
  const selfClosed = new RegExp(`<${tag.replace(/[.]/g, "\\.")}\\b([^>]*)/>`).exec(xml);
  if (!selfClosed) return xml;
  return xml.slice(0, selfClosed.index) + `<${tag}${selfClosed[1]}>${content}</${tag}>` + xml.slice(selfClosed.index + selfClosed[0].length);
}

function nextNumber(parts: PackageParts, pattern: RegExp): number {
  let max = 0;
  for (const name of parts.names) {
    const m = pattern.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

async function text(parts: PackageParts, path: string): Promise<string> {
  if (!parts.has(path)) return "";
  return (await readPartBytes(parts, path)).toString("utf8");
}
