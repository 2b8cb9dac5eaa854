/**
 * Writes assets/altitude-sample.xlsx, the sample workbook every door can be tried
 * on (`npm run sample`). Built from DESIGN.md's examples: OKRs over two quarters,
 * KPI readings against floors and targets, KRAs for 2026, check-ins, and a Notes
 * sheet that is not a goal sheet. The content is fixed: no clock is read.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

type Cell = string | number | Date | null;

/** A fixed timestamp for the document properties, so regenerating changes nothing that matters. */
const FIXED_DATE = new Date(Date.UTC(2026, 7, 14));

const PERCENT = "0.0%";
const DATE = "yyyy-mm-dd";

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

interface SheetSpec {
  name: string;
  title?: string;
  headers: string[];
  rows: Cell[][];
  /** Number format by header. */
  formats?: Record<string, string>;
  widths: number[];
}

const OKRS: SheetSpec = {
  name: "OKRs",
  title: "Company, team and individual OKRs — 2026",
  headers: ["Period", "Level", "Team", "Objective", "Key Result", "Owner", "Type", "Start", "Target", "Current", "Weight", "Commitment"],
  // Blank objectives under a filled one mean "same objective", as people fill down.
  rows: [
    ["2026-Q2", "Company", "Company", "Become the employer great people choose", "Reduce regretted churn from 5.0% to 4.2%", "Ana López", "Decrease", 0.05, 0.042, 0.042, null, "Aspirational"],
    ["2026-Q2", "Team", "People", "Hire faster without lowering the bar", "Cut time to hire from 52 to 40 days", "Mia Schmidt", "Decrease", 52, 40, 44, null, "Aspirational"],
    ["2026-Q2", "Team", "Sales", "Win customers faster", "Cut average sales cycle from 55 to 47 days", "Ben Okafor", "Decrease", 55, 47, 47, null, "Aspirational"],
    ["2026-Q3", "Company", "Company", "Become the employer great people choose", "Reduce regretted churn from 4.2% to 2.8%", "Ana López", "Decrease", 0.042, 0.028, 0.035, 2, "Aspirational"],
    ["2026-Q3", "Company", "Company", null, "Raise NPS from 40 to 60", "Ana López", "Increase", 40, 60, 72, 1, "Aspirational"],
    ["2026-Q3", "Team", "People", "Build managers people want to work for", "Lift manager effectiveness score from 6.9 to 8.0", "Chloé Martin", "Increase", 6.9, 8, 7.6, null, "Aspirational"],
    ["2026-Q3", "Team", "People", null, "Launch the new onboarding", "Mia Schmidt", "Binary", 0, 1, 1, null, "Aspirational"],
    ["2026-Q3", "Team", "Sales", "Win customers faster", "Cut average sales cycle from 47 to 31 days", "Ben Okafor", "Decrease", 47, 31, 39, null, "Aspirational"],
    ["2026-Q3", "Team", "Sales", null, "Maintain NPS above 45", "Sam Rivera", "Maintain", null, 45, 52, null, "Aspirational"],
    ["2026-Q3", "Team", "Engineering", "Ship the payroll integration on time", "Complete 10 payroll integration milestones", "Dev Patel", "Milestone", 0, 10, 7, null, "Committed"],
    ["2026-Q3", "Team", "Engineering", null, "Reduce payroll errors from 12 to 2 per month", "Dev Patel", "Decrease", 12, 2, 5, null, "Committed"],
    ["2026-Q3", "Individual", "Engineering", "Grow as a technical lead", "Mentor 3 engineers to promotion readiness", "Dev Patel", "Increase", 0, 3, 1, null, "Aspirational"],
  ],
  widths: [10, 11, 13, 38, 48, 14, 11, 9, 9, 9, 8, 13],
};

const KPIS: SheetSpec = {
  name: "KPIs",
  headers: ["KPI", "Area", "Owner", "Data source", "Frequency", "Unit", "Floor", "Target", "Ceiling", "Period", "Actual"],
  rows: [
    ["Time to hire", "Talent acquisition", "Mia Schmidt", "ATS export", "Monthly", "days", 45, 30, null, "2026-05", 38],
    ["Time to hire", "Talent acquisition", "Mia Schmidt", "ATS export", "Monthly", "days", 45, 30, null, "2026-06", 50],
    ["Time to hire", "Talent acquisition", "Mia Schmidt", "ATS export", "Monthly", "days", 45, 30, null, "2026-07", 41],
    ["Offer acceptance rate", "Talent acquisition", "Mia Schmidt", "ATS export", "Monthly", "%", 0.8, 0.9, null, "2026-05", 0.86],
    ["Offer acceptance rate", "Talent acquisition", "Mia Schmidt", "ATS export", "Monthly", "%", 0.8, 0.9, null, "2026-06", 0.78],
    ["Offer acceptance rate", "Talent acquisition", "Mia Schmidt", "ATS export", "Monthly", "%", 0.8, 0.9, null, "2026-07", 0.75],
    ["Engagement survey score", "Employee experience", "Chloé Martin", "Survey platform", "Quarterly", "score", 3.8, 4.2, 5, "2026-Q2", 4.0],
    ["Engagement survey score", "Employee experience", "Chloé Martin", "Survey platform", "Quarterly", "score", 3.8, 4.2, 5, "2026-Q3", 4.3],
    ["Test track lap speed", "Product quality", "Dev Patel", "Telemetry", "Monthly", "mph", 224, null, 228, "2026-06", 226],
    ["Test track lap speed", "Product quality", "Dev Patel", "Telemetry", "Monthly", "mph", 224, null, 228, "2026-07", 229],
    ["Pipeline coverage", "Sales", "Sam Rivera", "CRM", "Monthly", "x", 2, 3, null, "2026-07", 3.2],
    ["Training hours per employee", "Learning", "Chloé Martin", null, null, "hours", 1, 2, null, "2026-07", 1.5],
  ],
  widths: [28, 20, 14, 16, 11, 7, 8, 8, 8, 9, 8],
};

const KRAS: SheetSpec = {
  name: "KRAs",
  headers: ["Employee", "Role", "Manager", "Review period", "Area", "Weight (%)", "Measure", "Target", "Actual", "Rating"],
  rows: [
    ["Chloé Martin", "People partner", "Ana López", 2026, "Talent development", 40, "Internal promotions", 6, 7, 4],
    ["Chloé Martin", "People partner", "Ana López", 2026, "Employee relations", 30, "Cases closed within 30 days", 0.9, 0.85, 3],
    ["Chloé Martin", "People partner", "Ana López", 2026, "HR operations", 30, "Payroll accuracy", 0.99, 0.998, 5],
    // Weights written as fractions: 0.5 means 50 %.
    ["Ben Okafor", "Sales lead", "Ana López", 2026, "New business", 0.5, "New annual revenue (k)", 1200, 1100, 3],
    ["Ben Okafor", "Sales lead", "Ana López", 2026, "Team leadership", 0.5, "Team quota attainment", 1, 1.05, 4],
    // Weights add up to 80 %: a finding.
    ["Mia Schmidt", "Recruiter", "Chloé Martin", 2026, "Hiring speed", 50, "Median time to hire (days)", 30, 38, 4],
    ["Mia Schmidt", "Recruiter", "Chloé Martin", 2026, "Candidate experience", 30, "Candidate NPS", 50, 46, 3],
    // No rating given: derived from actual ÷ target.
    ["Dev Patel", "Engineering manager", "Ana López", 2026, "Delivery", 60, "Releases shipped", 12, 13, null],
    ["Dev Patel", "Engineering manager", "Ana López", 2026, "Team health", 40, "Engagement score", 4, 4.2, 4],
  ],
  widths: [14, 20, 13, 13, 22, 11, 28, 9, 9, 8],
};

const CHECK_INS: SheetSpec = {
  name: "Check-ins",
  headers: ["Date", "Key result", "Value", "Confidence", "Comment"],
  rows: [
    [day(2026, 7, 15), "Reduce regretted churn from 4.2% to 2.8%", 0.039, 6, "Stay interviews started"],
    [day(2026, 8, 5), "Reduce regretted churn from 4.2% to 2.8%", 0.035, 7, "Exit rate down in Sales"],
    [day(2026, 7, 20), "Lift manager effectiveness score from 6.9 to 8.0", 7.2, 6, "First manager cohort trained"],
    [day(2026, 8, 10), "Lift manager effectiveness score from 6.9 to 8.0", 7.6, 7, "Pulse survey results"],
    [day(2026, 8, 3), "Cut average sales cycle from 47 to 31 days", 39, 5, "Legal review template in use"],
    [day(2026, 8, 12), "Raise NPS from 40 to 60", 72, 9, "Support revamp landed"],
  ],
  formats: { Date: DATE },
  widths: [12, 48, 8, 11, 32],
};

const NOTES = [
  ["About this workbook"],
  ["A sample for trying Altitude: the OKRs, KPIs, KRAs and Check-ins sheets are recognised by their headers."],
  ["This sheet is not a goal sheet, so Altitude leaves it alone."],
  ["Try: npx altitude score assets/altitude-sample.xlsx --as-of 2026-08-15"],
];

/** Percent formats by column for the OKR and KPI sheets, where some rows hold rates. */
const PERCENT_ROWS: Record<string, (row: Cell[]) => boolean> = {
  OKRs: (row) => String(row[4]).includes("%"),
  KPIs: (row) => row[5] === "%",
  "Check-ins": (row) => String(row[1]).includes("%"),
};
const PERCENT_COLUMNS: Record<string, string[]> = {
  OKRs: ["Start", "Target", "Current"],
  KPIs: ["Floor", "Target", "Ceiling", "Actual"],
  "Check-ins": ["Value"],
};

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = workbook.addWorksheet(spec.name);
  let headerRow = 1;
  if (spec.title) {
    ws.getCell(1, 1).value = spec.title;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    headerRow = 3;
  }
  spec.headers.forEach((header, c) => {
    const cell = ws.getCell(headerRow, c + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.border = { bottom: { style: "thin" } };
  });
  spec.rows.forEach((values, r) => {
    const percent = PERCENT_ROWS[spec.name]?.(values) ?? false;
    values.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(headerRow + 1 + r, c + 1);
      cell.value = value;
      const header = spec.headers[c];
      const format = percent && PERCENT_COLUMNS[spec.name]?.includes(header) ? PERCENT : spec.formats?.[header];
      if (format && format !== "General") cell.numFmt = format;
    });
  });
  spec.widths.forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
  ws.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
}

/**
 * Builds the sample workbook in memory.
 *
 * @example
 * const workbook = buildSampleWorkbook();
 * workbook.worksheets.map((ws) => ws.name) // ["OKRs", "KPIs", "KRAs", "Check-ins", "Notes"]
 */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Altitude";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const spec of [OKRS, KPIS, KRAS, CHECK_INS]) addSheet(workbook, spec);
  const notes = workbook.addWorksheet("Notes");
  NOTES.forEach(([text], r) => {
    notes.getCell(r + 1, 1).value = text;
  });
  notes.getCell(1, 1).font = { bold: true, size: 14 };
  notes.getColumn(1).width = 100;
  return workbook;
}

/**
 * The sample as .xlsx bytes, the same on every run: ExcelJS stamps each zip entry
 * with the current time, so the entries are repacked with a fixed date.
 *
 * @example
 * await fs.writeFile("assets/altitude-sample.xlsx", await sampleBytes());
 */
export async function sampleBytes(): Promise<Buffer> {
  const written = await JSZip.loadAsync(await buildSampleWorkbook().xlsx.writeBuffer());
  const fixed = new JSZip();
  for (const entry of Object.values(written.files)) {
    if (!entry.dir) fixed.file(entry.name, await entry.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return fixed.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Where `npm run sample` writes the sample. */
export const SAMPLE_PATH = path.resolve(__dirname, "..", "assets", "altitude-sample.xlsx");

async function main(): Promise<void> {
  const out = SAMPLE_PATH;
  await fs.writeFile(out, await sampleBytes());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), out)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`make-sample: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
