// Ribbon commands (ExecuteFunction). For now each opens the task pane on the
// view that runs its use case; Excel waits for event.completed() before it
// accepts the next command, so every handler calls it whatever happens.
import { requestView, type PaneView } from "./navigation";

/** The part of Office's command event a handler uses. */
export type CommandEvent = Pick<Office.AddinCommands.Event, "completed">;

export type CommandHandler = (event: CommandEvent) => Promise<void>;

async function showView(view: PaneView, event: CommandEvent): Promise<void> {
  try {
    requestView(view);
    await Office.addin.showAsTaskpane();
  } catch (error) {
    // A command has no UI of its own: the console is the only place to report this.
    console.error(`Altitude could not open the task pane on "${view}"`, error);
  } finally {
    event.completed();
  }
}

/** Quarterly rollup button. */
export const buildRollup: CommandHandler = (event) => showView("rollup", event);

/** Review summaries button. */
export const buildReviews: CommandHandler = (event) => showView("reviews", event);

/** Check goals button. */
export const checkGoals: CommandHandler = (event) => showView("checks", event);

Office.onReady(() => {
  Office.actions.associate("buildRollup", buildRollup);
  Office.actions.associate("buildReviews", buildReviews);
  Office.actions.associate("checkGoals", checkGoals);
});
