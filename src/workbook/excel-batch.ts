/**
 * The one wrapper every Excel batch runs through. It is the only code that
 * sends a request (`sync` on Office's request context): it counts round trips,
 * keeps each request under a payload budget, and turns Office errors into
 * `WorkbookError`s with a plain message.
 */
import type { ExcelApi, ExcelWorkbookProxy } from "./excel-api";
import { WorkbookError } from "./port";

/** Excel on the web refuses requests and responses over 5 MB; staying under 4 MB leaves room for the operations around the data. */
export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;

export interface BatchContext {
  readonly workbook: ExcelWorkbookProxy;
  /** Most bytes one request may carry. */
  readonly budgetBytes: number;
  /** Sends the queued operations: one round trip. */
  sync(): Promise<void>;
  /**
   * Makes room for `bytes` more in the request being built: sends the pending
   * request first when adding them would pass the payload budget. This is how
   * large writes and reads are split, so round trips grow with bytes, not rows.
   */
  reserve(bytes: number): Promise<void>;
  /** Runs `callback` once the operations queued so far have been sent. */
  afterSync(callback: () => void): void;
}

export interface BatchOptions {
  /** Queued at the start of the batch and of every request `reserve` starts, e.g. suspending calculation until it is sent. */
  eachRequest?: (workbook: ExcelWorkbookProxy) => void;
}

export class BatchRunner {
  private trips = 0;

  constructor(
    private readonly excel: ExcelApi,
    readonly budgetBytes: number = DEFAULT_PAYLOAD_BUDGET,
  ) {}

  /** Round trips made so far by every batch this runner ran. */
  get roundTrips(): number {
    return this.trips;
  }

  async run<T>(body: (context: BatchContext) => Promise<T>, options: BatchOptions = {}): Promise<T> {
    try {
      return await this.excel.run(async (request) => {
        let pending = 0;
        let waiting: Array<() => void> = [];
        const budget = this.budgetBytes;
        options.eachRequest?.(request.workbook);
        const context: BatchContext = {
          workbook: request.workbook,
          budgetBytes: budget,
          sync: async () => {
            pending = 0;
            this.trips += 1;
            await request.sync();
            const done = waiting;
            waiting = [];
            for (const callback of done) callback();
          },
          reserve: async (bytes) => {
            if (pending > 0 && pending + bytes > budget) {
              await context.sync();
              options.eachRequest?.(request.workbook);
            }
            pending += bytes;
          },
          afterSync: (callback) => {
            waiting.push(callback);
          },
        };
        return await body(context);
      });
    } catch (error) {
      throw toWorkbookError(error);
    }
  }
}

interface OfficeErrorLike {
  code: string;
  message: string;
  debugInfo?: { errorLocation?: string };
}

function isOfficeError(error: unknown): error is OfficeErrorLike {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** What each Office error code means for the user, in plain words. */
const PLAIN = {
  ItemNotFound: "Excel could not find a sheet, table or range that Altitude needed",
  ItemAlreadyExists: "A sheet or table with that name already exists",
  InvalidArgument: "Excel did not accept a value Altitude sent",
  InvalidOperation: "Excel did not allow that change",
  AccessDenied: "The workbook is protected or read-only",
  RequestPayloadSizeLimitExceeded: "The change was too large to send to Excel at once",
  ResponsePayloadSizeLimitExceeded: "The sheet was too large to read from Excel at once",
  InvalidOperationInCellEditMode: "Excel is busy while a cell is being edited; finish editing and try again",
  GeneralException: "Excel reported an internal error",
} satisfies Record<string, string>;

/**
 * Turns an Office.js error (code, message, debugInfo) into a WorkbookError with
 * a plain message; WorkbookErrors pass through and other errors are kept.
 *
 * @example
 * toWorkbookError({ code: "ItemAlreadyExists", message: "The resource already exists." }).message
 * // "A sheet or table with that name already exists: The resource already exists."
 */
export function toWorkbookError(error: unknown): Error {
  if (error instanceof WorkbookError) return error;
  if (!isOfficeError(error)) return error instanceof Error ? error : new WorkbookError(String(error));
  const plain = error.code in PLAIN ? PLAIN[error.code as keyof typeof PLAIN] : "Excel refused the request";
  return new WorkbookError(`${plain}: ${error.message}`, error.code, error.debugInfo?.errorLocation);
}

