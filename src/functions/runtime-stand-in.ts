/**
 * A stand-in for the part of Excel's CustomFunctions global that the functions
 * use (the Error class, its codes and `associate`), so the real functions can run
 * outside Excel: in the browser preview, in benchmarks and in tests.
 */

/** Codes whose custom message Excel shows; it drops the message of any other code. */
const CODES_WITH_MESSAGE: ReadonlySet<string> = new Set(["#VALUE!", "#N/A"]);

/**
 * A cell error as the stand-in builds it: Excel's code and the message it would
 * show. Like Excel, it keeps a message only with `#VALUE!` and `#N/A` ("You can
 * only return a custom error message with the #VALUE! and #N/A errors",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 */
export class StandInCellError {
  readonly message?: string;

  constructor(
    readonly code: string,
    message?: string,
  ) {
    if (CODES_WITH_MESSAGE.has(code)) this.message = message;
  }
}

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/**
 * Installs the stand-in as the global `CustomFunctions`, calling `associate` for
 * each function the functions module registers.
 *
 * @example
 * installCustomFunctionsStandIn();
 * new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "Not a number.").code // "#VALUE!"
 */
export function installCustomFunctionsStandIn(associate: (id: string, fn: unknown) => void = () => undefined): void {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: StandInCellError, ErrorCode: ERROR_CODES, associate };
}
