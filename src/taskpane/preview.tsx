// The browser preview: the real task pane over an in-memory Excel host holding
// the sample workbook, beside a simple grid of the active sheet. Outside Office
// there is no Office.js and no Excel, so nothing here touches them. The host is
// exposed on window.__altitude for the end-to-end tests.
import { StrictMode, useEffect, useReducer, useState } from "react";
import { createRoot } from "react-dom/client";
import { Body1, Caption1, FluentProvider, MessageBar, MessageBarBody, Spinner, Switch, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { viewFromLocation } from "../commands/navigation";
import { a1 } from "../app";
import { createFakeExcel, type FakeExcel } from "../hosts/excel-stand-in";
import { createExcelWorkbook } from "../workbook/excel";
import { createExcelContractHost } from "../workbook/excel-contract-host";
import { createExcelEditor } from "../workbook/excel-editor";
import { App, type ThemeName } from "./app/App";
import { isAppView, type AppView } from "./app/navigation";
import type { AltitudeHost } from "./app/host";
import { Grid } from "./preview/Grid";
import { evaluateFormula } from "./preview/formulas";
import { loadSample } from "./preview/sample";
import { watchWrites, type WatchedExcel } from "./preview/watch";

/** The date the preview measures progress at, so the sample always tells the same story. */
const PREVIEW_AS_OF = "2026-08-15";
const SAMPLE_URL = new URL("../../assets/altitude-sample.xlsx", import.meta.url).href;

export interface PreviewHandle {
  fake: FakeExcel;
  host: AltitudeHost;
  /** Changes a cell as a user typing in Excel would, and tells the pane. */
  edit(sheet: string, cell: string, value: string | number): Promise<void>;
  /** Adds a sheet as a user would, and tells the pane. */
  addSheet(name: string, values: Array<Array<string | number>>): Promise<void>;
  setTheme(theme: ThemeName): void;
}

declare global {
  interface Window {
    __altitude?: PreviewHandle;
  }
}

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
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

function Preview({ fake, watched, host, initialView }: { fake: FakeExcel; watched: WatchedExcel; host: AltitudeHost; initialView: AppView }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(new URLSearchParams(window.location.search).get("theme") === "dark" ? "dark" : "light");
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => watched.subscribe(refresh), [watched]);
  useEffect(() => {
    if (window.__altitude) window.__altitude.setTheme = setTheme;
  }, []);

  const activate = (sheet: string) =>
    void watched.excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });

  const follow = (sheet: string, cell: string) =>
    void watched.excel.run(async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      target.getRange(cell).select();
      await context.sync();
    });

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <div className={styles.title}>
            <Title3 as="h1">Altitude preview</Title3>
            <Caption1 as="p">The task pane over the sample workbook, without Excel. Progress is measured as of {PREVIEW_AS_OF}.</Caption1>
          </div>
          <Switch label="Dark theme" checked={theme === "dark"} onChange={(_, data) => setTheme(data.checked ? "dark" : "light")} />
        </header>
        <div className={styles.body}>
          <aside className={styles.pane} aria-label="Altitude task pane">
            <App host={host} initialView={initialView} theme={theme} />
          </aside>
          <Grid fake={fake} onActivate={activate} onFollow={follow} />
        </div>
      </div>
    </FluentProvider>
  );
}

function Failure({ message }: { message: string }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("preview.html has no #container element");
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label="Opening the sample workbook…" style={{ padding: 32 }} />
      <Body1 />
    </FluentProvider>,
  );
  let sheets;
  try {
    sheets = await loadSample(SAMPLE_URL);
  } catch (error) {
    root.render(<Failure message={error instanceof Error ? error.message : String(error)} />);
    return;
  }
  // Formula cells show what Excel would compute: the ALTITUDE functions, evaluated here.
  let workbook: FakeExcel | null = null;
  const read = (sheet: string, row: number, col: number) => workbook?.getSheet(sheet)?.cell(a1(row, col)).value ?? "";
  const fake = createFakeExcel({ sheets }, { evaluate: (formula, sheet, row, col) => evaluateFormula(formula, sheet, read, a1(row, col)) });
  workbook = fake;
  const watched = watchWrites(fake);
  const editor = createExcelEditor(watched.excel);
  const paneEditor: AltitudeHost["editor"] = { ...editor, onSheetsChanged: async (listener) => watched.subscribe(listener) };
  const host: AltitudeHost = {
    port: createExcelWorkbook(watched.excel),
    editor: paneEditor,
    asOf: PREVIEW_AS_OF,
    contracts: createExcelContractHost(watched.excel, { name: "the Excel stand-in", requirements: fake.Office.context.requirements, editor: paneEditor }),
  };
  window.__altitude = {
    fake,
    host,
    edit: (sheet, cell, value) =>
      watched.excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
        await context.sync();
      }),
    addSheet: (name, values) =>
      watched.excel.run(async (context) => {
        const sheet = context.workbook.worksheets.add(name);
        if (values.length > 0) sheet.getRangeByIndexes(0, 0, values.length, values[0].length).values = values;
        await context.sync();
      }),
    setTheme: () => undefined,
  };
  const requested = new URLSearchParams(window.location.search).get("view");
  const initialView = isAppView(requested) ? requested : viewFromLocation(window.location.search, window.location.hash);
  root.render(
    <StrictMode>
      <Preview fake={fake} watched={watched} host={host} initialView={initialView} />
    </StrictMode>,
  );
}

void start();
