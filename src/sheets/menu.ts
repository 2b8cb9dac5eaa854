/**
 * The add-on menu and which view of the panel each item opens. The panel is the
 * task pane's React app in a sidebar, so the view names are the pane's.
 */
export type SidebarView = "home" | "rollup" | "reviews" | "checks";

export const MENU_ITEMS = [
  { label: "Show panel", handler: "showPanel", view: "home" },
  { label: "Quarterly rollup", handler: "showRollup", view: "rollup" },
  { label: "Review summaries", handler: "showReviews", view: "reviews" },
  { label: "Check goals", handler: "showChecks", view: "checks" },
] as const satisfies ReadonlyArray<{ label: string; handler: string; view: SidebarView }>;

export type MenuHandler = (typeof MENU_ITEMS)[number]["handler"];

/**
 * The view a menu item opens.
 *
 * @example
 * menuView("showRollup") // "rollup"
 */
export function menuView(handler: MenuHandler): SidebarView {
  return MENU_ITEMS.find((item) => item.handler === handler)?.view ?? "home";
}

/** Where the sidebar page says which view to open first. */
export const VIEW_PLACEHOLDER = "__ALTITUDE_VIEW__";

/**
 * The sidebar page with its first view filled in. The view comes from the menu
 * item, never from the user, and is checked against the known views all the same.
 *
 * @example
 * sidebarHtml('<script>window.altitudeView="__ALTITUDE_VIEW__"</script>', "rollup")
 * // '<script>window.altitudeView="rollup"</script>'
 */
export function sidebarHtml(page: string, view: SidebarView): string {
  const safe = MENU_ITEMS.some((item) => item.view === view) ? view : "home";
  return page.split(VIEW_PLACEHOLDER).join(safe);
}
