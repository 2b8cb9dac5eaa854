/**
 * The building blocks every view shares: a section with a heading and the
 * layout styles of forms and rows of actions. Figures are formatted as the
 * user's sheets show them (`../models/figures`), offered here too.
 */
import type { ReactNode } from "react";
import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

export { formatFigure, formatNumber, isPercentFormat, numberFormatAt } from "../models/figures";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const styles = useStyles();
  const headingId = id ?? `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export function useLayoutStyles() {
  return useStyles();
}
