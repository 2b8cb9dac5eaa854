// The sidebar in Google Sheets: the task pane's React app, over the same
// workbook port and pane editor as in Excel, reached through google.script.run.
// Sidebars are 300 px wide and use the light theme.
import { createRoot } from "react-dom/client";
import { isPaneView } from "../commands/navigation";
import { App } from "../taskpane/app/App";
import { remoteHost, type ScriptRun } from "./rpc";

declare global {
  interface Window {
    /** Set by the server when it opens the sidebar from a menu item. */
    altitudeView?: string;
    google?: { script: { run: ScriptRun } };
  }
}

const container = document.getElementById("container");
if (!container) throw new Error("Sidebar.html has no #container element");
const run = window.google?.script.run;
if (!run) throw new Error("The Altitude sidebar runs inside Google Sheets (google.script.run is missing).");
const view = isPaneView(window.altitudeView) ? window.altitudeView : "home";
createRoot(container).render(<App host={remoteHost(run)} initialView={view} theme="light" />);
