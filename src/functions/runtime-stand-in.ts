/**
 * A stand-in for the part of Excel's CustomFunctions global that the functions
 * use (the Error class, its codes and `associate`), so the real functions can run
 * outside Excel: in the browser preview, in benchmarks and in tests.
 */

/** A cell error as the stand-in builds it: Excel's code and the message it would show. */
export class StandInCellError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
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
