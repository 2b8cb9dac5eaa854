// Task pane entry: a minimal shell that shows which view was asked for, by the
// page address or by a ribbon command. The React tree starts once Office is ready.
import { useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, Title2, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { getViewRequest, subscribeToViewRequests, viewFromLocation, type PaneView } from "../commands/navigation";

const useStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
});

function subscribe(onChange: () => void): () => void {
  return subscribeToViewRequests(onChange);
}

function Shell({ initialView }: { initialView: PaneView }) {
  const styles = useStyles();
  const request = useSyncExternalStore(subscribe, getViewRequest);
  const view = request?.view ?? initialView;
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.shell}>
        <Title2 as="h1">Altitude</Title2>
        <Body1 data-view={view}>View: {view}</Body1>
      </main>
    </FluentProvider>
  );
}

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(<Shell initialView={viewFromLocation(window.location.search, window.location.hash)} />);
});
