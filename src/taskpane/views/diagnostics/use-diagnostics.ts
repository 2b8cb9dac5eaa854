/** Runs the contract suite against the open workbook, showing each result as it comes. */
import { useState } from "react";
import { CONTRACTS } from "../../../contracts/contracts";
import type { ContractHost } from "../../../contracts/host";
import { runContracts, type ContractResult } from "../../../contracts/run";

export interface DiagnosticsRun {
  results: ContractResult[] | null;
  /** How many contracts have run, while running; `null` when not running. */
  progress: number | null;
  run(): Promise<void>;
}

/**
 * The contract suite's results over the host's contracts, filled in as each one finishes.
 *
 * @example
 * const { results, progress, run } = useDiagnostics(contracts);
 * await run() // progress counts 1, 2 … while running, then is null; results holds one per contract
 */
export function useDiagnostics(contracts: ContractHost | undefined): DiagnosticsRun {
  const [results, setResults] = useState<ContractResult[] | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const run = async () => {
    if (!contracts) return;
    setResults([]);
    setProgress(0);
    const done = await runContracts(contracts, CONTRACTS, {
      onResult: (result, count) => {
        setProgress(count);
        setResults((before) => [...(before ?? []), result]);
      },
    });
    setResults(done);
    setProgress(null);
  };
  return { results, progress, run };
}
