/**
 * Reviews: choose the review period and the people (everyone, a team or a
 * list), confirm when that means many sheets, and write one summary sheet per
 * person with an index; then show the index.
 */
import { Body1, Button } from "@fluentui/react-components";
import type { LoadedWorkbook } from "../../app";
import type { Period } from "../../core/model";
import { ActionMessages } from "../app/feedback";
import { useWorkbook } from "../app/host";
import { Section, useLayoutStyles } from "./common";
import { PeriodField } from "./parts/PeriodField";
import { RunProgress } from "./parts/RunProgress";
import { useOutputPeriod } from "./parts/use-output-period";
import { ManySheetsDialog } from "./reviews/ManySheetsDialog";
import { PeoplePicker } from "./reviews/PeoplePicker";
import { usePeopleChoice } from "./reviews/use-people-choice";
import { useWriteReviews } from "./reviews/use-write-reviews";

export function Reviews() {
  const { loaded } = useWorkbook();
  const { periods, period, choose } = useOutputPeriod("reviews");
  if (!loaded) return null;
  if (!period) return <Body1>No review period was found (KRA review periods, or periods of key results and KPIs).</Body1>;
  return (
    <Section title="Review summaries">
      <Body1>One sheet per person with role accountability, OKR contributions (evidence, not the rating), KPIs owned and findings, plus an index.</Body1>
      <PeriodField label="Review period" periods={periods} value={period.label} onChoose={choose} />
      <WriteReviews loaded={loaded} period={period} />
    </Section>
  );
}

function WriteReviews({ loaded, period }: { loaded: LoadedWorkbook; period: Period }) {
  const layout = useLayoutStyles();
  const people = usePeopleChoice();
  const writer = useWriteReviews(loaded, period, people);
  return (
    <>
      <PeoplePicker choice={people} />
      <div className={layout.actions}>
        <Button ref={writer.writeButton} appearance="primary" onClick={writer.start} disabledFocusable={writer.action.busy}>
          Write reviews
        </Button>
      </div>
      <RunProgress tracker={writer.tracker} busy={writer.action.busy} />
      <ActionMessages state={writer.action} />
      <ManySheetsDialog question={writer.asking} onConfirm={writer.confirm} onCancel={writer.cancel} returnFocus={writer.writeButton} />
    </>
  );
}
