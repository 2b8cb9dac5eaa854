/**
 * The workbook contract suite: the host behaviours Altitude relies on, each a
 * named check with the documentation it follows. The same list runs against
 * the in-memory Excel stand-in in `npm test`, against the live workbook from
 * the task pane's Help view (Diagnostics), and later against Google Sheets, so
 * the stand-ins and the real hosts are held to one list.
 */
import type { RawCell } from "../core/model";
import { answerOf, type Capability, type ContractHost } from "./host";

export interface Contract {
  id: string;
  /** What must hold, in a sentence a person reads in Diagnostics. */
  title: string;
  /** The documentation the behaviour comes from. */
  source: string;
  /** What the host must have for the contract to apply. */
  needs?: Capability;
  /**
   * Runs on the scratch sheet (empty when it starts); resolves to what the host
   * answered, or rejects with a ContractFailure saying what it answered instead.
   */
  run(host: ContractHost, scratch: string): Promise<string>;
}

/** A contract that did not hold, with what the host answered. */
export class ContractFailure extends Error {
  override readonly name = "ContractFailure";
}

function expect(holds: boolean, answered: string): string {
  if (!holds) throw new ContractFailure(answered);
  return answered;
}

/** Strings Excel would turn into formulas, dates, times, numbers or errors if written unguarded. */
export const TEXT_THAT_MUST_STAY_TEXT = ["=1+1", "+A1", "-A1", "@SUM(A1)", "Jan 2026", "12:30", "1 1/2", "(100)", "45%", "007", "TRUE", "#N/A", "'quoted"];

const RESOURCE_LIMITS = "https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization";
const RANGE_VALUES = "https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member";

export const CONTRACTS: Contract[] = [
  {
    id: "payload-cap",
    title: "A text-heavy block larger than one 5 MB response is written and read back whole",
    source: `Resource limits and performance optimization for Office Add-ins: ${RESOURCE_LIMITS}`,
    async run(host, scratch) {
      // 2,500 rows × 10 cells of 100 two-byte characters: about 5.5 MB of UTF-8, over the cap.
      const text = "é".repeat(100);
      const rows = Array.from({ length: 2_500 }, (_, r) => Array.from({ length: 10 }, (__, c) => (c === 0 ? `${r}` : text)));
      await host.writeText(scratch, { row: 0, col: 0 }, rows);
      const read = await host.readSheet(scratch);
      const whole = read.length === rows.length && read.every((line, r) => line[0] === `${r}` && line[9] === text);
      return expect(whole, `${read.length} of ${rows.length} rows came back${whole ? " intact" : ", or changed"}`);
    },
  },
  {
    id: "text-stays-text",
    title: "User text that looks like a formula, date, time, number or error stays the same text",
    source: `Excel.Range.values (${RANGE_VALUES}); Stop automatically changing numbers to dates (https://support.microsoft.com/en-us/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8)`,
    async run(host, scratch) {
      await host.writeText(scratch, { row: 0, col: 0 }, [TEXT_THAT_MUST_STAY_TEXT]);
      const { values, formulas } = await host.read(scratch, { row: 0, col: 0, rows: 1, cols: TEXT_THAT_MUST_STAY_TEXT.length });
      const changed = TEXT_THAT_MUST_STAY_TEXT.map((text, c) => ({ text, value: values[0][c], formula: formulas[0][c] })).filter(
        ({ text, value, formula }) => value !== text || (formula !== null && formula !== text),
      );
      const shown = changed.slice(0, 5).map(({ text, value }) => `${text} → ${String(value)}`);
      return expect(changed.length === 0, changed.length === 0 ? `all ${TEXT_THAT_MUST_STAY_TEXT.length} came back as written` : `changed: ${shown.join(", ")}`);
    },
  },
  {
    id: "typed-formula",
    title: "Unguarded text starting with = becomes a formula (why user text is guarded)",
    source: `Excel.Range.values: ${RANGE_VALUES}`,
    async run(host, scratch) {
      await host.typeCells(scratch, { row: 0, col: 0 }, [["=1+1"]]);
      const { formulas, values } = await host.read(scratch, { row: 0, col: 0, rows: 1, cols: 1 });
      return expect(formulas[0][0] === "=1+1", `formula ${String(formulas[0][0])}, showing ${String(values[0][0])}`);
    },
  },
  {
    id: "table-growth",
    needs: "tables",
    title: "A table grows when rows are added to it, not when values are written below it",
    source: "TableRowCollection.add: https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)",
    async run(host, scratch) {
      await host.typeCells(scratch, { row: 0, col: 0 }, [["Date", "Value"], ["1", "2"]]);
      const table = await host.addTable(scratch, { row: 0, col: 0, rows: 2, cols: 2 });
      await host.typeCells(scratch, { row: 2, col: 0 }, [["3", "4"]]);
      const afterWrite = await host.tableRange(table);
      await host.appendToTable(table, [[5, 6]]);
      const afterAdd = await host.tableRange(table);
      return expect(
        afterWrite.rows === 2 && afterAdd.rows === 3,
        `rows with header: ${afterWrite.rows} after writing below, ${afterAdd.rows} after adding a row`,
      );
    },
  },
  {
    id: "table-lookups-follow-rows",
    needs: "tables",
    title: "A table formula over its own row and its columns (LET, FILTER, XLOOKUP) keeps each row's result after sorting and in an inserted row",
    source:
      "Using structured references with Excel tables (https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e); " +
      "TableSort.apply (https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablesort#excel-excel-tablesort-apply-member(1)); " +
      "Use calculated columns in an Excel table (https://support.microsoft.com/en-us/office/use-calculated-columns-in-an-excel-table-873fbac6-7110-4300-8f6f-aafa2ea11ce8)",
    async run(host, scratch) {
      // The shape of a converted KPI table's Trend: each reading's previous value, by name and period.
      const previous = '=LET(prior,IFERROR(MAX(FILTER([Period],([Name]=[@Name])*([Period]<[@Period]))),0),XLOOKUP(1,([Name]=[@Name])*([Period]=prior),[Value],"none"))';
      const rows = [["a", "1", "10"], ["b", "1", "30"], ["a", "2", "20"], ["a", "4", "40"]];
      // As a conversion does: the table first, then the formulas its structured references need.
      await host.typeCells(scratch, { row: 0, col: 0 }, [["Name", "Period", "Value", "Previous"], ...rows.map((row) => [...row, ""])]);
      const table = await host.addTable(scratch, { row: 0, col: 0, rows: rows.length + 1, cols: 4 });
      await host.typeCells(scratch, { row: 1, col: 3 }, rows.map(() => [previous]));
      await host.sortTable(table, 2, false);
      await host.insertTableRows(table, 1, [["a", 3, 35]]);
      const { values } = await host.read(scratch, { row: 1, col: 0, rows: rows.length + 1, cols: 4 });
      const seen = Object.fromEntries(values.map((line) => [`${String(line[0])}${String(line[1])}`, line[3]]));
      const wanted: Record<string, RawCell> = { a1: "none", b1: "none", a2: 10, a3: 20, a4: 35 };
      const wrong = Object.keys(wanted).filter((key) => seen[key] !== wanted[key]);
      const shown = wrong.map((key) => `${key}: ${seen[key] === "" || seen[key] === undefined ? "blank" : String(seen[key])} instead of ${String(wanted[key])}`).join(", ");
      return expect(wrong.length === 0, wrong.length === 0 ? "every row kept its previous value, the inserted row included" : shown);
    },
  },
  {
    id: "sheet-names",
    needs: "excel-sheet-names",
    title: "Sheet names Excel forbids are refused: over 31 characters, : \\ / ? * [ ], leading or trailing apostrophe, History, a taken name",
    source: "Rename a worksheet: https://support.microsoft.com/en-us/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9",
    async run(host, scratch) {
      const bad = ["a/b", "a:b", "a[1]", "x".repeat(32), "'quoted'", "History", scratch.toUpperCase()];
      const accepted: string[] = [];
      const answers: string[] = [];
      for (const name of bad) {
        try {
          await host.addSheet(name);
          accepted.push(name);
          await host.removeSheet(name);
        } catch (error) {
          answers.push(answerOf(error).split(":")[0]);
        }
      }
      return expect(accepted.length === 0, accepted.length === 0 ? `all ${bad.length} refused (${[...new Set(answers)].join(", ")})` : `accepted: ${accepted.join(", ")}`);
    },
  },
  {
    id: "merged-cells",
    needs: "tables",
    title: "A table is refused over merged cells",
    source: "Excel.TableCollection.add: https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)",
    async run(host, scratch) {
      await host.typeCells(scratch, { row: 0, col: 0 }, [["A", "B"], ["1", "2"], ["3", "4"]]);
      await host.merge(scratch, { row: 1, col: 0, rows: 2, cols: 1 });
      try {
        const name = await host.addTable(scratch, { row: 0, col: 0, rows: 3, cols: 2 });
        throw new ContractFailure(`the table ${name} was made`);
      } catch (error) {
        if (error instanceof ContractFailure) throw error;
        return `refused: ${answerOf(error)}`;
      }
    },
  },
  {
    id: "change-events",
    needs: "change-events",
    title: "Edits to a sheet are reported, so the pane refreshes",
    source: "Work with events using the Excel JavaScript API: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-events",
    async run(host, scratch) {
      const heard = await host.reportsChange(() => host.typeCells(scratch, { row: 0, col: 0 }, [["changed"]]), 3_000);
      return expect(heard, heard ? "a change event arrived" : "no change event within 3 seconds");
    },
  },
  {
    id: "errors-come-back",
    title: "A missing sheet is reported as an error with a code, not as an empty sheet",
    source: "Error handling with the application-specific JavaScript APIs: https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling",
    async run(host) {
      try {
        await host.readSheet("Altitude no such sheet");
      } catch (error) {
        return `refused: ${answerOf(error)}`;
      }
      throw new ContractFailure("the read succeeded");
    },
  },
  {
    id: "function-errors",
    needs: "excel-function-errors",
    title: "A custom function given bad input shows #VALUE!, the error Excel shows a message with",
    source: "Handle and return errors from your custom function: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/custom-functions-errors",
    async run(host, scratch) {
      const shown: RawCell = await host.calculate(scratch, { row: 0, col: 0 }, '=ALTITUDE.OKRSCORE("start",10,5)');
      return expect(shown === "#VALUE!", `the cell shows ${String(shown)}`);
    },
  },
];
