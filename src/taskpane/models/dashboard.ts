/**
 * What the dashboard says about its figures: the button of each figure, and the
 * sentence about the rows behind the one chosen. The figures themselves come
 * from `computeDashboard` in the application layer.
 */
import { quoteSheet } from "../../app";
import type { Area, DashboardChart, Figure } from "../../app/dashboard";

/**
 * `OKRs!A5:L7`, quoted as Excel writes it.
 *
 * @example
 * areaText({ sheet: "Q3 OKRs", address: "A5:L7" }) // "'Q3 OKRs'!A5:L7"
 */
export function areaText(area: Area): string {
  return `${quoteSheet(area.sheet)}!${area.address}`;
}

/** Findings point at cells; every other figure at rows. */
function what(chart: Pick<DashboardChart, "id">): string {
  return chart.id === "findings" ? "cells" : "rows";
}

/**
 * The accessible name of a figure's button: what it is and what choosing it selects.
 *
 * @example
 * figureLabel(grades, green) // "Green: 3 objectives. Select the rows behind it."
 */
export function figureLabel(chart: Pick<DashboardChart, "id" | "unit">, figure: Pick<Figure, "label" | "text">): string {
  // Counted units are plurals (objectives, readings, findings): one of them is said in the singular.
  const unit = chart.unit && figure.text === "1" ? chart.unit.replace(/s$/, "") : chart.unit;
  return `${figure.label}: ${figure.text}${unit ? ` ${unit}` : ""}. Select the ${what(chart)} behind it.`;
}

/**
 * The sentence about the rows behind the figure chosen, and the first of them, which is selected.
 *
 * @example
 * rowsBehindText(grades, green) // "Grades, Green: 3 rows. Selected OKRs!A5:L7."
 */
export function rowsBehindText(chart: Pick<DashboardChart, "id" | "unit" | "title">, figure: Pick<Figure, "label" | "behind">): string {
  const { areas, count } = figure.behind;
  if (areas.length === 0) return `Nothing behind ${figure.label}: no ${chart.unit ?? "rows"}.`;
  const things = count === 1 ? what(chart).slice(0, -1) : what(chart);
  return `${chart.title}, ${figure.label}: ${count} ${things}. Selected ${areaText(areas[0])}.`;
}

/**
 * The headline under the dashboard's title.
 *
 * @example
 * headline({ objectives: 4, keyResults: 11, averageScore: 0.58 }) // ["4 objectives", "11 key results", "Average score 58%"]
 */
export function headline(d: { objectives: number; keyResults: number; averageScore: number | null }): string[] {
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  return [count(d.objectives, "objective"), count(d.keyResults, "key result"), d.averageScore === null ? "No score yet" : `Average score ${Math.round(d.averageScore * 100)}%`];
}

/** One bar of a horizontal bar chart: its length out of the whole. */
export interface Bar {
  label: string;
  x: number;
  total: number;
}

/**
 * The bars of a chart: team averages out of 100 %, counts out of the chart's total.
 *
 * @example
 * bars({ unit: "key results", figures: [{ label: "On track", value: 3 }, { label: "Behind", value: 1 }] })
 * // [{ label: "On track", x: 3, total: 4 }, { label: "Behind", x: 1, total: 4 }]
 */
export function bars(chart: { unit: string | null; figures: ReadonlyArray<Pick<Figure, "label" | "value">> }): Bar[] {
  const total = chart.figures.reduce((n, f) => n + f.value, 0);
  return chart.figures.map((f) => (chart.unit === null ? { label: f.label, x: Math.round(f.value * 100), total: 100 } : { label: f.label, x: f.value, total: Math.max(1, total) }));
}
