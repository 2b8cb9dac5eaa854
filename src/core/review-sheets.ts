/**
 * The review sheets: lays out the figures of `computeReviews` as an index,
 * `Reviews 2026`, with a link to one sheet per person (role accountability, OKR
 * contributions as evidence, KPIs owned, findings, space for the manager's
 * notes). Pure; a writer carries the plan out. Computes no figure of its own.
 */
import {
  GRADE_COLOURS,
  KPI_STATUS_COLOURS,
  PACE_COLOURS,
  PERCENT,
  RATING,
  SheetLayout,
  unitFormat,
} from "./layout";
import type { Period } from "./model";
import type { OutputPlan, PlannedSheet, SheetPlan } from "./plan";
import type { Review } from "./review";
import { MAX_SHEET_NAME, validSheetName } from "./sheet-names";
import { findingSource, sourceText } from "./sources";

/** Above this many new sheets a door asks before writing. */
export const MAX_REVIEW_SHEETS = 50;

/**
 * A person's sheet name, `Ana López 2026`, at most 31 characters: a long name
 * keeps its first and last words, then the last word's initial, then as much
 * of the first word as fits.
 *
 * @example
 * personSheetName("Ana López", "2026") // "Ana López 2026"
 * personSheetName("Maximiliana Alexandra Wolfeschlegel", "2026-Q3") // "Maximiliana W. 2026-Q3"
 */
export function personSheetName(person: string, period: string): string {
  const budget = MAX_SHEET_NAME - period.length - 1;
  // Clean without validSheetName's cut at 31 characters, so the last word survives to be shortened.
  const name = person
    .replace(/[:\\/?*[\]\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  const words = name.split(" ").filter((w) => w.length > 0);
  const first = words[0] ?? "";
  const last = words.length > 1 ? words[words.length - 1] : "";
  const candidates = [name, last ? `${first} ${last}` : first, last ? `${first} ${last[0]}.` : first];
  const fit = candidates.find((c) => c.length <= budget) ?? first.slice(0, Math.max(1, budget));
  return validSheetName(`${fit.trim()} ${period}`);
}

/** The key of a person's sheet in the plan, which the index links to. */
function personKey(review: Review): string {
  return `person:${review.slug}`;
}

function tableName(prefix: string, slug: string): string {
  return `${prefix}_${slug.replace(/-/g, "_")}`;
}

function personSheet(review: Review, label: string, indexName: string): SheetPlan {
  const layout = new SheetLayout(personKey(review), personSheetName(review.person, label));
  layout.title(review.person);
  layout.link(`Back to ${indexName}`, { key: "index" });
  layout.skip();
  layout.keyValues([
    { label: "Role", value: review.role },
    { label: "Manager", value: review.manager },
    { label: "Review period", value: label },
  ]);

  layout.heading("Role accountability");
  if (review.kra) {
    const figures = layout.keyValues([
      { label: "KRA score", value: review.kra.score, format: RATING },
      { label: "Rating", value: review.kra.label },
      { label: "Weights total", value: review.kra.weightTotal / 100, format: PERCENT },
    ]);
    layout.link(sourceText(review.kra.source), { sheet: review.kra.source.sheet }, { row: figures.row, col: figures.col + 1 }, review.kra.source.cell);
    layout.skip();
    const kras = layout.table({
      name: tableName("Kras", review.slug),
      headers: ["Area", "Measure", "Weight", "Target", "Actual", `Rating (of ${review.kra.ratingMax})`, "Rating source", "Source"],
      rows: review.kra.areas.map((a) => [
        a.area,
        a.measure,
        a.weightPercent === null ? null : a.weightPercent / 100,
        a.target,
        a.actual,
        a.rating,
        a.rating === null ? "" : a.derived ? "Derived from actual ÷ target" : "Given",
        sourceText(a.source),
      ]),
      columnFormats: [null, null, PERCENT, null, null, RATING, null, null],
    });
    layout.sourceLinks(kras, 7, review.kra.areas.map((a) => a.source));
  } else {
    layout.note(`No key result areas recorded for ${label}.`);
  }

  layout.heading("OKR contributions (evidence, not the rating)");
  layout.note("OKR results inform the conversation but do not set the rating.");
  const okrs = layout.table(
    {
      name: tableName("Okrs", review.slug),
      headers: ["Period", "Team", "Objective", "Key result", "Score", "Grade", "Pace", "Check-in", "Source"],
      rows: review.keyResults.map((k) => [k.period, k.team, k.objective, k.keyResult, k.score, k.grade, k.pace, k.noCheckIn ? "None yet" : "", sourceText(k.source)]),
      columnFormats: [null, null, null, null, PERCENT, null, null, null, null],
    },
    `No key results owned in ${label}.`,
  );
  layout.sourceLinks(okrs, 8, review.keyResults.map((k) => k.source));
  layout.colourColumn(okrs, 5, GRADE_COLOURS);
  layout.colourColumn(okrs, 6, PACE_COLOURS);

  layout.heading("KPIs owned");
  const kpis = layout.table(
    {
      name: tableName("Kpis", review.slug),
      headers: ["KPI", "Area", "Period", "Actual", "Floor", "Target", "Ceiling", "Status", "Trend", "Source"],
      rows: review.kpis.flatMap((k) => k.history.map((h) => [k.kpi, k.area, h.period, h.actual, h.floor, h.target, h.ceiling, h.status, h.trend, sourceText(h.source)])),
      // A KPI's figures keep its unit (75%, not 0.75), judged over its whole history so every reading looks alike.
      cellFormats: review.kpis.flatMap((k) => {
        const format = unitFormat(k.unit, k.history.flatMap((h) => [h.actual, h.floor, h.target, h.ceiling]));
        return k.history.map(() => [null, null, null, format, format, format, format, null, null, null]);
      }),
    },
    `No KPIs owned in ${label}.`,
  );
  layout.sourceLinks(kpis, 9, review.kpis.flatMap((k) => k.history.map((h) => h.source)));
  layout.colourColumn(kpis, 7, KPI_STATUS_COLOURS);

  layout.heading("Findings");
  const findings = layout.table(
    {
      name: tableName("Findings", review.slug),
      headers: ["Rule", "Severity", "Where", "Message", "Fix"],
      rows: review.findings.map((f) => [f.rule, f.severity, sourceText(findingSource(f)) || f.sheet, f.message, f.fix]),
    },
    "No findings.",
  );
  layout.sourceLinks(findings, 2, review.findings.map(findingSource));

  layout.heading("Manager's notes");
  layout.box(8, 6);
  return layout.build({ freeze: { rows: 1, cols: 0 } });
}

/**
 * The review sheets: an index, `Reviews 2026`, with one row and a link per person,
 * and one sheet per person (`person:<slug>`) with role accountability, OKR
 * contributions, KPIs owned, findings and a box for the manager's notes. The
 * index is laid out at once; each person's sheet is deferred (`DeferredSheet`
 * in plan.ts): laid out when a writer reaches it.
 *
 * @example
 * const plan = planReviews(reviews, { period: makePeriod("year", 2026, 1)! });
 * plan.sheets.map((s) => s.name) // e.g. ["Reviews 2026", "Ana López 2026"]
 * laidOut(plan.sheets[1]).blocks[0] // Ana's title: { kind: "cells", at: { row: 0, col: 0 }, values: [["Ana López"]], … }
 */
export function planReviews(reviews: Review[], options: { period: Period }): OutputPlan {
  const label = options.period.label;
  const indexName = `Reviews ${label}`;
  const index = new SheetLayout("index", indexName);
  index.title(indexName);
  index.subtitle(`${reviews.length} ${reviews.length === 1 ? "person" : "people"} · Generated by Altitude`);
  index.skip();
  const headers = ["Person", "Role", "Manager", "KRA score", "Rating", "Key results owned", "Average KR score", "KPI breaches"];
  const table = index.table(
    {
      name: "ReviewIndex",
      headers,
      rows: reviews.map((r) => [
        r.person,
        r.role,
        r.manager,
        r.kra?.score ?? null,
        r.kra?.label ?? "",
        r.keyResultCount,
        r.averageKeyResultScore,
        r.kpiBreaches,
      ]),
      columnFormats: [null, null, null, RATING, null, "0", PERCENT, "0"],
    },
    `No people with KRAs, key results or KPIs in ${label}.`,
  );
  if (table) {
    // Links sit in the column right of the table: a table cell cannot hold one safely.
    const col = table.col + headers.length;
    index.add({ kind: "cells", at: { row: table.row, col }, values: [["Sheet"]], style: { bold: true } });
    reviews.forEach((r, i) => index.link("Open", { key: personKey(r) }, { row: table.row + 1 + i, col }));
  }
  const sheets: PlannedSheet[] = [index.build({ freeze: { rows: 2, cols: 0 } })];
  // Each person's sheet is laid out only when a writer reaches it, so no more than one person's cells live at once.
  for (const review of reviews) {
    sheets.push({ key: personKey(review), name: personSheetName(review.person, label), layout: () => personSheet(review, label, indexName) });
  }
  return { sheets, activate: "index" };
}

/**
 * Whether writing this many sheets needs the user's go-ahead first: so many
 * sheets make a workbook slow to open and hard to navigate.
 *
 * @example
 * tooManySheets(12) // false
 * tooManySheets(61) // true
 */
export function tooManySheets(sheets: number): boolean {
  return sheets > MAX_REVIEW_SHEETS;
}
