/**
 * Cell text printed to a terminal cannot drive it: escape sequences, other
 * controls and bidi overrides from cells are shown as visible escapes in text
 * output, while --json carries the text untouched.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import type { ScoreReport } from "../../src/cli/report";
import { findingsText, scoreText, table } from "../../src/cli/report";
import { visible } from "../../src/cli/terminal";
import { altitude, ensureBuilt, writeWorkbook } from "../cli/support";

jest.setTimeout(120_000);

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe("visible", () => {
  it.each([
    ["ESC of a clear-screen sequence", "\u001b[2J", "\\x1b[2J"],
    ["a bell", "ding\u0007", "ding\\x07"],
    ["NUL", "a\u0000b", "a\\x00b"],
    ["DEL", "a\u007f", "a\\x7f"],
    ["a C1 control (CSI)", "\u009b31m", "\\x9b31m"],
    ["a right-to-left override", "abc\u202Efdp.exe", "abc\\u202efdp.exe"],
    ["a first-strong isolate", "\u2068x\u2069", "\\u2068x\\u2069"],
    ["a line break inside a cell", "two\nlines", "two\\x0alines"],
    ["a tab", "a\tb", "a\\x09b"],
    ["accents, CJK and emoji", "Ana López 李 🚀", "Ana López 李 🚀"],
  ])("escapes %s", (_name, text, shown) => {
    expect(visible(text)).toBe(shown);
  });

  it("leaves no control character in any text, and changes nothing else", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (text) => {
        const shown = visible(text);
        expect(UNSAFE.test(shown)).toBe(false);
        if (!UNSAFE.test(text)) expect(shown).toBe(text);
      }),
    );
  });

  it("is applied to every cell of a table, so columns line up on what is shown", () => {
    expect(table(["A", "B"], [["\u001b[2J", "x"]]).split("\n")).toEqual(["A        B", "-------  -", "\\x1b[2J  x"]);
  });
});

describe("the CLI on cells that hold terminal controls", () => {
  let dir: string;
  let file: string;
  // XML 1.0 cannot carry C0 controls such as ESC in a cell, so a file brings the
  // ones it can: C1 controls (U+009B is CSI, ESC [ on 8-bit terminals), DEL and bidi overrides.
  const evil = "Cut churn\u009b2J\u007f to 2%";
  const owner = "Ana \u202Ezeról";

  beforeAll(async () => {
    ensureBuilt();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-term-"));
    file = path.join(dir, "evil.xlsx");
    // ExcelJS drops these characters when it writes, so they are put into the shared strings afterwards.
    const plain = path.join(dir, "plain.xlsx");
    await writeWorkbook(plain, {
      OKRs: [
        ["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current"],
        ["2026-Q3", "Sales", "Keep customers", "EVIL", "OWNER", 4, 2, 3],
      ],
    });
    const zip = await JSZip.loadAsync(await fs.readFile(plain));
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    zip.file("xl/sharedStrings.xml", strings.replace("EVIL", evil).replace("OWNER", owner).replace(">Sales<", ">Sales\u009b<"));
    await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("score prints escapes, not the controls", () => {
    const run = altitude(["score", file, "--as-of", "2026-08-15"]);
    expect(run.code).toBe(0);
    expect(UNSAFE.test(run.stdout.replace(/\n/g, ""))).toBe(false);
    expect(run.stdout).toContain("Cut churn\\x9b2J\\x7f to 2%");
    expect(run.stdout).toContain("Ana \\u202ezeról");
  });

  it("check prints escapes, not the controls", () => {
    const run = altitude(["check", file, "--as-of", "2026-08-15"]);
    expect([0, 1]).toContain(run.code);
    expect(UNSAFE.test(run.stdout.replace(/\n/g, ""))).toBe(false);
  });

  it("score --json keeps the text exactly as the cell holds it", () => {
    const run = altitude(["score", file, "--as-of", "2026-08-15", "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ScoreReport;
    expect(report.keyResults[0].keyResult).toBe(evil);
    expect(report.keyResults[0].owner).toBe(owner);
  });

  it("score and check in text mode escape ESC from any cell text (the report functions)", () => {
    const report: ScoreReport = {
      keyResults: [],
      objectives: [{ period: "2026-Q3", team: "T", objective: "\u001b[2JWin", score: 0.5, grade: "Yellow", keyResults: 1 }],
      kpis: [],
      kras: [],
      problems: [{ sheet: "OKRs", cell: "A1", code: "x", message: "bad \u001b]0;title\u0007" }],
      skipped: [{ sheet: "KPIs\u001b[2J", rows: [3], reason: "summary row (\u001b[2JTotal)" }],
      unrecognised: [{ sheet: "Notes\u202e", reason: "no header row" }],
    };
    const text = scoreText(report);
    expect(text).toContain("\\x1b[2JWin");
    expect(text).toContain("bad \\x1b]0;title\\x07");
    expect(UNSAFE.test(text.replace(/\n/g, ""))).toBe(false);
    const findings = findingsText([{ sheet: "OKRs", cell: "B2", row: 2, code: "c", rule: "r", severity: "error", message: "\u001b[2J", fix: "\u202e" }]);
    expect(findings).toContain("  \\x1b[2J\n  Fix: \\u202e\n");
  });

  it("a warning quoting a person escapes it too", () => {
    const run = altitude(["review", file, "--as-of", "2026-08-15", "--period", "2026", "--people", "Gh\u001b[2Jost,Ana", "-o", path.join(dir, "r.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('altitude: no KRAs, key results or KPIs for "Gh\\x1b[2Jost", "Ana" in 2026\n');
  });
});
