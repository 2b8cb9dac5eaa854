/**
 * Help › Diagnostics: runs the workbook contract suite against the workbook
 * this pane is open on (a scratch sheet, removed afterwards) and shows each
 * contract's pass or fail with what the host answered.
 */
import { useState } from "react";
import { Badge, Body1, Button, Caption1, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { CONTRACTS } from "../../contracts/contracts";
import { runContracts, SCRATCH_SHEET, type ContractResult } from "../../contracts/run";
import { useHost } from "../app/host";
import { Section } from "./common";

export function Diagnostics() {
  const { contracts } = useHost();
  const [results, setResults] = useState<ContractResult[] | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  if (!contracts) return null;
  const run = async () => {
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
  const passed = results?.filter((r) => r.passed).length ?? 0;
  return (
    <Section title="Diagnostics">
      <Body1>
        Checks, on a scratch sheet named “{SCRATCH_SHEET}” that is removed afterwards, that {contracts.name} behaves as Altitude relies on: payload limits, text kept as text,
        tables, sheet names, events, errors and the functions’ error codes. Your sheets are not touched.
      </Body1>
      <div>
        <Button appearance="primary" onClick={() => void run()} disabled={progress !== null}>
          Run diagnostics
        </Button>
      </div>
      {progress !== null && <Spinner size="tiny" label={`Checking ${progress + 1} of ${CONTRACTS.length}…`} />}
      {results && results.length > 0 && progress === null && (
        <Body1 role="status">
          {passed} of {results.length} hold{passed === results.length ? "." : ": see the failures below."}
        </Body1>
      )}
      {results && results.length > 0 && (
        <Table size="small" aria-label="Diagnostics results">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Result</TableHeaderCell>
              <TableHeaderCell>Contract</TableHeaderCell>
              <TableHeaderCell>What {contracts.name} answered</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.map((result) => (
              <TableRow key={result.id}>
                <TableCell>
                  <Badge appearance="filled" color={result.passed ? "success" : "danger"}>
                    {result.passed ? "Pass" : "Fail"}
                  </Badge>
                </TableCell>
                <TableCell>
                  <Body1>{result.title}</Body1>
                  <br />
                  <Caption1>{result.source}</Caption1>
                </TableCell>
                <TableCell>{result.answered}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
