/**
 * Which view the pane shows, and how it moves: tabs only show a view; a button
 * or link in a view also moves keyboard focus to the new view (it disappears
 * with its own view); a ribbon command opens a view and may leave a notice,
 * which shows until the user moves on.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { dismissNotice, getViewRequest, subscribeToViewRequests, type PaneNotice } from "../../commands/navigation";
import { isAppView, type AppView, type Navigation } from "./navigation";

export interface PaneNavigation {
  navigation: Navigation;
  /** Shows a view without moving focus (the tabs and the Help button keep it). */
  show(view: AppView): void;
  notice: PaneNotice | null;
  /** The element focus moves to when a view opens another. */
  main: RefObject<HTMLElement | null>;
}

/**
 * The pane's current view and the ways to change it.
 *
 * @example
 * const { navigation, show, notice, main } = usePaneNavigation("home");
 * navigation.navigate("map", { sheet: "OKRs" }) // Map columns for OKRs opens, focus moves to `main`
 */
export function usePaneNavigation(initialView: AppView): PaneNavigation {
  const [state, setState] = useState<{ view: AppView; sheet?: string }>({ view: initialView });
  const [notice, setNotice] = useState<PaneNotice | null>(() => getViewRequest()?.notice ?? null);
  const main = useRef<HTMLElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const show = useCallback((view: AppView, options: { sheet?: string } = {}) => {
    setNotice(null);
    dismissNotice();
    setState({ view, sheet: options.sheet });
  }, []);
  const navigate = useCallback(
    (view: AppView, options: { sheet?: string } = {}) => {
      show(view, options);
      setFocusRequest((n) => n + 1);
    },
    [show],
  );
  useEffect(() => {
    if (focusRequest > 0) main.current?.focus();
  }, [focusRequest]);
  useEffect(
    () =>
      subscribeToViewRequests((request) => {
        setState({ view: isAppView(request.view) ? request.view : "home" });
        setNotice(request.notice ?? null);
      }),
    [],
  );
  const navigation = useMemo<Navigation>(() => ({ ...state, navigate }), [state, navigate]);
  return { navigation, show, notice, main };
}
