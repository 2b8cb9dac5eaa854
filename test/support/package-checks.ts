/**
 * Checks that an .xlsx package is sound as Open Packaging Conventions and
 * SpreadsheetML require (ECMA-376 Part 2, §10.1.2 content types and §9.3
 * relationships; Part 1, §18.2.27 `<sheets>`), read with an independent XML
 * parser rather than Altitude's own reader.
 */
import * as path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type JSZip from "jszip";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });

function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export interface PackageRelationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a `.rels` part, targets as written. */
export async function relationshipsOf(zip: JSZip, relsPart: string): Promise<PackageRelationship[]> {
  const file = zip.file(relsPart);
  if (!file) return [];
  const parsed = parser.parse(await file.async("string"));
  return list<Record<string, string>>(parsed.Relationships?.Relationship).map((r) => ({
    id: r["@Id"],
    type: r["@Type"],
    target: r["@Target"],
    external: r["@TargetMode"] === "External",
  }));
}

/** The part a relationship of `source` points at (targets are relative to the source's folder; `/…` from the root). */
export function resolvePart(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const folder = source.includes("/") ? path.posix.dirname(source) : "";
  return path.posix.normalize(path.posix.join(folder, target));
}

function sourceOf(relsPart: string): string {
  // xl/worksheets/_rels/sheet1.xml.rels → xl/worksheets/sheet1.xml; _rels/.rels → the package root.
  return relsPart.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
}

/**
 * Every XML part parses; every part has a content type (an Override, or a Default
 * for its extension) and every Override names a part that exists; every internal
 * relationship reaches an existing part; every sheet of the workbook has its
 * relationship. Returns the problems found, so a failure names each of them.
 */
export async function packageProblems(zip: JSZip): Promise<string[]> {
  const problems: string[] = [];
  const parts = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  for (const name of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const valid = XMLValidator.validate(await zip.files[name].async("string"));
    if (valid !== true) problems.push(`${name} is not well-formed XML`);
  }
  const typesFile = zip.file("[Content_Types].xml");
  if (!typesFile) return [...problems, "[Content_Types].xml is missing"];
  const types = parser.parse(await typesFile.async("string")).Types;
  const defaults = new Set(list<Record<string, string>>(types?.Default).map((d) => d["@Extension"].toLowerCase()));
  const overrides = new Set(list<Record<string, string>>(types?.Override).map((o) => o["@PartName"].replace(/^\//, "")));
  for (const name of parts) {
    if (name === "[Content_Types].xml") continue;
    const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(name) && !defaults.has(extension)) problems.push(`${name} has no content type`);
  }
  for (const part of overrides) if (!zip.file(part)) problems.push(`the content types list ${part}, which is not in the package`);
  for (const relsPart of parts.filter((name) => name.endsWith(".rels"))) {
    const source = sourceOf(relsPart);
    for (const rel of await relationshipsOf(zip, relsPart)) {
      if (!rel.external && !zip.file(resolvePart(source, rel.target))) problems.push(`${relsPart} ${rel.id} points at ${rel.target}, which is not in the package`);
    }
  }
  const root = (await relationshipsOf(zip, "_rels/.rels")).find((r) => r.type.endsWith("/officeDocument"));
  if (!root) return [...problems, "_rels/.rels names no workbook part"];
  const workbookPart = resolvePart("", root.target);
  const workbookRels = new Set((await relationshipsOf(zip, workbookPart.replace(/([^/]+)$/, "_rels/$1.rels"))).map((r) => r.id));
  const workbook = parser.parse((await zip.file(workbookPart)?.async("string")) ?? "").workbook;
  const sheets = list<Record<string, string>>(workbook?.sheets?.sheet);
  if (sheets.length === 0) problems.push("the workbook lists no sheet");
  for (const sheet of sheets) if (!workbookRels.has(sheet["@id"])) problems.push(`sheet "${sheet["@name"]}" has no relationship ${sheet["@id"]}`);
  return problems;
}
