/**
 * The workbook and application proxies of the in-memory host: the entry
 * points a batch starts from, calculation and screen updating, and the
 * locale's number format.
 */
import type { ExcelApplication, ExcelWorkbookProxy } from "../../workbook/excel-api";
import { type FakeRequestContext, loaded } from "./context";
import { officeError } from "./errors";
import { FakeWorksheetCollection } from "./sheets";
import type { WorkbookState } from "./state";
import { FakeTableCollection } from "./tables";

export class FakeWorkbook implements ExcelWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext, state: WorkbookState) {
    this.worksheets = new FakeWorksheetCollection(context, state);
    this.tables = new FakeTableCollection(context, state, null);
    this.application = new FakeApplication(context, state);
  }
}

interface ApplicationProps {
  calculationMode: string;
}

export class FakeApplication implements ExcelApplication {
  private cache: Partial<ApplicationProps> = {};

  constructor(
    private readonly context: FakeRequestContext,
    private readonly state: WorkbookState,
  ) {}

  get calculationMode(): string {
    return loaded(this.cache, "calculationMode", "Application");
  }

  set calculationMode(mode: string) {
    this.cache.calculationMode = mode;
    this.context.enqueue({
      kind: "application.calculationMode",
      payload: mode,
      apply: () => {
        if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(mode)) throw officeError("InvalidArgument", mode);
        this.state.calculationMode = mode;
      },
    });
  }

  load(names?: string | string[]): FakeApplication {
    this.context.enqueue({
      kind: "load",
      payload: names ?? null,
      apply: () => {
        const response = { calculationMode: this.state.calculationMode };
        return { response, commit: () => Object.assign(this.cache, response) };
      },
    });
    return this;
  }

  /** The locale's number separators, as Excel reports them (ExcelApi 1.11). */
  get cultureInfo(): { numberFormat: FakeNumberFormatInfo } {
    return { numberFormat: new FakeNumberFormatInfo(this.context, this.state) };
  }

  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({
      kind: "application.suspendApiCalculationUntilNextSync",
      apply: () => {
        this.context.host.stats.calculationSuspensions += 1;
      },
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue({
      kind: "application.suspendScreenUpdatingUntilNextSync",
      apply: () => {
        this.context.host.stats.screenUpdatingSuspensions += 1;
      },
    });
  }
}

export class FakeNumberFormatInfo {
  private cache: { numberDecimalSeparator?: string } = {};

  constructor(
    private readonly context: FakeRequestContext,
    private readonly state: WorkbookState,
  ) {}

  get numberDecimalSeparator(): string {
    return loaded(this.cache, "numberDecimalSeparator", "NumberFormatInfo");
  }

  load(names?: string | string[]): FakeNumberFormatInfo {
    this.context.enqueue({
      kind: "load",
      payload: names ?? null,
      apply: () => {
        const response = { numberDecimalSeparator: this.state.decimalSeparator };
        return { response, commit: () => Object.assign(this.cache, response) };
      },
    });
    return this;
  }
}
