/** One group of the Checks accordion: its title and count, then its items sheet by sheet. */
import { AccordionHeader, AccordionItem, AccordionPanel, Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckGroup, CheckItem } from "../../models/checks";
import { CheckItemRow } from "./CheckItemRow";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  sheet: { marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXS },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export function CheckGroupItem({ group, onSelect }: { group: CheckGroup; onSelect(item: CheckItem): void }) {
  const styles = useStyles();
  return (
    <AccordionItem value={group.id}>
      <AccordionHeader as="h3" size="small">
        <span className={styles.header}>
          {group.title}
          <Badge appearance="tint" color="informative" aria-label={`${group.count} items`}>
            {group.count}
          </Badge>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {group.sheets.map(({ sheet, items }) => (
          <div key={sheet}>
            <Text as="h4" weight="semibold" size={200} className={styles.sheet}>
              {sheet}
            </Text>
            <ul className={styles.list}>
              {items.map((item, i) => (
                <CheckItemRow key={`${item.cell}-${i}`} item={item} onSelect={onSelect} />
              ))}
            </ul>
          </div>
        ))}
      </AccordionPanel>
    </AccordionItem>
  );
}
