/** The pane's views as a compact tab list that wraps in a narrow pane. */
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { TABS, isAppView, type AppView } from "./navigation";

const useStyles = makeStyles({
  tabs: { flexWrap: "wrap", padding: `0 ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

/**
 * The tab of a view, or `undefined` for a view with no tab (Help).
 *
 * @example
 * tabOf("help") // undefined
 */
export function tabOf(view: AppView): AppView | undefined {
  return TABS.some((t) => t.view === view) ? view : undefined;
}

export function PaneTabs({ tab, onShow }: { tab: AppView | undefined; onShow(view: AppView): void }) {
  const styles = useStyles();
  return (
    <nav aria-label="Altitude views">
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab ?? null}
        onTabSelect={(_, data) => {
          if (isAppView(data.value)) onShow(data.value);
        }}
      >
        {TABS.map((t) => (
          <Tab key={t.view} value={t.view} id={`tab-${t.view}`} aria-controls="altitude-view">
            {t.label}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
