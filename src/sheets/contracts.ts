/**
 * The behaviours of Google Sheets the adapter relies on, as checks that run
 * against any `SpreadsheetApp`: the in-memory stand-in in `npm test`, and a real
 * spreadsheet from the development build's "Run contract tests" menu item, so a
 * person can confirm that the stand-in tells the truth. Each check works on
 * scratch sheets it adds and removes, whatever happens.
 */
import { isoToSerial } from "../core/dates";
import type { OutputPlan } from "../core/plan";
import { SheetsWorkbook } from "./adapter";
import type { FormatDate, SheetsApp, SheetsSheet } from "./api";

export interface ContractResult {
  id: string;
  title: string;
  pass: boolean;
  /** What Sheets answered, in a line. */
  detail: string;
}

interface Contract {
  id: string;
  title: string;
  run(book: SheetsWorkbook, app: SheetsApp, scratch: () => SheetsSheet, added: string[]): string;
}

class ContractFailure extends Error {}

function expect(condition: boolean, detail: string): void {
  if (!condition) throw new ContractFailure(detail);
}

const TEXTS = ["=1+1", "+1", "-1", "Jan 2026", "12:30", "1 1/2", "(100)", "TRUE", "'quoted"];

const CONTRACTS: Contract[] = [
  {
    id: "text-stays-text",
    title: "Text from cells stays text (formulas, dates, numbers, booleans)",
    run(book, _app, _scratch, added) {
      const plan: OutputPlan = { sheets: [{ key: "t", name: "Altitude contract text", blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: TEXTS.map((t) => [t]) }] }] };
      const name = book.writeSheets(plan).names.t;
      added.push(name);
      const range = book.sheetNamed(name).getRange(1, 1, TEXTS.length, 1);
      const values = range.getValues().map((row) => row[0]);
      const formulas = range.getFormulas().map((row) => row[0]);
      TEXTS.forEach((text, i) => expect(values[i] === text && formulas[i] === "", `${JSON.stringify(text)} came back as ${JSON.stringify(values[i])}${formulas[i] ? ` with formula ${formulas[i]}` : ""}`));
      return `${TEXTS.length} strings came back unchanged, none as a formula`;
    },
  },
  {
    id: "sheet-names",
    title: "New sheet names are valid and never clash",
    run(book, _app, _scratch, added) {
      const plan: OutputPlan = {
        sheets: [
          { key: "a", name: "Altitude contract names", blocks: [] },
          { key: "b", name: "Altitude contract names", blocks: [] },
        ],
      };
      const names = book.writeSheets(plan).names;
      added.push(names.a, names.b);
      expect(names.a !== names.b, `both sheets were named ${names.a}`);
      return `named "${names.a}" and "${names.b}"`;
    },
  },
  {
    id: "all-or-nothing",
    title: "A write that fails leaves no sheet behind",
    run(book, _app, _scratch, added) {
      const before = book.sheetNames().length;
      const plan: OutputPlan = {
        sheets: [{ key: "a", name: "Altitude contract partial", blocks: [{ kind: "link", at: { row: 0, col: 0 }, text: "x", target: { sheet: "Altitude contract no such sheet" } }] }],
      };
      let failed = false;
      try {
        added.push(...Object.values(book.writeSheets(plan).names));
      } catch {
        failed = true;
      }
      expect(failed, "a link to a missing sheet was written");
      expect(book.sheetNames().length === before, "a sheet was left behind");
      return "the failed write removed the sheet it had added";
    },
  },
  {
    id: "cell-text-limit",
    title: "Text longer than a cell holds is cut with a marker",
    run(book, _app, _scratch, added) {
      const plan: OutputPlan = { sheets: [{ key: "a", name: "Altitude contract long", blocks: [{ kind: "cells", at: { row: 0, col: 0 }, values: [["x".repeat(60_000)]] }] }] };
      const name = book.writeSheets(plan).names.a;
      added.push(name);
      const value = String(book.sheetNamed(name).getRange(1, 1, 1, 1).getValues()[0][0]);
      expect(value.length <= 50_000 && value.includes("[cut:"), `the cell holds ${value.length} characters`);
      return `kept ${value.length} characters with the marker`;
    },
  },
  {
    id: "dates-in-zone",
    title: "A date cell reads as its day in the spreadsheet's time zone",
    run(book, _app, scratch) {
      const sheet = scratch();
      sheet.getRange(1, 1, 1, 1).setValues([["2026-07-01"]]);
      const [data] = book.readSheets([sheet.getName()]);
      const read = data.values[0]?.[0];
      expect(read === isoToSerial("2026-07-01"), `2026-07-01 read as ${JSON.stringify(read)}`);
      return `read as serial ${String(read)}`;
    },
  },
  {
    id: "grid-grows",
    title: "An output larger than a new sheet's grid is written whole",
    run(book, _app, _scratch, added) {
      const values = Array.from({ length: 1200 }, (_, i) => [i + 1]);
      const plan: OutputPlan = { sheets: [{ key: "a", name: "Altitude contract grid", blocks: [{ kind: "cells", at: { row: 0, col: 30 }, values }] }] };
      const name = book.writeSheets(plan).names.a;
      added.push(name);
      const last = book.sheetNamed(name).getRange(1200, 31, 1, 1).getValues()[0][0];
      expect(last === 1200, `row 1,200 holds ${JSON.stringify(last)}`);
      return "1,200 rows written from column AE";
    },
  },
];

/**
 * Runs every contract against a spreadsheet and removes what each added.
 *
 * @example
 * runContracts(SpreadsheetApp, Utilities.formatDate).every((r) => r.pass)
 */
export function runContracts(app: SheetsApp, formatDate: FormatDate): ContractResult[] {
  const book = new SheetsWorkbook(app, formatDate);
  const spreadsheet = app.getActiveSpreadsheet();
  return CONTRACTS.map((contract) => {
    const added: string[] = [];
    const scratch = () => {
      const name = `Altitude contract ${contract.id}`;
      const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
      added.push(name);
      return sheet;
    };
    try {
      const detail = contract.run(book, app, scratch, added);
      return { id: contract.id, title: contract.title, pass: true, detail };
    } catch (error) {
      return { id: contract.id, title: contract.title, pass: false, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      for (const name of added) {
        const sheet = spreadsheet.getSheetByName(name);
        if (sheet) spreadsheet.deleteSheet(sheet);
      }
    }
  });
}
