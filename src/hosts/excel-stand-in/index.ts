/**
 * An in-memory Excel host: the part of the Office.js Excel API Altitude uses,
 * with its proxy / load / sync model, its input rules and its errors. Tests
 * and benchmarks drive the Excel adapter with it, and the browser preview of
 * the task pane uses it as its workbook. No Node APIs, so it runs in browsers.
 *
 * ```ts
 * const fake = createFakeExcel({ sheets: [{ name: "OKRs", values: [["Objective"], ["Grow"]] }] });
 * await fake.Excel.run(async (context) => {
 *   const range = context.workbook.worksheets.getItem("OKRs").getRange("A2");
 *   range.load("values");
 *   await context.sync();
 *   range.values; // [["Grow"]]
 * });
 * fake.stats.syncs; // 1
 * ```
 */
import { parseRange } from "./address";
import { FakeHost, FakeRequestContext, type FailureSpec, type FakeStats } from "./context";
import { officeError } from "./errors";
import type { CellValue } from "./grid";
import { sheetNameProblem } from "./sheets";
import { SheetState, type Visibility, type WorkbookState } from "./state";
import { sheetView, type FakeSheetView } from "./view";
import { FakeWorkbook } from "./workbook";

export { FakeOfficeError } from "./errors";
export type { FailureSpec, FakeStats, RequestRecord } from "./context";
export type { CellValue } from "./grid";
export type { FakeSheetView } from "./view";
export type { ChartState, HyperlinkState } from "./state";
export { parseRange, type Rect } from "./address";

export interface FakeSheetInput {
  name: string;
  values: CellValue[][];
  numberFormats?: string[][];
  /** Zero-based top-left cell of `values`; A1 when omitted. */
  origin?: { row: number; col: number };
  visibility?: Visibility;
  /** Merged areas such as `A2:A4`. */
  merges?: string[];
}

export interface FakeExcelOptions {
  /** Largest request accepted, in bytes (Excel on the web: 5 MB). */
  requestLimitBytes?: number;
  /** The decimal separator of the host's locale; "." when omitted. */
  decimalSeparator?: string;
  /** Largest response accepted, in bytes (Excel on the web: 5 MB). */
  responseLimitBytes?: number;
  /**
   * The ExcelApi 1.x version the host supports, as its minor number: 17 (ExcelApi 1.17,
   * Microsoft 365) when omitted; 16 is Excel 2021's level, where `onNameChanged` is missing.
   */
  apiMinor?: number;
  /** Computes what a formula cell reads as; `""` when omitted. */
  evaluate?: (formula: string, sheet: string, row: number, col: number) => CellValue;
}

export const FIVE_MB = 5 * 1024 * 1024;

/** The request context handed to batches. */
export interface FakeContext {
  readonly workbook: FakeWorkbook;
  sync<T>(passThroughValue?: T): Promise<T | undefined>;
}

/** Enumerations as Office.js spells them; the fake accepts their string values. */
const ENUMS = {
  ConditionalFormatType: { cellValue: "CellValue", containsText: "ContainsText" },
  ConditionalCellValueOperator: { equalTo: "EqualTo", notEqualTo: "NotEqualTo", greaterThan: "GreaterThan", lessThan: "LessThan", between: "Between" },
  ConditionalTextOperator: { contains: "Contains", notContains: "NotContains", beginsWith: "BeginsWith", endsWith: "EndsWith" },
  ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered", pie: "Pie", doughnut: "Doughnut", line: "Line" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight" },
  BorderLineStyle: { none: "None", continuous: "Continuous" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
  CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
  ErrorCodes: {
    generalException: "GeneralException",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound",
    responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  },
} as const;

export type FakeExcelNamespace = typeof ENUMS & {
  run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T>;
};

export interface FakeExcel {
  Excel: FakeExcelNamespace;
  stats: FakeStats;
  /** Arms a one-off failure: the Nth sync from now, or the Nth operation of a kind (e.g. `worksheets.add`). */
  failOn(spec: FailureSpec): void;
  resetStats(): void;
  /** Every sheet name in tab order, hidden ones included. */
  sheetNames(): string[];
  /** A view of a sheet, or undefined when no sheet has that name (case-insensitive). */
  getSheet(name: string): FakeSheetView | undefined;
  activeSheet(): string | null;
  selection(): { sheet: string; address: string } | null;
  calculationMode(): string;
  /**
   * The part of the `Office` namespace the add-in asks about this host:
   * `Office.context.requirements.isSetSupported(name, minVersion)`
   * (https://learn.microsoft.com/en-us/javascript/api/office/office.requirementsetsupport#office-office-requirementsetsupport-issetsupported-member(1)).
   */
  Office: { context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } } };
}

/**
 * Creates an in-memory Excel host holding the given sheets.
 *
 * @example
 * const fake = createFakeExcel({ sheets: [{ name: "KPIs", values: [["KPI", "Actual"], ["NPS", 47]] }] });
 * fake.getSheet("KPIs")?.cell("B2").value // 47
 */
export function createFakeExcel(initial?: { sheets: FakeSheetInput[] }, options: FakeExcelOptions = {}): FakeExcel {
  const state: WorkbookState = {
    sheets: [],
    tables: [],
    active: null,
    selection: null,
    calculationMode: "Automatic",
    decimalSeparator: options.decimalSeparator ?? ".",
    nextSheetId: 1,
    nextTableNumber: 1,
    nextChartNumber: 1,
    evaluate: options.evaluate,
    apiMinor: options.apiMinor ?? 17,
    handlers: new Map(),
  };
  for (const input of initial?.sheets ?? [{ name: "Sheet1", values: [] }]) seedSheet(state, input);
  state.active = state.sheets.find((sheet) => sheet.visibility === "Visible") ?? null;

  const host = new FakeHost({
    requestBytes: options.requestLimitBytes ?? FIVE_MB,
    responseBytes: options.responseLimitBytes ?? FIVE_MB,
  });

  const Excel: FakeExcelNamespace = {
    ...ENUMS,
    async run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> {
      const request = new FakeRequestContext(host);
      const workbook = new FakeWorkbook(request, state);
      const context: FakeContext = { workbook, sync: (value) => request.sync(value) };
      try {
        const result = await batch(context);
        // Excel.run sends whatever the batch left queued.
        if (request.pending > 0) await request.sync();
        return result;
      } finally {
        request.close();
      }
    },
  };

  const find = (name: string) => state.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());

  return {
    Excel,
    stats: host.stats,
    failOn: (spec) => host.failOn(spec),
    resetStats: () => host.resetStats(),
    sheetNames: () => state.sheets.map((sheet) => sheet.name),
    getSheet: (name) => {
      const sheet = find(name);
      return sheet ? sheetView(state, sheet) : undefined;
    },
    activeSheet: () => state.active?.name ?? null,
    selection: () => state.selection,
    calculationMode: () => state.calculationMode,
    Office: { context: { requirements: { isSetSupported: (name, minVersion) => supports(state.apiMinor, name, minVersion) } } },
  };
}

/** The requirement sets this host answers for: ExcelApi up to its version, and the runtimes Excel 2021 and later have. */
function supports(apiMinor: number, name: string, minVersion = "1.1"): boolean {
  const [major, minor = 0] = minVersion.split(".").map(Number);
  if (name === "ExcelApi") return major === 1 && minor <= apiMinor;
  if (name === "SharedRuntime" || name === "CustomFunctionsRuntime" || name === "RibbonApi") return major === 1 && minor <= 1;
  return false;
}

function seedSheet(state: WorkbookState, input: FakeSheetInput): void {
  const problem = sheetNameProblem(input.name);
  if (problem) throw officeError("InvalidArgument", problem);
  const sheet = new SheetState(`{${String(state.nextSheetId++).padStart(8, "0")}}`, input.name);
  sheet.visibility = input.visibility ?? "Visible";
  const origin = input.origin ?? { row: 0, col: 0 };
  input.values.forEach((line, r) =>
    line.forEach((value, c) => {
      sheet.grid.setValue(origin.row + r, origin.col + c, value);
      const format = input.numberFormats?.[r]?.[c];
      if (format !== undefined) sheet.grid.setFormat(origin.row + r, origin.col + c, format);
    }),
  );
  for (const address of input.merges ?? []) {
    const rect = parseRange(address);
    if (!rect || rect.rows * rect.cols < 2) throw officeError("InvalidArgument", `Bad merged area ${address}.`);
    sheet.merges.push(rect);
  }
  state.sheets.push(sheet);
}
