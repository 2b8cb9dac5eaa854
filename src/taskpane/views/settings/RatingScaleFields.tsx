/** The KRA rating scale: lowest and highest rating, and a label for every step. */
import { Field, Input } from "@fluentui/react-components";
import { withRatingLabel, withRatingScale } from "../../models/settings";
import { usePairStyles } from "./styles";
import type { SettingsDraft } from "./use-settings-draft";

export function RatingScaleFields({ draft }: { draft: SettingsDraft }) {
  const styles = usePairStyles();
  const { settings: s, edit } = draft;
  return (
    <>
      <div className={styles.pair}>
        <Field label="Lowest" validationState={draft.state("scale")}>
          <Input className={styles.input} type="number" value={String(s.rating.min)} onChange={(_, d) => edit(withRatingScale(s, Number(d.value), s.rating.max))} />
        </Field>
        <Field label="Highest" validationState={draft.state("scale")}>
          <Input className={styles.input} type="number" value={String(s.rating.max)} onChange={(_, d) => edit(withRatingScale(s, s.rating.min, Number(d.value)))} />
        </Field>
      </div>
      {s.rating.labels.map((label, i) => (
        <Field key={i} label={`Label for ${s.rating.min + i}`} validationState={label.trim() === "" ? "error" : "none"}>
          <Input value={label} onChange={(_, d) => edit(withRatingLabel(s, i, d.value))} />
        </Field>
      ))}
    </>
  );
}
