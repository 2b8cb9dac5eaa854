/**
 * The loaded workbook the pane shows: read once, then again after every burst
 * of sheet changes (one reload per burst) or when a view asks; a load that a
 * later one overtook is dropped, and the last good one is kept while reading.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { loadWorkbook, type LoadedWorkbook } from "../../app";
import { setFunctionSettings } from "../../functions/settings-store";
import type { IsoDate } from "../../core/model";
import type { PaneEditor } from "../../workbook/excel-editor";
import type { WorkbookPort } from "../../workbook/port";
import { messageOf } from "./messages";

export interface WorkbookView {
  /** The last successful load, kept while reloading so views do not flicker. */
  loaded: LoadedWorkbook | null;
  loading: boolean;
  /** A plain message when the last load failed. */
  error: string | null;
  /** Reads, parses and scores the workbook again. */
  reload(): Promise<LoadedWorkbook | null>;
}

/** Sheet events arrive in bursts (a paste changes many cells); one reload follows the burst. */
const CHANGE_DEBOUNCE_MS = 400;

/** What loading needs of the pane's host: the port to read, change events, and the date to measure at. */
export interface LoadSource {
  port: WorkbookPort;
  editor: Pick<PaneEditor, "onSheetsChanged">;
  asOf?: IsoDate;
}

/**
 * Keeps the pane's loaded workbook fresh for as long as the component using it lives.
 *
 * @example
 * const { loaded, loading, error, reload } = useLoadedWorkbook({ port, editor, asOf: "2026-08-15" });
 * // loaded is null until the first read; after a burst of edits it is read again once
 */
export function useLoadedWorkbook(host: LoadSource): WorkbookView {
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

  return useMemo<WorkbookView>(() => ({ loaded, loading, error, reload }), [loaded, loading, error, reload]);
}
