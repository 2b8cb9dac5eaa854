/**
 * Installs the CustomFunctions stand-in so the functions module can be loaded and
 * timed outside Excel. Returns a test for the cell errors it builds.
 */
import { installCustomFunctionsStandIn, StandInCellError } from "../src/functions/runtime-stand-in";

export function installCustomFunctionsStub(): (value: unknown) => boolean {
  installCustomFunctionsStandIn();
  return (value) => value instanceof StandInCellError;
}
