/**
 * Reviews: choose the review period and the people (everyone, a team or a
 * list), confirm when that means many sheets, and write one summary sheet per
 * person with an index; then show the index.
 */
import { useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Period } from "../../core/model";
import { parsePeriod } from "../../core/periods";
import { computeReviews, reviewSheetCountWarning } from "../../core/review";
import { runReviews } from "../../workbook/use-cases";
import { ActionMessages, useAction } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import type { LoadedWorkbook } from "../../workbook/use-cases";
import { PeriodField, Section, distinctPeriods, useLayoutStyles, useOutputPeriod } from "./common";
import { RunProgress, useRunTracker } from "./run-progress";

type Who = "all" | "team" | "list";

const useStyles = makeStyles({
  people: { display: "flex", flexDirection: "column", maxHeight: "220px", overflowY: "auto", paddingLeft: tokens.spacingHorizontalXS },
});

/** The review years found: KRA review periods, and the years of key results and KPI readings. */
export function reviewYears(loaded: LoadedWorkbook): Period[] {
  const years = [...loaded.parsed.kras.map((k) => k.period), ...loaded.parsed.keyResults.map((k) => k.period), ...loaded.parsed.kpis.map((k) => k.period)].map((p) => {
    if (!p || p.kind === "year") return p;
    const year = parsePeriod(p.start.slice(0, 4));
    return year.ok ? year.value : null;
  });
  return distinctPeriods(years);
}

/** Everyone a review can be written for: KRA employees, key result and KPI owners, by name. */
export function reviewPeople(loaded: LoadedWorkbook): string[] {
  const names = [...loaded.parsed.kras.map((k) => k.employee), ...loaded.parsed.keyResults.map((k) => k.owner), ...loaded.parsed.kpis.map((k) => k.owner)]
    .flatMap((n) => n.split(/[,;&/]| and /))
    .map((n) => n.trim())
    .filter((n) => n !== "");
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

export function Reviews() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { port, editor, asOf } = useHost();
  const { loaded, reload } = useWorkbook();
  const action = useAction();
  const { periodFrom, choose } = useOutputPeriod("reviews");
  const [who, setWho] = useState<Who>("all");
  const [team, setTeam] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [confirm, setConfirm] = useState<string | null>(null);
  const tracker = useRunTracker();
  const writeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // The dialog has no trigger of its own: when it closes (cancelled or confirmed), keyboard focus goes back to Write reviews.
  useEffect(() => {
    if (wasConfirming.current && confirm === null) writeButton.current?.focus();
    wasConfirming.current = confirm !== null;
  }, [confirm]);
  if (!loaded) return null;
  const years = reviewYears(loaded);
  if (years.length === 0) return <Body1>No review period was found (KRA review periods, or periods of key results and KPIs).</Body1>;
  const period = periodFrom(years);
  const teams = [...new Set(loaded.parsed.keyResults.map((k) => k.team.trim()).filter((t) => t !== ""))].sort();
  const people = reviewPeople(loaded);
  const selectedTeam = team ?? teams[0] ?? "";
  const options = {
    period,
    team: who === "team" ? selectedTeam : undefined,
    people: who === "list" ? picked : undefined,
  };

  const write = () =>
    action.run(async () => {
      setConfirm(null);
      const done = await runReviews(port, { ...options, asOf, ...tracker.start() });
      // Stopping is the user's choice, not a failure: it reads as the outcome.
      if (!done.ok && done.code === "cancelled") return done.message;
      if (!done.ok) throw new Error(done.message);
      const name = done.written.names.index ?? Object.values(done.written.names)[0];
      if (name) await editor.select(name, "A1");
      await reload();
      return `Wrote ${done.reviews.length} ${done.reviews.length === 1 ? "review" : "reviews"} for ${done.period.label}; the index is on "${name}".`;
    });

  const start = () => {
    if (who === "list" && picked.length === 0) {
      void action.run(async () => {
        throw new Error("Choose at least one person, or review everyone.");
      });
      return;
    }
    const count = computeReviews(loaded.analysis, loaded.findings, { ...options, settings: loaded.settings }).length;
    const warning = reviewSheetCountWarning(count + 1);
    if (warning) setConfirm(warning);
    else void write();
  };

  return (
    <Section title="Review summaries">
      <Body1>One sheet per person with role accountability, OKR contributions (evidence, not the rating), KPIs owned and findings, plus an index.</Body1>
      <PeriodField label="Review period" periods={years} value={period} onChoose={choose} />
      <Field label="People">
        <RadioGroup value={who} onChange={(_, data) => setWho(data.value as Who)}>
          <Radio value="all" label={`Everyone (${people.length})`} />
          <Radio value="team" label="A team" disabled={teams.length === 0} />
          <Radio value="list" label="Chosen people" />
        </RadioGroup>
      </Field>
      {who === "team" && (
        <Field label="Team">
          <Select value={selectedTeam} onChange={(_, data) => setTeam(data.value)}>
            {teams.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </Field>
      )}
      {who === "list" && (
        <fieldset className={styles.people} aria-label="Chosen people">
          {people.map((person) => (
            <Checkbox
              key={person}
              label={person}
              checked={picked.includes(person)}
              onChange={(_, data) => setPicked(data.checked ? [...picked, person] : picked.filter((p) => p !== person))}
            />
          ))}
        </fieldset>
      )}
      <div className={layout.actions}>
        <Button ref={writeButton} appearance="primary" onClick={start} disabledFocusable={action.busy}>
          Write reviews
        </Button>
      </div>
      <RunProgress tracker={tracker} busy={action.busy} />
      <ActionMessages state={action} />
      <Dialog open={confirm !== null} onOpenChange={(_, data) => !data.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Add this many sheets?</DialogTitle>
            <DialogContent>{confirm}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void write()}>
                Add them
              </Button>
              <Button onClick={() => setConfirm(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Section>
  );
}
