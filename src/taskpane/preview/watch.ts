/**
 * Change notifications for the in-memory host, which has no Office.js events:
 * every batch that sent anything other than loads counts as a change, so the
 * pane and the grid refresh after writes, as they do in Excel.
 */
import type { ExcelApi } from "../../workbook/excel-api";
import type { FakeExcel } from "../../hosts/excel-stand-in";

export interface WatchedExcel {
  /** The host's API; batches run through it notify the listeners when they change the workbook. */
  excel: ExcelApi;
  subscribe(listener: () => void): () => void;
}

/** Request kinds that change nothing in the workbook. */
const READS = new Set(["load"]);

/**
 * Wraps the fake host's `run` to notify after each batch that wrote.
 *
 * @example
 * const watched = watchWrites(fake);
 * watched.subscribe(() => console.log("changed"));
 */
export function watchWrites(fake: FakeExcel): WatchedExcel {
  const listeners = new Set<() => void>();
  const excel: ExcelApi = {
    async run(batch) {
      const before = fake.stats.requests.length;
      try {
        return await fake.Excel.run(batch);
      } finally {
        const requests = fake.stats.requests;
        const sent = requests.length >= before ? requests.slice(before) : requests;
        if (sent.some((request) => request.kinds.some((kind) => !READS.has(kind)))) {
          for (const listener of [...listeners]) listener();
        }
      }
    },
  };
  return {
    excel,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
