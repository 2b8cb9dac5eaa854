/**
 * Cell formats for new sheets, appended to the workbook's own style part. The
 * user's fonts, fills, borders, number formats and cell styles keep their indexes
 * (every cell of the workbook points at them), so new entries only ever go after them.
 */
import type { PackageParts } from "./xlsx-archive";
import { readXmlPart } from "./xlsx-xml";
import { escapeXmlText } from "./xlsx-xml";

/** What a new cell looks like; every part is optional. */
export interface CellFormat {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
  /** `#RRGGBB`. */
  fontColor?: string;
  /** `#RRGGBB`. */
  fill?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  border?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
}

/** Built-in number formats Excel knows by id, so they are not declared again. */
const BUILT_IN_IDS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/** The sections of a style part, in the order CT_Stylesheet requires them. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** What the workbook's style part already holds. */
export interface ExistingStyles {
  fonts: number;
  fills: number;
  borders: number;
  cellXfs: number;
  dxfs: number;
  /** Custom number formats by code, and the largest custom id. */
  numFmts: Map<string, number>;
  maxNumFmtId: number;
}

/**
 * Counts the entries of a style part (streamed), so new ones can be numbered after them.
 *
 * @example
 * const existing = await readExistingStyles(parts, "xl/styles.xml"); // { fonts: 2, fills: 2, … }
 */
export async function readExistingStyles(parts: PackageParts, part: string | null): Promise<ExistingStyles> {
  const found: ExistingStyles = { fonts: 0, fills: 0, borders: 0, cellXfs: 0, dxfs: 0, numFmts: new Map(), maxNumFmtId: 163 };
  if (!part) return found;
  const stack: string[] = [];
  await readXmlPart(parts, part, {
    open(tag) {
      const parent = stack[stack.length - 1];
      if (stack.length === 2) {
        if (parent === "fonts" && tag.local === "font") found.fonts++;
        else if (parent === "fills" && tag.local === "fill") found.fills++;
        else if (parent === "borders" && tag.local === "border") found.borders++;
        else if (parent === "cellXfs" && tag.local === "xf") found.cellXfs++;
        else if (parent === "dxfs" && tag.local === "dxf") found.dxfs++;
        else if (parent === "numFmts" && tag.local === "numFmt") {
          const id = Number(tag.attributes.numFmtId);
          if (Number.isInteger(id)) {
            found.numFmts.set(tag.attributes.formatCode ?? "", id);
            found.maxNumFmtId = Math.max(found.maxNumFmtId, id);
          }
        }
      }
      // saxes reports a close for self-closing tags too, so every open is pushed.
      stack.push(tag.local);
    },
    close() {
      stack.pop();
    },
  });
  return found;
}

/** New style entries, numbered after the existing ones and shared between equal formats. */
export class StyleSheet {
  private readonly fonts: string[] = [];
  private readonly fills: string[] = [];
  private readonly borders: string[] = [];
  private readonly xfs: string[] = [];
  private readonly dxfs: string[] = [];
  private readonly numFmts: Array<{ id: number; code: string }> = [];
  private readonly ids = new Map<string, number>();

  constructor(readonly existing: ExistingStyles) {}

  /** A copy to try a plan on; {@link adopt} keeps what it added once the plan succeeded. */
  fork(): StyleSheet {
    const copy = new StyleSheet(this.existing);
    copy.adopt(this);
    return copy;
  }

  adopt(trial: StyleSheet): void {
    for (const key of ["fonts", "fills", "borders", "xfs", "dxfs", "numFmts"] as const) {
      const mine = this[key] as unknown[];
      const theirs = trial[key] as unknown[];
      for (let i = mine.length; i < theirs.length; i++) mine.push(theirs[i]);
    }
    for (const [k, v] of trial.ids) this.ids.set(k, v);
  }

  /** True when nothing new has to be written to the style part. */
  get empty(): boolean {
    return this.xfs.length === 0 && this.dxfs.length === 0;
  }

  /**
   * The cell style index (`s`) for a format; 0, the workbook's default, for no format.
   *
   * @example
   * styles.cellXf({ bold: true, numFmt: "0%" }) // 17 in a workbook with 17 cell styles
   */
  cellXf(format: CellFormat): number {
    const key = JSON.stringify(format);
    if (key === "{}") return 0;
    const id = `xf:${key}`;
    // Known formats (nearly every cell's) are found without building the function that makes a new one.
    return this.ids.get(id) ?? this.memo(id, () => {
      const numFmtId = format.numFmt ? this.numFmt(format.numFmt) : 0;
      const fontId = hasFont(format) ? this.font(format) : 0;
      const fillId = format.fill ? this.fill(format.fill) : 0;
      const borderId = format.border ? this.border(format.border) : 0;
      const alignment = format.wrap !== undefined || format.align !== undefined;
      const attrs =
        `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}` +
        `${borderId ? ' applyBorder="1"' : ""}${alignment ? ' applyAlignment="1"' : ""}`;
      const inner = alignment
        ? `<alignment${format.align ? ` horizontal="${format.align}"` : ""}${format.wrap !== undefined ? ` wrapText="${format.wrap ? 1 : 0}"` : ""}/>`
        : "";
      this.xfs.push(inner ? `<xf ${attrs}>${inner}</xf>` : `<xf ${attrs}/>`);
      return this.existing.cellXfs + this.xfs.length - 1;
    });
  }

  /** The differential format index (`dxfId`) for a conditional format's fill and font colour. */
  dxf(format: { fill: string; fontColor: string }): number {
    return this.memo(`dxf:${format.fill}:${format.fontColor}`, () => {
      // Differential fills take the colour from bgColor, unlike cell fills.
      this.dxfs.push(
        `<dxf><font><color rgb="${argb(format.fontColor)}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${argb(format.fill)}"/></patternFill></fill></dxf>`,
      );
      return this.existing.dxfs + this.dxfs.length - 1;
    });
  }

  /**
   * The style part with the new entries appended to their sections (counts updated).
   *
   * @example
   * zip.file("xl/styles.xml", styles.applyTo(await zip.file("xl/styles.xml").async("string")));
   */
  applyTo(xml: string): string {
    let out = xml;
    if (this.numFmts.length) out = appendTo(out, "numFmts", this.numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXmlText(f.code)}"/>`));
    out = appendTo(out, "fonts", this.fonts);
    out = appendTo(out, "fills", this.fills);
    out = appendTo(out, "borders", this.borders);
    out = appendTo(out, "cellXfs", this.xfs);
    out = appendTo(out, "dxfs", this.dxfs);
    return out;
  }

  private memo(key: string, make: () => number): number {
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = make();
    this.ids.set(key, id);
    return id;
  }

  private numFmt(code: string): number {
    if (BUILT_IN_IDS[code] !== undefined) return BUILT_IN_IDS[code];
    const existing = this.existing.numFmts.get(code);
    if (existing !== undefined) return existing;
    return this.memo(`numFmt:${code}`, () => {
      const id = this.existing.maxNumFmtId + this.numFmts.length + 1;
      this.numFmts.push({ id, code });
      return id;
    });
  }

  private font(format: CellFormat): number {
    const xml =
      `<font>${format.bold ? "<b/>" : ""}${format.italic ? "<i/>" : ""}${format.underline ? "<u/>" : ""}` +
      `<sz val="${format.fontSize ?? 11}"/>${format.fontColor ? `<color rgb="${argb(format.fontColor)}"/>` : '<color theme="1"/>'}` +
      `<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
    return this.memo(`font:${xml}`, () => {
      this.fonts.push(xml);
      return this.existing.fonts + this.fonts.length - 1;
    });
  }

  private fill(color: string): number {
    const xml = `<fill><patternFill patternType="solid"><fgColor rgb="${argb(color)}"/><bgColor indexed="64"/></patternFill></fill>`;
    return this.memo(`fill:${xml}`, () => {
      // A workbook's style part always starts with the two fills Excel reserves (none, gray125); a bare one may lack them.
      if (this.existing.fills === 0 && this.fills.length === 0) this.fills.push('<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>');
      this.fills.push(xml);
      return this.existing.fills + this.fills.length - 1;
    });
  }

  private border(edges: NonNullable<CellFormat["border"]>): number {
    const side = (name: string, on: boolean | undefined) => (on ? `<${name} style="thin"><color indexed="64"/></${name}>` : `<${name}/>`);
    const xml = `<border>${side("left", edges.left)}${side("right", edges.right)}${side("top", edges.top)}${side("bottom", edges.bottom)}<diagonal/></border>`;
    return this.memo(`border:${xml}`, () => {
      this.borders.push(xml);
      return this.existing.borders + this.borders.length - 1;
    });
  }
}

function hasFont(format: CellFormat): boolean {
  return format.bold !== undefined || format.italic !== undefined || format.underline !== undefined || format.fontSize !== undefined || format.fontColor !== undefined;
}

/** `#1F6FEB` → `FF1F6FEB`. */
function argb(hex: string): string {
  return `FF${hex.trim().replace(/^#/, "").toUpperCase()}`;
}

/**
 * Appends entries to one section of the style part, creating the section at its
 * place in CT_Stylesheet when the part has none, and keeps its `count` right.
 */
function appendTo(xml: string, section: string, items: string[]): string {
  if (items.length === 0) return xml;
  const open = new RegExp(`<((?:[\\w.-]+:)?)${section}\\b([^>]*?)(/?)>`).exec(xml);
  if (!open) {
    const prefix = /<((?:[\w.-]+:)?)styleSheet\b/.exec(xml)?.[1] ?? "";
    const element = `<${prefix}${section} count="${items.length}">${items.join("")}</${prefix}${section}>`;
    for (const next of ORDER.slice(ORDER.indexOf(section) + 1)) {
      const at = new RegExp(`<${prefix}${next}\\b`).exec(xml);
      if (at) return xml.slice(0, at.index) + element + xml.slice(at.index);
    }
    const end = xml.lastIndexOf(`</${prefix}styleSheet>`);
    return xml.slice(0, end) + element + xml.slice(end);
  }
  const [tag, prefix, attrs, selfClosing] = open;
  const before = Number(/\bcount="(\d+)"/.exec(attrs)?.[1] ?? NaN);
  const countOf = (n: number) => (Number.isFinite(before) || /\bcount=/.test(attrs) ? attrs.replace(/\bcount="\d*"/, `count="${n}"`) : `${attrs} count="${n}"`);
  if (selfClosing) {
    return xml.slice(0, open.index) + `<${prefix}${section}${countOf(items.length)}>${items.join("")}</${prefix}${section}>` + xml.slice(open.index + tag.length);
  }
  const close = xml.indexOf(`</${prefix}${section}>`, open.index);
  const existing = (xml.slice(open.index + tag.length, close).match(new RegExp(`<${prefix}${childOf(section)}\\b`, "g")) ?? []).length;
  return xml.slice(0, open.index) + `<${prefix}${section}${countOf(existing + items.length)}>` + xml.slice(open.index + tag.length, close) + items.join("") + xml.slice(close);
}

function childOf(section: string): string {
  return section === "cellXfs" ? "xf" : section.slice(0, -1);
}
