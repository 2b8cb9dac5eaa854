/**
 * The input read from its file as parts are needed: opening a workbook holds its
 * directory, not its bytes; a copy takes the kept parts from the file in pieces,
 * byte for byte, the same as from the whole file in memory; and an input that
 * changed on disk after it was opened is refused, with nothing written.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { OutputPlan } from "../../src/core/plan";
import { WorkbookError } from "../../src/workbook/port";
import { openXlsx, XlsxWorkbook } from "../../src/workbook/xlsx";
import { INPUT_CHANGED, partsOfBytes } from "../../src/workbook/xlsx-archive";
import { XlsxPackage } from "../../src/workbook/xlsx-package";
import { readStoredEntries } from "../../src/workbook/xlsx-zip";

/** An image part that does not compress, stored as it is: its bytes are the file's bulk. */
const IMAGE = "xl/media/image1.bin";
const IMAGE_BYTES = 24 * 1024 * 1024;

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-archive-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Bytes that look random (xorshift32), the same on every run. */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 2463534242;
  for (let i = 0; i < length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i);
  }
  return out;
}

let made = 0;
const SAVED_AT = new Date(Date.UTC(2026, 7, 1, 9, 30, 0));

/** A goal workbook with a large stored image beside its sheets. */
async function workbookWithImage(imageBytes = IMAGE_BYTES): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("OKRs");
  ws.addRow(["Objective", "Key result", "Owner", "Start", "Target", "Current"]);
  for (let i = 1; i <= 50; i++) ws.addRow([`Objective ${i % 5}`, `Raise NPS ${i}`, "Ana López", 30, 45, 30 + (i % 15)]);
  const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
  zip.file(IMAGE, noise(imageBytes), { compression: "STORE" });
  const file = path.join(dir, `input-${++made}.xlsx`);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  // A whole second, which `utimes` can give back exactly.
  await fs.utimes(file, SAVED_AT, SAVED_AT);
  return file;
}

const plan: OutputPlan = {
  sheets: [{ key: "summary", name: "Summary", blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: [["Grade", "Count"], ["Green", 3]] }] }],
};

/** Every part of a package by name, as bytes. */
async function partsOf(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async("nodebuffer"));
  return out;
}

const gc = (): void => {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
};

describe("reading the input from its file", () => {
  it("holds neither the file's bytes nor a copy of them while the workbook is open and its sheets are read", async () => {
    const file = await workbookWithImage();
    gc();
    const before = process.memoryUsage().arrayBuffers;
    const book = await openXlsx(file);
    expect((await book.readSheets())[0].values[1][1]).toBe("Raise NPS 1");
    gc();
    const held = process.memoryUsage().arrayBuffers - before;
    // The whole file held would be at least the 24 MB image.
    expect(held).toBeLessThan(4 * 1024 * 1024);
    await book.saveAs(path.join(dir, "held.xlsx"));
    expect((await partsOf(path.join(dir, "held.xlsx"))).get(IMAGE)?.equals(noise(IMAGE_BYTES))).toBe(true);
  });

  it("copies the kept parts from the file in pieces exactly as from the whole file in memory", async () => {
    const file = await workbookWithImage(30_000);
    const input = await fs.readFile(file);
    const outputs: string[] = [];
    const books: Array<[string, () => Promise<XlsxWorkbook>]> = [
      ["pieces of 7 bytes", () => openXlsx(file, { chunkBytes: 7 })],
      ["pieces of a megabyte", () => openXlsx(file)],
      ["the whole file in memory", async () => {
        const parts = await partsOfBytes(input);
        if ("problem" in parts) throw new Error(parts.problem.reason);
        return new XlsxWorkbook(await XlsxPackage.load(parts));
      }],
    ];
    for (const [name, open] of books) {
      const book = await open();
      await book.writeSheets(plan);
      const out = path.join(dir, `${name}.xlsx`);
      await book.saveAs(out);
      outputs.push(out);
    }
    const [pieces, whole, memory] = await Promise.all(outputs.map((out) => fs.readFile(out)));
    // Each kept entry's stored record (header, name, compressed data) is in every copy as it was in the input.
    const kept = readStoredEntries(input)?.filter((e) => !["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"].includes(e.name)) ?? [];
    expect(kept.map((e) => e.name)).toContain(IMAGE);
    for (const entry of kept) {
      const record = input.subarray(entry.at, entry.at + entry.length);
      expect({ name: entry.name, pieces: pieces.includes(record), whole: whole.includes(record), memory: memory.includes(record) }).toEqual({
        name: entry.name,
        pieces: true,
        whole: true,
        memory: true,
      });
    }
    expect([pieces.length, whole.length]).toEqual([memory.length, memory.length]);
    const [a, b, c] = await Promise.all(outputs.map(partsOf));
    expect([...a.keys()]).toEqual([...c.keys()]);
    for (const [name, bytes] of c) expect({ name, pieces: a.get(name)?.equals(bytes), whole: b.get(name)?.equals(bytes) }).toEqual({ name, pieces: true, whole: true });
  });
});

describe("an input that changed on disk after it was opened", () => {
  /** Gives the file its old modification time back, as a coarse clock or a careful tool would. */
  async function sameTime(file: string, change: () => Promise<void>): Promise<void> {
    const { atime, mtime } = await fs.stat(file);
    await change();
    await fs.utimes(file, atime, mtime);
  }

  it.each<[string, (file: string) => Promise<void>]>([
    ["saved again in place by another program", async (file) => fs.writeFile(file, await fs.readFile(await workbookWithImage(1000)))],
    [
      "replaced by another file renamed over it",
      async (file) => {
        await fs.rename(await workbookWithImage(2000), file);
      },
    ],
    ["touched (its modification time changed, nothing else)", async (file) => fs.utimes(file, new Date(), new Date(Date.now() + 5000))],
    [
      "with a changed directory but the same size and modification time",
      (file) =>
        sameTime(file, async () => {
          const bytes = await fs.readFile(file);
          // The last entry's CRC-32 in the central directory.
          const at = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16;
          const handle = await fs.open(file, "r+");
          await handle.write(Buffer.from([bytes[at] ^ 0xff]), 0, 1, at);
          await handle.close();
        }),
    ],
    ["deleted", (file) => fs.rm(file)],
  ])("is refused when it was %s before the copy, and nothing is written", async (_name, change) => {
    const file = await workbookWithImage(100_000);
    const book = await openXlsx(file);
    await book.readSheets();
    await book.writeSheets(plan);
    await change(file);
    const out = path.join(dir, `changed-${made}.xlsx`);
    const error = await book.saveAs(out).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({
      code: INPUT_CHANGED,
      message: `cannot copy "${file}" to "${out}": it changed on disk after it was opened; nothing was written; run the command again`,
    });
    const left = await fs.readdir(dir);
    expect(left.filter((name) => name.includes(`changed-${made}`))).toEqual([]);
  });

  it("is refused when its sheets are read after it changed, naming the file", async () => {
    const file = await workbookWithImage(1000);
    const book = await openXlsx(file);
    await fs.writeFile(file, await fs.readFile(await workbookWithImage(5000)));
    await expect(book.readSheets()).rejects.toMatchObject({
      code: INPUT_CHANGED,
      message: `cannot read "${file}": it changed on disk after it was opened; run the command again`,
    });
  });

  it("is copied as it was opened when only its access time changed (it was read by another program)", async () => {
    const file = await workbookWithImage(1000);
    const book = await openXlsx(file);
    await fs.utimes(file, new Date(Date.UTC(2026, 7, 15)), SAVED_AT);
    await book.writeSheets(plan);
    const out = path.join(dir, "read-by-another.xlsx");
    await book.saveAs(out);
    expect((await partsOf(out)).get(IMAGE)?.equals(noise(1000))).toBe(true);
  });
});
