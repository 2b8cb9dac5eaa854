/**
 * Runs contracts against a host on a scratch sheet of their own, one after
 * another, and removes the scratch sheet afterwards even when a contract or
 * the host fails, so a diagnostic run leaves the workbook as it was.
 */
import { ContractFailure, type Contract } from "./contracts";
import { answerOf, type ContractHost } from "./host";

export interface ContractResult {
  id: string;
  title: string;
  source: string;
  passed: boolean;
  /** What the host answered: the observation on a pass, the refusal or difference on a failure. */
  answered: string;
  /** Why the contract does not apply to this host (it needs what the host lacks); it is then not run. */
  notApplicable?: string;
}

export interface RunOptions {
  /** Called after each contract, for progress. */
  onResult?: (result: ContractResult, done: number, total: number) => void;
}

/** The scratch sheet's name: unlikely to be taken, valid on every host. */
export const SCRATCH_SHEET = "Altitude diagnostics";

/**
 * Runs each contract on a fresh scratch sheet and reports pass or fail with what the host answered.
 *
 * @example
 * const results = await runContracts(host, CONTRACTS);
 * results.filter((r) => !r.passed).map((r) => `${r.title}: ${r.answered}`);
 */
export async function runContracts(host: ContractHost, contracts: Contract[], options: RunOptions = {}): Promise<ContractResult[]> {
  const results: ContractResult[] = [];
  for (const contract of contracts) {
    const result = await runOne(host, contract);
    results.push(result);
    options.onResult?.(result, results.length, contracts.length);
  }
  return results;
}

async function runOne(host: ContractHost, contract: Contract): Promise<ContractResult> {
  const base = { id: contract.id, title: contract.title, source: contract.source };
  const lacking = contract.needs ? host.lacks?.[contract.needs] : undefined;
  if (lacking) return { ...base, passed: true, answered: "not applicable", notApplicable: lacking };
  try {
    await host.removeSheet(SCRATCH_SHEET);
    await host.addSheet(SCRATCH_SHEET);
    const answered = await contract.run(host, SCRATCH_SHEET);
    return { ...base, passed: true, answered };
  } catch (error) {
    return { ...base, passed: false, answered: error instanceof ContractFailure ? error.message : `failed: ${answerOf(error)}` };
  } finally {
    try {
      await host.removeSheet(SCRATCH_SHEET);
    } catch {
      // The contract's own outcome is what is reported; a sheet left behind is retried before the next one.
    }
  }
}
