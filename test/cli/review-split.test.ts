/**
 * `review --split DIR`: one new workbook per team holding only that team's index
 * and person sheets (nothing of other teams or of the input), whose links to
 * source cells open the input at that cell, named safely and uniquely, never
 * replacing a file without --force; and the single-workbook mode warning about
 * its sheet count before it writes.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { safeFilePart, uniqueNames } from "../../src/cli/file-names";
import { EXIT, main } from "../../src/cli/main";
import { WorkbookError } from "../../src/workbook/port";
import { NewXlsxWorkbook } from "../../src/workbook/xlsx-new";
import { packageProblems, relationshipsOf, resolvePart } from "../support/package-checks";
import { altitude, ensureBuilt, readWorkbook, SAMPLE, sha256, textOf, writeWorkbook, type Row, type Run } from "./support";

jest.setTimeout(120_000);

const AS_OF = ["--as-of", "2026-08-15"];
let dir: string;

beforeAll(() => ensureBuilt());

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-split-"));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Link {
  ref: string;
  location: string;
  /** The external file the link opens; `null` for a link inside the workbook. */
  target: string | null;
}

const unescapeXml = (text: string) => text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Every hyperlink of every sheet, as stored: `<hyperlink ref location [r:id]>` and the sheet's relationships. */
async function linksOf(file: string): Promise<Map<string, Link[]>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await relationshipsOf(zip, "xl/_rels/workbook.xml.rels");
  const out = new Map<string, Link[]>();
  for (const tag of workbook.match(/<(?:\w+:)?sheet [^>]*>/g) ?? []) {
    const name = unescapeXml(/name="([^"]*)"/.exec(tag)![1]);
    const part = resolvePart("xl/workbook.xml", rels.find((r) => r.id === /r:id="([^"]+)"/.exec(tag)![1])!.target);
    const xml = await zip.file(part)!.async("string");
    const sheetRels = await relationshipsOf(zip, part.replace(/([^/]+)$/, "_rels/$1.rels"));
    out.set(
      name,
      Array.from(xml.matchAll(/<hyperlink ([^>]*)\/>/g), (m) => {
        const attr = (a: string) => new RegExp(`(?:^| )${a}="([^"]*)"`).exec(m[1])?.[1];
        const rel = sheetRels.find((r) => r.id === attr("r:id"));
        if (rel) expect([rel.external, rel.type]).toEqual([true, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"]);
        return { ref: attr("ref")!, location: unescapeXml(attr("location") ?? ""), target: rel ? rel.target : null };
      }),
    );
  }
  return out;
}

/** `'O''Brien'!E5` → sheet `O'Brien`, cell `E5`. */
function parseLocation(location: string): { sheet: string; cell: string } {
  const bang = location.lastIndexOf("!");
  const sheet = location.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return { sheet, cell: location.slice(bang + 1) };
}

/** The people a team's workbook reviews: the title (A1) of each person sheet. */
function personNames(book: ExcelJS.Workbook): string[] {
  return book.worksheets.slice(1).map((ws) => textOf(ws.getCell("A1").value));
}

/**
 * What a team's workbook must not hold: the names of people outside the team
 * (unless one manages someone in it, and so is shown as their manager), the goals
 * and KPIs only people outside the team own, and the text of the input's other sheets.
 */
function forbiddenFor(source: ExcelJS.Workbook, people: string[]): string[] {
  const column = (sheet: string, header: string) => {
    const ws = source.getWorksheet(sheet)!;
    let headerRow = 1;
    let col = 0;
    for (let r = 1; r <= 3 && col === 0; r++) ws.getRow(r).eachCell((c, n) => { if (textOf(c.value) === header) { col = n; headerRow = r; } });
    const values: string[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) values.push(textOf(ws.getCell(r, col).value));
    return values;
  };
  const inTeam = new Set(people);
  const owned = (sheet: string, text: string, owner: string) => {
    const texts = column(sheet, text);
    const owners = column(sheet, owner);
    const mine = new Set(texts.filter((_, i) => inTeam.has(owners[i])));
    return texts.filter((t, i) => t !== "" && !inTeam.has(owners[i]) && !mine.has(t));
  };
  const managers = new Set(column("KRAs", "Manager").filter((_, i) => inTeam.has(column("KRAs", "Employee")[i])));
  const everyone = [...column("KRAs", "Employee"), ...column("OKRs", "Owner"), ...column("KPIs", "Owner")].filter((p) => p !== "");
  const notes: string[] = [];
  source.getWorksheet("Notes")!.eachRow((row) => row.eachCell((c) => notes.push(textOf(c.value))));
  return [
    ...new Set([
      ...everyone.filter((p) => !inTeam.has(p) && !managers.has(p)),
      ...owned("OKRs", "Key Result", "Owner"),
      ...owned("KPIs", "KPI", "Owner"),
      ...owned("KRAs", "Measure", "Employee"),
      ...notes,
    ]),
  ];
}

/** What Excel shows of a sheet: each cell's text, formula and format, column widths, views, tables, conditional formats. */
function describeSheet(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { text: cell.text, formula: cell.formula, numFmt: cell.numFmt, font: cell.font, fill: cell.fill, border: cell.border, alignment: cell.alignment };
    }),
  );
  const sheet = ws as unknown as { tables: Record<string, { table: { tableRef?: string; ref?: string; style?: unknown } }>; conditionalFormattings: unknown };
  return {
    cells,
    widths: ws.columns?.map((c) => c.width) ?? [],
    views: ws.views,
    tabColor: ws.properties.tabColor,
    tables: Object.entries(sheet.tables).map(([name, t]) => [name, t.table.tableRef ?? t.table.ref, t.table.style]),
    conditional: sheet.conditionalFormattings,
  };
}

/** The index row of a person: each cell's text and number format, from the table's first column. */
function rowOf(index: ExcelJS.Worksheet, person: string): unknown[] {
  for (let r = 1; r <= index.rowCount; r++) {
    if (textOf(index.getCell(r, 1).value) !== person) continue;
    const cells: unknown[] = [];
    index.getRow(r).eachCell({ includeEmpty: true }, (cell) => cells.push([cell.text, cell.numFmt, cell.font]));
    return cells;
  }
  return [];
}

describe("safe and unique file names", () => {
  it.each([
    ["a slash", "Sales / EMEA", "Sales-EMEA"],
    ["a path that climbs", "../../etc/passwd", "etc-passwd"],
    ["a leading dot", ".hidden", "hidden"],
    ["a Windows device name", "CON", "CON-team"],
    ["a device name in lower case", "lpt1", "lpt1-team"],
    ["only punctuation", "***", "team"],
    ["accents and other scripts", "Équipe 販売", "Équipe-販売"],
    ["characters Windows refuses", 'a<b>c:d"e|f?g*h', "a-b-c-d-e-f-g-h"],
    ["a control character", "Sales\u001b[2J", "Sales-2J"],
  ])("%s", (_name, text, expected) => {
    expect(safeFilePart(text)).toBe(expected);
  });

  it("cuts a very long name", () => {
    expect(Array.from(safeFilePart("é".repeat(500)))).toHaveLength(60);
  });

  it("makes names unique without regard to case", () => {
    expect(uniqueNames(["Sales", "sales", "SALES", "People"])).toEqual(["Sales", "sales-2", "SALES-3", "People"]);
  });
});

describe("review --split on the sample", () => {
  /** The input, copied beside the split folder, and what -o writes for everyone from it. */
  let input: string;
  let out: string;
  let run: Run;
  let files: string[];
  let one: ExcelJS.Workbook;
  let oneLinks: Map<string, Link[]>;
  let source: ExcelJS.Workbook;
  let shared: string;

  beforeAll(async () => {
    shared = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-split-sample-"));
    input = path.join(shared, "goals 2026.xlsx");
    await fs.copyFile(SAMPLE, input);
    out = path.join(shared, "reviews");
    const before = sha256(input);
    run = altitude(["review", input, ...AS_OF, "--period", "2026", "--split", out]);
    expect(sha256(input)).toBe(before);
    files = (await fs.readdir(out)).sort().map((f) => path.join(out, f));
    const oneFile = path.join(shared, "one.xlsx");
    expect(altitude(["review", input, ...AS_OF, "--period", "2026", "-o", oneFile]).code).toBe(0);
    one = await readWorkbook(oneFile);
    oneLinks = await linksOf(oneFile);
    source = await readWorkbook(input);
  });

  afterAll(async () => {
    await fs.rm(shared, { recursive: true, force: true });
  });

  it("writes one workbook per team holding only that team's index and person sheets, and says so", async () => {
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(
      `Wrote 4 review workbooks for 2026 (6 people) to "${out}", one per team, each holding only that team's reviews (an index sheet and a sheet per person) with links to the source cells in "${input}":`,
    );
    expect(files.map((f) => path.basename(f))).toEqual([
      "goals-2026-review-2026-Company.xlsx",
      "goals-2026-review-2026-Engineering.xlsx",
      "goals-2026-review-2026-People.xlsx",
      "goals-2026-review-2026-Sales.xlsx",
    ]);
    const sales = await readWorkbook(files[3]);
    expect(sales.worksheets.map((ws) => ws.name)).toEqual(["Reviews 2026", "Ben Okafor 2026", "Sam Rivera 2026"]);
  });

  it("carries no other team's people or goals, and nothing of the input's sheets", async () => {
    const teams = await Promise.all(files.map(async (file) => ({ file, people: personNames(await readWorkbook(file)) })));
    expect(teams.flatMap((t) => t.people).sort()).toEqual(["Ana López", "Ben Okafor", "Chloé Martin", "Dev Patel", "Mia Schmidt", "Sam Rivera"]);
    const inputParts = await JSZip.loadAsync(await fs.readFile(input));
    const inputBytes = await Promise.all(Object.values(inputParts.files).filter((f) => !f.dir).map((f) => f.async("nodebuffer")));
    for (const team of teams) {
      const forbidden = forbiddenFor(source, team.people);
      expect(forbidden.length).toBeGreaterThan(3);
      const zip = await JSZip.loadAsync(await fs.readFile(team.file));
      let text = "";
      for (const entry of Object.values(zip.files)) {
        if (entry.dir) continue;
        const bytes = await entry.async("nodebuffer");
        // Nothing is copied from the input: no part of it appears, byte for byte.
        expect([team.file, entry.name, inputBytes.some((b) => b.length > 400 && b.equals(bytes))]).toEqual([team.file, entry.name, false]);
        text += unescapeXml(bytes.toString("utf8"));
      }
      expect([team.file, Object.keys(zip.files).filter((n) => /sharedStrings|externalLink|theme/.test(n))]).toEqual([team.file, []]);
      expect([team.file, forbidden.filter((f) => text.includes(f))]).toEqual([team.file, []]);
    }
  });

  it("links each source cell into the input file at that cell, and keeps the index and person links inside", async () => {
    let external = 0;
    for (const file of files) {
      const book = await readWorkbook(file);
      const links = await linksOf(file);
      for (const ws of book.worksheets) {
        for (const link of links.get(ws.name) ?? []) {
          const { sheet, cell } = parseLocation(link.location);
          if (link.target === null) {
            // Inside: the index and each person sheet link to each other.
            expect([ws.name, link.ref, book.getWorksheet(sheet) !== undefined]).toEqual([ws.name, link.ref, true]);
            continue;
          }
          external++;
          expect([ws.name, link.ref, link.target]).toEqual([ws.name, link.ref, "../goals%202026.xlsx"]);
          expect([sheet, source.getWorksheet(sheet) !== undefined]).toEqual([sheet, true]);
          // The address written in the cell stays, and names the cell the link opens.
          const shown = textOf(ws.getCell(link.ref).value).replace(/^'|'(?=!)/g, "").replace(/''/g, "'");
          expect([ws.name, link.ref, shown.startsWith(`${sheet}!${cell}`)]).toEqual([ws.name, link.ref, true]);
        }
        // Where the one-workbook review links, the team's workbook links too, to the same cells.
        const expected = (oneLinks.get(ws.name) ?? []).map((l) => [l.ref, l.location]);
        expect([ws.name, (links.get(ws.name) ?? []).map((l) => [l.ref, l.location])]).toEqual([ws.name, ws.name === "Reviews 2026" ? expect.any(Array) : expected]);
      }
    }
    expect(external).toBeGreaterThanOrEqual(20);
  });

  it("is a sound package: every part typed and well-formed, every relationship reaching its part", async () => {
    for (const file of files) {
      const zip = await JSZip.loadAsync(await fs.readFile(file));
      expect([file, await packageProblems(zip)]).toEqual([file, []]);
    }
  });

  it("shows each person's sheet as the one-workbook review does, and each person's index row", async () => {
    for (const file of files) {
      const book = await readWorkbook(file);
      for (const ws of book.worksheets.slice(1)) {
        expect([ws.name, describeSheet(ws)]).toEqual([ws.name, describeSheet(one.getWorksheet(ws.name)!)]);
      }
      const index = book.getWorksheet("Reviews 2026")!;
      const oneIndex = one.getWorksheet("Reviews 2026")!;
      const people = personNames(book);
      for (const person of people) {
        expect([person, rowOf(index, person)]).toEqual([person, rowOf(oneIndex, person)]);
      }
      expect(textOf(index.getCell("A2").value)).toMatch(new RegExp(`^${people.length} (person|people) `));
    }
  });

  it("refuses before writing anything when one of the files exists, and replaces them with --force", async () => {
    const out = path.join(dir, "reviews");
    await fs.mkdir(out);
    const taken = path.join(out, "altitude-sample-review-2026-Sales.xlsx");
    await fs.writeFile(taken, "mine");
    const run = altitude(["review", SAMPLE, ...AS_OF, "--period", "2026", "--split", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`altitude: "${taken}" already exists; add --force to replace it\n`);
    expect(await fs.readdir(out)).toEqual([path.basename(taken)]);
    const forced = altitude(["review", SAMPLE, ...AS_OF, "--period", "2026", "--split", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(await fs.readdir(out)).toHaveLength(4);
    expect(await fs.readFile(taken, "utf8")).not.toBe("mine");
  });

  it.each<[string, string[], RegExp]>([
    ["-o together with --split", ["-o", "x.xlsx", "--split", "DIR"], /^altitude: give either -o \(one workbook\) or --split DIR \(one workbook per team\), not both\n$/],
    ["--split onto a file", ["--split", "FILE"], /^altitude: --split ".*taken\.txt" is not a folder\n$/],
  ])("exits 2 on %s", async (_name, args, message) => {
    const file = path.join(dir, "taken.txt");
    await fs.writeFile(file, "x");
    const run = altitude(["review", SAMPLE, ...AS_OF, ...args.map((a) => (a === "DIR" ? path.join(dir, "d") : a === "FILE" ? file : a))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("leaves no team's workbook (and no temporary file) when a later team's cannot be written", async () => {
    const out = path.join(dir, "reviews");
    const save = NewXlsxWorkbook.prototype.saveAs;
    let calls = 0;
    const spy = jest.spyOn(NewXlsxWorkbook.prototype, "saveAs").mockImplementation(function (this: NewXlsxWorkbook, file: string) {
      if (++calls === 3) return Promise.reject(new WorkbookError(`cannot write "${file}": ENOSPC`, "ENOSPC"));
      return save.call(this, file);
    });
    const err: string[] = [];
    try {
      const code = await main(["review", SAMPLE, ...AS_OF, "--period", "2026", "--split", out], { out: () => undefined, err: (t) => void err.push(t) });
      expect(code).toBe(EXIT.unusable);
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(3);
    expect(err.join("")).toMatch(/^altitude: cannot write ".*": ENOSPC\n$/);
    expect(await fs.readdir(out)).toEqual([]);
  });

  it("writes only the team asked for with --team", async () => {
    const out = path.join(dir, "reviews");
    const run = altitude(["review", SAMPLE, ...AS_OF, "--period", "2026", "--team", "People", "--split", out]);
    expect(run.code).toBe(0);
    expect(await fs.readdir(out)).toEqual(["altitude-sample-review-2026-People.xlsx"]);
  });
});

describe("team names that are not file names", () => {
  it("are made safe and unique, and every file stays inside the folder", async () => {
    const input = path.join(dir, "teams.xlsx");
    const teams = ["Sales / EMEA", "Sales - EMEA", "../../escape", "CON", "Ops\u202Etxt.exe"];
    const rows: Row[] = [["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current"]];
    teams.forEach((team, i) => rows.push(["2026-Q3", team, `Objective ${i}`, `Raise x from 0 to 10 (${i})`, `Person ${i}`, 0, 10, 5]));
    await writeWorkbook(input, { OKRs: rows });
    const out = path.join(dir, "reviews");
    const run = altitude(["review", input, ...AS_OF, "--period", "2026", "--split", out]);
    expect(run.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(
      ["teams-review-2026-CON-team.xlsx", "teams-review-2026-escape.xlsx", "teams-review-2026-Ops-txt-exe.xlsx", "teams-review-2026-Sales-EMEA.xlsx", "teams-review-2026-Sales-EMEA-2.xlsx"].sort(),
    );
    expect(await fs.readdir(dir)).toEqual(expect.arrayContaining(["reviews", "teams.xlsx"]));
    expect(run.stdout).toContain("Ops\\u202etxt.exe");
  });
});

describe("review into one workbook for very many people", () => {
  it("explains the sheet count before writing (shown even when the write then fails)", async () => {
    const input = path.join(dir, "many.xlsx");
    const rows: Row[] = [["Employee", "Role", "Review period", "Area", "Weight (%)", "Rating"]];
    for (let p = 0; p < 60; p++) rows.push([`Person ${p}`, "Analyst", 2026, "Delivery", 100, 3]);
    await writeWorkbook(input, { KRAs: rows });
    const run = altitude(["review", input, ...AS_OF, "--period", "2026", "-o", path.join(dir, "missing-folder", "out.xlsx")]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "altitude: This will add 61 sheets to the workbook. So many sheets make it slow to open and hard to navigate; consider reviewing one team or a few people at a time. (--split DIR writes one workbook per team)",
    );
    expect(lines[1]).toMatch(/cannot write .*out\.xlsx/);
  });
});
