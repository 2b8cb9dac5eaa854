/** Small building blocks the views share: a section with a heading, and facts about sheets. */
import { useCallback, useState, type ReactNode } from "react";
import { Field, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { comparePeriods, parseA1, periodChoice, rememberPeriod, type Output } from "../../app";
import type { ParsedWorkbook, Period, SheetData } from "../../core/model";
import { useHost, useWorkbook } from "../app/host";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const styles = useStyles();
  const headingId = id ?? `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export function useLayoutStyles() {
  return useStyles();
}

/** Distinct periods, latest first. */
export function distinctPeriods(periods: Array<Period | null>): Period[] {
  const byLabel = new Map<string, Period>();
  for (const p of periods) if (p) byLabel.set(p.label, p);
  return [...byLabel.values()].sort((a, b) => comparePeriods(b, a));
}

/** The periods of the records read from one sheet, latest first. */
export function periodsOfSheet(parsed: ParsedWorkbook, sheet: string): Period[] {
  const on = <T extends { sheet: string; period: Period | null }>(records: T[]) => records.filter((r) => r.sheet === sheet).map((r) => r.period);
  return distinctPeriods([...on(parsed.keyResults), ...on(parsed.kpis), ...on(parsed.kras)]);
}

/** A number for people: at most two decimals, percentages as they are stored. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** Whether an Excel number format shows its value as a percentage (a `%` outside quotes). */
export function isPercentFormat(format: string | null | undefined): boolean {
  return typeof format === "string" && format.replace(/"[^"]*"/g, "").includes("%");
}

/** The number format of one cell of the sheets as read, when known. */
export function numberFormatAt(sheets: readonly SheetData[], sheet: string, address: string | undefined): string | null {
  const data = sheets.find((s) => s.name === sheet);
  const at = address ? parseA1(address) : null;
  if (!data || !at) return null;
  return data.numberFormats?.[at.row - data.origin.row]?.[at.col - data.origin.col] ?? null;
}

/** A figure as the user's sheet shows it: percentages (0.035 in a `0.0%` cell) as `3.5%`, others as {@link formatNumber}. */
export function formatFigure(value: number, percent: boolean): string {
  return percent ? `${formatNumber(Math.round(value * 10000) / 100)}%` : formatNumber(value);
}

/**
 * The periods offered for an output and the one shown: picked here, else the
 * workbook's default (the one last chosen, else the latest). Picking one keeps
 * it in the workbook, so the ribbon button and the CLI use it too.
 */
export function useOutputPeriod(output: Output): { periods: Period[]; period: Period | null; choose(label: string): void } {
  const { port } = useHost();
  const { loaded } = useWorkbook();
  const [picked, setPicked] = useState<string | null>(null);
  const choice = loaded ? periodChoice(loaded, output) : { periods: [], chosen: null };
  const period = choice.periods.find((p) => p.label === picked) ?? choice.chosen;
  const choose = useCallback(
    (label: string) => {
      setPicked(label);
      const next = choice.periods.find((p) => p.label === label);
      // Remembering is a convenience: a workbook that cannot store it still builds for the pick.
      if (loaded && next) rememberPeriod(port, loaded, output, next).catch(() => undefined);
    },
    [choice.periods, loaded, output, port],
  );
  return { periods: choice.periods, period, choose };
}

/** A drop-down of periods. */
export function PeriodField({ label, periods, value, onChoose }: { label: string; periods: Period[]; value: string; onChoose(label: string): void }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChoose(data.value)}>
        {periods.map((p) => (
          <option key={p.label}>{p.label}</option>
        ))}
      </Select>
    </Field>
  );
}
