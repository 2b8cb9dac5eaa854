/**
 * The dashboard's state: the quarter shown, the figure chosen and whether its
 * rows could be selected. Choosing a figure selects the first block of rows
 * behind it (Excel selects one rectangle at a time; RangeAreas has no select()).
 */
import { useMemo, useState } from "react";
import { computeDashboard, type Area, type Dashboard, type DashboardChart, type Figure } from "../../../app/dashboard";
import { useHost, useWorkbook } from "../../app/host";

export interface Chosen {
  chart: DashboardChart;
  figure: Figure;
}

export interface DashboardState {
  dashboard: Dashboard | null;
  chosen: Chosen | null;
  /** Why the rows could not be selected, when they could not. */
  failure: string | null;
  choosePeriod(label: string): void;
  open(chart: DashboardChart, figure: Figure): void;
  select(area: Area): void;
}

/**
 * The dashboard of the loaded workbook for the quarter chosen (the default one at first).
 *
 * @example
 * const { dashboard, choosePeriod, open } = useDashboard();
 * choosePeriod("2026-Q2") // dashboard.period is now 2026-Q2; the figure chosen is forgotten
 */
export function useDashboard(): DashboardState {
  const { loaded } = useWorkbook();
  const { editor } = useHost();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const dashboard = useMemo(() => (loaded ? computeDashboard(loaded, { period }) : null), [loaded, period]);

  const select = (area: Area) => {
    setFailure(null);
    editor.select(area.sheet, area.address).catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  };
  const open = (chart: DashboardChart, figure: Figure) => {
    setChosen({ chart, figure });
    if (figure.behind.areas.length > 0) select(figure.behind.areas[0]);
  };
  const choosePeriod = (label: string) => {
    setPeriod(label);
    setChosen(null);
  };
  return { dashboard, chosen, failure, choosePeriod, open, select };
}
