/**
 * The workbook as the task pane sees it: the port every use case runs over,
 * the editor for pane-only operations, and the loaded, scored workbook shared
 * by every view. Office.js (index.tsx) and the browser preview (preview.tsx)
 * each build a host; components only ever read it from context.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ContractHost } from "../../contracts/host";
import type { IsoDate } from "../../core/model";
import { setFunctionSettings } from "../../functions/settings-store";
import type { PaneEditor } from "../../workbook/excel-editor";
import type { WorkbookPort } from "../../workbook/port";
import { loadWorkbook, type LoadedWorkbook } from "../../app";

export interface AltitudeHost {
  port: WorkbookPort;
  editor: PaneEditor;
  /** The date progress and pace are measured at; today when omitted (the preview fixes it). */
  asOf?: IsoDate;
  /** The host the Diagnostics view runs the workbook contracts against; no Diagnostics without it. */
  contracts?: ContractHost;
}

export interface WorkbookView {
  /** The last successful load, kept while reloading so views do not flicker. */
  loaded: LoadedWorkbook | null;
  loading: boolean;
  /** A plain message when the last load failed. */
  error: string | null;
  /** Reads, parses and scores the workbook again. */
  reload(): Promise<LoadedWorkbook | null>;
}

const HostContext = createContext<AltitudeHost | null>(null);
const WorkbookContext = createContext<WorkbookView | null>(null);

/** Sheet events arrive in bursts (a paste changes many cells); one reload follows the burst. */
const CHANGE_DEBOUNCE_MS = 400;

export function HostProvider({ host, children }: { host: AltitudeHost; children: ReactNode }) {
  const [loaded, setLoaded] = useState<LoadedWorkbook | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const next = await loadWorkbook(host.port, { asOf: host.asOf });
      if (mine !== generation.current) return next;
      setFunctionSettings(next.settings);
      setLoaded(next);
      setError(null);
      return next;
    } catch (failure) {
      if (mine === generation.current) setError(`The workbook could not be read: ${messageOf(failure)}`);
      return null;
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [host]);

  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => void) | undefined;
    let disposed = false;
    host.editor
      .onSheetsChanged(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), CHANGE_DEBOUNCE_MS);
      })
      .then(
        (unsubscribe) => {
          if (disposed) unsubscribe();
          else stop = unsubscribe;
        },
        // Without change events the pane still works; the Refresh button reloads.
        () => undefined,
      );
    return () => {
      disposed = true;
      clearTimeout(timer);
      stop?.();
    };
  }, [host, reload]);

  const view = useMemo<WorkbookView>(() => ({ loaded, loading, error, reload }), [loaded, loading, error, reload]);
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

/** An error as one plain sentence for the user. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
