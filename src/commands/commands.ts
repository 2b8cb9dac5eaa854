// Ribbon commands (ExecuteFunction). Quarterly rollup and Review summaries run
// the same use cases as the task pane, for the period chosen there or else the
// latest found; Check goals opens the findings in the pane. A command has no UI
// of its own, so anything to tell the user is left as a notice for the pane,
// which is then shown. Excel waits for event.completed() before it accepts the
// next command, so every handler calls it whatever happens.
import { createExcelWorkbook } from "../workbook/excel";
import type { WorkbookPort } from "../workbook/port";
import { runReviews, runRollup } from "../workbook/use-cases";
import { getChosenPeriod, requestView, type PaneNotice, type PaneView } from "./navigation";

/** The part of Office's command event a handler uses. */
export type CommandEvent = Pick<Office.AddinCommands.Event, "completed">;

export type CommandHandler = (event: CommandEvent) => Promise<void>;

export interface CommandDeps {
  /** The open workbook. */
  workbook: () => WorkbookPort;
  /** Shows the task pane. */
  showPane: () => Promise<void>;
}

export interface CommandHandlers {
  buildRollup: CommandHandler;
  buildReviews: CommandHandler;
  checkGoals: CommandHandler;
}

/**
 * The three ribbon handlers over a workbook and a way to show the pane.
 * @example const { buildRollup } = createCommands({ workbook: () => createExcelWorkbook(), showPane: () => Office.addin.showAsTaskpane() });
 */
export function createCommands(deps: CommandDeps): CommandHandlers {
  async function openPane(view: PaneView, notice?: PaneNotice): Promise<void> {
    try {
      requestView(view, notice);
      await deps.showPane();
    } catch (error) {
      // Without a pane, the console is the only place left to report this.
      console.error(`Altitude could not open the task pane on "${view}"`, error, notice?.text ?? "");
    }
  }

  async function complete(event: CommandEvent, view: PaneView, work: () => Promise<PaneNotice | null>): Promise<void> {
    try {
      const notice = await work();
      if (notice) await openPane(view, notice);
    } catch (error) {
      await openPane(view, { intent: "error", text: messageOf(error) });
    } finally {
      event.completed();
    }
  }

  return {
    buildRollup: (event) =>
      complete(event, "rollup", async () => {
        const done = await runRollup(deps.workbook(), { period: getChosenPeriod("rollup") });
        return done.ok ? null : { intent: "error", text: `The quarterly rollup was not written: ${done.message}` };
      }),
    buildReviews: (event) =>
      complete(event, "reviews", async () => {
        // Many sheets need the user's go-ahead, which only the pane can ask for.
        const done = await runReviews(deps.workbook(), { period: getChosenPeriod("reviews"), confirm: () => false });
        if (done.ok) return null;
        if (done.code === "cancelled") return { intent: "warning", text: "That would create many review sheets: choose the people here, or confirm to write them all." };
        return { intent: "error", text: `The review summaries were not written: ${done.message}` };
      }),
    checkGoals: (event) => complete(event, "checks", async () => ({ intent: "info", text: "Checking your goal sheets." })),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const handlers = createCommands({
  workbook: () => createExcelWorkbook(),
  showPane: () => Office.addin.showAsTaskpane(),
});

/** Quarterly rollup button. */
export const buildRollup: CommandHandler = handlers.buildRollup;

/** Review summaries button. */
export const buildReviews: CommandHandler = handlers.buildReviews;

/** Check goals button. */
export const checkGoals: CommandHandler = handlers.checkGoals;

// Registered when this file loads, not inside Office.onReady: a ribbon click can be what
// starts the runtime, and Excel calls the function as soon as the file has run, so a
// handler registered later would miss the first click. Microsoft's shared-runtime
// samples associate at the top level of the commands file
// ("Configure your Office Add-in to use a shared runtime",
// https://learn.microsoft.com/en-us/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime).
Office.actions.associate("buildRollup", buildRollup);
Office.actions.associate("buildReviews", buildReviews);
Office.actions.associate("checkGoals", checkGoals);

// Once Altitude has run in a workbook, that workbook loads Altitude's runtime when it opens,
// so the ribbon buttons and the functions' workbook settings are ready before the pane is
// opened ("Run code in your Office Add-in when the document opens",
// https://learn.microsoft.com/en-us/office/dev/add-ins/develop/run-code-on-document-open).
// It is a setting of that document only; other workbooks open as before.
Office.onReady(() => {
  if (!Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return;
  Office.addin.setStartupBehavior(Office.StartupBehavior.load).catch(() => undefined);
});
