import type { SheetData } from "../../src/core/model";
import type { OutputPlan, Progress, WriteResult } from "../../src/core/plan";
import type { StoredState, WorkbookPort } from "../../src/workbook/port";

/** A workbook port held in memory: sheets as values, state as an object, plans recorded. */
export class MemoryPort implements WorkbookPort {
  readonly written: OutputPlan[] = [];

  constructor(
    private readonly sheets: SheetData[],
    public state: StoredState = {},
  ) {}

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readSheets(names?: string[]): Promise<SheetData[]> {
    return names ? this.sheets.filter((s) => names.includes(s.name)) : this.sheets;
  }

  async writeSheets(plan: OutputPlan, options: { onProgress?: (p: Progress) => void } = {}): Promise<WriteResult> {
    this.written.push(plan);
    plan.sheets.forEach((s, i) => options.onProgress?.({ done: i + 1, total: plan.sheets.length, sheet: s.name }));
    return { names: Object.fromEntries(plan.sheets.map((s) => [s.key, s.name])) };
  }

  async readState(): Promise<StoredState> {
    return this.state;
  }

  async writeState(state: StoredState): Promise<void> {
    this.state = state;
  }
}

