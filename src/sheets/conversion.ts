/**
 * "Convert to table" in Google Sheets. Sheets has no Excel tables: the user's
 * range gets alternating colours (banding), and the computed columns (Score,
 * Grade, Pace, Status …) go to its right. Each call of a custom function is a
 * call to Google's servers, so where consecutive rows repeat one formula shifted
 * down a row, a single ranged formula at the top computes them all and spills
 * (`=OKRSCORE(J2:J40,K2:K40,L2:L40)`); rows that differ keep their own formula.
 */
import { columnLetter } from "../core/address";
import { withRowAddresses, type TableConversion } from "../core/tables";
import { WorkbookError } from "../workbook/port";
import { guardText, sheetsFormula } from "./adapter";
import type { SheetsApp, SheetsConditionalFormatRule, SheetsSheet } from "./api";

/** Functions that give one result per row of their ranges, so a ranged call may stand for a run of rows. */
const PER_ROW_FUNCTIONS = ["OKRSCORE", "OKRGRADE", "OKRPACE", "KPISTATUS"];

/** One formula written at `offset` (rows below the first data row), spilling over `rows` rows. */
export interface FormulaRun {
  offset: number;
  rows: number;
  formula: string;
}

const CELL_REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g;

/**
 * A formula with its relative row numbers written relative to `row`, so two rows'
 * formulas compare equal when one is the other moved down.
 */
function template(formula: string, row: number): { text: string; relative: number } {
  let relative = 0;
  const text = outsideQuotes(formula, (part) =>
    part.replace(CELL_REF, (whole, colAbs: string, col: string, rowAbs: string, digits: string) => {
      if (rowAbs) return whole;
      relative++;
      return `${colAbs}${col}{${Number(digits) - row}}`;
    }),
  );
  return { text, relative };
}

/** Rewrites the parts of a formula outside its "text literals". */
function outsideQuotes(formula: string, rewrite: (part: string) => string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? rewrite(part) : part))
    .join('"');
}

/**
 * Groups a column's per-row formulas into runs that one ranged formula can compute.
 * `firstRow` is the 1-based sheet row of `formulas[0]`.
 *
 * @example
 * formulaRuns(["=ALTITUDE.OKRSCORE(J2,K2,L2)", "=ALTITUDE.OKRSCORE(J3,K3,L3)"], 2)
 * // [{ offset: 0, rows: 2, formula: "=OKRSCORE(J2:J3,K2:K3,L2:L3)" }]
 */
export function formulaRuns(formulas: readonly string[], firstRow: number): FormulaRun[] {
  const runs: FormulaRun[] = [];
  let i = 0;
  while (i < formulas.length) {
    const first = formulas[i];
    const base = template(first, firstRow + i);
    let j = i + 1;
    if (rangeable(first, base.relative)) {
      while (j < formulas.length && template(formulas[j], firstRow + j).text === base.text) j++;
    }
    const rows = j - i;
    runs.push({ offset: i, rows, formula: sheetsFormula(rows > 1 ? ranged(first, rows) : first) });
    i = j;
  }
  return runs;
}

function rangeable(formula: string, relativeRefs: number): boolean {
  if (relativeRefs === 0) return false;
  const called = formula.toUpperCase().match(/[A-Z.]+(?=\()/g) ?? [];
  return called.every((name) => PER_ROW_FUNCTIONS.includes(name.replace(/^ALTITUDE\./, "")) || name === "DATE");
}

/** Each relative cell reference of the run's first formula widened to the run's rows. */
function ranged(formula: string, rows: number): string {
  return outsideQuotes(formula, (part) =>
    part.replace(CELL_REF, (whole, colAbs: string, col: string, rowAbs: string, digits: string) => {
      if (rowAbs) return whole;
      return `${colAbs}${col}${digits}:${colAbs}${col}${Number(digits) + rows - 1}`;
    }),
  );
}

/**
 * Carries out a conversion, all or nothing: the cells the computed columns need
 * must be empty (nothing the user wrote is overwritten), and if a later step
 * fails, what was written is cleared again.
 *
 * @example
 * // OKRs!A1:C3 holds Start, Target, Current; the plan adds a Score column.
 * convertInSheets(SpreadsheetApp, okrSheet, conversion) // { address: "A1:D3" }, Score formulas in D2
 */
export function convertInSheets(app: SheetsApp, sheet: SheetsSheet, conversion: TableConversion): { address: string } {
  const { range, computed } = conversion;
  const firstCol = range.col + range.cols + 1;
  const rows = range.rows;
  const width = computed.length;
  if (width > 0) {
    const maxCols = sheet.getMaxColumns();
    if (firstCol - 1 + width > maxCols) sheet.insertColumnsAfter(maxCols, firstCol - 1 + width - maxCols);
    const target = sheet.getRange(range.row + 1, firstCol, rows, width);
    const values = target.getValues();
    const formulas = target.getFormulas();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < width; c++) {
        if (values[r][c] !== "" || formulas[r][c] !== "") {
          throw new WorkbookError(
            `Column ${columnLetter(firstCol - 1 + c)} of "${sheet.getName()}" is not empty; Altitude adds its columns to the right of the table and never overwrites a cell.`,
            "NotEmpty",
          );
        }
      }
    }
  }
  const rulesBefore: SheetsConditionalFormatRule[] = sheet.getConditionalFormatRules();
  const whole = sheet.getRange(range.row + 1, range.col + 1, rows, range.cols + width);
  try {
    if (width > 0) {
      sheet.getRange(range.row + 1, firstCol, 1, width).setValues([computed.map((c) => guardText(c.header))]);
      const cells: string[][] = Array.from({ length: rows - 1 }, () => new Array<string>(width).fill(""));
      computed.forEach((column, c) => {
        // Sheets has no tables: each row's own-row references become that row's addresses.
        const rowFormulas = column.formulas.map((formula, r) => withRowAddresses(conversion, formula, range.row + 1 + r));
        for (const run of formulaRuns(rowFormulas, range.row + 2)) cells[run.offset][c] = run.formula;
      });
      if (rows > 1) {
        const body = sheet.getRange(range.row + 2, firstCol, rows - 1, width);
        body.setFormulas(cells);
        body.setNumberFormats(cells.map(() => computed.map((c) => c.numberFormat ?? "0.###############")));
      }
      sheet.getRange(range.row + 1, range.col + 1, 1, range.cols + width).setFontWeight("bold");
    }
    whole.applyRowBanding();
    const rules = [];
    for (const block of conversion.conditional) {
      const target = sheet.getRange(block.range.row + 1, block.range.col + 1, Math.max(1, block.range.rows), Math.max(1, block.range.cols));
      for (const rule of block.rules) {
        rules.push(app.newConditionalFormatRule().whenTextEqualTo(rule.equals).setBackground(rule.fill).setFontColor(rule.fontColor).setRanges([target]).build());
      }
    }
    if (rules.length > 0) sheet.setConditionalFormatRules(rulesBefore.concat(rules));
    for (const validation of conversion.validations) {
      const target = sheet.getRange(validation.range.row + 1, validation.range.col + 1, Math.max(1, validation.range.rows), Math.max(1, validation.range.cols));
      target.setDataValidation(app.newDataValidation().requireValueInList(validation.list, true).setAllowInvalid(true).build());
    }
    return { address: whole.getA1Notation() };
  } catch (error) {
    if (width > 0) {
      const added = sheet.getRange(range.row + 1, firstCol, rows, width);
      added.setValues(Array.from({ length: rows }, () => new Array<string>(width).fill("")));
    }
    sheet.setConditionalFormatRules(rulesBefore);
    for (const validation of conversion.validations) {
      sheet.getRange(validation.range.row + 1, validation.range.col + 1, Math.max(1, validation.range.rows), Math.max(1, validation.range.cols)).setDataValidation(null);
    }
    const message = error instanceof Error ? error.message : String(error);
    throw error instanceof WorkbookError ? error : new WorkbookError(`Google Sheets refused the conversion: ${message}`, "SheetsError");
  }
}
