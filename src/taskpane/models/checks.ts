/** The Checks view's groups: findings by rule (in the rules' order), then by sheet; data problems last. */
import { RULE_IDS, ruleTitle, type RuleId } from "../../app";
import type { Problem, Severity } from "../../core/model";

export interface CheckItem extends Problem {
  fix?: string;
}

export interface CheckGroup {
  id: string;
  title: string;
  /** Items by sheet, sheets in first-seen order. */
  sheets: Array<{ sheet: string; items: CheckItem[] }>;
  count: number;
}

const DATA_PROBLEMS = "data";
const RULES: readonly string[] = RULE_IDS;

/** The badge colour of each severity. */
export const SEVERITY_COLOUR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

/**
 * Groups findings by rule (in registry order) and then by sheet; data problems form a last group.
 *
 * @example
 * groupChecks(findings, [])[0].title // "Too many key results"
 */
export function groupChecks(findings: Array<CheckItem & { rule: string }>, problems: CheckItem[]): CheckGroup[] {
  const byRule = new Map<string, CheckItem[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const order = [...RULES.filter((id) => byRule.has(id)), ...[...byRule.keys()].filter((id) => !RULES.includes(id))];
  const groups = order.map((id) => group(id, RULES.includes(id) ? ruleTitle(id as RuleId) : id, byRule.get(id) ?? []));
  if (problems.length > 0) groups.push(group(DATA_PROBLEMS, "Problems reading the data", problems));
  return groups;
}

function group(id: string, title: string, items: CheckItem[]): CheckGroup {
  const sheets = new Map<string, CheckItem[]>();
  for (const item of items) sheets.set(item.sheet, [...(sheets.get(item.sheet) ?? []), item]);
  return { id, title, count: items.length, sheets: [...sheets].map(([sheet, list]) => ({ sheet, items: list })) };
}

/**
 * The line above the groups.
 *
 * @example
 * checksSummary([]) // "No findings: the goals read well."
 */
export function checksSummary(groups: readonly CheckGroup[]): string {
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  if (total === 0) return "No findings: the goals read well.";
  return `${total} ${total === 1 ? "finding" : "findings"} in ${groups.length} ${groups.length === 1 ? "group" : "groups"}.`;
}
