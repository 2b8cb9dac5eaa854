/**
 * The layout corpus: every layout reproduced from a public source
 * (test/fixtures/layouts, sources and hand working in LAYOUTS.md) is read as
 * every door reads a workbook, and each figure worked out by hand must come out.
 * One test per layout; a failure lists every difference.
 *
 * The layouts the reader does not yet read completely right are listed below,
 * each with what it still gets wrong. Their test asserts that the reading still
 * differs (jest's `it.failing`): a layout that starts being read right fails
 * here until it is taken off the list, so the list can only shrink honestly.
 * `npm run corpus` prints every layout with its first difference.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { LAYOUTS } from "../fixtures/layouts";
import { compareReading, readLayout } from "../fixtures/layouts/read";
import { corpusReport, markdownReport } from "../fixtures/layouts/report";

const NOT_YET_READ_RIGHT: Readonly<Record<string, string>> = {};

describe("layout corpus", () => {
  const read = LAYOUTS.filter((layout) => !(layout.id in NOT_YET_READ_RIGHT));
  const notYet = LAYOUTS.filter((layout) => layout.id in NOT_YET_READ_RIGHT);

  it.each(read.map((layout) => [layout.id, layout] as const))("%s is read completely right", (_id, layout) => {
    expect(compareReading(layout, readLayout(layout))).toEqual([]);
  });

  // jest refuses an empty table: with every layout read right, nothing is expected to fail.
  if (notYet.length > 0) {
    it.failing.each(notYet.map((layout) => [layout.id, NOT_YET_READ_RIGHT[layout.id], layout] as const))(
      "%s is not yet read completely right (%s)",
      (_id, _gap, layout) => {
        expect(compareReading(layout, readLayout(layout))).toEqual([]);
      },
    );
  }

  it("lists only layouts that exist", () => {
    const ids = new Set(LAYOUTS.map((layout) => layout.id));
    expect(Object.keys(NOT_YET_READ_RIGHT).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe("the README's corpus report", () => {
  it("is the report the corpus gives today", () => {
    const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const block = /<!-- corpus:start -->\n([\s\S]*?)\n<!-- corpus:end -->/.exec(readme);
    expect(block?.[1]).toBe(markdownReport(corpusReport()));
  });

  it("names every layout's source with its address", () => {
    const report = corpusReport();
    expect(report.rows.map((row) => row.layout)).toEqual(LAYOUTS.map((layout) => layout.id));
    for (const row of report.rows) expect(row.url).toMatch(/^https:\/\//);
  });
});
