/** What must be fixed before the settings can be saved; the Save button points at it. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";

export const PROBLEMS_ID = "settings-problems";

const useStyles = makeStyles({ problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

export function SettingsProblems({ problems }: { problems: ReadonlyArray<{ message: string }> }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="warning" id={PROBLEMS_ID}>
      <MessageBarBody>
        <MessageBarTitle>Fix these to save the settings:</MessageBarTitle>
        <ul aria-label="Settings to fix" className={styles.problems}>
          {problems.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
