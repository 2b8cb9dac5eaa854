/**
 * The workbook as the task pane sees it: the port every use case runs over,
 * the editor for pane-only operations, and the loaded, scored workbook shared
 * by every view. Office.js (index.tsx) and the browser preview (preview.tsx)
 * each build a host; components only ever read it from context.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { ContractHost } from "../../contracts/host";
import type { IsoDate } from "../../core/model";
import type { PaneEditor } from "../../workbook/excel-editor";
import type { WorkbookPort } from "../../workbook/port";
import { useLoadedWorkbook, type WorkbookView } from "./use-loaded-workbook";

export type { WorkbookView } from "./use-loaded-workbook";

export interface AltitudeHost {
  port: WorkbookPort;
  editor: PaneEditor;
  /** The date progress and pace are measured at; today when omitted (the preview fixes it). */
  asOf?: IsoDate;
  /** The host the Diagnostics view runs the workbook contracts against; no Diagnostics without it. */
  contracts?: ContractHost;
}

const HostContext = createContext<AltitudeHost | null>(null);
const WorkbookContext = createContext<WorkbookView | null>(null);

export function HostProvider({ host, children }: { host: AltitudeHost; children: ReactNode }) {
  const view = useLoadedWorkbook(host);
  return (
    <HostContext.Provider value={host}>
      <WorkbookContext.Provider value={view}>{children}</WorkbookContext.Provider>
    </HostContext.Provider>
  );
}

export function useHost(): AltitudeHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("useHost needs a HostProvider above it");
  return host;
}

export function useWorkbook(): WorkbookView {
  const view = useContext(WorkbookContext);
  if (!view) throw new Error("useWorkbook needs a HostProvider above it");
  return view;
}
