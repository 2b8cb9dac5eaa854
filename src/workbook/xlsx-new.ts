/**
 * A new .xlsx workbook that holds only the sheets written to it: nothing of any
 * other workbook is copied. The package around them is minimal (the workbook
 * part, its relationships, the content types and a style part with the sheets'
 * formats); the sheets themselves are rendered by the same writer as copies
 * (xlsx-writer.ts), so they read alike in Excel. Links to sheets that are not in
 * it (`{ sheet }` targets) open the linked workbook at that cell instead.
 */
import * as path from "node:path";
import type { OutputPlan, WriteResult } from "../core/plan";
import { writeThroughTemp } from "./output-file";
import { WorkbookError, type WriteOptions } from "./port";
import { relationship, relationshipsXml } from "./xlsx-charts";
import { BARE_STYLE_COUNTS, BARE_STYLES, CONTENT_TYPE, packSheet, putSheetParts, REL, type PackedSheet, type PartNumbers } from "./xlsx-copy";
import { NS } from "./xlsx-package";
import { StyleSheet } from "./xlsx-styles";
import { renderSheets } from "./xlsx-writer";
import { escapeXmlText } from "./xlsx-xml";
import { nextTurn, SHEETS_PER_TURN } from "./xlsx";
import { packContent, writeArchive, type NewContent, type NewEntry } from "./xlsx-zip";

const WORKBOOK_PART = "xl/workbook.xml";
const STYLES_PART = "xl/styles.xml";
const WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

/**
 * The URI of `file` relative to the folder `fromDir`, as the target of a
 * hyperlink from a workbook saved in that folder: `/` between segments, each
 * segment percent-encoded (a `#` or a space in a name must not end or break the
 * URI). Where no relative path exists (another Windows drive or a network share)
 * it is a `file:` URL of the whole path. `paths` is the platform's path module.
 *
 * @example
 * relativeFileUri("/reviews/2026", "/hr/goals 2026.xlsx") // "../../hr/goals%202026.xlsx"
 * relativeFileUri("C:\\reviews", "D:\\hr\\goals.xlsx", path.win32) // "file:///D:/hr/goals.xlsx"
 */
export function relativeFileUri(fromDir: string, file: string, paths: path.PlatformPath = path): string {
  const absolute = paths.resolve(file);
  const relative = paths.relative(paths.resolve(fromDir), absolute);
  if (!paths.isAbsolute(relative)) return relative.split(paths.sep).map(encodeURIComponent).join("/");
  const segments = absolute.split(paths.sep).filter((s) => s !== "");
  // The drive letter's colon stays as it is (file:///D:/…): everywhere else it is encoded.
  const encoded = segments.map((s, i) => (i === 0 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s))).join("/");
  // A network share (\\server\share\…) names its host after "file://"; a drive or the root follows "file:///".
  return absolute.startsWith("\\\\") ? `file://${encoded}` : `file:///${encoded}`;
}

/**
 * A workbook written from scratch: {@link writeSheets} renders planned sheets into
 * it and {@link saveAs} writes the package. Links to `{ sheet }` targets become
 * hyperlinks into `linkedWorkbook` (a URI relative to where the file is saved, see
 * {@link relativeFileUri}); links between its own sheets stay inside it.
 *
 * @example
 * const book = new NewXlsxWorkbook(relativeFileUri("reviews", "goals.xlsx"));
 * await book.writeSheets(planReviews(team.reviews, { period }));
 * await book.saveAs("reviews/goals-review-2026-Sales.xlsx");
 */
export class NewXlsxWorkbook {
  private readonly styles = new StyleSheet(BARE_STYLE_COUNTS);
  private readonly added: PackedSheet[] = [];
  private active: string | null = null;

  constructor(private readonly linkedWorkbook: string) {}

  /**
   * Renders the planned sheets into the workbook, one at a time as a copy does
   * (each deflated before the next is laid out, the event loop served every few
   * sheets); all or nothing: a plan that fails adds no sheet, table or format.
   */
  async writeSheets(plan: OutputPlan, options: WriteOptions = {}): Promise<WriteResult> {
    const tables = this.added.flatMap((s) => s.tables);
    const rendering = renderSheets(
      plan,
      {
        sheetNames: this.added.map((s) => s.name),
        tableNames: tables.map((t) => t.name),
        maxTableId: tables.reduce((max, t) => Math.max(max, t.id), 0),
      },
      this.styles,
      { ...options, linkedWorkbook: this.linkedWorkbook },
    );
    const packed: PackedSheet[] = [];
    for (let step = rendering.next(); ; step = rendering.next()) {
      if (step.done) {
        for (const sheet of packed) this.added.push(sheet);
        if (plan.activate !== undefined) this.active = step.value[plan.activate];
        return { names: step.value };
      }
      packed.push(packSheet(step.value));
      if (packed.length % SHEETS_PER_TURN === 0) await nextTurn();
    }
  }

  /**
   * Writes the workbook to `file`: beside it under a temporary name, then renamed
   * into place, so a failure never leaves half a file.
   */
  async saveAs(file: string): Promise<void> {
    if (this.added.length === 0) throw new WorkbookError("a workbook needs at least one sheet; nothing was written to it", "InvalidArgument");
    await writeThroughTemp(file, (temp) => writeArchive(temp, this.entries()));
  }

  /** Every part of the package, the listing parts first as Excel writes them. */
  private entries(): NewEntry[] {
    const parts: NewEntry[] = [];
    const put = (name: string, content: string | NewContent) => parts.push({ name, content: typeof content === "string" ? packContent(content) : content });
    const overrides: Array<{ part: string; type: string }> = [
      { part: WORKBOOK_PART, type: WORKBOOK_TYPE },
      { part: STYLES_PART, type: CONTENT_TYPE.styles },
    ];
    const next: PartNumbers = { sheet: 1, table: 1, drawing: 1, chart: 1 };
    const sheetEntries: string[] = [];
    const workbookRels: string[] = [];
    let formulas = false;
    let activeTab = 0;
    this.added.forEach((sheet, i) => {
      const part = `xl/worksheets/sheet${next.sheet++}.xml`;
      putSheetParts(sheet, part, next, put, overrides);
      overrides.push({ part, type: CONTENT_TYPE.worksheet });
      workbookRels.push(relationship(`rId${i + 1}`, REL.worksheet, path.posix.relative("xl", part)));
      const state = sheet.state === "veryHidden" ? ' state="veryHidden"' : "";
      sheetEntries.push(`<sheet name="${escapeXmlText(sheet.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`);
      formulas ||= sheet.formulas;
      if (sheet.name === this.active) activeTab = i;
    });
    workbookRels.push(relationship(`rId${this.added.length + 1}`, REL.styles, "styles.xml"));

    // Formulas are written without cached results: Excel calculates them on open.
    const calc = formulas ? `<calcPr fullCalcOnLoad="1"/>` : "";
    const workbook =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
      `<bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets>${sheetEntries.join("")}</sheets>${calc}</workbook>`;
    const types =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      overrides.map((o) => `<Override PartName="/${escapeXmlText(o.part)}" ContentType="${o.type}"/>`).join("") +
      `</Types>`;
    return [
      { name: "[Content_Types].xml", content: packContent(types) },
      { name: "_rels/.rels", content: packContent(relationshipsXml([relationship("rId1", NS.officeDocument, WORKBOOK_PART)])) },
      { name: WORKBOOK_PART, content: packContent(workbook) },
      { name: "xl/_rels/workbook.xml.rels", content: packContent(relationshipsXml(workbookRels)) },
      { name: STYLES_PART, content: packContent(this.styles.applyTo(BARE_STYLES)) },
      ...parts,
    ];
  }
}
