/**
 * The preview's page: a bar with a theme switch, the task pane at its width,
 * and beside it the grid of the active sheet, redrawn whenever the pane writes.
 */
import { useEffect, useReducer, useState } from "react";
import { Caption1, FluentProvider, Switch, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { FakeExcel } from "../../hosts/excel-stand-in";
import { App, type ThemeName } from "../app/App";
import type { AltitudeHost } from "../app/host";
import type { AppView } from "../app/navigation";
import { Grid } from "./Grid";
import type { WatchedExcel } from "./watch";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  bar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: "flex", flexDirection: "column" },
  body: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalL, padding: tokens.spacingHorizontalL },
  pane: {
    flexShrink: 0,
    width: "340px",
    minWidth: "320px",
    maxWidth: "360px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
    maxHeight: "calc(100vh - 90px)",
    overflowY: "auto",
  },
});

interface PreviewPageProps {
  fake: FakeExcel;
  watched: WatchedExcel;
  host: AltitudeHost;
  initialView: AppView;
  asOf: string;
}

export function PreviewPage({ fake, watched, host, initialView, asOf }: PreviewPageProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(new URLSearchParams(window.location.search).get("theme") === "dark" ? "dark" : "light");
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => watched.subscribe(refresh), [watched]);
  useEffect(() => {
    if (window.__altitude) window.__altitude.setTheme = setTheme;
  }, []);

  const show = (sheet: string, cell?: string) =>
    void watched.excel.run(async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      if (cell) target.getRange(cell).select();
      await context.sync();
    });

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <div className={styles.title}>
            <Title3 as="h1">Altitude preview</Title3>
            <Caption1 as="p">The task pane over the sample workbook, without Excel. Progress is measured as of {asOf}.</Caption1>
          </div>
          <Switch label="Dark theme" checked={theme === "dark"} onChange={(_, data) => setTheme(data.checked ? "dark" : "light")} />
        </header>
        <div className={styles.body}>
          <aside className={styles.pane} aria-label="Altitude task pane">
            <App host={host} initialView={initialView} theme={theme} />
          </aside>
          <Grid fake={fake} onActivate={(sheet) => show(sheet)} onFollow={show} />
        </div>
      </div>
    </FluentProvider>
  );
}
