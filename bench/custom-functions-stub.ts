/**
 * The part of Excel's CustomFunctions global the functions module needs outside
 * Excel: the Error class and codes, and `associate`. Returns a test for errors.
 */
class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installCustomFunctionsStub(): (value: unknown) => boolean {
  Object.assign(globalThis, {
    CustomFunctions: {
      Error: StubError,
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
    },
  });
  return (value) => value instanceof StubError;
}
