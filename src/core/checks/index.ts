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
  const findings: Finding[] = [];
  // Each finding's sheet place, looked up once rather than on every comparison of the sort.
  const places: number[] = [];
  RULE_IDS.forEach((id) => {
    const rule = RULES[id];
    const hits = rule.run(context);
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i];
      findings.push({ code: id, rule: id, severity: rule.severity, fix: rule.fix, sheet: hit.sheet, cell: hit.cell, row: hit.row, message: hit.message });
      places.push(sheetOrder.get(hit.sheet) ?? parsed.sheets.length);
    }
  });
  // Findings are gathered rule by rule in the registry's order, so on the same row the earlier index is the earlier rule.
  const order: number[] = [];
  for (let i = 0; i < findings.length; i++) order.push(i);
  order.sort((a, b) => places[a] - places[b] || compareText(findings[a].sheet, findings[b].sheet) || findings[a].row - findings[b].row || a - b);
  const sorted: Finding[] = [];
  for (let i = 0; i < order.length; i++) sorted.push(findings[order[i]]);
  return sorted;
}
