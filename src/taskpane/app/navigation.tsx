/**
 * The pane's views, its tabs and the navigation context the views use to open
 * one another. A leaf module: views import it, and it imports no view, so the
 * pane (which renders every view) and the views never import each other.
 */
import { createContext, useContext } from "react";

export type AppView = "home" | "map" | "tables" | "checkin" | "checks" | "rollup" | "reviews" | "settings" | "help";

/** The tabs in the order shown; Help opens from the header. */
export const TABS: ReadonlyArray<{ view: AppView; label: string }> = [
  { view: "home", label: "Overview" },
  { view: "map", label: "Map" },
  { view: "tables", label: "Tables" },
  { view: "checkin", label: "Check-in" },
  { view: "checks", label: "Checks" },
  { view: "rollup", label: "Rollup" },
  { view: "reviews", label: "Reviews" },
  { view: "settings", label: "Settings" },
];

const ALL_VIEWS: readonly AppView[] = [...TABS.map((t) => t.view), "help"];

/**
 * Whether a string names a view of the pane.
 * @example isAppView("map") // true
 */
export function isAppView(value: unknown): value is AppView {
  return typeof value === "string" && (ALL_VIEWS as readonly string[]).includes(value);
}

export interface Navigation {
  view: AppView;
  /** The sheet a view was opened for (Map columns from the overview). */
  sheet?: string;
  navigate(view: AppView, options?: { sheet?: string }): void;
}

export type ThemeName = "light" | "dark";

/** Provided by the pane; read with `useThemeName`. */
export const ThemeNameContext = createContext<ThemeName>("light");

/**
 * The pane's theme, for what Fluent's tokens cannot colour (chart fills are SVG attributes).
 * @example const dark = useThemeName() === "dark";
 */
export function useThemeName(): ThemeName {
  return useContext(ThemeNameContext);
}

/** Provided by the pane; read with `useNavigation`. */
export const NavigationContext = createContext<Navigation | null>(null);

/**
 * The current view and the way to open another, from the pane above.
 * @example const { navigate } = useNavigation(); navigate("map", { sheet: "OKRs" });
 */
export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error("useNavigation needs the App above it");
  return navigation;
}
