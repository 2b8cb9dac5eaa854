import { PANE_VIEWS, getViewRequest, isPaneView, requestView, subscribeToViewRequests, viewFromLocation } from "../../src/commands/navigation";

describe("viewFromLocation", () => {
  it.each([
    ["no query or hash", "", "", "home"],
    ["a view in the query", "?view=rollup", "", "rollup"],
    ["a view among other parameters", "?_host_Info=Excel$Win32&view=reviews", "", "reviews"],
    ["a view in the hash", "", "#checks", "checks"],
    ["a router-style hash", "", "#/help", "help"],
    ["the query winning over the hash", "?view=rollup", "#checks", "rollup"],
    ["an unknown query view falling back to the hash", "?view=admin", "#reviews", "reviews"],
    ["an unknown view", "?view=admin", "#settings", "home"],
    ["a view in the wrong case", "?view=Rollup", "", "home"],
  ])("reads %s", (_name, search, hash, expected) => {
    expect(viewFromLocation(search, hash)).toBe(expected);
  });
});

describe("isPaneView", () => {
  it.each([...PANE_VIEWS.map((view) => [view, true] as const), ["", false] as const, ["toString", false] as const, [undefined, false] as const])(
    "%s is a view: %s",
    (value, expected) => {
      expect(isPaneView(value)).toBe(expected);
    },
  );
});

describe("view requests", () => {
  it("numbers requests so that asking twice for one view is a new request", () => {
    const first = requestView("rollup");
    const second = requestView("rollup");
    expect(second.sequence).toBe(first.sequence + 1);
    expect(getViewRequest()).toBe(second);
  });

  it("returns the same snapshot until the next request", () => {
    requestView("checks");
    expect(getViewRequest()).toBe(getViewRequest());
  });

  it("tells subscribers about each request until they unsubscribe", () => {
    const seen: string[] = [];
    const stop = subscribeToViewRequests((request) => seen.push(request.view));
    requestView("reviews");
    requestView("help");
    stop();
    requestView("home");
    expect(seen).toEqual(["reviews", "help"]);
  });

  it("shares one store between separately bundled copies of the module", () => {
    requestView("reviews");
    jest.isolateModules(() => {
      // A fresh module instance stands in for the copy bundled into another webpack entry.
      const copy = jest.requireActual<typeof import("../../src/commands/navigation")>("../../src/commands/navigation");
      expect(copy.requestView).not.toBe(requestView);
      expect(copy.getViewRequest()?.view).toBe("reviews");
      copy.requestView("checks");
    });
    expect(getViewRequest()?.view).toBe("checks");
  });
});
