/**
 * The periods offered for an output and the one shown: picked here, else the
 * workbook's default (the one last chosen, else the latest). Picking one keeps
 * it in the workbook, so the ribbon button and the CLI use it too.
 */
import { useCallback, useState } from "react";
import { periodChoice, rememberPeriod, type Output } from "../../../app";
import type { Period } from "../../../core/model";
import { useHost, useWorkbook } from "../../app/host";

/**
 * The periods offered for an output, the one shown and how to pick another.
 *
 * @example
 * const { periods, period, choose } = useOutputPeriod("rollup");
 * choose("2026-Q2") // period is 2026-Q2, remembered in the workbook for the ribbon and the CLI
 */
export function useOutputPeriod(output: Output): { periods: Period[]; period: Period | null; choose(label: string): void } {
  const { port } = useHost();
  const { loaded } = useWorkbook();
  const [picked, setPicked] = useState<string | null>(null);
  const choice = loaded ? periodChoice(loaded, output) : { periods: [], chosen: null };
  const period = choice.periods.find((p) => p.label === picked) ?? choice.chosen;
  const choose = useCallback(
    (label: string) => {
      setPicked(label);
      const next = choice.periods.find((p) => p.label === label);
      // Remembering is a convenience: a workbook that cannot store it still builds for the pick.
      if (loaded && next) rememberPeriod(port, loaded, output, next).catch(() => undefined);
    },
    [choice.periods, loaded, output, port],
  );
  return { periods: choice.periods, period, choose };
}
