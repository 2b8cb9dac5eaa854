/**
 * The workbook the in-memory host holds: sheets with their cells and everything
 * Altitude can put on them (tables, charts, conditional formats, validation,
 * links, styles). Proxies change it only when a request is synced.
 */
import type { Rect } from "./address";
import type { FakeRequestContext } from "./context";
import { Grid, type CellValue } from "./grid";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface HyperlinkState {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
}

export interface TableState {
  name: string;
  sheet: SheetState;
  /** Header row included. */
  rect: Rect;
  style: string;
  showBandedRows: boolean;
}

export interface ChartState {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: { start: string; end?: string } | null;
  /** Fill of each point of the first series, by point index, as set. */
  pointColors: string[];
}

export interface ConditionalFormatState {
  address: string;
  type: string;
  rule: Record<string, unknown> | null;
  fill: string | null;
  fontColor: string | null;
}

export interface ValidationState {
  address: string;
  rule: unknown;
}

/** One style property set on a range, e.g. `{ address: "A1:C1", property: "font.bold", value: true }`. */
export interface StyleRecord {
  address: string;
  property: string;
  value: unknown;
}

export class SheetState {
  readonly grid = new Grid();
  visibility: Visibility = "Visible";
  tabColor = "";
  freeze = { rows: 0, cols: 0 };
  readonly charts: ChartState[] = [];
  readonly conditionalFormats: ConditionalFormatState[] = [];
  readonly validations: ValidationState[] = [];
  readonly hyperlinks = new Map<string, HyperlinkState>();
  readonly styles: StyleRecord[] = [];
  /** Points, by zero-based column. */
  readonly columnWidths = new Map<number, number>();
  readonly autofitted: string[] = [];
  /** Merged areas, each at least two cells. */
  merges: Rect[] = [];
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}
}

export interface WorkbookState {
  sheets: SheetState[];
  tables: TableState[];
  active: SheetState | null;
  selection: { sheet: string; address: string } | null;
  calculationMode: string;
  /** The locale's decimal separator Excel reports. */
  decimalSeparator: string;
  nextSheetId: number;
  nextTableNumber: number;
  nextChartNumber: number;
  /** Evaluates a formula for reads of `values`; formulas read as `""` without it. */
  evaluate?: (formula: string, sheet: string, row: number, col: number) => CellValue;
  /** The highest ExcelApi 1.x minor version the host supports, e.g. 17 for ExcelApi 1.17. */
  apiMinor: number;
  /** Event handlers registered through `worksheets.onAdded.add` and the like, by event name. */
  handlers: Map<string, Array<(event: unknown) => Promise<unknown>>>;
}

/**
 * Calls the handlers of an event after the request that caused it, as Excel does: not awaited by the batch.
 *
 * @example
 * raise(state, "onDeleted", { worksheetId: sheet.id }) // soon after: each onDeleted handler gets { type: "onDeleted", source: "Local", worksheetId }
 */
export function raise(state: WorkbookState, event: string, args: Record<string, unknown>): void {
  for (const handler of state.handlers.get(event) ?? []) {
    setTimeout(() => void handler({ type: event, source: "Local", ...args }), 0);
  }
}

/** What a range, table or chart proxy needs of the worksheet proxy it came from. */
export interface SheetHandle {
  readonly context: FakeRequestContext;
  readonly workbook: WorkbookState;
  /** The sheet now; throws ItemNotFound when it is gone. */
  state(): SheetState;
}
