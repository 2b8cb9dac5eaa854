// The browser preview: the real task pane over an in-memory Excel host holding
// the sample workbook, beside a simple grid of the active sheet. Outside Office
// there is no Office.js and no Excel, so nothing here touches them. The host is
// exposed on window.__altitude for the end-to-end tests.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from "@fluentui/react-components";
import { viewFromLocation } from "../commands/navigation";
import { isAppView } from "./app/navigation";
import { createPreviewHost } from "./preview/host";
import { PreviewPage } from "./preview/PreviewPage";
import { loadSample } from "./preview/sample";

/** The date the preview measures progress at, so the sample always tells the same story. */
const PREVIEW_AS_OF = "2026-08-15";
const SAMPLE_URL = new URL("../../assets/altitude-sample.xlsx", import.meta.url).href;

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("preview.html has no #container element");
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label="Opening the sample workbook…" style={{ padding: 32 }} />
    </FluentProvider>,
  );
  let sheets;
  try {
    sheets = await loadSample(SAMPLE_URL);
  } catch (error) {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <main style={{ padding: 16 }}>
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error instanceof Error ? error.message : String(error)}</MessageBarBody>
          </MessageBar>
        </main>
      </FluentProvider>,
    );
    return;
  }
  const { fake, watched, host, handle } = createPreviewHost(sheets, PREVIEW_AS_OF);
  window.__altitude = handle;
  const requested = new URLSearchParams(window.location.search).get("view");
  const initialView = isAppView(requested) ? requested : viewFromLocation(window.location.search, window.location.hash);
  root.render(
    <StrictMode>
      <PreviewPage fake={fake} watched={watched} host={host} initialView={initialView} asOf={PREVIEW_AS_OF} />
    </StrictMode>,
  );
}

void start();
