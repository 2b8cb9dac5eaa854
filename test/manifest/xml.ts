/**
 * A small reading layer over fast-xml-parser's `preserveOrder` output, so the
 * manifest tests can walk elements in document order by tag and attribute.
 */
import { XMLParser } from "fast-xml-parser";

export interface XmlElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
});

function toElement(node: OrderedNode): XmlElement | null {
  const tag = Object.keys(node).find((key) => key !== ":@");
  if (tag === undefined || tag === "#text" || tag.startsWith("?")) return null;
  const rawChildren = (node[tag] as OrderedNode[] | undefined) ?? [];
  const text = rawChildren
    .filter((child) => "#text" in child)
    .map((child) => String(child["#text"]))
    .join("");
  return {
    tag,
    attributes: (node[":@"] as Record<string, string> | undefined) ?? {},
    children: rawChildren.map(toElement).filter((child): child is XmlElement => child !== null),
    text,
  };
}

/** The document element of an XML text. */
export function parseXml(text: string): XmlElement {
  const roots = (parser.parse(text) as OrderedNode[]).map(toElement).filter((node): node is XmlElement => node !== null);
  if (roots.length !== 1) throw new Error(`expected one document element, found ${roots.length}`);
  return roots[0];
}

/** Every element below `root` (itself included), in document order. */
export function descendants(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(descendants)];
}

/** The only child of `parent` named `tag`; throws when there is none or several. */
export function child(parent: XmlElement, tag: string): XmlElement {
  const found = parent.children.filter((element) => element.tag === tag);
  if (found.length !== 1) throw new Error(`<${parent.tag}> has ${found.length} <${tag}> children, expected 1`);
  return found[0];
}

/** The element reached by following one child per tag. */
export function path(root: XmlElement, ...tags: string[]): XmlElement {
  return tags.reduce(child, root);
}

/** Elements below `root` with this tag and, optionally, this xsi:type. */
export function findAll(root: XmlElement, tag: string, xsiType?: string): XmlElement[] {
  return descendants(root).filter(
    (element) => element.tag === tag && (xsiType === undefined || element.attributes["xsi:type"] === xsiType),
  );
}
