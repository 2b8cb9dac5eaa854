/**
 * The zip layer of copies: stored entries are found from the central directory
 * and written back byte for byte, new parts are deflated natively, and the
 * archives written open in JSZip (and so in Excel) with every part's content as
 * it was, including names in other scripts, data descriptors, stored (not
 * deflated) parts and more entries than the classic format counts (ZIP64).
 * Record layouts: PKWARE APPNOTE.TXT 4.3 (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT).
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import fc from "fast-check";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { openXlsx } from "../../src/workbook/xlsx";
import { crc32Table, packContent, readerOfBuffer, readStoredEntries, Spool, writeArchive, type ArchiveEntry } from "../../src/workbook/xlsx-zip";

let dir: string;
let n = 0;
const next = () => path.join(dir, `out-${n++}.zip`);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-zip-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function contents(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files)) out[name] = file.dir ? "<dir>" : await file.async("string");
  return out;
}

const PARTS: Record<string, string> = {
  "[Content_Types].xml": "<Types/>",
  "xl/worksheets/sheet1.xml": "<worksheet>" + "<row/>".repeat(5000) + "</worksheet>",
  "xl/Équipe 販売.xml": "<x>Équipe 販売</x>",
  "1": "a part whose name looks like a number",
  "xl/media/empty.bin": "",
};

describe("CRC-32", () => {
  it.each([
    ["the check value of the polynomial", "123456789", 0xcbf43926],
    ["no bytes", "", 0],
  ])("%s", (_name, text, expected) => {
    expect(crc32Table(Buffer.from(text))).toBe(expected);
  });

  it("agrees with Node's zlib on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        expect(crc32Table(buffer)).toBe(zlib.crc32(buffer));
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe("packing a part", () => {
  it("keeps only the deflated bytes, not zlib's whole output chunk, while the part waits to be written", () => {
    const packed = packContent("<worksheet>" + "<row/>".repeat(200) + "</worksheet>");
    expect(packed.size).toBe(1223);
    expect(packed.data.length).toBeLessThan(100);
    expect(packed.data.buffer.byteLength).toBeLessThan(16_384);
    expect(zlib.inflateRawSync(packed.data).toString()).toBe("<worksheet>" + "<row/>".repeat(200) + "</worksheet>");
    expect(packed.crc).toBe(zlib.crc32(Buffer.from("<worksheet>" + "<row/>".repeat(200) + "</worksheet>")));
  });
});

describe("a spool of new parts", () => {
  it("keeps parts in memory up to its budget, parks the rest in a file that is already unlinked, and writes them all", async () => {
    const spoolDir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-spool-"));
    const spool = new Spool(30, spoolDir);
    const texts = Object.entries(PARTS);
    const kept = texts.map(([name, text]) => ({ name, content: spool.keep(packContent(text)) }));
    expect(kept.map((e) => "spool" in e.content)).toEqual([true, false, true, true, false]);
    // The parked bytes live only as long as the process holds the file open.
    expect(await fs.readdir(spoolDir)).toEqual([]);
    const file = next();
    await writeArchive(file, kept);
    expect(await contents(await fs.readFile(file))).toEqual(PARTS);
    await fs.rm(spoolDir, { recursive: true, force: true });
  });
});

describe("copying an archive", () => {
  it.each<[string, JSZip.JSZipGeneratorOptions<"nodebuffer">]>([
    ["deflated with sizes in the headers", { type: "nodebuffer", compression: "DEFLATE" }],
    ["deflated with data descriptors (streamed)", { type: "nodebuffer", compression: "DEFLATE", streamFiles: true }],
    ["stored without compression", { type: "nodebuffer", compression: "STORE" }],
  ])("keeps every entry of an archive %s byte for byte and adds new ones", async (_name, options) => {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(PARTS)) zip.file(name, text);
    zip.folder("xl/empty-folder");
    const input = await zip.generateAsync({ ...options, comment: "an archive comment" });
    const stored = readStoredEntries(input);
    expect(stored).not.toBeNull();
    if (!stored) return;
    expect(stored.map((e) => e.name).sort()).toEqual(Object.keys((await JSZip.loadAsync(input)).files).sort());
    const file = next();
    const replaced = stored.map<ArchiveEntry>((e) => (e.name === "[Content_Types].xml" ? { name: e.name, content: packContent("<Types><New/></Types>") } : e));
    await writeArchive(file, [...replaced, { name: "xl/worksheets/sheet2.xml", content: packContent("<worksheet>Ana López</worksheet>") }], { from: readerOfBuffer(input) });
    const output = await fs.readFile(file);
    expect(await contents(output)).toEqual({
      ...(await contents(input)),
      "[Content_Types].xml": "<Types><New/></Types>",
      "xl/worksheets/sheet2.xml": "<worksheet>Ana López</worksheet>",
    });
    // Each kept entry's record (header, name, data) is in the output as it was in the input.
    for (const entry of stored) {
      if (entry.name !== "[Content_Types].xml") expect(output.includes(input.subarray(entry.at, entry.at + entry.length))).toBe(true);
    }
    // The copy reads back the same way, so copies of copies keep their bytes too.
    expect(readStoredEntries(output)?.map((e) => e.name)).toEqual([...stored.map((e) => e.name), "xl/worksheets/sheet2.xml"]);
  });

  it.each<[string, (zip: Buffer) => Buffer]>([
    ["bytes before the first entry", (zip) => Buffer.concat([Buffer.from("prefix"), zip])],
    ["no end record", (zip) => zip.subarray(0, zip.length - 22)],
    ["a directory that points past the end", (zip) => {
      const copy = Buffer.from(zip);
      copy.writeUInt32LE(zip.length * 2, zip.length - 6);
      return copy;
    }],
  ])("gives up on an archive with %s, so its parts are read instead", async (_name, damage) => {
    const zip = new JSZip();
    zip.file("a.xml", "<a/>");
    expect(readStoredEntries(damage(await zip.generateAsync({ type: "nodebuffer" })))).toBeNull();
  });

  it("writes ZIP64 end records when there are more entries than 65,535, and JSZip reads them all", async () => {
    const empty = packContent("");
    const entries: ArchiveEntry[] = Array.from({ length: 70_000 }, (_, i) => ({ name: `p/${i}`, content: empty }));
    const file = next();
    await writeArchive(file, entries);
    const output = await fs.readFile(file);
    const stored = readStoredEntries(output);
    expect(stored).toHaveLength(70_000);
    expect(stored?.[69_999].name).toBe("p/69999");
    const zip = await JSZip.loadAsync(output);
    expect(Object.keys(zip.files)).toHaveLength(70_000);
    // 70,000 entries take a few seconds on a loaded 2-core machine: more than jest's default 5 s allows.
  }, 60_000);

  it("copies a workbook whose zip it cannot follow by reading each part, contents unchanged", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("OKRs").addRow(["Objective", "Key result", "Ana López"]);
    const input = path.join(dir, "trailing.xlsx");
    const zip = Buffer.from(await book.xlsx.writeBuffer());
    // JSZip reads a zip with bytes after its end record; the end record's comment length no longer says where it ends.
    await fs.writeFile(input, Buffer.concat([zip, Buffer.from("trailing bytes")]));
    expect(readStoredEntries(await fs.readFile(input))).toBeNull();
    const workbook = await openXlsx(input);
    expect((await workbook.readSheets())[0].values[0]).toEqual(["Objective", "Key result", "Ana López"]);
    const out = path.join(dir, "trailing-copy.xlsx");
    await workbook.saveAs(out);
    expect(await contents(await fs.readFile(out))).toEqual(await contents(zip));
  });

  it("refuses to write over an existing file", async () => {
    const file = next();
    await fs.writeFile(file, "mine");
    await expect(writeArchive(file, [])).rejects.toMatchObject({ code: "EEXIST" });
    expect(await fs.readFile(file, "utf8")).toBe("mine");
  });
});
