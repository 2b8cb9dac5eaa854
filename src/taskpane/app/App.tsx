/**
 * The task pane: a header, a compact tab list that wraps in a narrow pane, and
 * one view at a time. Ribbon commands open a view through the navigation store.
 * Views open one another through `./navigation`, never through this module.
 */
import type { ReactNode } from "react";
import { Button, FluentProvider, Spinner, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { HostProvider, useWorkbook, type AltitudeHost } from "./host";
import { NavigationContext, ThemeNameContext, type AppView, type ThemeName } from "./navigation";
import { PaneMessages } from "./PaneMessages";
import { PaneTabs, tabOf } from "./PaneTabs";
import { usePaneNavigation } from "./use-pane-navigation";
import { Overview } from "../views/Overview";
import { MapColumns } from "../views/MapColumns";
import { Tables } from "../views/Tables";
import { CheckIn } from "../views/CheckIn";
import { Checks } from "../views/Checks";
import { RollupView } from "../views/Rollup";
import { Reviews } from "../views/Reviews";
import { SettingsView } from "../views/Settings";
import { Help } from "../views/Help";

export type { ThemeName } from "./navigation";

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
  const { navigation, show, notice, main } = usePaneNavigation(initialView);
  const { loaded, error } = useWorkbook();
  const { view } = navigation;
  const tab = tabOf(view);

  return (
    <NavigationContext.Provider value={navigation}>
      <div className={styles.pane}>
        <header className={styles.header}>
          <Title3 as="h1">Altitude</Title3>
          <Button appearance="subtle" size="small" aria-pressed={view === "help"} onClick={() => show("help")}>
            Help
          </Button>
        </header>
        <PaneTabs tab={tab} onShow={show} />
        <main ref={main} tabIndex={-1} className={styles.main} id="altitude-view" role={tab ? "tabpanel" : undefined} aria-labelledby={tab ? `tab-${tab}` : undefined} data-view={view}>
          <PaneMessages notice={notice} error={error} />
          {loaded || view === "help" ? VIEWS[view]() : <div className={styles.loading}>{!error && <Spinner label="Reading the workbook…" />}</div>}
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
