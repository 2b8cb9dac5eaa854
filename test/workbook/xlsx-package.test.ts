/**
 * Hostile and unusual packages, generated in code: far-away cells, large images,
 * escapes and control characters, other tools' parts (charts, pivot tables,
 * comments, defined names) that a copy must keep byte for byte, damaged
 * packages and files that are not .xlsx at all.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import fc from "fast-check";
import JSZip from "jszip";
import type { OutputPlan } from "../../src/core/plan";
import { STATE_SHEET, WorkbookError } from "../../src/workbook/port";
import { openXlsx } from "../../src/workbook/xlsx";
import { cutCellText, decodeXmlText, escapeXmlText, MAX_CELL_TEXT, ownText } from "../../src/workbook/xlsx-xml";
import { packageProblems } from "../support/package-checks";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
/** The parts a copy is allowed to change: they list the new sheets and formats. */
const LISTING_PARTS = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);

let dir: string;
let files = 0;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-package-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface SheetSpec {
  name: string;
  /** The `<sheetData>` content. */
  rows: string;
  state?: "hidden" | "veryHidden";
  /** Extra worksheet children after sheetData (e.g. `<drawing r:id="rId1"/>`). */
  after?: string;
  rels?: string;
}

interface PackageSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[];
  /** Extra content of workbook.xml after `<sheets>` (defined names, pivot caches). */
  workbookExtra?: string;
  /** Extra workbook relationships. */
  workbookRels?: string;
  /** More parts: path → content. */
  parts?: Record<string, string | Buffer>;
  /** Content-type overrides for the extra parts. */
  overrides?: string;
  /** Leave these paths out of the package. */
  omit?: string[];
}

/** Builds an .xlsx package by hand, part by part, so every byte of it is known. */
async function buildPackage(spec: PackageSpec): Promise<string> {
  const zip = new JSZip();
  const put = (p: string, content: string | Buffer) => {
    if (!spec.omit?.includes(p)) zip.file(p, content);
  };
  const sheetTypes = spec.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Default Extension="png" ContentType="image/png"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `${sheetTypes}${spec.overrides ?? ""}</Types>`,
  );
  put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheets = spec.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 3}"/>`)
    .join("");
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheets}</sheets>${spec.workbookExtra ?? ""}<calcPr calcId="191029"/></workbook>`,
  );
  const sheetRels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 3}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${sheetRels}${spec.workbookRels ?? ""}</Relationships>`,
  );
  put(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
      `<fonts count="1"><font><sz val="11"/><name val="Aptos"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  const strings = spec.sharedStrings ?? [];
  put(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("")}</sst>`,
  );
  spec.sheets.forEach((s, i) => {
    put(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.rows}</sheetData>${s.after ?? ""}</worksheet>`);
    if (s.rels) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${s.rels}</Relationships>`);
  });
  for (const [p, content] of Object.entries(spec.parts ?? {})) put(p, content);
  const file = path.join(dir, `book-${++files}.xlsx`);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

/** A small goal table: a header and two rows, in shared strings 0–3. */
const GOALS = {
  strings: ["Objective", "Key result", "Grow", "Reach 50"],
  rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" s="1"><v>0.45</v></c></row>`,
};

const PLAN: OutputPlan = {
  sheets: [
    {
      key: "rollup",
      name: "Rollup 2026-Q3",
      blocks: [
        { kind: "cells", at: { row: 0, col: 0 }, values: [["Rollup"]], style: { bold: true } },
        { kind: "table", at: { row: 2, col: 0 }, name: "Targets", headers: ["Team", "Score"], rows: [["Sales", 0.5], ["Ops", 0.75]], columnFormats: [null, "0%"] },
        { kind: "chart", chartType: "column", title: "Scores", data: { row: 2, col: 0, rows: 3, cols: 2 }, at: { row: 0, col: 4 }, size: { rows: 10, cols: 6 } },
        { kind: "conditional", range: { row: 3, col: 1, rows: 2, cols: 1 }, rules: [{ equals: "Green", fill: "#C6EFCE", fontColor: "#006100" }] },
      ],
    },
  ],
};

/** Writes the plan into a copy of `input` and returns both packages. */
async function copyWith(input: string, plan: OutputPlan = PLAN) {
  const port = await openXlsx(input);
  await port.readSheets();
  const result = await port.writeSheets(plan);
  const out = path.join(dir, `copy-${++files}.xlsx`);
  await port.saveAs(out);
  return { result, out, before: await JSZip.loadAsync(await fs.readFile(input)), after: await JSZip.loadAsync(await fs.readFile(out)) };
}

/** Every part of `before` that a copy must not touch is byte for byte the same in `after`. */
async function expectUserPartsKept(before: JSZip, after: JSZip): Promise<number> {
  let compared = 0;
  for (const [name, entry] of Object.entries(before.files)) {
    if (entry.dir || LISTING_PARTS.has(name)) continue;
    const copy = after.file(name);
    expect([name, copy === null]).toEqual([name, false]);
    expect([name, Buffer.from(await copy!.async("uint8array")).equals(Buffer.from(await entry.async("uint8array")))]).toEqual([name, true]);
    compared++;
  }
  return compared;
}

/** Every XML part parses, every part has a content type and every relationship its part. */
async function expectWellFormed(zip: JSZip): Promise<void> {
  expect(await packageProblems(zip)).toEqual([]);
}

describe("reading sheets bounded by their real content", () => {
  it("reads a sheet holding only A1 and XFD1048576 without building the grid between them", async () => {
    const file = await buildPackage({
      sheets: [{ name: "Far", rows: `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>` }],
    });
    const [sheet] = await (await openXlsx(file)).readSheets();
    expect(sheet.origin).toEqual({ row: 0, col: 0 });
    expect(sheet.values).toHaveLength(1_048_576);
    expect(sheet.values[0]).toEqual([1]);
    expect(sheet.values[500_000]).toHaveLength(0);
    expect(sheet.values[1_048_575]).toHaveLength(16_384);
    expect(sheet.values[1_048_575][16_383]).toBe(2);
    expect(sheet.numberFormats?.[1_048_575][16_383]).toBe("General");
  });

  it("keeps a goal table's rows their own width when one stray cell sits in column XFD", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>row ${i}</t></is></c></row>`).join("");
    const stray = `<row r="20001"><c r="XFD20001" t="inlineStr"><is><t>stray</t></is></c></row>`;
    const file = await buildPackage({ sheets: [{ name: "Goals", rows: rows + stray }] });
    const [sheet] = await (await openXlsx(file)).readSheets();
    expect(sheet.values).toHaveLength(20_001);
    expect(sheet.values[19_999]).toEqual([19_999, "row 19999"]);
    expect(sheet.values[20_000]).toHaveLength(16_384);
    expect(sheet.values[20_000][16_383]).toBe("stray");
  });

  it("ignores formatted blank cells and the sheet's <dimension> when bounding it", async () => {
    const file = await buildPackage({
      sheets: [{ name: "Goals", rows: `<row r="1"><c r="A1" s="1"/><c r="C3" s="1"/></row><row r="5"><c r="C5" s="1"><v>0.5</v></c><c r="D5" t="inlineStr"><is><t></t></is></c></row>` }],
    });
    const [sheet] = await (await openXlsx(file)).readSheets();
    expect(sheet).toEqual({ name: "Goals", values: [[0.5]], numberFormats: [["0.0%"]], origin: { row: 4, col: 2 } });
  });

  it("reads the sheets of a workbook carrying a large image without touching the image", async () => {
    const image = Buffer.alloc(4_000_000);
    for (let i = 0; i < image.length; i += 4) image.writeUInt32LE((i * 2_654_435_761) >>> 0, i);
    const file = await buildPackage({
      sheets: [{ name: "Goals", rows: GOALS.rows, after: `<drawing r:id="rId1"/>`, rels: `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` }],
      sharedStrings: GOALS.strings,
      parts: {
        "xl/drawings/drawing1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
        "xl/drawings/_rels/drawing1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
        "xl/media/image1.png": image,
      },
    });
    const { before, after } = await copyWith(file);
    expect(await expectUserPartsKept(before, after)).toBeGreaterThanOrEqual(5);
    expect(Buffer.from(await after.file("xl/media/image1.png")!.async("uint8array")).equals(image)).toBe(true);
    await expectWellFormed(after);
  }, 30_000);

  it("still reads the hidden state sheet, and leaves hidden sheets out of the visible ones", async () => {
    const state = JSON.stringify({ settings: { scoreCap: 1.2 } }).replace(/"/g, "&quot;");
    const file = await buildPackage({
      sheets: [
        { name: "Goals", rows: GOALS.rows },
        { name: "Secret", rows: GOALS.rows, state: "hidden" },
        { name: STATE_SHEET, rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>${state}</t></is></c></row>`, state: "veryHidden" },
      ],
      sharedStrings: GOALS.strings,
    });
    const book = await openXlsx(file);
    expect(await book.sheetNames()).toEqual(["Goals"]);
    expect(await book.readState()).toEqual({ settings: { scoreCap: 1.2 } });
  });
});

describe("memory held by what was read", () => {
  it("keeps a shared string's own text, not the phonetic runs and markup around it in sharedStrings.xml", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const count = 2_000;
    // Japanese workbooks carry a reading (rPh) beside each string; here 4,000 katakana each, some 16 MB of text in all.
    const strings = Array.from({ length: count }, (_, i) => `Objective number ${i}</t><rPh sb="0" eb="1"><t>${"カ".repeat(4_000)}</t></rPh><t>`);
    const rows = Array.from({ length: count }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join("");
    const file = await buildPackage({ sheets: [{ name: "Goals", rows }], sharedStrings: strings });
    gc();
    const before = process.memoryUsage().heapUsed;
    const book = await openXlsx(file);
    const [sheet] = await book.readSheets();
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(sheet.values[count - 1][0]).toBe(`Objective number ${count - 1}`);
    expect(held).toBeLessThan(4 * 1024 * 1024);
  });
});

describe("text with escapes and control characters", () => {
  it.each([
    ["a control character", "a\u0001b", "a_x0001_b"],
    ["U+FFFF (not allowed in XML)", "x\uffffy", "x_xFFFF_y"],
    ["a literal escape typed by the user", "_x0041_", "_x005F_x0041_"],
    ["markup characters", `R&D <"core">`, "R&amp;D &lt;&quot;core&quot;&gt;"],
    ["a lone surrogate", "a\ud800b", "a_xD800_b"],
  ])("escapes %s the way Excel does, and reads it back", (_name, text, escaped) => {
    expect(escapeXmlText(text)).toBe(escaped);
    expect(decodeXmlText(escaped.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'))).toBe(text);
  });

  it("escapes any mix of plain text, markup, controls, escapes and surrogates so it reads back as typed, and leaves text needing none as it is", () => {
    const piece = fc.constantFrom("Ana López", "R&D", "<", ">", '"', "'", "_x0041_", "_x", "_", "\u0001", "\t", "\n", "\ud800", "\udc00", "😀", "\uffff", "販売");
    const unentity = (xml: string) => xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("");
        const escaped = escapeXmlText(text);
        expect(decodeXmlText(unentity(escaped))).toBe(text);
        // Valid XML text: no bare markup, nothing XML 1.0 cannot carry, no lone surrogate.
        expect(escaped).not.toMatch(/[<>"]|&(?!(amp|lt|gt|quot);)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        if (!/[&<>"\u0000-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/.test(text)) expect(escaped).toBe(text);
      }),
    );
  });

  it("keeps every code unit of text it copies out of the parser's chunks, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        expect(ownText(text)).toBe(text);
      }),
      { seed: 11, numRuns: 300 },
    );
    expect(ownText("\ud800 and a lone high surrogate")).toBe("\ud800 and a lone high surrogate");
  });

  it("round-trips _xFFFF_ and control characters from the user's cells through a copy as valid XML", async () => {
    const file = await buildPackage({
      sheets: [{ name: "Notes", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` }],
      sharedStrings: ["bell_x0007_here", "max_xFFFF_char", "typed _x005F_x0041_ literally"],
    });
    const port = await openXlsx(file);
    const [sheet] = await port.readSheets();
    expect(sheet.values[0]).toEqual(["bell\u0007here", "max\uffffchar", "typed _x0041_ literally"]);
    await port.writeSheets({ sheets: [{ key: "echo", name: "Echo", blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: [sheet.values[0].map(String)] }] }] });
    const out = path.join(dir, `echo-${++files}.xlsx`);
    await port.saveAs(out);

    const zip = await JSZip.loadAsync(await fs.readFile(out));
    await expectWellFormed(zip);
    const echoed = await (await openXlsx(out)).readSheets(["Echo"]);
    expect(echoed[0].values[0]).toEqual(sheet.values[0]);
    // The user's shared strings are copied as they were, escapes and all.
    expect(await zip.file("xl/sharedStrings.xml")!.async("string")).toContain("max_xFFFF_char");
  });

  it("cuts text longer than Excel's 32,767 characters with a visible marker", async () => {
    const long = "x".repeat(40_000);
    expect(cutCellText(long)).toHaveLength(MAX_CELL_TEXT);
    expect(cutCellText(long)).toMatch(/… \[cut: 7,2\d\d more characters\]$/);
    expect(cutCellText("short")).toBe("short");

    const file = await buildPackage({ sheets: [{ name: "Goals", rows: GOALS.rows }], sharedStrings: GOALS.strings });
    const port = await openXlsx(file);
    await port.writeSheets({ sheets: [{ key: "r", name: "Review", blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: [[long]] }] }] });
    const out = path.join(dir, `long-${++files}.xlsx`);
    await port.saveAs(out);
    const [review] = await (await openXlsx(out)).readSheets(["Review"]);
    const text = String(review.values[0][0]);
    expect(text).toHaveLength(MAX_CELL_TEXT);
    const omitted = Number(/\[cut: ([\d,]+) more characters\]$/.exec(text)?.[1].replace(/,/g, ""));
    expect(text.indexOf("…") + omitted).toBe(long.length);
  });
});

describe("copies keep the user's workbook", () => {
  it("keeps an earlier rollup's charts byte for byte and numbers the new chart after them", async () => {
    const base = await buildPackage({ sheets: [{ name: "Goals", rows: GOALS.rows }], sharedStrings: GOALS.strings });
    const first = await copyWith(base);
    const second = await copyWith(first.out);
    expect(second.result.names.rollup).toBe("Rollup 2026-Q3 (2)");
    await expectUserPartsKept(second.before, second.after);
    expect(second.after.file("xl/charts/chart1.xml")).not.toBeNull();
    expect(second.after.file("xl/charts/chart2.xml")).not.toBeNull();
    expect(await second.after.file("xl/tables/table2.xml")!.async("string")).toContain('name="Targets_2"');
    await expectWellFormed(second.after);
  });

  it("keeps pivot tables, comments and defined names as they were", async () => {
    const pivot = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="1" dataCaption="Values"><location ref="E1:F3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>`;
    const cache = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" refreshOnLoad="1"><cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="Goals"/></cacheSource><cacheFields count="0"/></pivotCacheDefinition>`;
    const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>Ana</author></authors><commentList><comment ref="B2" authorId="0"><text><t>Check _x0001_ this</t></text></comment></commentList></comments>`;
    const definedNames = `<definedNames><definedName name="Targets">Goals!$A$1:$A$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Goals!$A$1:$C$2</definedName></definedNames>`;
    const file = await buildPackage({
      sheets: [
        {
          name: "Goals",
          rows: GOALS.rows,
          rels: `<Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/><Relationship Id="rId2" Type="${REL}/comments" Target="../comments1.xml"/>`,
        },
      ],
      sharedStrings: GOALS.strings,
      workbookExtra: `${definedNames}<pivotCaches><pivotCache cacheId="1" r:id="rId90"/></pivotCaches>`,
      workbookRels: `<Relationship Id="rId90" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>`,
      parts: {
        "xl/pivotTables/pivotTable1.xml": pivot,
        "xl/pivotCache/pivotCacheDefinition1.xml": cache,
        "xl/comments1.xml": comments,
      },
    });
    const { before, after, result } = await copyWith(file);
    await expectUserPartsKept(before, after);
    const workbook = await after.file("xl/workbook.xml")!.async("string");
    expect(workbook).toContain(definedNames);
    expect(workbook).toContain(`<pivotCaches><pivotCache cacheId="1" r:id="rId90"/></pivotCaches>`);
    // Workbook parts stay in CT_Workbook's order: sheets, then defined names, pivot caches and calculation.
    expect(workbook.indexOf("</sheets>")).toBeLessThan(workbook.indexOf("<definedNames>"));
    expect(result.names.rollup).toBe("Rollup 2026-Q3");
    // A defined name is taken, so the planned table "Targets" gets another name.
    const tables = Object.keys(after.files).filter((n) => n.startsWith("xl/tables/"));
    expect(await Promise.all(tables.map((n) => after.file(n)!.async("string")))).toEqual([expect.stringContaining('name="Targets_2"')]);
    await expectWellFormed(after);
  });

  it("appends new formats to the style part, keeping the user's own at their indexes", async () => {
    const file = await buildPackage({ sheets: [{ name: "Goals", rows: GOALS.rows }], sharedStrings: GOALS.strings });
    const { before, after } = await copyWith(file);
    const old = await before.file("xl/styles.xml")!.async("string");
    const styles = await after.file("xl/styles.xml")!.async("string");
    for (const section of ["fonts", "cellXfs"]) {
      const inner = (xml: string) => new RegExp(`<${section} count="\\d+">(.*?)</${section}>`).exec(xml)?.[1] ?? "";
      expect(inner(styles).startsWith(inner(old))).toBe(true);
      expect(inner(styles).length).toBeGreaterThan(inner(old).length);
    }
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>');
    const [goals] = await (await openXlsx(path.join(dir, `copy-${files}.xlsx`))).readSheets(["Goals"]);
    expect(goals.numberFormats?.[1][2]).toBe("0.0%");
  });

  it("never changes the input file", async () => {
    const file = await buildPackage({ sheets: [{ name: "Goals", rows: GOALS.rows }], sharedStrings: GOALS.strings });
    const bytes = await fs.readFile(file);
    await copyWith(file);
    expect((await fs.readFile(file)).equals(bytes)).toBe(true);
  });
});

describe("damaged packages and other formats", () => {
  async function failure(file: string): Promise<WorkbookError> {
    const error = await openXlsx(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    return error as WorkbookError;
  }

  it("names a sheet listed in the workbook whose part is missing", async () => {
    const file = await buildPackage({ sheets: [{ name: "Goals", rows: GOALS.rows }, { name: "KPIs", rows: "" }], sharedStrings: GOALS.strings, omit: ["xl/worksheets/sheet2.xml"] });
    const error = await failure(file);
    expect(error.code).toBe("MissingPart");
    expect(error.message).toBe(`cannot read "${file}": sheet "KPIs" is listed in the workbook but its part xl/worksheets/sheet2.xml is missing; the file is damaged`);
  });

  it("names a package without its workbook part", async () => {
    const file = await buildPackage({ sheets: [{ name: "Goals", rows: GOALS.rows }], omit: ["xl/workbook.xml"] });
    const error = await failure(file);
    expect(error.code).toBe("MissingWorkbook");
    expect(error.message).toBe(`cannot read "${file}": the package has no workbook part (xl/workbook.xml); the file is damaged`);
  });

  it("names a sheet part that is not valid XML when it is read", async () => {
    const file = await buildPackage({ sheets: [{ name: "Goals", rows: `<row r="1"><c r="A1"><v>1</v></row>` }] });
    const error = await (await openXlsx(file)).readSheets().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "Corrupt" });
    expect((error as Error).message).toMatch(/^cannot read ".*": xl\/worksheets\/sheet1\.xml is not valid XML \(.*\); the file is damaged$/);
  });

  it.each<[string, () => Promise<Buffer>, string, string]>([
    [
      "an OpenDocument spreadsheet (.ods)",
      async () => {
        const zip = new JSZip();
        zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
        zip.file("content.xml", "<office:document-content/>");
        return zip.generateAsync({ type: "nodebuffer" });
      },
      "Ods",
      "it is an OpenDocument spreadsheet (.ods); save it as .xlsx and try again",
    ],
    [
      "an Excel 97–2003 workbook (.xls)",
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from("Workbook", "utf16le"), Buffer.alloc(100)]),
      "Xls",
      "it is an old Excel 97–2003 workbook (.xls); save it as .xlsx and try again",
    ],
    [
      "a password-protected workbook",
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from("EncryptedPackage", "utf16le")]),
      "Encrypted",
      "it is password-protected; save an unprotected .xlsx copy and try again",
    ],
  ])("recognises %s and says so in one line", async (_name, make, code, reason) => {
    const file = path.join(dir, `other-${++files}.xlsx`);
    await fs.writeFile(file, await make());
    const error = await failure(file);
    expect(error.code).toBe(code);
    expect(error.message).toBe(`cannot read "${file}": ${reason}`);
  });
});
