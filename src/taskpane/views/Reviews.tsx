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
import { reviewsWritten } from "../models/outputs";
import { selectionProblem } from "../models/people";
import { Section, useLayoutStyles } from "./common";
import { PeriodField } from "./parts/PeriodField";
import { RunProgress } from "./parts/RunProgress";
import { useOutputPeriod } from "./parts/use-output-period";
import { useOutputRun } from "./parts/use-output-run";
import { ManySheetsDialog } from "./reviews/ManySheetsDialog";
import { PeoplePicker } from "./reviews/PeoplePicker";
import { usePeopleChoice } from "./reviews/use-people-choice";

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
      return done.ok ? reviewsWritten({ ...done, reviews: done.reviews.length }) : done;
    });

  const start = () => {
    const problem = selectionProblem(people.who, people.picked);
    if (problem) {
      void run(async () => {
        throw new Error(problem);
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
