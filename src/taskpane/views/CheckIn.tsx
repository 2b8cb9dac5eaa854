/**
 * Check-in: pick a key result, enter its new value, a confidence and a comment.
 * A row is appended to the Check-ins sheet (added when missing). The latest
 * check-in is the key result's current value wherever Altitude reads it
 * (checks, rollups, reviews); the user's own Current cell is never overwritten.
 */
import { Body1, Button, Field, Input, Select, Textarea } from "@fluentui/react-components";
import type { LoadedWorkbook } from "../../app";
import { ActionMessages } from "../app/feedback";
import { useWorkbook } from "../app/host";
import { keyResultNow } from "../models/check-in";
import { KeyResultField } from "./check-in/KeyResultField";
import { useCheckIn } from "./check-in/use-check-in";
import { Section, useLayoutStyles } from "./common";

const CONFIDENCES = Array.from({ length: 11 }, (_, i) => String(i));

export function CheckIn() {
  const { loaded } = useWorkbook();
  return loaded ? <CheckInForm loaded={loaded} /> : null;
}

function CheckInForm({ loaded }: { loaded: LoadedWorkbook }) {
  const layout = useLayoutStyles();
  const form = useCheckIn(loaded);
  if (!form) return <Body1>There are no key results to check in yet. Insert an OKR template from Tables, or map an OKR sheet.</Body1>;
  const { keyResult, percent, valueError } = form;

  return (
    <Section title="Check in a key result">
      <form
        className={layout.form}
        onSubmit={(event) => {
          event.preventDefault();
          form.submit();
        }}
      >
        <KeyResultField keyResults={form.keyResults} index={form.index} onChoose={form.choose} />
        <Body1>{keyResultNow(keyResult, percent)}</Body1>
        <Field label="New value" required hint={percent ? "In percent, e.g. 3.5%" : undefined} validationMessage={valueError ?? undefined} validationState={valueError ? "error" : "none"}>
          <Input value={form.value} onChange={(_, data) => form.setValue(data.value)} inputMode="decimal" />
        </Field>
        <Field label="Confidence (0–10)">
          <Select value={form.confidence} onChange={(_, data) => form.setConfidence(data.value)}>
            <option value="">Not given</option>
            {CONFIDENCES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </Field>
        <Field label="Comment">
          <Textarea value={form.comment} onChange={(_, data) => form.setComment(data.value)} resize="vertical" />
        </Field>
        <div className={layout.actions}>
          <Button appearance="primary" type="submit" disabled={form.action.busy}>
            Add check-in
          </Button>
        </div>
        <ActionMessages state={form.action} />
      </form>
    </Section>
  );
}
