/**
 * Help › Diagnostics: runs the workbook contract suite against the workbook
 * this pane is open on (a scratch sheet, removed afterwards) and shows each
 * contract's pass or fail with what the host answered.
 */
import { Body1, Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { CONTRACTS } from "../../contracts/contracts";
import { SCRATCH_SHEET } from "../../contracts/run";
import { useHost } from "../app/host";
import { diagnosticsSummary } from "../models/diagnostics";
import { Section } from "./common";
import { ContractResultItem } from "./diagnostics/ContractResultItem";
import { useDiagnostics } from "./diagnostics/use-diagnostics";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export function Diagnostics() {
  const { contracts } = useHost();
  const styles = useStyles();
  const { results, progress, run } = useDiagnostics(contracts);
  if (!contracts) return null;
  const shown = results !== null && results.length > 0;
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
      {shown && progress === null && <Body1 role="status">{diagnosticsSummary(results)}</Body1>}
      {shown && (
        <ul className={styles.list} aria-label="Diagnostics results">
          {results.map((result) => (
            <ContractResultItem key={result.id} result={result} />
          ))}
        </ul>
      )}
    </Section>
  );
}
