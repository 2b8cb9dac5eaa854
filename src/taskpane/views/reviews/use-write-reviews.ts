/**
 * Writing reviews from the pane: a choice of nobody is said at once; a choice
 * that means very many sheets is asked about first (the question comes from
 * the application layer); then the sheets are written with progress and Stop.
 */
import { useRef, useState, type RefObject } from "react";
import { sizeQuestion, writeReviews, type LoadedWorkbook } from "../../../app";
import type { Period } from "../../../core/model";
import { useHost } from "../../app/host";
import { reviewsWritten } from "../../models/outputs";
import { selectionProblem } from "../../models/people";
import { useOutputRun, type OutputRun } from "../parts/use-output-run";
import type { PeopleChoice } from "./use-people-choice";

export interface ReviewsWriter extends Pick<OutputRun, "action" | "tracker"> {
  /** The question to ask before writing, while it is asked. */
  asking: string | null;
  start(): void;
  confirm(): void;
  cancel(): void;
  /** Where focus goes back when the question closes. */
  writeButton: RefObject<HTMLButtonElement | null>;
}

/**
 * Starts writing reviews for the period and people chosen, asking first when they are very many.
 *
 * @example
 * const writer = useWriteReviews(loaded, period, people);
 * writer.start() // writes at once, or sets writer.asking to the question; writer.confirm() then writes
 */
export function useWriteReviews(loaded: LoadedWorkbook, period: Period, people: PeopleChoice): ReviewsWriter {
  const { port, asOf } = useHost();
  const { action, tracker, run } = useOutputRun();
  const [asking, setAsking] = useState<string | null>(null);
  const writeButton = useRef<HTMLButtonElement>(null);

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
  return { action, tracker, asking, start, confirm: () => void write(true), cancel: () => setAsking(null), writeButton };
}
