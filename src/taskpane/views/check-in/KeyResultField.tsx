/** The key result to check in, from every key result read; a long one is cut rather than widen the pane. */
import { Field, Select, makeStyles } from "@fluentui/react-components";
import type { KeyResultRecord } from "../../../core/model";
import { keyResultOption } from "../../models/check-in";

const useStyles = makeStyles({
  select: { minWidth: 0, "& > select": { minWidth: 0, textOverflow: "ellipsis" } },
});

export function KeyResultField({ keyResults, index, onChoose }: { keyResults: KeyResultRecord[]; index: number; onChoose(index: string): void }) {
  const styles = useStyles();
  return (
    <Field label="Key result">
      <Select className={styles.select} value={String(index)} onChange={(_, data) => onChoose(data.value)}>
        {keyResults.map((kr, i) => (
          <option key={`${kr.sheet}:${kr.row}`} value={String(i)}>
            {keyResultOption(kr)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
