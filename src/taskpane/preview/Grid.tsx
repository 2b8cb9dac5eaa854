/**
 * A simple view of the in-memory workbook beside the pane: one tab per sheet,
 * the active sheet's cells (formulas as they evaluate, or their text), table
 * headers, conditional colours, links that move between sheets, the charts
 * floating over their cells and the selected cell, so a newcomer sees what the
 * pane does to the workbook as Excel would show it.
 */
import { useMemo, useRef } from "react";
import { Caption1, Link, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { columnLetter, parseA1, serialToIso } from "../../app";
import type { RawCell } from "../../core/model";
import { parseRange, type FakeExcel, type FakeSheetView, type HyperlinkState } from "../../hosts/excel-stand-in";
import { ChartOverlay } from "./ChartOverlay";
import { previewChart, type PreviewChart } from "./charts";

const MAX_ROWS = 200;
const MAX_COLS = 30;

const useStyles = makeStyles({
  grid: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1, rowGap: tokens.spacingVerticalS },
  scroller: {
    position: "relative",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxHeight: "calc(100vh - 140px)",
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px 6px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px 6px",
    textAlign: "right",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    // Excel's default column is 64 pixels wide; empty columns keep it, so charts over them have room.
    minWidth: "52px",
    padding: "2px 6px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    maxWidth: "240px",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  tableHeader: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorBrandBackground2 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

/** How a value shows under its number format: percentages, dates and rounded numbers. */
export function displayValue(value: RawCell, format: string): string {
  if (typeof value !== "number") return typeof value === "boolean" ? String(value).toUpperCase() : value;
  if (format.includes("%")) {
    const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  if (/y|d{1,2}|mmm/i.test(format) && !/^0/.test(format)) return serialToIso(value) ?? String(value);
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}

interface Colours {
  fill: string;
  color: string;
}

/**
 * The sheet and cell a link inside the workbook points at: `'Rollup 2026-Q3'!A1`,
 * `OKRs!E10` or `#'OKRs'!E10`; `null` for a web address.
 *
 * @example
 * linkTarget({ documentReference: "'Team OKRs'!E10" }) // { sheet: "Team OKRs", cell: "E10" }
 */
export function linkTarget(link: HyperlinkState): { sheet: string; cell: string } | null {
  const reference = (link.documentReference ?? "").replace(/^#/, "");
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]+)\$?(\d+)$/i.exec(reference);
  if (!match) return null;
  return { sheet: (match[1] ?? match[2]).replace(/''/g, "'"), cell: `${match[3].toUpperCase()}${match[4]}` };
}

/** The conditional colours that apply to a cell, from "equals text" rules. */
function colourOf(sheet: FakeSheetView, row: number, col: number, value: RawCell): Colours | null {
  for (const format of sheet.conditionalFormats) {
    const rect = parseRange(format.address);
    if (!rect || row < rect.row || row >= rect.row + rect.rows || col < rect.col || col >= rect.col + rect.cols) continue;
    const formula = typeof format.rule?.formula1 === "string" ? format.rule.formula1 : "";
    const wanted = /^="(.*)"$/.exec(formula)?.[1]?.replace(/""/g, '"');
    if (wanted !== undefined && String(value) === wanted && format.fill) return { fill: format.fill, color: format.fontColor ?? "inherit" };
  }
  return null;
}

export interface GridProps {
  fake: FakeExcel;
  onActivate(sheet: string): void;
  /** Follows a link: shows its sheet and selects its cell. */
  onFollow(sheet: string, cell: string): void;
}

export function Grid({ fake, onActivate, onFollow }: GridProps) {
  const styles = useStyles();
  const table = useRef<HTMLTableElement>(null);
  const names = fake.sheetNames().filter((name) => fake.getSheet(name)?.visibility === "Visible");
  const active = fake.activeSheet() ?? names[0];
  const sheet = active ? fake.getSheet(active) : undefined;
  const selection = fake.selection();
  const selected = selection && sheet && selection.sheet === sheet.name ? parseRange(selection.address) : null;
  const used = sheet?.used;
  // Charts float beyond the used range in Excel; the grid reaches far enough to show them.
  const chartEnds = (sheet?.charts ?? []).map((c) => parseA1(c.position?.end ?? c.position?.start ?? "")).filter((p) => p !== null);
  const rows = used ? Math.min(MAX_ROWS, chartEnds.reduce((n, p) => Math.max(n, p.row + 1), used.row + used.rows)) : 0;
  const cols = used ? Math.min(MAX_COLS, chartEnds.reduce((n, p) => Math.max(n, p.col + 1), used.col + used.cols)) : 0;
  const headerCells = new Set<string>();
  for (const table of sheet?.tables ?? []) {
    const rect = parseRange(table.address);
    if (rect) for (let c = rect.col; c < rect.col + rect.cols; c++) headerCells.add(`${rect.row}:${c}`);
  }
  const values = sheet && used ? sheet.range(`A1:${columnLetter(cols - 1)}${rows}`) : null;
  // The host's view is rebuilt on every write: the charts keep their identity while what they show is the same.
  const signature = JSON.stringify(sheet ? sheet.charts.map((c) => previewChart(sheet, c)).filter((c): c is PreviewChart => c !== null) : []);
  const charts = useMemo(() => JSON.parse(signature) as PreviewChart[], [signature]);

  return (
    <section className={styles.grid} aria-label="Workbook">
      <TabList size="small" selectedValue={active} onTabSelect={(_, data) => onActivate(String(data.value))} aria-label="Sheets">
        {names.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      {sheet && values ? (
        <div className={styles.scroller} tabIndex={0} role="region" aria-label={`Cells of ${sheet.name}`}>
          <table ref={table} className={styles.table} data-sheet={sheet.name}>
            <thead>
              <tr>
                <th className={styles.head} aria-label="Row" />
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} className={styles.head} scope="col">
                    {columnLetter(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {values.values.map((line, r) => (
                <tr key={r}>
                  <th className={styles.rowHead} scope="row">
                    {r + 1}
                  </th>
                  {line.map((value, c) => {
                    const formula = values.formulas[r][c];
                    const shown = formula && value === "" ? formula : displayValue(value, values.numberFormats[r][c]);
                    const link = sheet.hyperlinks[`${columnLetter(c)}${r + 1}`];
                    const target = link ? linkTarget(link) : null;
                    const colours = colourOf(sheet, r, c, value);
                    const isSelected = selected !== null && r >= selected.row && r < selected.row + selected.rows && c >= selected.col && c < selected.col + selected.cols;
                    const classes = [styles.cell, headerCells.has(`${r}:${c}`) ? styles.tableHeader : "", isSelected ? styles.selected : ""].join(" ");
                    return (
                      <td
                        key={c}
                        className={classes}
                        title={formula ?? undefined}
                        data-cell={`${columnLetter(c)}${r + 1}`}
                        data-selected={isSelected || undefined}
                        style={colours ? { backgroundColor: colours.fill, color: colours.color } : undefined}
                      >
                        {target ? (
                          <Link as="button" inline onClick={() => onFollow(target.sheet, target.cell)} title={`Go to ${link?.documentReference ?? ""}`}>
                            {link?.textToDisplay ?? shown}
                          </Link>
                        ) : (
                          shown
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <ChartOverlay charts={charts} table={table} />
        </div>
      ) : (
        <Caption1>This sheet is empty.</Caption1>
      )}
    </section>
  );
}
