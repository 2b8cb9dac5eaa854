/** A task pane host over the in-memory Excel host, for component tests. */
import { render } from "@testing-library/react";
import { App, type AppView } from "../../src/taskpane/app/App";
import type { AltitudeHost } from "../../src/taskpane/app/host";
import { createExcelWorkbook } from "../../src/workbook/excel";
import { createExcelEditor } from "../../src/workbook/excel-editor";
import { createFakeExcel, type FakeExcel, type FakeSheetInput } from "../../src/workbook/fake-excel";

// jsdom has no ResizeObserver; Fluent's message bar only uses it to reflow long text.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResizeObserver;

// The Overview draws charts: the pane's first render in jsdom takes a few seconds on a busy machine.
jest.setTimeout(20_000);

export const OKR_SHEET: FakeSheetInput = {
  name: "OKRs",
  values: [
    ["Period", "Team", "Objective", "Key result", "Owner", "Type", "Start", "Target", "Current"],
    ["2026-Q3", "People", "Keep great people", "Reduce churn from 4.2% to 2.8%", "Ana López", "decrease", 0.042, 0.028, 0.035],
    ["2026-Q3", "People", "", "Raise NPS from 40 to 60", "Ana López", "increase", 40, 60, 50],
    ["2026-Q3", "Sales", "Win faster", "Maintain NPS above 45", "", "maintain", "", 45, 52],
  ],
};

export const NOTES_SHEET: FakeSheetInput = { name: "Notes", values: [["Remember the offsite"]] };

export interface TestHost {
  fake: FakeExcel;
  host: AltitudeHost;
}

/** A host over the given sheets; `editor` overrides replace the real editor's operations (e.g. spies). */
export function makeHost(sheets: FakeSheetInput[] = [OKR_SHEET, NOTES_SHEET], editor: Partial<AltitudeHost["editor"]> = {}): TestHost {
  const fake = createFakeExcel({ sheets });
  const real = createExcelEditor(fake.Excel);
  return {
    fake,
    host: { port: createExcelWorkbook(fake.Excel), editor: { ...real, ...editor }, asOf: "2026-08-15" },
  };
}

export function renderPane(host: AltitudeHost, initialView: AppView = "home") {
  return render(<App host={host} initialView={initialView} />);
}
