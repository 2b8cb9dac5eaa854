// Outside Excel there is no custom functions runtime. The preview evaluates the
// ALTITUDE formulas itself by calling the real functions, which build their cell
// errors with CustomFunctions.Error: this gives them the little they need.
// Imported before the functions module, so the global exists when it loads.
class CellError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const shim = {
  Error: CellError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate: () => undefined,
};

const slot = globalThis as { CustomFunctions?: unknown };
slot.CustomFunctions ??= shim;

export {};
