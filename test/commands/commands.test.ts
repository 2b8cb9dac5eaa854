import { becomeReady, fakeOffice } from "./fake-office";
import { buildReviews, buildRollup, checkGoals, type CommandHandler } from "../../src/commands/commands";
import { getViewRequest, type PaneView } from "../../src/commands/navigation";

const handlers: [string, CommandHandler, PaneView][] = [
  ["buildRollup", buildRollup, "rollup"],
  ["buildReviews", buildReviews, "reviews"],
  ["checkGoals", checkGoals, "checks"],
];

function makeEvent() {
  return { completed: jest.fn() };
}

describe("ribbon commands", () => {
  let consoleError: jest.SpyInstance;

  beforeEach(() => {
    fakeOffice.addin.showAsTaskpane.mockReset().mockResolvedValue(undefined);
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });

  afterEach(() => {
    consoleError.mockRestore();
  });

  it("associates each handler under its manifest FunctionName once Office is ready", () => {
    expect(fakeOffice.actions.associate).not.toHaveBeenCalled();
    becomeReady();
    expect(fakeOffice.actions.associate.mock.calls).toEqual(handlers.map(([name, handler]) => [name, handler]));
  });

  it.each(handlers)("%s opens the task pane on its view and completes", async (_name, handler, view) => {
    const event = makeEvent();
    await handler(event);
    expect(getViewRequest()?.view).toBe(view);
    expect(fakeOffice.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it.each(handlers)("%s still completes when the task pane cannot be shown", async (_name, handler, view) => {
    const failure = new Error("showAsTaskpane is not supported");
    fakeOffice.addin.showAsTaskpane.mockRejectedValue(failure);
    const event = makeEvent();
    await handler(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining(view), failure);
  });

  it.each(handlers)("%s still completes when showing the pane throws at once", async (_name, handler) => {
    fakeOffice.addin.showAsTaskpane.mockImplementation(() => {
      throw new Error("Office.addin is unavailable");
    });
    const event = makeEvent();
    await handler(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("records the view before showing the pane, so a pane that opens reads the request at once", async () => {
    let viewWhenShown: PaneView | undefined;
    fakeOffice.addin.showAsTaskpane.mockImplementation(() => {
      viewWhenShown = getViewRequest()?.view;
      return Promise.resolve();
    });
    await checkGoals(makeEvent());
    expect(viewWhenShown).toBe("checks");
  });
});
