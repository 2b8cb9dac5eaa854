/** Whose reviews to write: everyone, a team, or people ticked in a list. */
import { Checkbox, Field, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { togglePerson, type Who } from "../../models/people";
import type { PeopleChoice } from "./use-people-choice";

const useStyles = makeStyles({
  people: { display: "flex", flexDirection: "column", maxHeight: "220px", overflowY: "auto", paddingLeft: tokens.spacingHorizontalXS },
});

export function PeoplePicker({ choice }: { choice: PeopleChoice }) {
  const styles = useStyles();
  const { who, teams, people, picked } = choice;
  return (
    <>
      <Field label="People">
        <RadioGroup value={who} onChange={(_, data) => choice.setWho(data.value as Who)}>
          <Radio value="all" label={`Everyone (${people.length})`} />
          <Radio value="team" label="A team" disabled={teams.length === 0} />
          <Radio value="list" label="Chosen people" />
        </RadioGroup>
      </Field>
      {who === "team" && (
        <Field label="Team">
          <Select value={choice.team} onChange={(_, data) => choice.setTeam(data.value)}>
            {teams.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </Field>
      )}
      {who === "list" && (
        <fieldset className={styles.people} aria-label="Chosen people">
          {people.map((person) => (
            <Checkbox key={person} label={person} checked={picked.includes(person)} onChange={(_, data) => choice.setPicked(togglePerson(picked, person, data.checked === true))} />
          ))}
        </fieldset>
      )}
    </>
  );
}
