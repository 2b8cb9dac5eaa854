/**
 * Every door at company size: 300,000 rows through the CLI (score and check in
 * text mode, rollup, review --split), the custom functions on whole-column ranges,
 * and the core use cases. Before, spreading rows into Math.min/max or push
 * overflowed the stack from about 120,000 items and every command exited 3.
 * Lean on purpose: each input is generated once and shared by its cases.
 */
import "../functions/fake-custom-functions";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyse } from "../../src/core/analyse";
import { checkWorkbook } from "../../src/core/checks";
import { parseWorkbook } from "../../src/core/parse";
import { computeReviews } from "../../src/core/review";
import { planReviews } from "../../src/core/review-sheets";
import { computeRollup, rollupHasData } from "../../src/core/rollup";
import { planRollup } from "../../src/core/rollup-sheet";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { EXIT, main, type Io } from "../../src/cli/main";
import { kpiTrendFn, kraScoreFn, objectiveScoreFn, okrGrade, okrScore } from "../../src/functions/functions";
import { generateWorkbook } from "../../bench/generate";
import { quarter, year } from "../support/builders";
import { BIG_PEOPLE, BIG_TEAMS, writeBigWorkbook } from "./support/big-workbook";

jest.setTimeout(15 * 60_000);

const ROWS = 300_000;
const AS_OF = "2026-08-15";

function captured(): Io & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out: (t) => void out.push(t), err: (t) => void err.push(t), stdout: () => out.join(""), stderr: () => err.join("") };
}

describe(`the CLI on ${ROWS.toLocaleString("en")} key result rows`, () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "altitude-300k-"));
    file = path.join(dir, "big.xlsx");
    await writeBigWorkbook(file, ROWS);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("score prints every key result as text, exit 0", async () => {
    const io = captured();
    expect(await main(["score", file, "--as-of", AS_OF], io)).toBe(EXIT.ok);
    expect(io.stderr()).toBe("");
    const text = io.stdout();
    expect(text).toContain(`OKRs ${ROWS + 1}`);
    expect(text).toContain("Raise metric 300000 from 10 to 20");
  });

  it("check prints one finding per key result without an owner, exit 1 (they are errors)", async () => {
    const io = captured();
    const code = await main(["check", file, "--as-of", AS_OF], io);
    expect(io.stderr()).toBe("");
    const total = /^(\d+) findings: (\d+) errors?/m.exec(io.stdout());
    expect(total).not.toBeNull();
    expect(Number(total?.[1])).toBeGreaterThanOrEqual(ROWS / 2);
    expect(code).toBe(Number(total?.[2]) > 0 ? EXIT.errorFindings : EXIT.ok);
  });

  it("rollup writes its copy, exit 0", async () => {
    const io = captured();
    const out = path.join(dir, "rollup.xlsx");
    expect(await main(["rollup", file, "--as-of", AS_OF, "--period", "2026-Q3", "-o", out], io)).toBe(EXIT.ok);
    expect(io.stdout()).toMatch(/^Wrote the 2026-Q3 rollup to /);
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });

  it("review --split writes one workbook per team, exit 0", async () => {
    const io = captured();
    const out = path.join(dir, "reviews");
    expect(await main(["review", file, "--as-of", AS_OF, "--period", "2026", "--split", out], io)).toBe(EXIT.ok);
    expect(io.stdout().split("\n")[0]).toBe(
      `Wrote ${BIG_TEAMS.length} review workbooks for 2026 (${BIG_PEOPLE.length} people) to "${out}", one per team, each holding only that team's reviews (an index sheet and a sheet per person) with links to the source cells in "${file}":`,
    );
    expect(await fs.readdir(out)).toHaveLength(BIG_TEAMS.length);
  });
});

describe(`the custom functions on ${ROWS.toLocaleString("en")}-row ranges`, () => {
  const column = (f: (i: number) => unknown) => Array.from({ length: ROWS }, (_, i) => [f(i)]);
  const starts = column(() => 10);
  const targets = column(() => 20);
  const currents = column((i) => 10 + (i % 11));

  it("OKRSCORE spills one score per row", async () => {
    const scores = await okrScore(starts, targets, currents);
    expect(scores).toHaveLength(ROWS);
    expect(scores[ROWS - 1][0]).toBeCloseTo(((ROWS - 1) % 11) / 10, 10);
  });

  it("OKRGRADE spills one grade per row", async () => {
    const grades = await okrGrade(column((i) => (i % 10) / 10));
    expect(grades).toHaveLength(ROWS);
    expect(grades[9][0]).toBe("Green");
  });

  it("OBJECTIVESCORE, KRASCORE and KPITREND take a whole column", async () => {
    expect(await objectiveScoreFn(column(() => 0.5), column((i) => 1 + (i % 3)))).toBeCloseTo(0.5, 10);
    expect(await kraScoreFn(column(() => 4), column(() => 1))).toBeCloseTo(4, 10);
    const trend = await kpiTrendFn(column((i) => i));
    expect(trend.flat()).toContain("Improving");
  });
});

describe(`the core on ${ROWS.toLocaleString("en")} key results with their KPI, KRA and check-in rows`, () => {
  it("parses, scores, checks, rolls up and reviews everyone", () => {
    const book = generateWorkbook(ROWS);
    const parsed = parseWorkbook(book.sheets, { settings: DEFAULT_SETTINGS, asOf: AS_OF });
    expect(parsed.keyResults).toHaveLength(ROWS);
    const analysis = analyse(parsed, DEFAULT_SETTINGS, AS_OF);
    const findings = checkWorkbook(parsed, analysis, { settings: DEFAULT_SETTINGS, asOf: AS_OF });
    const rollup = computeRollup(analysis, findings, { period: quarter(2026, 3), settings: DEFAULT_SETTINGS });
    expect(rollupHasData(rollup)).toBe(true);
    expect(planRollup(rollup).sheets.length).toBeGreaterThan(0);
    const reviews = computeReviews(analysis, findings, { period: year(2026), settings: DEFAULT_SETTINGS });
    expect(reviews).toHaveLength(book.people);
    expect(planReviews(reviews.slice(0, 50), { period: year(2026) }).sheets).toHaveLength(51);
  });
});
