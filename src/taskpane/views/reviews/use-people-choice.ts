/** The choice of whose reviews to write: everyone, a team (the first by default) or chosen people. */
import { useState } from "react";
import { reviewPeople, reviewTeams, type ReviewSelection } from "../../../app";
import { useWorkbook } from "../../app/host";
import { peopleSelection, type Who } from "../../models/people";

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

/**
 * Whose reviews to write, everyone at first, and the teams and people to pick from.
 *
 * @example
 * const choice = usePeopleChoice();
 * choice.setWho("team") // choice.selection is { team: choice.teams[0], people: undefined }
 */
export function usePeopleChoice(): PeopleChoice {
  const { loaded } = useWorkbook();
  const [who, setWho] = useState<Who>("all");
  const [team, setTeam] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const teams = loaded ? reviewTeams(loaded) : [];
  const people = loaded ? reviewPeople(loaded) : [];
  const selectedTeam = team ?? teams[0] ?? "";
  return { who, setWho, teams, team: selectedTeam, setTeam, people, picked, setPicked, selection: peopleSelection(who, selectedTeam, picked) };
}
