/**
 * Writing a plan whose sheets are laid out only when reached (a review's person
 * sheets): the .xlsx adapter lays out, renders and deflates one sheet before it
 * lays out the next, lets each go once written, gives the event loop a turn while
 * thousands render, and writes exactly what the same plan laid out up front writes.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import JSZip from "jszip";
import { selectReviews, writeReviews } from "../../src/app";
import { laidOutPlan, type DeferredSheet, type OutputPlan, type SheetPlan } from "../../src/core/plan";
import { planReviews } from "../../src/core/review-sheets";
import { openXlsx } from "../../src/workbook/xlsx";
import { SAMPLE, writeWorkbook } from "../cli/support";

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-lazy-"));
  input = path.join(dir, "book.xlsx");
  await writeWorkbook(input, { Data: [["label"], [null, 5]] });
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A person's sheet as a review lays it out: a title, a table and a link back to the index. */
function personSheet(i: number): SheetPlan {
  return {
    key: `person:${i}`,
    name: `Person ${i} 2026`,
    blocks: [
      { kind: "cells", at: { row: 0, col: 0 }, values: [[`Person ${i}`]], style: { bold: true } },
      { kind: "link", at: { row: 1, col: 0 }, text: "Back to Reviews 2026", target: { key: "index" } },
      { kind: "table", at: { row: 3, col: 0 }, name: `Okrs_${i}`, headers: ["Key result", "Score"], rows: [[`KR ${i}`, i / 100]], columnFormats: [null, "0%"] },
    ],
  };
}

/** An index sheet and `people` deferred sheets; `onLayout` hears each lay-out as it happens. */
function deferredPlan(people: number, onLayout: (i: number, plan: SheetPlan) => void = () => {}): OutputPlan {
  const index: SheetPlan = { key: "index", name: "Reviews 2026", blocks: [{ kind: "link", at: { row: 0, col: 0 }, text: "Open", target: { key: `person:${people}` } }] };
  const deferred: DeferredSheet[] = Array.from({ length: people }, (_, n) => {
    const i = n + 1;
    return {
      key: `person:${i}`,
      name: `Person ${i} 2026`,
      layout: () => {
        const plan = personSheet(i);
        onLayout(i, plan);
        return plan;
      },
    };
  });
  return { sheets: [index, ...deferred], activate: "index" };
}

/** Every part of a saved package by name, as text. */
async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async("string"));
  return out;
}

describe("writing a plan of deferred sheets to .xlsx", () => {
  it("lays out each sheet only after the one before it is written, in tab order", async () => {
    const events: string[] = [];
    const book = await openXlsx(input);
    await book.writeSheets(deferredPlan(4, (i) => events.push(`lay out ${i}`)), { onProgress: (p) => events.push(`wrote ${p.sheet}`) });
    expect(events).toEqual([
      "wrote Reviews 2026",
      "lay out 1",
      "wrote Person 1 2026",
      "lay out 2",
      "wrote Person 2 2026",
      "lay out 3",
      "wrote Person 3 2026",
      "lay out 4",
      "wrote Person 4 2026",
    ]);
  });

  it("lets each laid-out sheet be collected once it is written, while later ones are still being written", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const people = 200;
    const refs: Array<WeakRef<SheetPlan>> = [];
    let aliveOfFirstHalf = -1;
    const book = await openXlsx(input);
    await book.writeSheets(
      deferredPlan(people, (_i, plan) => refs.push(new WeakRef(plan))),
      {
        onProgress: (p) => {
          if (p.done !== people + 1) return;
          gc();
          aliveOfFirstHalf = refs.slice(0, people / 2).filter((ref) => ref.deref() !== undefined).length;
        },
      },
    );
    expect(refs).toHaveLength(people);
    expect(aliveOfFirstHalf).toBe(0);
  });

  it("gives timers (and so Ctrl-C) a turn while the sheets render, not only once all are done", async () => {
    const people = 500;
    let laidOut = 0;
    let laidOutWhenTimerRan = -1;
    const book = await openXlsx(input);
    await book.writeSheets(
      deferredPlan(people, () => {
        // Asked for once rendering has begun, as a signal arriving then would be.
        if (laidOut++ === 0) setImmediate(() => (laidOutWhenTimerRan = laidOut));
      }),
    );
    expect(laidOut).toBe(people);
    expect(laidOutWhenTimerRan).toBeGreaterThan(0);
    expect(laidOutWhenTimerRan).toBeLessThan(64);
  });

  it("adds nothing when a sheet fails to lay out half way (all or nothing)", async () => {
    const book = await openXlsx(input);
    const broken = deferredPlan(100, (i, plan) => {
      if (i === 60) plan.blocks.push({ kind: "cells", at: { row: -1, col: 0 }, values: [["outside"]] });
    });
    await expect(book.writeSheets(broken)).rejects.toMatchObject({ code: "InvalidArgument" });
    const out = path.join(dir, "after-failure.xlsx");
    await book.saveAs(out);
    expect((await (await openXlsx(out)).sheetNames())).toEqual(["Data"]);
  });

  it("writes a review plan laid out as it goes exactly as the same plan laid out up front", async () => {
    const lazy = await openXlsx(SAMPLE);
    const done = await writeReviews(lazy, { asOf: "2026-08-15", allowManySheets: true });
    if (!done.ok) throw new Error(`no reviews: ${done.code}`);
    expect(done.reviews.length).toBeGreaterThan(1);

    const eager = await openXlsx(SAMPLE);
    const chosen = await selectReviews(eager, { asOf: "2026-08-15" });
    if (!chosen.ok) throw new Error(`no reviews: ${chosen.code}`);
    const upFront = laidOutPlan(planReviews(chosen.reviews, { period: chosen.period }));
    expect(upFront.sheets.every((s) => s.blocks.length > 0)).toBe(true);
    expect((await eager.writeSheets(upFront)).names).toEqual(done.written.names);

    await lazy.saveAs(path.join(dir, "lazy.xlsx"));
    await eager.saveAs(path.join(dir, "eager.xlsx"));
    const [a, b] = [await parts(path.join(dir, "lazy.xlsx")), await parts(path.join(dir, "eager.xlsx"))];
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...a.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).length).toBeGreaterThan(done.reviews.length);
    for (const [name, xml] of a) expect({ name, xml }).toEqual({ name, xml: b.get(name) });
  });

  it("saves the same package when new sheets wait on disk past a small memory budget", async () => {
    const parked = await openXlsx(input, { partsInMemory: 2000 });
    const held = await openXlsx(input);
    await parked.writeSheets(deferredPlan(300));
    await held.writeSheets(deferredPlan(300));
    await parked.saveAs(path.join(dir, "parked.xlsx"));
    await held.saveAs(path.join(dir, "held.xlsx"));
    const [a, b] = [await parts(path.join(dir, "parked.xlsx")), await parts(path.join(dir, "held.xlsx"))];
    expect(a.size).toBeGreaterThan(600);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, xml] of a) expect({ name, xml }).toEqual({ name, xml: b.get(name) });
  });
});
