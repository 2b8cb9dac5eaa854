/**
 * The part of Excel's custom functions runtime that Altitude uses (normally from
 * @types/custom-functions-runtime, which this project does not install). At run
 * time Excel provides the global; tests provide a small fake.
 */
declare namespace CustomFunctions {
  /** A cell error with a message Excel shows next to the cell. */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }

  /** Binds a function to the id declared in functions.json. */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
