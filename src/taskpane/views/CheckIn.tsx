/**
 * Check-in: pick a key result, enter its new value, a confidence and a comment.
 * A row is appended to the Check-ins sheet (added when missing). The latest
 * check-in is the key result's current value wherever Altitude reads it
 * (checks, rollups, reviews); the user's own Current cell is never overwritten.
 */
import { useState } from "react";
import { Body1, Button, Field, Input, Select, Textarea, makeStyles } from "@fluentui/react-components";
import { checkIn } from "../../app";
import { ActionMessages, useAction } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import { Section, formatFigure, isPercentFormat, numberFormatAt, useLayoutStyles } from "./common";

const CONFIDENCES = Array.from({ length: 11 }, (_, i) => String(i));

const useStyles = makeStyles({
  // A long key result must not widen the pane: the list shrinks to it and the option text is cut instead.
  select: { minWidth: 0, "& > select": { minWidth: 0, textOverflow: "ellipsis" } },
});

export function CheckIn() {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { port, editor, asOf } = useHost();
  const { loaded, reload } = useWorkbook();
  const action = useAction();
  const [chosen, setChosen] = useState("0");
  const [value, setValue] = useState("");
  const [confidence, setConfidence] = useState("");
  const [comment, setComment] = useState("");
  const [valueError, setValueError] = useState<string | null>(null);
  if (!loaded) return null;
  const keyResults = loaded.parsed.keyResults;
  if (keyResults.length === 0) return <Body1>There are no key results to check in yet. Insert an OKR template from Tables, or map an OKR sheet.</Body1>;
  const index = Math.min(Number(chosen), keyResults.length - 1);
  const keyResult = keyResults[index];
  // A key result kept in percent cells (churn 4.2% → 2.8%) is shown and asked for in percent.
  const percent = (["target", "start", "current"] as const).some((field) => isPercentFormat(numberFormatAt(loaded.sheets, keyResult.sheet, keyResult.cells[field])));

  const submit = () => {
    setValueError(null);
    void action.run(async () => {
      const done = await checkIn(port, editor, loaded, { keyResult, value, confidence: confidence === "" ? null : Number(confidence), comment, date: asOf });
      if (!done.ok && done.code === "bad-value") {
        setValueError("Enter the key result's new value as a number, e.g. 42, 3.5 or 45%.");
        return null;
      }
      if (!done.ok) throw new Error(done.message);
      setValue("");
      setComment("");
      await reload();
      return `Checked in ${formatFigure(done.value, percent || value.includes("%"))} for "${keyResult.keyResult}" on ${done.sheet}; Altitude now reads it as the current value.`;
    });
  };

  return (
    <Section title="Check in a key result">
      <form
        className={layout.form}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label="Key result">
          <Select className={styles.select} value={String(index)} onChange={(_, data) => setChosen(data.value)}>
            {keyResults.map((kr, i) => (
              <option key={`${kr.sheet}:${kr.row}`} value={String(i)}>
                {kr.keyResult || `${kr.sheet} row ${kr.row}`}
                {kr.period ? ` (${kr.period.label})` : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Body1>
          Now {keyResult.current === null ? "no value yet" : formatFigure(keyResult.current, percent)}
          {keyResult.target !== null ? `, target ${formatFigure(keyResult.target, percent)}` : ""}
          {keyResult.owner ? `, owner ${keyResult.owner}` : ""}.
        </Body1>
        <Field
          label="New value"
          required
          hint={percent ? "In percent, e.g. 3.5%" : undefined}
          validationMessage={valueError ?? undefined}
          validationState={valueError ? "error" : "none"}
        >
          <Input value={value} onChange={(_, data) => setValue(data.value)} inputMode="decimal" />
        </Field>
        <Field label="Confidence (0–10)">
          <Select value={confidence} onChange={(_, data) => setConfidence(data.value)}>
            <option value="">Not given</option>
            {CONFIDENCES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </Field>
        <Field label="Comment">
          <Textarea value={comment} onChange={(_, data) => setComment(data.value)} resize="vertical" />
        </Field>
        <div className={layout.actions}>
          <Button appearance="primary" type="submit" disabled={action.busy}>
            Add check-in
          </Button>
        </div>
        <ActionMessages state={action} />
      </form>
    </Section>
  );
}
