import { peopleSelection, selectionProblem, togglePerson, type Who } from "../../../src/taskpane/models/people";

describe("peopleSelection", () => {
  it.each<[string, Who, object]>([
    ["everyone", "all", { team: undefined, people: undefined }],
    ["a team", "team", { team: "Sales", people: undefined }],
    ["chosen people", "list", { team: undefined, people: ["Ana López"] }],
  ])("%s", (_name, who, selection) => {
    expect(peopleSelection(who, "Sales", ["Ana López"])).toEqual(selection);
  });
});

describe("togglePerson", () => {
  it.each([
    ["ticks one more, last", ["Ana López"], "Ben Okafor", true, ["Ana López", "Ben Okafor"]],
    ["unticks one", ["Ana López", "Ben Okafor"], "Ana López", false, ["Ben Okafor"]],
    ["ticks one already ticked once", ["Ana López"], "Ana López", true, ["Ana López"]],
  ])("%s", (_name, picked, person, checked, after) => {
    expect(togglePerson(picked, person, checked)).toEqual(after);
  });
});

describe("selectionProblem", () => {
  it.each<[string, Who, string[], string | null]>([
    ["nobody chosen from the list", "list", [], "Choose at least one person, or review everyone."],
    ["someone chosen", "list", ["Ana López"], null],
    ["everyone", "all", [], null],
    ["a team", "team", [], null],
  ])("%s", (_name, who, picked, problem) => {
    expect(selectionProblem(who, picked)).toBe(problem);
  });
});
