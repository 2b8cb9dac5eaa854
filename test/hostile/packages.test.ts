/**
 * Files that are not (whole) .xlsx workbooks: the adapter refuses each with its own
 * WorkbookError, and the CLI turns every one into one line on stderr and exit 2,
 * naming the file, never "no recognisable header row" and never exit 0 or 3.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { altitude, ensureBuilt, SAMPLE } from "../cli/support";

jest.setTimeout(120_000);

let dir: string;
let sampleZip: Buffer;

beforeAll(async () => {
  ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-pkg-"));
  sampleZip = await fs.readFile(SAMPLE);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The sample's package with `change` applied to it. */
async function sampleWith(change: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(sampleZip);
  await change(zip);
  return zip.generateAsync({ type: "nodebuffer" });
}

/** An OpenDocument spreadsheet as LibreOffice writes it: a zip whose first entry names its type. */
async function odsFile(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file(
    "META-INF/manifest.xml",
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  zip.file(
    "content.xml",
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="OKRs"><table:table-row><table:table-cell><text:p>Key result</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>',
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

const CASES: Array<[string, () => Promise<Buffer>, RegExp]> = [
  ["an .ods spreadsheet", odsFile, /OpenDocument|\.ods/i],
  ["a package without xl/workbook.xml", () => sampleWith((zip) => void zip.remove("xl/workbook.xml")), /workbook/i],
  ["a sheet listed in the workbook whose part is missing", () => sampleWith((zip) => void zip.remove("xl/worksheets/sheet1.xml")), /sheet1\.xml|OKRs|missing/i],
  ["a zip that is no workbook at all", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    return zip.generateAsync({ type: "nodebuffer" });
  }, /not an \.xlsx|damaged|workbook/i],
  ["a legacy .xls (OLE compound file)", async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), /\.xls|password/i],
  ["a zip cut short", async () => sampleZip.subarray(0, Math.floor(sampleZip.length / 2)), /damaged|not an \.xlsx/i],
];

describe.each(CASES)("%s", (name, build, reason) => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
    await fs.writeFile(file, await build());
  });

  it.each([["score"], ["check"], ["rollup"], ["review"]])("%s: one line naming the file, exit 2", (command) => {
    const run = altitude([command, file, "--as-of", "2026-08-15", ...(command === "rollup" || command === "review" ? ["-o", `${file}-${command}-out.xlsx`] : [])]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^altitude: cannot read "${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}": `));
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(/recognisable header row/);
  });
});
