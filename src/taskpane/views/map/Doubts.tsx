/**
 * What recognition is unsure of, asked rather than read silently: each doubt in
 * plain words, with its other choices as buttons. The form below starts from
 * recognition's best guess, so saving it as it is confirms the guess.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { ArrangementDoubt } from "../../../core/model";
import { columnLetter } from "../../../app";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  choices: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalXS },
});

export interface DoubtsProps {
  sheet: string;
  doubts: readonly ArrangementDoubt[];
  /** False when one mapping cannot say all recognition read; `sections` is how many tables it read. */
  complete: boolean;
  sections: number;
  onHeaderRow(row: number): void;
  onNameColumn(col: number): void;
}

export function Doubts({ sheet, doubts, complete, sections, onHeaderRow, onNameColumn }: DoubtsProps) {
  const styles = useStyles();
  return (
    <>
      {doubts.length > 0 && (
        <MessageBar intent="warning" layout="multiline" aria-label={`Altitude is unsure how ${sheet} is laid out`}>
          <MessageBarBody>
            <MessageBarTitle>Altitude is unsure how {sheet} is laid out.</MessageBarTitle> Check its guess below and save it, or change it.
            <ul className={styles.list}>
              {doubts.map((doubt) => (
                <li key={doubt.about}>
                  {doubt.message}
                  {doubt.candidates.length > 0 && (
                    <div className={styles.choices}>
                      {doubt.candidates.map((c) =>
                        doubt.about === "header-row" ? (
                          <Button key={c} size="small" onClick={() => onHeaderRow(c)}>{`Use row ${c} as the header`}</Button>
                        ) : (
                          <Button key={c} size="small" onClick={() => onNameColumn(c)}>{`Read the name from column ${columnLetter(c)}`}</Button>
                        ),
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {!complete && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Altitude reads {sheet} {sections > 1 ? `as ${sections} tables` : "by its known format"}. A saved mapping reads it as one table under the header row below; save only if that is how it is laid out.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
