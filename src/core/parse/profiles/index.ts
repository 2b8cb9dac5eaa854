/**
 * Recognising a known tool's format by its header signature and laying its
 * sheet out as blocks for the kind's parser: the columns its documentation
 * names, and the links between rows (a key result's objective is the row its
 * parent id names, or the level above it) as fields each row takes from another.
 */
import type { RawCell, SheetData } from "../../model";
import { normaliseHeader } from "../../recognise";
import type { ContextCell, SheetBlock, SheetLayout, SkippedRow } from "../blocks";
import { PROFILES, type HeaderCells, type Links, type Profile, type ProfileId } from "./registry";

export { PROFILES, type Profile, type ProfileId } from "./registry";

/** How many rows from the top may hold a tool's header (exports start at row 1; a title line or two at most). */
const HEADER_ROWS = 10;

/** Profiles with longer signatures first: the more a header says, the surer the match. */
const ORDER: readonly ProfileId[] = (Object.keys(PROFILES) as ProfileId[]).sort((a, b) => PROFILES[b].signature.length - PROFILES[a].signature.length);

/** A row's first cell that is only a summary label (`Total Weight`, `Grand total:`), not a goal titled `Total …`. */
const SUMMARY = /^(?:grand\s+|sub[\s-]?)?totals?(?:\s+(?:weight|weightage|score|scores|points|marks|rating))?\s*:?$/i;

export interface ProfileMatch {
  id: ProfileId;
  profile: Profile;
  /** 0-based index of the header row in the sheet's values. */
  header: number;
}

function textOf(cell: RawCell | undefined): string {
  return typeof cell === "string" ? cell.trim() : "";
}

function isEmpty(cell: RawCell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "");
}

function headerCells(values: readonly RawCell[][], formats: readonly string[][] | undefined, index: number): HeaderCells {
  const row = values[index];
  const at = new Map<string, number>();
  row.forEach((cell, c) => {
    const key = normaliseHeader(textOf(cell));
    if (key !== "" && !at.has(key)) at.set(key, c);
  });
  return { index, row, above: index > 0 && Array.isArray(values[index - 1]) ? values[index - 1] : null, formats: formats?.[index], find: (header) => at.get(normaliseHeader(header)) };
}

/**
 * The known tool format a sheet is in, found by its header signature in the
 * first rows: every signature header present, and the format's shape (level
 * columns, date columns, column groups) where it has one. `null` for any other sheet.
 *
 * @example
 * matchProfile({ name: "Goals", origin: { row: 0, col: 0 }, values: [["id", "name", "okrType", "startingAmount", "endingAmount", "currentAmount", "parentGoal"]] })
 * // { id: "latticeGoals", header: 0, profile: { tool: "Lattice goals (API Goal object)", … } }
 * matchProfile({ name: "OKRs", origin: { row: 0, col: 0 }, values: [["Objective", "Key result", "Target"]] }) // null
 */
export function matchProfile(sheet: SheetData): ProfileMatch | null {
  const values = Array.isArray(sheet?.values) ? sheet.values : [];
  const formats = Array.isArray(sheet?.numberFormats) ? sheet.numberFormats : undefined;
  for (let r = 0; r < Math.min(HEADER_ROWS, values.length); r++) {
    if (!Array.isArray(values[r])) continue;
    const header = headerCells(values, formats, r);
    for (const id of ORDER) {
      const profile: Profile = PROFILES[id];
      if (!profile.signature.every((h) => header.find(h) !== undefined)) continue;
      if (profile.shape && profile.shape(header) === null) continue;
      return { id, profile, header: r };
    }
  }
  return null;
}

/**
 * Lays out a sheet in a known tool's format as one block for its kind's parser,
 * with every row that is not a record (an objective row, a note) listed with
 * why. `null` when the sheet is in no known format.
 *
 * @example
 * const layout = readProfiledLayout(peopleboxSheet);
 * layout.blocks[0].rows.get(2).objective.text // "Grow enterprise pipeline" (the row its Parent Row IDs name)
 * layout.skipped[0] // { row: 1, reason: "objective row (Row ID R1): the rows naming it in Parent Row IDs are its key results" }
 */
export function readProfiledLayout(sheet: SheetData): SheetLayout | null {
  const match = matchProfile(sheet);
  if (!match) return null;
  const { profile, header: h } = match;
  const values = sheet.values;
  const originCol = sheet.origin?.col ?? 0;
  const header = headerCells(values, Array.isArray(sheet.numberFormats) ? sheet.numberFormats : undefined, h);
  const columns: Record<string, number> = {};
  const used = new Set<number>();
  for (const [text, fields] of Object.entries(profile.columns)) {
    const c = header.find(text);
    if (c === undefined) continue;
    for (const field of typeof fields === "string" ? [fields] : fields) columns[field] = originCol + c;
    used.add(c);
  }
  const shape = profile.shape?.(header) ?? {};
  for (const [field, c] of Object.entries(shape.columns ?? {})) {
    columns[field] = originCol + c;
    used.add(c);
  }
  const variants = (shape.variants ?? []).map((v) => {
    const variantColumns: Record<string, number> = {};
    for (const [field, c] of Object.entries(v.columns)) {
      variantColumns[field] = originCol + c;
      used.add(c);
    }
    const context: Record<string, ContextCell> = {};
    for (const [field, cell] of Object.entries(v.context)) context[field] = { ...cell, col: originCol + cell.col };
    return { columns: variantColumns, context };
  });
  const context: Record<string, ContextCell> = {};
  for (const [field, fixed] of Object.entries(profile.fixed ?? {})) {
    const c = header.find(fixed.header);
    if (c !== undefined) context[field] = { text: fixed.value, row: h, col: originCol + c };
  }

  const skipped: SkippedRow[] = [];
  const skip = new Set<number>();
  // A header whose labels are grouped by a merged row above spans both rows.
  const top = profile.groupRow && h > 0 ? h - 1 : h;
  for (let r = 0; r < top; r++) if (Array.isArray(values[r]) && values[r].some((cell) => !isEmpty(cell))) skipped.push({ row: r, reason: "title line above the header" });
  const records: number[] = [];
  // A goal named only in its level column (no importance or progress yet) is a goal, not a note.
  const levelCols = profile.links?.by === "level" ? new Set(profile.links.levels.map((l) => header.find(l)).filter((c) => c !== undefined)) : null;
  for (let r = h + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const filledAt: number[] = [];
    row.forEach((cell, c) => {
      if (!isEmpty(cell)) filledAt.push(c);
    });
    if (filledAt.length === 0) continue;
    const first = textOf(row[filledAt[0]]);
    if (SUMMARY.test(first)) {
      skip.add(r);
      skipped.push({ row: r, reason: `summary row (${first.slice(0, 30)})` });
    } else if (filledAt.length === 1 && typeof row[filledAt[0]] === "string" && !levelCols?.has(filledAt[0])) {
      skip.add(r);
      skipped.push({ row: r, reason: "note line under the header (not a record)" });
    } else records.push(r);
  }
  const rows = profile.links ? linkRows(values, header, records, profile.links, originCol, skip, skipped) : new Map<number, Record<string, ContextCell>>();

  const unmapped: string[] = [];
  header.row.forEach((cell, c) => {
    if (!used.has(c) && !isEmpty(cell)) unmapped.push(typeof cell === "string" ? cell.trim() : String(cell));
  });
  const block: SheetBlock = {
    kind: profile.kind,
    headerRows: top < h ? [top, h] : [h],
    columns,
    unmapped,
    confidence: 1,
    from: h + 1,
    to: values.length,
    context,
    headings: [],
    skip,
    variants,
    yearColumn: null,
    rows,
  };
  let recordRows = 0;
  for (const r of records) if (!skip.has(r)) recordRows++;
  return { blocks: [block], skipped, reason: null, recordRows };
}

/**
 * Ties each record row to its objective: the fields it takes from the row its
 * parent id names or the level above it. Rows that are objectives (others link
 * to them) are skipped, with why.
 */
function linkRows(
  values: readonly RawCell[][],
  header: HeaderCells,
  records: readonly number[],
  links: Links,
  originCol: number,
  skip: Set<number>,
  skipped: SkippedRow[],
): Map<number, Record<string, ContextCell>> {
  const rows = new Map<number, Record<string, ContextCell>>();
  const cell = (r: number, c: number): ContextCell => ({ text: textOf(values[r][c]) || String(values[r][c] ?? ""), row: r, col: originCol + c });
  if (links.by === "parent") {
    const idCol = header.find(links.id);
    const parentCol = header.find(links.parent);
    const nameCol = header.find(links.name);
    const typeCol = links.objectiveType ? header.find(links.objectiveType.header) : undefined;
    if (idCol === undefined || parentCol === undefined || nameCol === undefined) return rows;
    const byId = new Map<string, number>();
    for (const r of records) {
      const id = textOf(values[r][idCol]) || String(values[r][idCol] ?? "");
      if (id !== "" && !byId.has(id)) byId.set(id, r);
    }
    const parentOf = new Map<number, number>();
    const named = new Set<number>();
    for (const r of records) {
      // A row may name several parents (`R1;R4`): the first is its objective.
      const first = String(values[r][parentCol] ?? "").split(/[;,\n]/)[0].trim();
      const parent = first === "" ? undefined : byId.get(first);
      if (parent !== undefined && parent !== r) {
        parentOf.set(r, parent);
        named.add(parent);
      }
    }
    const typeWords = new Set((links.objectiveType?.words ?? []).map(normaliseHeader));
    for (const r of records) {
      const typed = typeCol !== undefined && typeWords.has(normaliseHeader(textOf(values[r][typeCol])));
      if (named.has(r) || typed) {
        skip.add(r);
        const id = textOf(values[r][idCol]);
        skipped.push({ row: r, reason: `objective row (${links.id} ${id}): the rows naming it in ${links.parent} are its key results` });
        continue;
      }
      const parent = parentOf.get(r);
      // An objective aligned to another (a team's under the company's) keeps that link as its parent id.
      const aligned = parent === undefined ? undefined : parentOf.get(parent);
      if (parent === undefined) rows.set(r, { objective: cell(r, nameCol) });
      else rows.set(r, { objective: cell(parent, nameCol), objectiveId: cell(parent, idCol), ...(aligned === undefined ? {} : { parentId: cell(aligned, idCol) }) });
    }
    return rows;
  }
  const levelCols = links.levels.map((l) => header.find(l)).filter((c): c is number => c !== undefined);
  const ancestors: number[] = [];
  const levelOf = new Map<number, number>();
  const parentOf = new Map<number, number>();
  const named = new Set<number>();
  for (const r of records) {
    const level = levelCols.findIndex((c) => !isEmpty(values[r][c]));
    if (level < 0) continue;
    levelOf.set(r, level);
    ancestors.length = level;
    const parent = level > 0 ? ancestors[level - 1] : undefined;
    if (parent !== undefined) {
      parentOf.set(r, parent);
      named.add(parent);
    }
    ancestors[level] = r;
  }
  for (const r of records) {
    const level = levelOf.get(r);
    if (level === undefined) continue;
    if (named.has(r)) {
      skip.add(r);
      skipped.push({ row: r, reason: level === 0 ? `the main goal (${links.levels[0]}): the plan its subgoals belong to` : `goal with subgoals (${links.levels[level]}): the objective of the rows under it` });
      continue;
    }
    const parent = parentOf.get(r);
    const own = cell(r, levelCols[level]);
    rows.set(r, { keyResult: own, objective: parent === undefined ? own : cell(parent, levelCols[levelOf.get(parent) ?? 0]) });
  }
  return rows;
}
