// Task pane entry in Office: once Office is ready, the pane runs over the live
// workbook through the Excel adapter and the pane's editor. Ribbon commands
// open a view through the shared navigation store.
import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, Link, Title3, webLightTheme } from "@fluentui/react-components";
import { viewFromLocation } from "../commands/navigation";
import { createExcelWorkbook } from "../workbook/excel";
import { createExcelContractHost } from "../workbook/excel-contract-host";
import { createExcelEditor } from "../workbook/excel-editor";
import { App } from "./app/App";
import { themeForBackground } from "./app/theme";

function NotInExcel() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1">Altitude</Title3>
        <Body1 as="p">
          This page is Altitude's task pane and runs inside Excel. To try it without Excel, open the <Link href="preview.html">browser preview</Link>.
        </Body1>
      </main>
    </FluentProvider>
  );
}

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  const root = createRoot(container);
  if (info.host !== Office.HostType.Excel) {
    root.render(<NotInExcel />);
    return;
  }
  const editor = createExcelEditor(Excel);
  const host = { port: createExcelWorkbook(Excel), editor, contracts: createExcelContractHost(Excel, { name: "Excel", editor }) };
  const theme = themeForBackground(Office.context.officeTheme?.bodyBackgroundColor);
  root.render(<App host={host} initialView={viewFromLocation(window.location.search, window.location.hash)} theme={theme} />);
});
