/** The sheets Altitude left alone, each with a way to map its columns. */
import { Body1, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useNavigation } from "../../app/navigation";
import { useLayoutStyles } from "../common";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
});

export function OtherSheets({ names }: { names: string[] }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { navigate } = useNavigation();
  if (names.length === 0) return <Body1>Every sheet was recognised.</Body1>;
  return (
    <>
      <Body1>Altitude left these alone. If one holds goals, map its columns.</Body1>
      <ul className={styles.list} aria-label="Sheets not recognised">
        {names.map((name) => (
          <li key={name} className={layout.actions}>
            <Text>{name}</Text>
            <Button size="small" appearance="subtle" onClick={() => navigate("map", { sheet: name })}>
              Map columns of {name}
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
