/**
 * The task pane: a header, a compact tab list that wraps in a narrow pane, and
 * one view at a time. Ribbon commands open a view through the navigation store.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { dismissNotice, getViewRequest, subscribeToViewRequests, type PaneNotice } from "../../commands/navigation";
import { HostProvider, useWorkbook, type AltitudeHost } from "./host";
import { Overview } from "../views/Overview";
import { MapColumns } from "../views/MapColumns";
import { Tables } from "../views/Tables";
import { CheckIn } from "../views/CheckIn";
import { Checks } from "../views/Checks";
import { RollupView } from "../views/Rollup";
import { Reviews } from "../views/Reviews";
import { SettingsView } from "../views/Settings";
import { Help } from "../views/Help";

export type AppView = "home" | "map" | "tables" | "checkin" | "checks" | "rollup" | "reviews" | "settings" | "help";

export type ThemeName = "light" | "dark";

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

/** Whether a string names a view of the pane. */
export function isAppView(value: unknown): value is AppView {
  return typeof value === "string" && (ALL_VIEWS as readonly string[]).includes(value);
}

export interface Navigation {
  view: AppView;
  /** The sheet a view was opened for (Map columns from the overview). */
  sheet?: string;
  navigate(view: AppView, options?: { sheet?: string }): void;
}

const NavigationContext = createContext<Navigation | null>(null);
const ThemeNameContext = createContext<ThemeName>("light");

/** The pane's theme, for what Fluent's tokens cannot colour (chart fills are SVG attributes). */
export function useThemeName(): ThemeName {
  return useContext(ThemeNameContext);
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error("useNavigation needs the App above it");
  return navigation;
}

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    minWidth: "280px",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
  },
  tabs: {
    flexWrap: "wrap",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  loading: {
    display: "flex",
    justifyContent: "center",
    padding: tokens.spacingVerticalXXL,
  },
});

const VIEWS: Record<AppView, () => ReactNode> = {
  home: () => <Overview />,
  map: () => <MapColumns />,
  tables: () => <Tables />,
  checkin: () => <CheckIn />,
  checks: () => <Checks />,
  rollup: () => <RollupView />,
  reviews: () => <Reviews />,
  settings: () => <SettingsView />,
  help: () => <Help />,
};

export interface AppProps {
  host: AltitudeHost;
  initialView?: AppView;
  theme?: ThemeName;
}

/** The whole pane over a host. */
export function App({ host, initialView = "home", theme = "light" }: AppProps) {
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} data-theme={theme}>
      <ThemeNameContext.Provider value={theme}>
        <HostProvider host={host}>
          <Pane initialView={initialView} />
        </HostProvider>
      </ThemeNameContext.Provider>
    </FluentProvider>
  );
}

function Pane({ initialView }: { initialView: AppView }) {
  const styles = useStyles();
  const [state, setState] = useState<{ view: AppView; sheet?: string }>({ view: initialView });
  // A ribbon command may leave a notice (why a rollup was not written); it shows until the user moves on.
  const [notice, setNotice] = useState<PaneNotice | null>(() => getViewRequest()?.notice ?? null);
  const main = useRef<HTMLElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const show = useCallback((view: AppView, options: { sheet?: string } = {}) => {
    setNotice(null);
    dismissNotice();
    setState({ view, sheet: options.sheet });
  }, []);
  // A button or link that opens another view disappears with its view; keyboard focus follows to the new view
  // instead of falling back to the page. The tabs keep focus themselves, so they only show.
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
    [navigate],
  );
  const navigation = useMemo<Navigation>(() => ({ ...state, navigate }), [state, navigate]);
  const { loaded, error } = useWorkbook();
  const tab = TABS.some((t) => t.view === state.view) ? state.view : undefined;

  return (
    <NavigationContext.Provider value={navigation}>
      <div className={styles.pane}>
        <header className={styles.header}>
          <Title3 as="h1">Altitude</Title3>
          <Button appearance="subtle" size="small" aria-pressed={state.view === "help"} onClick={() => show("help")}>
            Help
          </Button>
        </header>
        <nav aria-label="Altitude views">
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={tab ?? null}
            onTabSelect={(_, data) => {
              if (isAppView(data.value)) show(data.value);
            }}
          >
            {TABS.map((t) => (
              <Tab key={t.view} value={t.view} id={`tab-${t.view}`} aria-controls="altitude-view">
                {t.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main ref={main} tabIndex={-1} className={styles.main} id="altitude-view" role={tab ? "tabpanel" : undefined} aria-labelledby={tab ? `tab-${tab}` : undefined} data-view={state.view}>
          {notice && (
            <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} data-testid="ribbon-notice">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          {error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          {loaded || state.view === "help" ? (
            VIEWS[state.view]()
          ) : (
            <div className={styles.loading}>{!error && <Spinner label="Reading the workbook…" />}</div>
          )}
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
