import { analyse } from "../../src/core/analyse";
import type { Finding } from "../../src/core/model";
import { computeReviews } from "../../src/core/review";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { makeKeyResult, makeKra, makeParsed, quarter, year } from "../support/builders";

const AS_OF = "2026-08-15";

const finding = (message: string, cell: string): Finding => ({
  rule: "kra.weights",
  code: "kra.weights",
  severity: "warning",
  message,
  sheet: "KRAs",
  cell,
  row: Number(cell.replace(/^[A-Z]+/, "")),
  fix: "Make them add up to 100%",
});

/** Ana López and Diana López: one name is inside the other. */
const parsed = makeParsed({
  kras: [
    makeKra({ employee: "Ana López", row: 2, cells: { employee: "A2" }, weight: 100, rating: 4, period: year(2026) }),
    makeKra({ employee: "Diana López", row: 3, cells: { employee: "A3" }, weight: 80, rating: 3, period: year(2026) }),
    makeKra({ employee: "Ana", row: 4, cells: { employee: "A4" }, weight: 100, rating: 3, period: year(2026) }),
  ],
  keyResults: [makeKeyResult({ owner: "Ana López, Diana López", row: 7, period: quarter(2026, 3) })],
});

function findingsOf(person: string, findings: Finding[]): string[] {
  const reviews = computeReviews(analyse(parsed, DEFAULT_SETTINGS, AS_OF), findings, { period: year(2026), settings: DEFAULT_SETTINGS });
  return reviews.find((r) => r.person === person)?.findings.map((f) => f.message) ?? [];
}

describe("computeReviews: which findings belong to whom", () => {
  const aboutDiana = finding("KRA weights of Diana López add up to 80%, not 100%.", "Z40");
  const aboutAna = finding("KRA weights of Ana López add up to 90%, not 100%.", "Z41");
  const aboutAnaPossessive = finding("Ana López's KRAs are set for a quarter.", "Z42");
  const onDianaRow = finding("Weight is blank.", "F3");

  it.each([
    { name: "a finding naming Diana López is not Ana López's", person: "Ana López", findings: [aboutDiana], expected: [] },
    { name: "a finding naming Ana López is hers", person: "Ana López", findings: [aboutAna], expected: [aboutAna.message] },
    { name: "a name followed by punctuation still matches", person: "Ana López", findings: [aboutAnaPossessive], expected: [aboutAnaPossessive.message] },
    { name: "a shorter name inside a longer one at a word boundary matches", person: "Ana", findings: [aboutAna], expected: [aboutAna.message] },
    { name: "a finding on a person's row is theirs", person: "Diana López", findings: [onDianaRow, aboutAna], expected: [onDianaRow.message] },
    {
      name: "findings keep their order and appear once",
      person: "Ana López",
      findings: [aboutAnaPossessive, onDianaRow, finding("Key result F7 of Ana López has no number.", "F7"), aboutAna],
      expected: [aboutAnaPossessive.message, "Key result F7 of Ana López has no number.", aboutAna.message],
    },
  ])("$name", ({ person, findings, expected }) => {
    expect(findingsOf(person, findings)).toEqual(expected);
  });
});

describe("computeReviews: co-owned key results", () => {
  it("lists a key result owned by two people in both reviews, once each", () => {
    const reviews = computeReviews(analyse(parsed, DEFAULT_SETTINGS, AS_OF), [], { period: year(2026), settings: DEFAULT_SETTINGS });
    const counts = Object.fromEntries(reviews.map((r) => [r.person, r.keyResultCount]));
    expect(counts).toEqual({ "Ana López": 1, "Diana López": 1, Ana: 0 });
  });

  it("lists a key result once when its owner cell names the person twice", () => {
    const twice = makeParsed({ keyResults: [makeKeyResult({ owner: "Ana López; ana  lópez", period: quarter(2026, 3) })] });
    const reviews = computeReviews(analyse(twice, DEFAULT_SETTINGS, AS_OF), [], { period: year(2026), settings: DEFAULT_SETTINGS });
    expect(reviews.map((r) => [r.person, r.keyResultCount])).toEqual([["Ana López", 1]]);
  });
});

describe("computeReviews: the one owner rule", () => {
  it.each([
    { name: "names joined by 'and'", owner: "Ana López and Diana López" },
    { name: "names joined by '&'", owner: "Ana López & Diana López" },
    { name: "names joined by '/'", owner: "Ana López / Diana López" },
  ])("$name give each person the key result", ({ owner }) => {
    const shared = makeParsed({ keyResults: [makeKeyResult({ owner, period: quarter(2026, 3) })] });
    const reviews = computeReviews(analyse(shared, DEFAULT_SETTINGS, AS_OF), [], { period: year(2026), settings: DEFAULT_SETTINGS });
    expect(reviews.map((r) => [r.person, r.keyResultCount])).toEqual([
      ["Ana López", 1],
      ["Diana López", 1],
    ]);
  });
});
