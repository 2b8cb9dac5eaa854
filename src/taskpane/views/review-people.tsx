/**
 * The parts of the Reviews view that choose whose reviews to write (everyone,
 * a team or chosen people) and ask before writing very many sheets.
 */
import { useEffect, useRef, useState, type RefObject } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { reviewPeople, reviewTeams, type ReviewSelection } from "../../app";
import { useWorkbook } from "../app/host";

type Who = "all" | "team" | "list";

const useStyles = makeStyles({
  people: { display: "flex", flexDirection: "column", maxHeight: "220px", overflowY: "auto", paddingLeft: tokens.spacingHorizontalXS },
});

export interface PeopleChoice {
  who: Who;
  setWho(who: Who): void;
  teams: string[];
  team: string;
  setTeam(team: string): void;
  people: string[];
  picked: string[];
  setPicked(picked: string[]): void;
  /** The choice as the use case takes it. */
  selection: Pick<ReviewSelection, "people" | "team">;
}

export function usePeopleChoice(): PeopleChoice {
  const { loaded } = useWorkbook();
  const [who, setWho] = useState<Who>("all");
  const [team, setTeam] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const teams = loaded ? reviewTeams(loaded) : [];
  const people = loaded ? reviewPeople(loaded) : [];
  const selectedTeam = team ?? teams[0] ?? "";
  const selection = { team: who === "team" ? selectedTeam : undefined, people: who === "list" ? picked : undefined };
  return { who, setWho, teams, team: selectedTeam, setTeam, people, picked, setPicked, selection };
}

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
            <Checkbox
              key={person}
              label={person}
              checked={picked.includes(person)}
              onChange={(_, data) => choice.setPicked(data.checked ? [...picked, person] : picked.filter((p) => p !== person))}
            />
          ))}
        </fieldset>
      )}
    </>
  );
}

/**
 * Asks before writing very many sheets. The dialog has no trigger of its own:
 * when it closes (cancelled or confirmed), keyboard focus goes back to `returnFocus`.
 */
export function ManySheetsDialog({ question, onConfirm, onCancel, returnFocus }: { question: string | null; onConfirm(): void; onCancel(): void; returnFocus: RefObject<HTMLButtonElement | null> }) {
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && question === null) returnFocus.current?.focus();
    wasOpen.current = question !== null;
  }, [question, returnFocus]);
  return (
    <Dialog open={question !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Add this many sheets?</DialogTitle>
          <DialogContent>{question}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Add them
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
