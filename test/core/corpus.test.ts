/**
 * The layout corpus: every layout reproduced from a public source
 * (test/fixtures/layouts, sources and hand working in LAYOUTS.md) is read as
 * every door reads a workbook, and each figure worked out by hand must come out.
 * One test per layout; a failure lists every difference.
 */
import { LAYOUTS } from "../fixtures/layouts";
import { compareReading, readLayout } from "../fixtures/layouts/read";

describe("layout corpus", () => {
  it.each(LAYOUTS.map((layout) => [layout.id, layout] as const))("%s is read completely right", (_id, layout) => {
    expect(compareReading(layout, readLayout(layout))).toEqual([]);
  });
});
