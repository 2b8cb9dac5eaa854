/**
 * Fixture builders: a complete, valid record with every field set, so a test
 * states only what it is about (`makeKeyResult({ current: null })`).
 */
import type {
  CheckInRecord,
  KeyResultRecord,
  KpiRecord,
  KraRecord,
  ParsedWorkbook,
  Period,
  SheetData,
  RawCell,
} from "../../src/core/model";

/** A calendar quarter, e.g. `quarter(2026, 3)` is 2026-Q3. */
export function quarter(year: number, q: 1 | 2 | 3 | 4): Period {
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    label: `${year}-Q${q}`,
    kind: "quarter",
    start: `${year}-${pad(startMonth)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(lastDay)}`,
  };
}

/** A calendar year, e.g. `year(2026)`. */
export function year(y: number): Period {
  return { label: String(y), kind: "year", start: `${y}-01-01`, end: `${y}-12-31` };
}

let row = 1;

export function makeKeyResult(overrides: Partial<KeyResultRecord> = {}): KeyResultRecord {
  const r = overrides.row ?? ++row;
  return {
    sheet: "OKRs",
    row: r,
    cells: { objective: `D${r}`, keyResult: `F${r}`, owner: `G${r}`, start: `I${r}`, target: `J${r}`, current: `K${r}` },
    period: quarter(2026, 3),
    level: "team",
    team: "People",
    objective: "Make People a great place to grow",
    objectiveId: "",
    parentId: "",
    keyResultId: "",
    keyResult: "Reduce regretted churn from 4.2% to 2.8%",
    owner: "Ana López",
    type: "decrease",
    typeInferred: false,
    start: 0.042,
    target: 0.028,
    current: 0.035,
    weight: null,
    confidence: null,
    commitment: "aspirational",
    due: null,
    lastCheckIn: null,
    ...overrides,
  };
}

export function makeKpi(overrides: Partial<KpiRecord> = {}): KpiRecord {
  const r = overrides.row ?? ++row;
  return {
    sheet: "KPIs",
    row: r,
    cells: { kpi: `A${r}`, owner: `C${r}`, floor: `G${r}`, target: `H${r}`, actual: `K${r}` },
    kpi: "Time to hire",
    area: "Talent acquisition",
    owner: "Ben Okafor",
    dataSource: "ATS export",
    frequency: "Monthly",
    unit: "days",
    floor: 45,
    target: 30,
    ceiling: null,
    direction: null,
    period: quarter(2026, 3),
    actual: 38,
    ...overrides,
  };
}

export function makeKra(overrides: Partial<KraRecord> = {}): KraRecord {
  const r = overrides.row ?? ++row;
  return {
    sheet: "KRAs",
    row: r,
    cells: { employee: `A${r}`, area: `E${r}`, weight: `F${r}`, rating: `J${r}` },
    employee: "Ana López",
    role: "HR Business Partner",
    manager: "Chloé Martin",
    period: year(2026),
    area: "Talent retention",
    weight: 40,
    measure: "Regretted attrition",
    target: null,
    actual: null,
    rating: 4,
    ...overrides,
  };
}

export function makeCheckIn(overrides: Partial<CheckInRecord> = {}): CheckInRecord {
  const r = overrides.row ?? ++row;
  return {
    sheet: "Check-ins",
    row: r,
    cells: { date: `A${r}`, keyResult: `B${r}`, value: `C${r}` },
    date: "2026-08-01",
    keyResult: "Reduce regretted churn from 4.2% to 2.8%",
    value: 0.035,
    confidence: 7,
    comment: "",
    ...overrides,
  };
}

export function makeParsed(overrides: Partial<ParsedWorkbook> = {}): ParsedWorkbook {
  return { sheets: [], unrecognised: [], notRead: [], skipped: [], keyResults: [], kpis: [], kras: [], checkIns: [], problems: [], ...overrides };
}

/** A sheet whose values start at A1. */
export function makeSheet(name: string, values: RawCell[][], numberFormats?: string[][]): SheetData {
  return { name, values, numberFormats, origin: { row: 0, col: 0 } };
}
