/**
 * The .xlsx package (an Open Packaging Conventions zip): recognising the file,
 * finding the workbook part, its sheets and their parts, and streaming a part's
 * text. Parts are read from where the package lies (see xlsx-archive.ts), so a
 * part that is never read costs nothing and is copied unchanged.
 */
import { WorkbookError } from "./port";
import { readPartBytes, type PackageParts } from "./xlsx-archive";
import { readXmlPart, type XmlTag } from "./xlsx-xml";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  strictOfficeDocument: "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
} as const;

/** One `<sheet>` of the workbook part, with the part that holds its cells. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  state: "visible" | "hidden" | "veryHidden";
  /** The relationship id in workbook.xml (`rId3`). */
  rId: string;
  /** The worksheet part (`xl/worksheets/sheet3.xml`); `null` for chart sheets and dialog sheets, which hold no cells. */
  part: string | null;
}

/** One relationship of a part's `.rels`. */
export interface Relationship {
  id: string;
  type: string;
  /** The target resolved to a part path, or the raw target when it is external. */
  target: string;
  external: boolean;
}

/** An encrypted workbook and a legacy .xls are both OLE compound files. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b]);
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

const REL_WORKSHEET = /\/worksheet$/;

/** Why bytes that are not a usable .xlsx package cannot be read: a reason for one line, and a code. */
export interface PackageProblem {
  reason: string;
  code: string;
}

/**
 * Names what a file that is not an .xlsx package is, from its first bytes and,
 * for OLE compound files, the names of the streams inside, or `null` when it is a zip.
 *
 * @example
 * sniffNonZip(await fs.readFile("old.xls")) // { code: "Xls", reason: "it is an old Excel 97–2003 workbook (.xls); …" }
 */
export function sniffNonZip(bytes: Buffer): PackageProblem | null {
  if (bytes.length === 0) return { reason: "the file is empty", code: "Empty" };
  if (bytes.subarray(0, 4).equals(OLE_SIGNATURE)) {
    // Stream names are stored in UTF-16LE in the compound file's directory.
    const has = (name: string) => bytes.includes(Buffer.from(name, "utf16le"));
    if (has("EncryptedPackage") || has("EncryptionInfo")) {
      return { reason: "it is password-protected; save an unprotected .xlsx copy and try again", code: "Encrypted" };
    }
    if (has("Workbook") || has("Book")) {
      return { reason: "it is an old Excel 97–2003 workbook (.xls); save it as .xlsx and try again", code: "Xls" };
    }
    return { reason: "it is password-protected or an old .xls file; save an unprotected .xlsx copy and try again", code: "Encrypted" };
  }
  if (!bytes.subarray(0, 2).equals(ZIP_SIGNATURE)) return { reason: "it is not an .xlsx workbook", code: "NotXlsx" };
  return null;
}

/** A loaded package: its parts, the workbook part, its relationships and its sheets in tab order. */
export class XlsxPackage {
  private constructor(
    readonly parts: PackageParts,
    /** The workbook part, normally `xl/workbook.xml`. */
    readonly workbookPart: string,
    readonly sheets: SheetEntry[],
    /** True for a workbook that counts dates from 1904 (old Mac workbooks). */
    readonly date1904: boolean,
    /** The workbook's relationships (sheets, styles, shared strings, theme …). */
    readonly workbookRels: Relationship[],
    /** Names defined in the workbook (`Print_Area`, user names), which new tables must not take. */
    readonly definedNames: string[],
  ) {}

  /**
   * Reads the workbook part and its relationships (small parts); sheet contents
   * are left where they are until they are read.
   * Throws a {@link PackageProblem}-carrying {@link WorkbookError} for a damaged package.
   *
   * @example
   * const pkg = await XlsxPackage.load(parts);
   * pkg.sheets.map((s) => s.name) // ["OKRs", "KPIs"]
   */
  static async load(parts: PackageParts): Promise<XlsxPackage> {
    if (parts.has("mimetype") && (await readPartBytes(parts, "mimetype")).toString("utf8").trim() === ODS_MIMETYPE) {
      throw problem("it is an OpenDocument spreadsheet (.ods); save it as .xlsx and try again", "Ods");
    }
    const workbookPart = await findWorkbookPart(parts);
    if (workbookPart.endsWith(".bin")) throw problem("it is a binary workbook (.xlsb); save it as .xlsx and try again", "Xlsb");
    if (!parts.has(workbookPart)) {
      throw problem(`the package has no workbook part (${workbookPart}); the file is damaged`, "MissingWorkbook");
    }
    const workbookRels = await readRelationships(parts, workbookPart);
    const byId = new Map(workbookRels.map((r) => [r.id, r]));
    const sheets: SheetEntry[] = [];
    let date1904 = false;
    const definedNames: string[] = [];
    await readXmlPart(parts, workbookPart, {
      open(tag) {
        if (tag.local === "workbookPr") date1904 = isTrue(tag.attributes.date1904);
        if (tag.local === "definedName" && tag.attributes.name) definedNames.push(tag.attributes.name);
        if (tag.local !== "sheet") return;
        const name = tag.attributes.name ?? "";
        const rId = relationshipAttribute(tag) ?? "";
        const rel = byId.get(rId);
        if (!rel) throw problem(`sheet "${name}" is listed in the workbook but has no relationship (${rId || "no id"}); the file is damaged`, "MissingPart");
        const isWorksheet = REL_WORKSHEET.test(rel.type);
        if (isWorksheet && !parts.has(rel.target)) {
          throw problem(`sheet "${name}" is listed in the workbook but its part ${rel.target} is missing; the file is damaged`, "MissingPart");
        }
        const state = tag.attributes.state === "hidden" || tag.attributes.state === "veryHidden" ? tag.attributes.state : "visible";
        sheets.push({ name, sheetId: Number(tag.attributes.sheetId) || 0, state, rId, part: isWorksheet ? rel.target : null });
      },
    });
    return new XlsxPackage(parts, workbookPart, sheets, date1904, workbookRels, definedNames);
  }

  /** The target part of the workbook's first relationship of a type ending in `/suffix` (`styles`, `sharedStrings`). */
  workbookTarget(suffix: string): string | null {
    const rel = this.workbookRels.find((r) => !r.external && r.type.endsWith(`/${suffix}`));
    return rel && this.parts.has(rel.target) ? rel.target : null;
  }
}

function problem(reason: string, code: string): WorkbookError {
  return new WorkbookError(reason, code);
}

/** The workbook part named by the package's root relationships (`_rels/.rels`), `xl/workbook.xml` when they do not say. */
async function findWorkbookPart(parts: PackageParts): Promise<string> {
  if (!parts.has("_rels/.rels")) return "xl/workbook.xml";
  const rels = await readRelationships(parts, "");
  const main = rels.find((r) => r.type === NS.officeDocument || r.type === NS.strictOfficeDocument);
  return main ? main.target : "xl/workbook.xml";
}

/**
 * `r:id` whatever prefix the file gives the relationships namespace.
 *
 * @example
 * relationshipAttribute({ local: "sheet", attributes: { name: "OKRs", "ns1:id": "rId3" }, selfClosing: true }) // "rId3"
 */
export function relationshipAttribute(tag: XmlTag): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) {
    if (key === "r:id" || (key.endsWith(":id") && key !== "xml:id")) return value;
  }
  return undefined;
}

/**
 * The relationships of `part` (`""` for the package root), targets resolved to part paths.
 *
 * @example
 * await readRelationships(parts, "xl/workbook.xml") // [{ id: "rId1", type: "…/worksheet", target: "xl/worksheets/sheet1.xml", external: false }, …]
 */
export async function readRelationships(parts: PackageParts, part: string): Promise<Relationship[]> {
  const path = relsPathOf(part);
  if (!parts.has(path)) return [];
  const out: Relationship[] = [];
  await readXmlPart(parts, path, {
    open(tag) {
      if (tag.local !== "Relationship") return;
      const external = tag.attributes.TargetMode === "External";
      const raw = tag.attributes.Target ?? "";
      out.push({ id: tag.attributes.Id ?? "", type: tag.attributes.Type ?? "", target: external ? raw : resolveTarget(part, raw), external });
    },
  });
  return out;
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/**
 * `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; the package root's is `_rels/.rels`.
 *
 * @example
 * relsPathOf("xl/workbook.xml") // "xl/_rels/workbook.xml.rels"
 */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Resolves a relationship target against the folder of its source part (percent-escapes decoded).
 *
 * @example
 * resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml") // "xl/drawings/drawing1.xml"
 */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray `%` is a literal character in the name.
  }
  if (decoded.startsWith("/")) return decoded.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const segment of decoded.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/**
 * The target of `part` as seen from `sourcePart`.
 *
 * @example
 * relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml") // "../drawings/drawing1.xml"
 */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

