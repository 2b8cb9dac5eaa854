/**
 * One recognised sheet: its kind, rows, periods and problems (a link to Checks);
 * a sheet recognised with low confidence, or with something recognition is
 * unsure of (said on the card), offers to check its columns.
 */
import { Badge, Button, Caption1, Card, CardHeader, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useNavigation } from "../../app/navigation";
import { problemsText, type SheetCard } from "../../models/overview";

const useStyles = makeStyles({
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
});

export function SheetCardView({ card }: { card: SheetCard }) {
  const styles = useStyles();
  const { navigate } = useNavigation();
  const problems = problemsText(card.problems);
  return (
    <Card size="small" aria-label={`${card.name}: ${card.kind}`}>
      <CardHeader
        header={<Text weight="semibold">{card.name}</Text>}
        description={<Caption1>Kind: {card.kind}</Caption1>}
        action={card.unsure ? <Badge color="warning" appearance="tint">Unsure</Badge> : undefined}
      />
      <div className={styles.facts}>
        <Caption1>{card.rows} rows</Caption1>
        {card.periods && <Caption1>{card.periods}</Caption1>}
        {card.problems === 0 ? (
          <Caption1>No problems</Caption1>
        ) : (
          <Caption1>
            <Link as="button" inline onClick={() => navigate("checks")} aria-label={`${problems} on ${card.name}: show them in Checks`}>
              {problems}
            </Link>
          </Caption1>
        )}
      </div>
      {card.doubts.map((doubt) => (
        <Caption1 key={doubt}>{doubt}</Caption1>
      ))}
      {card.unsure && (
        <Button size="small" onClick={() => navigate("map", { sheet: card.name })}>
          Check columns of {card.name}
        </Button>
      )}
    </Card>
  );
}
