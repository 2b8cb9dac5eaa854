/**
 * Goal-quality checks: runs every rule of the registry over a parsed, analysed
 * workbook and returns the findings in reading order.
 */
import type { Analysis } from "../analyse";
import { compareText } from "../collections";
import type { Finding, IsoDate, ParsedWorkbook } from "../model";
import type { Settings } from "../settings";
import { RULE_IDS, RULES, type CheckContext } from "./rules";

export { LIMITS, RULE_IDS, RULES, ruleTitle, type CheckContext, type Rule, type RuleHit, type RuleId } from "./rules";
export { hasDigit, isActivity, statusQuoPhrase } from "./wording";

/**
 * Checks a workbook's goals against the rules of DESIGN.md ("Goal-quality
 * checks"). Findings are sorted by sheet (in workbook order), then row, then rule.
 * Never throws on data: every problem becomes a finding.
 *
 * @example
 * const analysis = analyse(parsed, settings, "2026-08-15");
 * checkWorkbook(parsed, analysis, { settings, asOf: "2026-08-15" })
 * // [{ rule: "okr.status-quo", code: "okr.status-quo", severity: "warning", sheet: "OKRs", cell: "F4",
 * //    row: 4, message: 'The key result "Maintain NPS above 45" describes the status quo ("Maintain"), …', fix: "Move it to …" }]
 */
export function checkWorkbook(
  parsed: ParsedWorkbook,
  analysis: Analysis,
  options: { settings: Settings; asOf: IsoDate },
): Finding[] {
  const context: CheckContext = { parsed, analysis, settings: options.settings, asOf: options.asOf };
  const sheetOrder = new Map(parsed.sheets.map((s, i) => [s.name, i] as const));
  const rows: Array<{ finding: Finding; sheet: number; row: number; rank: number }> = [];
  RULE_IDS.forEach((id, rank) => {
    const rule = RULES[id];
    const hits = rule.run(context);
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i];
      rows.push({
        finding: { code: id, rule: id, severity: rule.severity, fix: rule.fix, sheet: hit.sheet, cell: hit.cell, row: hit.row, message: hit.message },
        // The sheet's place is looked up once per finding, not on every comparison of the sort.
        sheet: sheetOrder.get(hit.sheet) ?? parsed.sheets.length,
        row: hit.row,
        rank,
      });
    }
  });
  rows.sort((a, b) => a.sheet - b.sheet || compareText(a.finding.sheet, b.finding.sheet) || a.row - b.row || a.rank - b.rank);
  return rows.map((r) => r.finding);
}
