/**
 * Help › Diagnostics: runs the workbook contract suite against the workbook
 * this pane is open on (a scratch sheet, removed afterwards) and shows each
 * contract's pass or fail with what the host answered.
 */
import { useState } from "react";
import { Badge, Body1, Body1Strong, Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { CONTRACTS } from "../../contracts/contracts";
import { runContracts, SCRATCH_SHEET, type ContractResult } from "../../contracts/run";
import { useHost } from "../app/host";
import { Section } from "./common";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  head: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  badge: { flexShrink: 0 },
});

/** A contract's source as its page name and address (`Name: https://…`). */
function sourceOf(source: string): { name: string; url: string } {
  const at = source.search(/https?:\/\//);
  if (at < 0) return { name: source, url: "" };
  return { name: source.slice(0, at).replace(/[\s:(]+$/, "") || source.slice(at), url: source.slice(at).replace(/\)$/, "") };
}

export function Diagnostics() {
  const { contracts } = useHost();
  const styles = useStyles();
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
        <ul className={styles.list} aria-label="Diagnostics results">
          {results.map((result) => (
            <li key={result.id} className={styles.item}>
              <div className={styles.head}>
                <Badge className={styles.badge} appearance="filled" color={result.notApplicable ? "informative" : result.passed ? "success" : "danger"}>
                  {result.notApplicable ? "Not applicable" : result.passed ? "Pass" : "Fail"}
                </Badge>
                <Body1Strong>{result.title}</Body1Strong>
              </div>
              <Body1>{result.notApplicable ?? result.answered}</Body1>
              <Caption1 title={sourceOf(result.source).url}>Source: {sourceOf(result.source).name}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
