/**
 * The three doors over one workbook: the task pane, the ribbon and the CLI
 * offer the same default rollup quarter and review year, and say the same
 * thing (each in its own words) when there is nothing to roll up, because
 * each asks the application layer rather than deciding itself.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { screen, waitFor } from "@testing-library/react";
import "../commands/fake-office";
import { createCommands } from "../../src/commands/commands";
import { getViewRequest } from "../../src/commands/navigation";
import type { RawCell } from "../../src/core/model";
import { createExcelWorkbook } from "../../src/workbook/excel";
import type { StoredState } from "../../src/workbook/port";
import { altitude, ensureBuilt, ROOT, writeWorkbook, type Row } from "../cli/support";
import { makeHost, renderPane } from "./host-builder";

const OKR_HEADER = ["Period", "Team", "Objective", "Key result", "Owner", "Start", "Target", "Current"];
const KRA_HEADER = ["Employee", "Review period", "Area", "Weight", "Rating"];
const q2 = ["2026-Q2", "People", "Hire faster", "Cut time to hire from 52 to 40 days", "Mia Schmidt", 52, 40, 44];
const q3 = ["2026-Q3", "People", "Grow", "Raise NPS from 40 to 60", "Ana López", 40, 60, 50];
const kra2025 = ["Ana López", 2025, "Delivery", 100, 4];

interface Case {
  name: string;
  sheets: Record<string, RawCell[][]>;
  state: StoredState;
  quarter: string | null;
  year: string | null;
}

const CASES: Case[] = [
  { name: "key results of two quarters and KRAs of the year before", sheets: { OKRs: [OKR_HEADER, q2, q3], KRAs: [KRA_HEADER, kra2025] }, state: {}, quarter: "2026-Q3", year: "2026" },
  { name: "a fiscal year starting in April", sheets: { OKRs: [OKR_HEADER, q2, q3] }, state: { settings: { fiscalYearStartMonth: 4 } }, quarter: "2026-Q3", year: "FY2027" },
  { name: "a quarter and a year chosen earlier", sheets: { OKRs: [OKR_HEADER, q2, q3], KRAs: [KRA_HEADER, kra2025] }, state: { periods: { rollup: "2026-Q2", reviews: "2025" } }, quarter: "2026-Q2", year: "2025" },
  { name: "only KRAs, so no quarter to roll up", sheets: { KRAs: [KRA_HEADER, kra2025] }, state: {}, quarter: null, year: "2025" },
];

function fakeSheets(c: Case) {
  return Object.entries(c.sheets).map(([name, values]) => ({ name, values }));
}

/** What the pane offers: the selected quarter and review year, or null when it says there is none. */
async function paneDefaults(c: Case): Promise<{ quarter: string | null; year: string | null }> {
  const read = async (view: "rollup" | "reviews", label: string, none: RegExp) => {
    const { host } = makeHost(fakeSheets(c));
    await host.port.writeState(c.state);
    const { unmount } = renderPane(host, view);
    await waitFor(() => {
      if (!screen.queryByLabelText(label) && !screen.queryByText(none)) throw new Error("still reading the workbook");
    });
    const select = screen.queryByLabelText(label);
    const value = select instanceof HTMLSelectElement ? select.value : null;
    unmount();
    return value;
  };
  return {
    quarter: await read("rollup", "Quarter", /^No quarter was found/),
    year: await read("reviews", "Review period", /^No review period was found/),
  };
}

/** What the ribbon writes with no period given: the rollup and reviews sheets' periods, or its notice. */
async function ribbonDefaults(c: Case): Promise<{ quarter: string | null; year: string | null; notice: string | undefined }> {
  const { fake, host } = makeHost(fakeSheets(c));
  await host.port.writeState(c.state);
  const commands = createCommands({ workbook: () => createExcelWorkbook(fake.Excel), showPane: async () => undefined });
  await commands.buildRollup({ completed: () => undefined });
  const notice = getViewRequest()?.notice?.text;
  await commands.buildReviews({ completed: () => undefined });
  const names = fake.sheetNames();
  const quarter = names.find((n) => n.startsWith("Rollup "))?.slice("Rollup ".length) ?? null;
  const year = names.find((n) => n.startsWith("Reviews "))?.slice("Reviews ".length) ?? null;
  return { quarter, year, notice };
}

/** What the CLI writes with no --period: the periods its messages name, or its one line on stderr. */
async function cliDefaults(c: Case): Promise<{ quarter: string | null; year: string | null; stderr: string; code: number | null }> {
  const dir = mkdtempSync(path.join(tmpdir(), "altitude-doors-"));
  const plain = path.join(dir, "plain.xlsx");
  const file = path.join(dir, "goals.xlsx");
  await writeWorkbook(plain, Object.fromEntries(Object.entries(c.sheets).map(([name, rows]) => [name, rows as Row[]])));
  // Stored by the built file adapter in a Node process, as the CLI runs it: the .xlsx package reader does not load the file under this test's DOM environment.
  const store = `const { openXlsx } = require(${JSON.stringify(path.join(ROOT, "lib", "workbook", "xlsx.js"))});
(async () => { const book = await openXlsx(process.argv[1]); await book.writeState(JSON.parse(process.argv[2])); await book.saveAs(process.argv[3]); })()
  .catch((error) => { console.error(error); process.exit(1); });`;
  const stored = spawnSync(process.execPath, ["-e", store, plain, JSON.stringify(c.state), file], { encoding: "utf8" });
  if (stored.status !== 0) throw new Error(`storing the state failed: ${stored.stderr}`);
  const rollup = altitude(["rollup", file, "-o", path.join(dir, "rollup.xlsx")]);
  const review = altitude(["review", file, "-o", path.join(dir, "review.xlsx")]);
  return {
    quarter: /Wrote the (\S+) rollup/.exec(rollup.stdout)?.[1] ?? null,
    year: /for (\S+) to/.exec(review.stdout)?.[1] ?? null,
    stderr: rollup.stderr,
    code: rollup.code,
  };
}

describe("the pane, the ribbon and the CLI agree on defaults", () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it.each(CASES)("$name", async (c) => {
    const [pane, ribbon, cli] = [await paneDefaults(c), await ribbonDefaults(c), await cliDefaults(c)];
    expect({ pane: [pane.quarter, pane.year], ribbon: [ribbon.quarter, ribbon.year], cli: [cli.quarter, cli.year] }).toEqual({
      pane: [c.quarter, c.year],
      ribbon: [c.quarter, c.year],
      cli: [c.quarter, c.year],
    });
    if (c.quarter === null) {
      // The same reason, in each door's words: the CLI names its flag, the ribbon never does.
      expect(cli).toMatchObject({ code: 2, stderr: "altitude: no quarter found in the workbook; give one with --period\n" });
      expect(ribbon.notice).toBe("The quarterly rollup was not written: the workbook has no quarter yet.");
    }
  }, 60_000);
});
