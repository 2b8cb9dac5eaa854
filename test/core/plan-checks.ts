/** Checks on planned sheets shared by the rollup and review plan tests. */
import type { RangeRef } from "../../src/core/address";
import { blockArea } from "../../src/core/layout";
import type { Block, SheetPlan } from "../../src/core/plan";

function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** Pairs of blocks on one sheet whose cells overlap. */
export function overlaps(sheet: SheetPlan): Array<[Block, Block]> {
  const placed = sheet.blocks.map((b) => [b, blockArea(b)] as const).filter((x): x is readonly [Block, RangeRef] => x[1] !== null);
  const pairs: Array<[Block, Block]> = [];
  placed.forEach(([a, ra], i) =>
    placed.slice(i + 1).forEach(([b, rb]) => intersects(ra, rb) && !decorates(a, b) && !decorates(b, a) && pairs.push([a, b])),
  );
  return pairs;
}

/** A link may sit on a table's data cell when it shows that cell's own text (a source link). */
function decorates(link: Block, table: Block): boolean {
  if (link.kind !== "link" || table.kind !== "table") return false;
  const row = table.rows[link.at.row - table.at.row - 1];
  return row !== undefined && row[link.at.col - table.at.col] === link.text;
}

/** Every text a sheet shows: cell strings, table headers and strings, link texts. */
export function sheetStrings(sheet: SheetPlan): string[] {
  return sheet.blocks.flatMap((b) => {
    if (b.kind === "cells") return b.values.flat().filter((v): v is string => typeof v === "string");
    if (b.kind === "table") return [...b.headers, ...b.rows.flat().filter((v): v is string => typeof v === "string")];
    if (b.kind === "link") return [b.text];
    return [];
  });
}
