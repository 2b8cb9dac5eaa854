// Which task pane view a ribbon command asked for. The ribbon commands and the
// task pane run in one shared runtime but are bundled as separate webpack
// entries, so each bundle gets its own copy of this module; the state lives on
// a single global slot so that every copy reads and writes the same store.

/** The task pane views a command or a URL can open. */
export const PANE_VIEWS = ["home", "rollup", "reviews", "checks", "help"] as const;

export type PaneView = (typeof PANE_VIEWS)[number];

/** A message a ribbon command leaves for the task pane to show, e.g. why a rollup could not be written. */
export interface PaneNotice {
  readonly intent: "error" | "warning" | "success" | "info";
  readonly text: string;
}

/** One request to show a view; `sequence` grows with every request, so asking twice for the same view is still news. */
export interface ViewRequest {
  readonly view: PaneView;
  readonly sequence: number;
  readonly notice?: PaneNotice;
}

type Listener = (request: ViewRequest) => void;

interface NavigationStore {
  current: ViewRequest | null;
  readonly listeners: Set<Listener>;
}

const STORE_KEY = Symbol.for("altitude.navigation");

function store(): NavigationStore {
  const slot = globalThis as typeof globalThis & { [STORE_KEY]?: NavigationStore };
  slot[STORE_KEY] ??= { current: null, listeners: new Set() };
  return slot[STORE_KEY];
}

/**
 * Whether a string names a task pane view.
 * @example isPaneView("rollup") // true
 */
export function isPaneView(value: unknown): value is PaneView {
  return typeof value === "string" && (PANE_VIEWS as readonly string[]).includes(value);
}

/**
 * Records that `view` should be shown, with an optional notice, and tells every subscriber.
 * @example requestView("rollup", { intent: "error", text: "No key results in 2026-Q3." })
 */
export function requestView(view: PaneView, notice?: PaneNotice): ViewRequest {
  const state = store();
  const request: ViewRequest = { view, sequence: (state.current?.sequence ?? 0) + 1, ...(notice ? { notice } : {}) };
  state.current = request;
  for (const listener of state.listeners) listener(request);
  return request;
}

/**
 * The latest view request, or null before any. The same object is returned until the next
 * request, so it can serve as a `useSyncExternalStore` snapshot.
 * @example getViewRequest()?.view // "rollup" after requestView("rollup")
 */
export function getViewRequest(): ViewRequest | null {
  return store().current;
}

/**
 * Calls `listener` on every later view request; returns the function that unsubscribes.
 * @example const stop = subscribeToViewRequests((request) => show(request.view)); stop();
 */
export function subscribeToViewRequests(listener: Listener): () => void {
  const { listeners } = store();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The view named by a page address: `?view=rollup` or `#rollup` (or `#/rollup`), else "home".
 * @example viewFromLocation("?view=reviews", "") // "reviews"
 */
export function viewFromLocation(search: string, hash: string): PaneView {
  const fromQuery = new URLSearchParams(search).get("view");
  if (isPaneView(fromQuery)) return fromQuery;
  const fromHash = hash.replace(/^#\/?/, "");
  return isPaneView(fromHash) ? fromHash : "home";
}

/**
 * Forgets the notice of the latest request once the user has moved on, so a pane
 * opened later does not show it again.
 * @example dismissNotice()
 */
export function dismissNotice(): void {
  const state = store();
  if (state.current?.notice) state.current = { view: state.current.view, sequence: state.current.sequence };
}
