/**
 * The corpus harness itself: the sheet builder keeps Excel's shape of merged
 * areas, every layout is documented and carries figures worked by hand, and the
 * comparison reports each way a reading can differ (so the corpus test can fail).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LAYOUTS } from "../fixtures/layouts";
import { sheet, serial, type Layout } from "../fixtures/layouts/layout";
import { compareReading, figureCount, readLayout, skippedRowsOf } from "../fixtures/layouts/read";
import type { ParsedWorkbook, RawCell, SheetData } from "../../src/core/model";
import { openXlsx } from "../../src/workbook/xlsx";
import { writeLayoutXlsx } from "../fixtures/layouts/xlsx";

const DIR = path.join(__dirname, "../fixtures/layouts");

function emptyParsed(extra: object = {}): ParsedWorkbook {
  return { sheets: [], unrecognised: [], notRead: [], skipped: [], keyResults: [], kpis: [], kras: [], checkIns: [], problems: [], ...extra };
}

/** A tidy layout the current reader reads: one header row, two key results of one objective. */
const tidy: Layout = {
  id: "tidy",
  title: "tidy",
  kind: "okr",
  source: { title: "test", url: "https://example.org" },
  asOf: "2026-08-14",
  sheets: [
    sheet("OKRs", [
      ["Period", "Objective", "Key result", "Owner", "Start", "Target", "Current"],
      ["2026-Q3", "Grow", "Lift signups to 200", "Ana", 100, 200, 150],
      ["2026-Q3", "Grow", "Reach 50 partners", "Ana", 0, 50, 50],
    ]),
  ],
  expect: {
    counts: { keyResults: 2, objectives: 1 },
    keyResults: [{ keyResult: "Lift signups to 200", score: 0.5, row: 2 }],
    objectives: [{ objective: "Grow", score: 0.75, keyResults: 2 }],
  },
};

describe("corpus sheet builder", () => {
  it("pads rows, sets number formats by range and keeps merges", () => {
    const s = sheet("S", [["a", "b", "c"], [1]], { formats: { "A2:B2": "0%" }, merges: ["B2:C2"] });
    expect(s.values).toEqual([["a", "b", "c"], [1, "", ""]]);
    expect(s.numberFormats).toEqual([["General", "General", "General"], ["0%", "0%", "General"]]);
    expect(s.merges).toEqual(["B2:C2"]);
  });

  it("refuses a merged area with a value outside its top-left cell (Excel's values leave them blank)", () => {
    expect(() => sheet("S", [["Jan"], ["Jan"]], { merges: ["A1:A2"] })).toThrow("S!A1:A2");
  });

  it.each([
    ["2026-01-01", 46023],
    ["1900-03-01", 61],
  ])("serial(%s) is %i", (iso, expected) => {
    expect(serial(iso)).toBe(expected);
  });
});

describe("skipped-row report", () => {
  it.each([
    ["an empty report", emptyParsed(), []],
    ["one row per entry", emptyParsed({ skipped: [{ sheet: "A", row: 4, reason: "Total" }] }), [{ sheet: "A", row: 4, reason: "Total" }]],
    ["a list of rows", emptyParsed({ skipped: [{ sheet: "A", rows: [4, 6], reason: "legend" }] }), [{ sheet: "A", row: 4, reason: "legend" }, { sheet: "A", row: 6, reason: "legend" }]],
    ["a span", emptyParsed({ skipped: [{ sheet: "A", rows: { from: 4, to: 5 }, reason: "notes" }] }), [{ sheet: "A", row: 4, reason: "notes" }, { sheet: "A", row: 5, reason: "notes" }]],
    ["text", emptyParsed({ skipped: [{ sheet: "A", rows: "4-5, 9", reason: "x" }] }), [4, 5, 9].map((row) => ({ sheet: "A", row, reason: "x" }))],
  ])("%s", (_name, parsed, expected) => {
    expect(skippedRowsOf(parsed)).toEqual(expected);
  });
});

describe("comparing a reading with the hand-worked figures", () => {
  it("finds nothing to report when every figure comes out", () => {
    expect(compareReading(tidy, readLayout(tidy))).toEqual([]);
  });

  it.each<[string, Layout["expect"], string]>([
    ["a count", { counts: { keyResults: 3 } }, "number of keyResults"],
    ["a key result's score", { keyResults: [{ keyResult: "Lift signups to 200", score: 0.4 }] }, 'key result "Lift signups to 200" score'],
    ["a missing key result", { keyResults: [{ keyResult: "Cut churn", score: 0 }] }, 'key result "Cut churn"'],
    ["an objective's score", { objectives: [{ objective: "Grow", score: 1 }] }, 'objective "Grow" score'],
    ["a KPI that was not read", { kpis: [{ kpi: "NPS", status: "Watch" }] }, 'KPI "NPS"'],
    ["a person's KRA score", { kras: [{ employee: "Ana", score: 4 }] }, "KRA score of Ana"],
    ["a row read as a record that must not be", { notRecords: [{ sheet: "OKRs", row: 3, reason: "summary" }] }, "OKRs!3 (summary)"],
    ["a missing own-score finding", { ownScoreFindings: [{ sheet: "OKRs", row: 2, sheetScore: 0.75, computed: 0.5 }] }, "OKRs!2 own score"],
    ["a goal sheet that should have been reported as not read", { unrecognised: ["OKRs"] }, "sheet OKRs"],
  ])("reports %s", (_name, expectations, what) => {
    const layout: Layout = { ...tidy, expect: expectations };
    const differences = compareReading(layout, readLayout(layout));
    expect(differences.map((d) => d.what)).toContain(what);
  });

  it("takes the key result whose text contains the expected one when a label comes first", () => {
    const layout: Layout = { ...tidy, expect: { keyResults: [{ keyResult: "signups to 200", score: 0.5 }] } };
    expect(compareReading(layout, readLayout(layout))).toEqual([]);
  });
});

describe("the corpus", () => {
  const documented = fs.readFileSync(path.join(DIR, "LAYOUTS.md"), "utf8");
  const files = fs.readdirSync(DIR).filter((f) => /^\d\d-.+\.ts$/.test(f));

  it("lists every layout file once, in order", () => {
    expect(LAYOUTS.map((l) => `${l.id}.ts`)).toEqual([...files].sort());
  });

  it.each(LAYOUTS.map((l) => [l.id, l] as const))("%s names its source, is documented and has at least two figures worked by hand", (id, layout) => {
    expect(layout.source.url).toMatch(/^https:\/\//);
    expect(documented).toContain(`## ${id}`);
    expect(documented).toContain(layout.source.url);
    expect(figureCount(layout)).toBeGreaterThanOrEqual(2);
  });
});

/** Every non-blank cell as `row,col` → value, on the sheet's own grid (origin applied). */
function cellsOf(sheet: SheetData): Record<string, RawCell> {
  const cells: Record<string, RawCell> = {};
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== "") cells[`${sheet.origin.row + r},${sheet.origin.col + c}`] = value;
    }),
  );
  return cells;
}

describe("the corpus as .xlsx files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "altitude-corpus-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(LAYOUTS.map((l) => [l.id, l] as const))("%s reads back from its .xlsx as the cells the parser is given", async (id, layout) => {
    const file = path.join(dir, `${id}.xlsx`);
    await writeLayoutXlsx(layout, file);
    const sheets = await (await openXlsx(file)).readSheets();
    expect(sheets.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
    sheets.forEach((read, i) => expect(cellsOf(read)).toEqual(cellsOf(layout.sheets[i])));
  });
});
