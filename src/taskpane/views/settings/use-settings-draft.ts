/**
 * The settings being edited: the workbook's until the first change, checked by
 * the application layer as they are typed, saved in the workbook on request.
 */
import { useState } from "react";
import { DEFAULT_SETTINGS, saveSettings, settingsProblems, type SettingsPart } from "../../../app";
import type { Settings } from "../../../core/settings";
import { useAction, type ActionState } from "../../app/feedback";
import { useHost, useWorkbook } from "../../app/host";
import { cloneSettings } from "../../models/settings";

export interface SettingsDraft {
  settings: Settings;
  problems: Array<{ part: SettingsPart; message: string }>;
  /** The validation state of the fields of one part. */
  state(part: SettingsPart): "error" | "none";
  edit(next: Settings): void;
  resetToDefaults(): void;
  save(): void;
  action: ActionState;
}

/**
 * The settings being edited and their problems; `null` until the workbook is loaded.
 *
 * @example
 * const draft = useSettingsDraft();
 * draft?.edit({ ...draft.settings, scoreCap: 0 }) // draft.state("cap") is "error" and save() does nothing
 */
export function useSettingsDraft(): SettingsDraft | null {
  const { port, editor } = useHost();
  const { loaded, reload } = useWorkbook();
  const action = useAction();
  const [draft, setDraft] = useState<Settings | null>(null);
  if (!loaded) return null;
  const settings = draft ?? loaded.settings;
  const problems = settingsProblems(settings);
  const invalid = new Set(problems.map((p) => p.part));

  const save = () => {
    if (problems.length > 0 || action.busy) return;
    void action.run(async () => {
      const done = await saveSettings(port, editor, loaded, settings);
      if (!done.ok) throw new Error(done.message);
      await reload();
      setDraft(null);
      return "Settings saved in the workbook. Scores and the custom functions use them now.";
    });
  };
  return {
    settings,
    problems,
    state: (part) => (invalid.has(part) ? "error" : "none"),
    edit: setDraft,
    resetToDefaults: () => setDraft(cloneSettings(DEFAULT_SETTINGS)),
    save,
    action,
  };
}
