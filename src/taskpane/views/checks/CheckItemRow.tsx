/** One finding or problem: a button that selects its cell, its severity, message and fix. */
import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITY_COLOUR, type CheckItem } from "../../models/checks";

const useStyles = makeStyles({
  finding: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXXS },
});

export function CheckItemRow({ item, onSelect }: { item: CheckItem; onSelect(item: CheckItem): void }) {
  const styles = useStyles();
  return (
    <li className={styles.finding}>
      <Button size="small" appearance="secondary" onClick={() => onSelect(item)} aria-label={`Select ${item.sheet}!${item.cell}: ${item.message}`}>
        {item.sheet}!{item.cell}
      </Button>
      <Text size={200}>
        <Badge size="small" appearance="outline" color={SEVERITY_COLOUR[item.severity]}>
          {item.severity}
        </Badge>{" "}
        {item.message}
      </Text>
      {item.fix && <Caption1>{item.fix}</Caption1>}
    </li>
  );
}
