/**
 * The Check-in form's state: the key result chosen, what is typed, and adding
 * the check-in through the application layer (which reads the value and writes
 * the row); a value that is not a number is said under its field.
 */
import { useState } from "react";
import { checkIn, type LoadedWorkbook } from "../../../app";
import type { KeyResultRecord } from "../../../core/model";
import { useAction, type ActionState } from "../../app/feedback";
import { useHost, useWorkbook } from "../../app/host";
import { VALUE_PROBLEM, checkedInMessage, confidenceOf, keptInPercent } from "../../models/check-in";

export interface CheckInForm {
  keyResults: KeyResultRecord[];
  index: number;
  keyResult: KeyResultRecord;
  /** Kept in percent cells: shown and asked for in percent. */
  percent: boolean;
  value: string;
  confidence: string;
  comment: string;
  valueError: string | null;
  choose(index: string): void;
  setValue(value: string): void;
  setConfidence(confidence: string): void;
  setComment(comment: string): void;
  submit(): void;
  action: ActionState;
}

/**
 * The form over a workbook with at least one key result; `null` while there is none.
 *
 * @example
 * const form = useCheckIn(loaded);
 * form?.submit() // adds the check-in row and reads the workbook again, or sets form.valueError for "abc"
 */
export function useCheckIn(loaded: LoadedWorkbook): CheckInForm | null {
  const { port, editor, asOf } = useHost();
  const { reload } = useWorkbook();
  const action = useAction();
  const [chosen, setChosen] = useState("0");
  const [value, setValue] = useState("");
  const [confidence, setConfidence] = useState("");
  const [comment, setComment] = useState("");
  const [valueError, setValueError] = useState<string | null>(null);
  const keyResults = loaded.parsed.keyResults;
  if (keyResults.length === 0) return null;
  const index = Math.min(Number(chosen), keyResults.length - 1);
  const keyResult = keyResults[index];
  const percent = keptInPercent(loaded.sheets, keyResult);

  const submit = () => {
    setValueError(null);
    void action.run(async () => {
      const done = await checkIn(port, editor, loaded, { keyResult, value, confidence: confidenceOf(confidence), comment, date: asOf });
      if (!done.ok && done.code === "bad-value") {
        setValueError(VALUE_PROBLEM);
        return null;
      }
      if (!done.ok) throw new Error(done.message);
      setValue("");
      setComment("");
      await reload();
      return checkedInMessage({ value: done.value, typed: value, percent, keyResult, sheet: done.sheet });
    });
  };
  return { keyResults, index, keyResult, percent, value, confidence, comment, valueError, choose: setChosen, setValue, setConfidence, setComment, submit, action };
}
