/**
 * Deterministic goal workbooks of any size for the benchmarks: an OKR sheet with
 * the given number of key result rows and proportional KPI, KRA and Check-ins
 * sheets, as `SheetData` (what Office.js and the .xlsx reader hand to parsing).
 *
 * Proportions (per 20 key result rows): one person, 5 objectives, 5 KPI readings,
 * 4 KRA rows and 10 check-ins. So 100,000 key results come with 5,000 people.
 * The content is messy on purpose, like real sheets: percentages as text, blank
 * currents, fill-down objectives, a few text numbers and Excel errors.
 */
import type { RawCell, SheetData } from "../src/core/model";

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same workbook. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedWorkbook {
  sheets: SheetData[];
  keyResults: number;
  people: number;
  kpiRows: number;
  kraRows: number;
  checkInRows: number;
}

const FIRST = ["Ana", "Ben", "Chloé", "Dev", "Mia", "Sam", "Noor", "Kenji", "Lena", "Omar", "Priya", "Tomás", "Zoë", "Yusuf", "Ines", "Olu"];
const LAST = ["López", "Okafor", "Martin", "Patel", "Schmidt", "Rivera", "Haddad", "Sato", "Novak", "Ali", "Iyer", "Silva", "Berg", "Demir"];
const TEAMS_PER_PEOPLE = 25;
const QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
const VERBS = ["Raise", "Cut", "Reduce", "Lift", "Grow", "Increase", "Lower"];
const METRICS = ["NPS", "time to hire", "regretted churn", "manager effectiveness", "offer acceptance", "payroll errors", "pipeline coverage"];
const KPI_NAMES = ["Time to hire", "Offer acceptance rate", "Engagement score", "Pipeline coverage", "Training hours", "Payroll accuracy"];
const AREAS = ["Talent development", "Employee relations", "HR operations", "Delivery", "Team health"];

/** A person's name, unique per index (a numeric suffix past the name pool keeps it unique). */
function personName(i: number): string {
  const base = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const round = Math.floor(i / (FIRST.length * LAST.length));
  return round === 0 ? base : `${base} ${round + 1}`;
}

/**
 * Builds a workbook with `keyResults` key result rows.
 *
 * @example
 * const book = generateWorkbook(1000);
 * book.sheets.map((s) => s.name) // ["OKRs", "KPIs", "KRAs", "Check-ins"]
 * book.people // 50
 */
export function generateWorkbook(keyResults: number, seed = 42): GeneratedWorkbook {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const people = Math.max(1, Math.round(keyResults / 20));
  const teams = Math.max(1, Math.round(people / TEAMS_PER_PEOPLE));
  const names = Array.from({ length: people }, (_, i) => personName(i));

  const okr: RawCell[][] = [
    ["Period", "Level", "Team", "Objective ID", "Objective", "Key result ID", "Key result", "Owner", "Type", "Start", "Target", "Current", "Weight", "Commitment"],
  ];
  const krTexts: string[] = [];
  for (let i = 0; i < keyResults; i++) {
    const person = Math.floor(i / 20) % people;
    const objective = Math.floor(i / 4);
    const firstOfObjective = i % 4 === 0;
    const quarter = QUARTERS[Math.floor(i / 4) % QUARTERS.length];
    const verb = pick(VERBS);
    const decreasing = verb === "Cut" || verb === "Reduce" || verb === "Lower";
    const start = Math.round(random() * 100) + (decreasing ? 50 : 0);
    const target = decreasing ? start - 10 - Math.round(random() * 30) : start + 10 + Math.round(random() * 50);
    const progress = random();
    const current: RawCell = random() < 0.1 ? "" : Math.round(start + (target - start) * progress * 1.2);
    const text = `${verb} ${pick(METRICS)} from ${start} to ${target} (${i + 1})`;
    krTexts.push(text);
    okr.push([
      quarter,
      i % 40 === 0 ? "Company" : "Team",
      `Team ${(person % teams) + 1}`,
      firstOfObjective ? `O-${objective + 1}` : "",
      // Blank objective cells under a filled one mean "same objective".
      firstOfObjective ? `Make goal area ${objective + 1} better for everyone` : "",
      `KR-${i + 1}`,
      text,
      names[person],
      random() < 0.3 ? "" : decreasing ? "Decrease" : "Increase",
      random() < 0.05 ? `${start}%` : start,
      target,
      random() < 0.01 ? "#N/A" : current,
      random() < 0.5 ? "" : 1 + Math.floor(random() * 3),
      random() < 0.2 ? "Committed" : "Aspirational",
    ]);
  }

  const kpiRows = Math.round(keyResults / 4);
  const kpi: RawCell[][] = [["KPI", "Area", "Owner", "Data source", "Frequency", "Unit", "Floor", "Target", "Ceiling", "Period", "Actual"]];
  for (let i = 0; i < kpiRows; i++) {
    // Each KPI has three monthly readings, so trends have a previous period.
    const series = Math.floor(i / 3);
    const owner = names[series % people];
    const floor = 40 + (series % 20);
    kpi.push([
      `${KPI_NAMES[series % KPI_NAMES.length]} ${series + 1}`,
      pick(AREAS),
      owner,
      random() < 0.1 ? "" : "HRIS export",
      "Monthly",
      "points",
      floor,
      floor + 20,
      random() < 0.2 ? floor + 40 : "",
      `2026-${String(6 + (i % 3)).padStart(2, "0")}`,
      random() < 0.05 ? "n/a" : Math.round(floor - 10 + random() * 50),
    ]);
  }

  const kraRows = people * 4;
  const kra: RawCell[][] = [["Employee", "Role", "Manager", "Review period", "Area", "Weight (%)", "Measure", "Target", "Actual", "Rating"]];
  for (let p = 0; p < people; p++) {
    const weights = random() < 0.1 ? [40, 30, 20, 20] : [40, 30, 20, 10];
    for (let a = 0; a < 4; a++) {
      kra.push([
        names[p],
        p % 10 === 0 ? "People lead" : "People partner",
        names[Math.floor(p / 10) * 10],
        2026,
        AREAS[a],
        weights[a],
        `Measure ${a + 1}`,
        10,
        Math.round(random() * 15),
        random() < 0.2 ? "" : 1 + Math.floor(random() * 5),
      ]);
    }
  }

  const checkInRows = Math.round(keyResults / 2);
  const checkIns: RawCell[][] = [["Date", "Key result", "Value", "Confidence", "Comment"]];
  // Serial dates in 2026-07 .. 2026-09 (46204 is 2026-07-01).
  for (let i = 0; i < checkInRows; i++) {
    const kr = Math.floor(random() * keyResults);
    checkIns.push([46204 + Math.floor(random() * 90), random() < 0.5 ? `KR-${kr + 1}` : krTexts[kr], Math.round(random() * 100), Math.floor(random() * 11), "Weekly update"]);
  }

  const dateFormats = checkIns.map((_, r) => (r === 0 ? ["General", "General", "General", "General", "General"] : ["yyyy-mm-dd", "General", "General", "General", "General"]));
  return {
    sheets: [
      { name: "OKRs", values: okr, origin: { row: 0, col: 0 } },
      { name: "KPIs", values: kpi, origin: { row: 0, col: 0 } },
      { name: "KRAs", values: kra, origin: { row: 0, col: 0 } },
      { name: "Check-ins", values: checkIns, numberFormats: dateFormats, origin: { row: 0, col: 0 } },
    ],
    keyResults,
    people,
    kpiRows,
    kraRows,
    checkInRows,
  };
}
