/**
 * The Map view's draft of one sheet's mapping: where it starts (the saved
 * mapping, or recognition's guess with its doubts), the edits a person makes,
 * and saving or forgetting it through the application layer.
 */
import { useMemo, useState } from "react";
import type { SheetArrangement, SheetData, SheetKind } from "../../../core/model";
import { PERIOD_COLUMN_KINDS, describe, forgetMapping, mappingToEdit, saveMapping, SHEET_KINDS, type MappingToEdit } from "../../../app";
import { useAction } from "../../app/feedback";
import { useHost, useWorkbook } from "../../app/host";
import { fieldLabel } from "../../models/map";

export type Draft = MappingToEdit["mapping"];

export interface MappingDraft {
  start: MappingToEdit;
  mapping: Draft;
  setKind(kind: SheetKind): void;
  setHeaderRow(row: number): void;
  /** Puts a field in a column (`null`: not in this sheet); a column holds one field, so a period column it was is freed. */
  setColumn(field: string, col: number | null): void;
  arrange(change: Partial<SheetArrangement>): void;
  /** Applies a whole mapping (a doubt's other choice). */
  replace(mapping: Draft): void;
  action: ReturnType<typeof useAction>;
  save(): Promise<void>;
  forget(): Promise<void>;
}

/**
 * The draft of one sheet's mapping for the Map view, with its edits and actions.
 *
 * @example
 * const draft = useMappingDraft(sheet);
 * draft.arrange({ periodColumns: [1, 2, 3] });
 * await draft.save(); // "Saved: Planner is read as KPIs with 1 mapped columns and 3 period columns."
 */
export function useMappingDraft(sheet: SheetData): MappingDraft {
  const { port } = useHost();
  const { loaded, reload } = useWorkbook();
  const action = useAction();
  const start = useMemo(() => (loaded ? mappingToEdit(loaded, sheet.name) : null), [loaded, sheet.name]);
  const [mapping, setMapping] = useState<Draft>(() => start?.mapping ?? { kind: "okr", headerRow: 1, columns: {}, arrangement: blank() });
  const arrange = (change: Partial<SheetArrangement>) => setMapping({ ...mapping, arrangement: { ...mapping.arrangement, ...change } });
  return {
    start: start ?? { source: "none", mapping, doubts: [], complete: true, sections: 0 },
    mapping,
    setKind: (kind) => {
      const guessed = start?.mapping.kind === kind ? start.mapping : null;
      const periods = PERIOD_COLUMN_KINDS.includes(kind) ? (guessed?.arrangement.periodColumns ?? []) : [];
      setMapping({ ...mapping, kind, columns: { ...(guessed?.columns ?? {}) }, arrangement: { ...mapping.arrangement, formFields: { ...(guessed?.arrangement.formFields ?? {}) }, periodColumns: periods } });
    },
    setHeaderRow: (headerRow) => setMapping({ ...mapping, headerRow }),
    setColumn: (field, col) => {
      const columns = { ...mapping.columns };
      if (col === null) delete columns[field];
      else columns[field] = col;
      const formFields = { ...mapping.arrangement.formFields };
      if (col !== null) delete formFields[field];
      const periodColumns = mapping.arrangement.periodColumns.filter((c) => c !== col);
      setMapping({ ...mapping, columns, arrangement: { ...mapping.arrangement, formFields, periodColumns } });
    },
    arrange,
    replace: setMapping,
    action,
    save: () =>
      action.run(async () => {
        if (!loaded) return null;
        const done = await saveMapping(port, loaded, sheet.name, mapping);
        // The pane names the missing fields as its drop-downs label them.
        if (!done.ok && done.code === "missing-columns") throw new Error(describe({ ...done, fields: done.fields.map((f) => fieldLabel(mapping.kind, f)) }));
        if (!done.ok) throw new Error(done.message);
        await reload();
        const periods = mapping.arrangement.periodColumns.length;
        return `Saved: ${sheet.name} is read as ${SHEET_KINDS[mapping.kind].label} with ${Object.keys(mapping.columns).length} mapped columns${periods > 0 ? ` and ${periods} period columns` : ""}.`;
      }),
    forget: () =>
      action.run(async () => {
        if (!loaded) return null;
        await forgetMapping(port, loaded, sheet.name);
        const next = await reload();
        if (next) setMapping(mappingToEdit(next, sheet.name).mapping);
        return `${sheet.name} is recognised from its headers again.`;
      }),
  };
}

function blank(): SheetArrangement {
  return { groupRow: null, headingRows: true, formFields: {}, periodColumns: [], year: null };
}
