/**
 * Installs the CustomFunctions stand-in on import, recording what the functions
 * module registers, so it can be loaded and called in node as Excel would call it.
 */
import { installCustomFunctionsStandIn, StandInCellError } from "../../src/functions/runtime-stand-in";

/** Functions registered with `CustomFunctions.associate`, by id. */
export const associated = new Map<string, unknown>();

installCustomFunctionsStandIn((id, fn) => associated.set(id, fn));

/** The code and message of a cell error, or `undefined` when the value is not one. */
export function errorOf(value: unknown): { code: string; message?: string } | undefined {
  return value instanceof StandInCellError ? { code: value.code, message: value.message } : undefined;
}
