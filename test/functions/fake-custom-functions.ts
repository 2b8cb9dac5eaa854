/**
 * A small stand-in for Excel's CustomFunctions global, installed on import so the
 * functions module can be loaded and called in node as Excel would call it.
 */

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Functions registered with `CustomFunctions.associate`, by id. */
export const associated = new Map<string, unknown>();

(globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
  Error: FakeError,
  ErrorCode,
  associate: (id: string, fn: unknown) => associated.set(id, fn),
};

/** The code and message of a cell error, or `undefined` when the value is not one. */
export function errorOf(value: unknown): { code: string; message?: string } | undefined {
  return value instanceof FakeError ? { code: value.code, message: value.message } : undefined;
}
