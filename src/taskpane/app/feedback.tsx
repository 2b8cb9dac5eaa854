/**
 * How a view runs one action: busy while it runs, then a success or an error
 * message in plain language. Nothing fails silently.
 */
import { useCallback, useState } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { messageOf } from "./messages";

export interface ActionState {
  busy: boolean;
  error: string | null;
  success: string | null;
  /** Runs `action`; its result (a sentence) becomes the success message, a thrown error the error message. */
  run(action: () => Promise<string | null>): Promise<void>;
  clear(): void;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setSuccess(null);
    try {
      setSuccess(await action());
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setSuccess(null);
  }, []);
  return { busy, error, success, run, clear };
}

/** The outcome of an action as a message bar (announced to screen readers). */
export function ActionMessages({ state }: { state: Pick<ActionState, "error" | "success"> }) {
  if (state.error) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>That did not work.</MessageBarTitle> {state.error}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.success) {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{state.success}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
