/** One contract's result: pass, fail or not applicable, what the host answered, and the page it follows. */
import { Badge, Body1, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ContractResult } from "../../../contracts/run";
import { sourceOf, verdict } from "../../models/diagnostics";

const useStyles = makeStyles({
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  head: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  badge: { flexShrink: 0 },
});

export function ContractResultItem({ result }: { result: ContractResult }) {
  const styles = useStyles();
  const { label, colour } = verdict(result);
  const source = sourceOf(result.source);
  return (
    <li className={styles.item}>
      <div className={styles.head}>
        <Badge className={styles.badge} appearance="filled" color={colour}>
          {label}
        </Badge>
        <Body1Strong>{result.title}</Body1Strong>
      </div>
      <Body1>{result.notApplicable ?? result.answered}</Body1>
      <Caption1 title={source.url}>Source: {source.name}</Caption1>
    </li>
  );
}
