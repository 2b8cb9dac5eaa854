/**
 * Columns holding one figure per period (`Jan … Dec`, `Q1 … Q4`, `Week 1 … 12`)
 * and the year of those written without one. On a KPI sheet each ticked
 * column is a reading of its own; on a key-result sheet the latest filled one
 * is the current value (a weekly grade, when there is no target).
 */
import { Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetData } from "../../../core/model";
import { PERIOD_COLUMN_KINDS, periodLabel } from "../../../app";
import { headerCells } from "../../models/map";
import type { MappingDraft } from "./draft";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  columns: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))" },
});

export function PeriodColumns({ sheet, draft }: { sheet: SheetData; draft: MappingDraft }) {
  const styles = useStyles();
  const { mapping } = draft;
  if (!PERIOD_COLUMN_KINDS.includes(mapping.kind)) return null;
  const mapped = new Set(Object.values(mapping.columns));
  const chosen = new Set(mapping.arrangement.periodColumns);
  const offered = headerCells(sheet, mapping.headerRow).filter((h) => !mapped.has(h.col));
  const toggle = (col: number, on: boolean) => {
    const next = on ? [...chosen, col] : [...chosen].filter((c) => c !== col);
    draft.arrange({ periodColumns: next.sort((a, b) => a - b) });
  };
  const how =
    mapping.kind === "kpi"
      ? "Each ticked column is one reading, for the period its title names."
      : "The latest filled ticked column is each key result's current value (its grade, when there is no target).";
  const year = mapping.arrangement.year;
  return (
    <fieldset className={styles.fieldset} aria-describedby="period-columns-how">
      <legend className={styles.legend}>Period columns</legend>
      <span id="period-columns-how">{how}</span>
      <div className={styles.columns}>
        {offered.map((h) => (
          <Checkbox key={h.col} label={h.label} checked={chosen.has(h.col)} onChange={(_, data) => toggle(h.col, data.checked === true)} />
        ))}
      </div>
      {chosen.size > 0 && (
        <Field label="Year of the period columns" hint={yearHint(offered, chosen, mapping.kind === "kpi")}>
          <Input
            type="number"
            min={1900}
            max={9998}
            value={year === null ? "" : String(year)}
            onChange={(_, data) => {
              const n = Number(data.value);
              draft.arrange({ year: data.value.trim() !== "" && Number.isInteger(n) && n >= 1900 && n <= 9998 ? n : null });
            }}
          />
        </Field>
      )}
    </fieldset>
  );
}

/** Says whether the titles carry their year, so the person knows when to give one. */
function yearHint(offered: Array<{ col: number; text: string }>, chosen: ReadonlySet<number>, kpi: boolean): string {
  const titled = offered.filter((h) => chosen.has(h.col)).map((h) => periodLabel(h.text));
  if (titled.some((p) => p === null)) return "Some ticked columns have no period as their title; each reading of those will be reported.";
  if (kpi && titled.some((p) => p?.unit === "week")) return "A KPI reading is for a month or a quarter: week columns are read on key-result sheets, as weekly grades.";
  if (titled.every((p) => p?.year)) return "The titles give their own year, which is used.";
  return "Leave blank to take it from the group row or the title, else the year of the as-of date.";
}
