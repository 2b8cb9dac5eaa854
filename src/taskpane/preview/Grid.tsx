/**
 * A simple view of the in-memory workbook beside the pane: one tab per sheet,
 * the active sheet's cells (formulas as they evaluate, or their text), table
 * headers, conditional colours, links that move between sheets, the charts
 * floating over their cells and the selected cell, so a newcomer sees what the
 * pane does to the workbook as Excel would show it.
 */
import { useMemo, useRef, type ReactNode } from "react";
import { Caption1, Tab, TabList } from "@fluentui/react-components";
import { columnLetter } from "../../app";
import { parseRange, type FakeExcel } from "../../hosts/excel-stand-in";
import { ChartOverlay } from "./ChartOverlay";
import { colourOf, gridSize, isSelected, tableHeaders } from "./cells";
import { previewChart, type PreviewChart } from "./charts";
import { GridCell } from "./GridCell";
import { useGridStyles } from "./grid-styles";

export interface GridProps {
  fake: FakeExcel;
  onActivate(sheet: string): void;
  /** Follows a link: shows its sheet and selects its cell. */
  onFollow(sheet: string, cell: string): void;
}

export function Grid({ fake, onActivate, onFollow }: GridProps) {
  const styles = useGridStyles();
  const table = useRef<HTMLTableElement>(null);
  const names = fake.sheetNames().filter((name) => fake.getSheet(name)?.visibility === "Visible");
  const active = fake.activeSheet() ?? names[0];
  const sheet = active ? fake.getSheet(active) : undefined;
  const selection = fake.selection();
  const selected = selection && sheet && selection.sheet === sheet.name ? parseRange(selection.address) : null;
  const { rows, cols } = sheet ? gridSize(sheet) : { rows: 0, cols: 0 };
  const values = sheet?.used ? sheet.range(`A1:${columnLetter(cols - 1)}${rows}`) : null;
  // The host's view is rebuilt on every write: the charts keep their identity while what they show is the same.
  const signature = JSON.stringify(sheet ? sheet.charts.map((c) => previewChart(sheet, c)).filter((c): c is PreviewChart => c !== null) : []);
  const charts = useMemo(() => JSON.parse(signature) as PreviewChart[], [signature]);
  if (!sheet || !values) {
    return (
      <GridFrame names={names} active={active} onActivate={onActivate}>
        <Caption1>This sheet is empty.</Caption1>
      </GridFrame>
    );
  }
  const isHeader = tableHeaders(sheet);

  return (
    <GridFrame names={names} active={active} onActivate={onActivate}>
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
                {line.map((value, c) => (
                  <GridCell
                    key={c}
                    row={r}
                    col={c}
                    value={value}
                    formula={values.formulas[r][c]}
                    format={values.numberFormats[r][c]}
                    link={sheet.hyperlinks[`${columnLetter(c)}${r + 1}`]}
                    colours={colourOf(sheet, r, c, value)}
                    header={isHeader(r, c)}
                    selected={isSelected(selected, r, c)}
                    onFollow={onFollow}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <ChartOverlay charts={charts} table={table} />
      </div>
    </GridFrame>
  );
}

/** The sheet tabs above whatever the grid shows. */
function GridFrame({ names, active, onActivate, children }: { names: string[]; active: string | undefined; onActivate(sheet: string): void; children: ReactNode }) {
  const styles = useGridStyles();
  return (
    <section className={styles.grid} aria-label="Workbook">
      <TabList size="small" selectedValue={active} onTabSelect={(_, data) => onActivate(String(data.value))} aria-label="Sheets">
        {names.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      {children}
    </section>
  );
}
