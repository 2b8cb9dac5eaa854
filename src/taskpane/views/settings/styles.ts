/** Two fields side by side. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePairStyles = makeStyles({
  // minmax(0, …): two number fields side by side must fit a 320 px pane rather than keep their default width.
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0 },
});
