/**
 * Progress of a long use case: a bar with a sentence screen readers hear (the
 * phase, then sheets written of the total) and a Stop button while the work can
 * still stop cleanly (nothing stays written when it is stopped).
 */
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { canStop, progressShare, progressText } from "../../models/progress";
import type { RunTracker } from "./use-run-tracker";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1, minWidth: 0 },
});

export function RunProgress({ tracker, busy }: { tracker: RunTracker; busy: boolean }) {
  const styles = useStyles();
  if (!busy) return null;
  const { phase, progress } = tracker;
  return (
    <div className={styles.row}>
      <Field className={styles.bar} validationMessage={progressText(phase, progress)} validationState="none" aria-live="polite">
        <ProgressBar value={progressShare(progress)} aria-label="Progress" />
      </Field>
      {canStop(progress) && (
        <Button size="small" onClick={tracker.stop}>
          Stop
        </Button>
      )}
    </div>
  );
}
