/** How the Diagnostics view shows each contract's result. */
import type { ContractResult } from "../../contracts/run";

/**
 * A contract's source as its page name and address (`Name: https://…`).
 *
 * @example
 * sourceOf("Excel limits: https://learn.microsoft.com/x") // { name: "Excel limits", url: "https://learn.microsoft.com/x" }
 */
export function sourceOf(source: string): { name: string; url: string } {
  const at = source.search(/https?:\/\//);
  if (at < 0) return { name: source, url: "" };
  return { name: source.slice(0, at).replace(/[\s:(]+$/, "") || source.slice(at), url: source.slice(at).replace(/\)$/, "") };
}

/**
 * The badge of one result.
 *
 * @example
 * verdict({ passed: false }) // { label: "Fail", colour: "danger" }
 */
export function verdict(result: Pick<ContractResult, "passed" | "notApplicable">): { label: string; colour: "informative" | "success" | "danger" } {
  if (result.notApplicable) return { label: "Not applicable", colour: "informative" };
  return result.passed ? { label: "Pass", colour: "success" } : { label: "Fail", colour: "danger" };
}

/**
 * The line once every contract has run.
 *
 * @example
 * diagnosticsSummary([{ passed: true }, { passed: false }]) // "1 of 2 hold: see the failures below."
 */
export function diagnosticsSummary(results: ReadonlyArray<Pick<ContractResult, "passed">>): string {
  const passed = results.filter((r) => r.passed).length;
  return `${passed} of ${results.length} hold${passed === results.length ? "." : ": see the failures below."}`;
}
