/** A bar for work that runs as one request and cannot stop part-way (a table conversion), with what it is doing. */
import { Field, ProgressBar } from "@fluentui/react-components";

export function BusyBar({ text }: { text: string | null }) {
  if (text === null) return null;
  return (
    <Field validationMessage={text} validationState="none" aria-live="polite">
      <ProgressBar aria-label="Progress" />
    </Field>
  );
}
