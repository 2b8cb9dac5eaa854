/** Whose reviews to write: everyone, one team or chosen people, as the use case takes it. */
import type { ReviewSelection } from "../../app";

export type Who = "all" | "team" | "list";

/**
 * The selection for the use case: a team only when a team is chosen, people only when a list is.
 *
 * @example
 * peopleSelection("team", "Sales", ["Ana López"]) // { team: "Sales", people: undefined }
 */
export function peopleSelection(who: Who, team: string, picked: readonly string[]): Pick<ReviewSelection, "people" | "team"> {
  return { team: who === "team" ? team : undefined, people: who === "list" ? [...picked] : undefined };
}

/**
 * The list of people with one ticked or unticked, in the order they were ticked.
 *
 * @example
 * togglePerson(["Ana López"], "Ben Okafor", true) // ["Ana López", "Ben Okafor"]
 */
export function togglePerson(picked: readonly string[], person: string, checked: boolean): string[] {
  return checked ? [...picked.filter((p) => p !== person), person] : picked.filter((p) => p !== person);
}

/**
 * Why the reviews cannot be written as chosen, or `null` when they can.
 *
 * @example
 * selectionProblem("list", []) // "Choose at least one person, or review everyone."
 */
export function selectionProblem(who: Who, picked: readonly string[]): string | null {
  return who === "list" && picked.length === 0 ? "Choose at least one person, or review everyone." : null;
}
