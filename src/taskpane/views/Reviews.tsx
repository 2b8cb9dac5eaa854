/**
 * Reviews: choose the review period and the people (everyone, a team or a
 * list), confirm when that means many sheets, and write one summary sheet per
 * person with an index; then show the index.
 */
import { useRef, useState } from "react";
import { Body1, Button } from "@fluentui/react-components";
import { sizeQuestion, writeReviews } from "../../app";
import { ActionMessages } from "../app/feedback";
import { useHost, useWorkbook } from "../app/host";
import { PeriodField, Section, useLayoutStyles, useOutputPeriod } from "./common";
import { ManySheetsDialog, PeoplePicker, usePeopleChoice } from "./review-people";
import { RunProgress } from "./run-progress";
import { useOutputRun } from "./use-output-run";

export function Reviews() {
  const layout = useLayoutStyles();
  const { port, asOf } = useHost();
  const { loaded } = useWorkbook();
  const { periods, period, choose } = useOutputPeriod("reviews");
  const people = usePeopleChoice();
  const { action, tracker, run } = useOutputRun();
  const [asking, setAsking] = useState<string | null>(null);
  const writeButton = useRef<HTMLButtonElement>(null);
  if (!loaded) return null;
  if (!period) return <Body1>No review period was found (KRA review periods, or periods of key results and KPIs).</Body1>;

  const write = (allowManySheets: boolean) =>
    run(async (progress) => {
      setAsking(null);
      const done = await writeReviews(port, { period, ...people.selection, asOf, allowManySheets, ...progress });
      if (!done.ok) return done;
      const name = done.written.names.index ?? Object.values(done.written.names)[0];
      const count = done.reviews.length;
      return { sheet: name, message: `Wrote ${count} ${count === 1 ? "review" : "reviews"} for ${done.period.label}; the index is on "${name}".` };
    });

  const start = () => {
    if (people.who === "list" && people.picked.length === 0) {
      void run(async () => {
        throw new Error("Choose at least one person, or review everyone.");
      });
      return;
    }
    const question = sizeQuestion(loaded, { period, ...people.selection });
    if (question) setAsking(question.message);
    else void write(false);
  };

  return (
    <Section title="Review summaries">
      <Body1>One sheet per person with role accountability, OKR contributions (evidence, not the rating), KPIs owned and findings, plus an index.</Body1>
      <PeriodField label="Review period" periods={periods} value={period.label} onChoose={choose} />
      <PeoplePicker choice={people} />
      <div className={layout.actions}>
        <Button ref={writeButton} appearance="primary" onClick={start} disabledFocusable={action.busy}>
          Write reviews
        </Button>
      </div>
      <RunProgress tracker={tracker} busy={action.busy} />
      <ActionMessages state={action} />
      <ManySheetsDialog question={asking} onConfirm={() => void write(true)} onCancel={() => setAsking(null)} returnFocus={writeButton} />
    </Section>
  );
}
