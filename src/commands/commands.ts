// Ribbon commands (ExecuteFunction). Quarterly rollup and Review summaries run
// the application layer's use cases with no period named, so they use the
// workbook's default (the one last chosen in the task pane, else the latest);
// Check goals opens the findings in the pane. A command has no UI of its own, so
// anything to tell the user is left as a notice for the pane, which is then
// shown. Excel waits for event.completed() before it accepts the next command,
// so every handler calls it whatever happens.
import { buildRollup as runRollup, writeReviews, type Failure } from "../app";
import { createExcelWorkbook } from "../workbook/excel";
import type { WorkbookPort } from "../workbook/port";
import { requestView, type PaneNotice, type PaneView } from "./navigation";

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
        const done = await runRollup(deps.workbook());
        return done.ok ? null : ribbonNotice("The quarterly rollup", done);
      }),
    buildReviews: (event) =>
      complete(event, "reviews", async () => {
        // Many sheets need the user's go-ahead, which only the pane can ask for.
        const done = await writeReviews(deps.workbook());
        return done.ok ? null : ribbonNotice("The review summaries", done);
      }),
    checkGoals: (event) => complete(event, "checks", async () => ({ intent: "info", text: "Checking your goal sheets." })),
  };
}

/**
 * How the ribbon words a use case that did not run, for the pane to show.
 * @example ribbonNotice("The quarterly rollup", fail({ code: "no-goal-sheets" })).intent // "error"
 */
export function ribbonNotice(what: string, failure: Failure): PaneNotice {
  switch (failure.code) {
    case "many-sheets":
      return { intent: "warning", text: `That would create ${failure.sheets} review sheets: choose the people here, or confirm to write them all.` };
    case "no-data":
      return { intent: "info", text: `${what} was not written: there are no key results or KPI readings in ${failure.period.label}. Choose another period here.` };
    case "no-period":
      return { intent: "error", text: `${what} was not written: the workbook has no ${failure.output === "rollup" ? "quarter" : "review year"} yet.` };
    default:
      return { intent: "error", text: `${what} was not written: ${failure.message}` };
  }
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
