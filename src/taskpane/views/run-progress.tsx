/** Progress of a long write, shown as a bar with a sentence screen readers hear. */
import { Field, ProgressBar } from "@fluentui/react-components";
import type { Progress } from "../../core/plan";

export function RunProgress({ progress, busy }: { progress: Progress | null; busy: boolean }) {
  if (!busy) return null;
  const text = progress ? `Wrote ${progress.done} of ${progress.total} sheets (${progress.sheet})` : "Reading the workbook…";
  return (
    <Field validationMessage={text} validationState="none" aria-live="polite">
      <ProgressBar value={progress ? progress.done / Math.max(1, progress.total) : undefined} aria-label="Progress" />
    </Field>
  );
}
