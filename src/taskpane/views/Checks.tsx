/**
 * Checks: the goal-quality findings and the data problems, grouped by rule and
 * then by sheet. Choosing one selects its cell in the grid.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Problem, Severity } from "../../core/model";
import { RULE_IDS, ruleTitle, type RuleId } from "../../app";
import { ActionMessages, useAction } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import { Section, useLayoutStyles } from "./common";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  sheet: { marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXS },
  finding: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXXS },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

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

/**
 * Groups findings by rule (in registry order) and then by sheet; data problems form a last group.
 *
 * @example
 * groupChecks(findings, [])[0].title // "Too many key results"
 */
export function groupChecks(findings: Array<CheckItem & { rule: string }>, problems: CheckItem[]): CheckGroup[] {
  const byRule = new Map<string, CheckItem[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const order = [...RULE_IDS.filter((id) => byRule.has(id)), ...[...byRule.keys()].filter((id) => !(RULE_IDS as string[]).includes(id))];
  const groups = order.map((id) => group(id, (RULE_IDS as string[]).includes(id) ? ruleTitle(id as RuleId) : id, byRule.get(id) ?? []));
  if (problems.length > 0) groups.push(group(DATA_PROBLEMS, "Problems reading the data", problems));
  return groups;
}

function group(id: string, title: string, items: CheckItem[]): CheckGroup {
  const sheets = new Map<string, CheckItem[]>();
  for (const item of items) sheets.set(item.sheet, [...(sheets.get(item.sheet) ?? []), item]);
  return { id, title, count: items.length, sheets: [...sheets].map(([sheet, list]) => ({ sheet, items: list })) };
}

const SEVERITY_COLOUR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export function Checks() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { editor } = useHost();
  const { loaded, loading, reload } = useWorkbook();
  const action = useAction();
  if (!loaded) return null;
  const groups = groupChecks(loaded.findings, [...loaded.parsed.problems, ...loaded.analysis.problems]);
  const total = groups.reduce((sum, g) => sum + g.count, 0);

  const select = (item: CheckItem) =>
    action.run(async () => {
      await editor.select(item.sheet, item.cell);
      return null;
    });

  return (
    <Section title="Checks">
      <div className={layout.actions}>
        <Body1>{total === 0 ? "No findings: the goals read well." : `${total} ${total === 1 ? "finding" : "findings"} in ${groups.length} ${groups.length === 1 ? "group" : "groups"}.`}</Body1>
        <Button size="small" onClick={() => void reload()} disabled={loading}>
          {loading ? "Checking…" : "Check again"}
        </Button>
      </div>
      <ActionMessages state={action} />
      <Accordion multiple collapsible defaultOpenItems={groups.slice(0, 1).map((g) => g.id)}>
        {groups.map((g) => (
          <AccordionItem key={g.id} value={g.id}>
            <AccordionHeader as="h3" size="small">
              <span className={styles.header}>
                {g.title}
                <Badge appearance="tint" color="informative" aria-label={`${g.count} items`}>
                  {g.count}
                </Badge>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {g.sheets.map(({ sheet, items }) => (
                <div key={sheet}>
                  <Text as="h4" weight="semibold" size={200} className={styles.sheet}>
                    {sheet}
                  </Text>
                  <ul className={styles.list}>
                    {items.map((item, i) => (
                      <li key={`${item.cell}-${i}`} className={styles.finding}>
                        <Button size="small" appearance="secondary" onClick={() => void select(item)} aria-label={`Select ${item.sheet}!${item.cell}: ${item.message}`}>
                          {item.sheet}!{item.cell}
                        </Button>
                        <Text size={200}>
                          <Badge size="small" appearance="outline" color={SEVERITY_COLOUR[item.severity]}>
                            {item.severity}
                          </Badge>{" "}
                          {item.message}
                        </Text>
                        {item.fix && <Caption1>{item.fix}</Caption1>}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </Section>
  );
}
