/** The dialog that asks before writing very many review sheets. */
import { useEffect, useRef, type RefObject } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

/**
 * Asks before writing very many sheets. The dialog has no trigger of its own:
 * when it closes (cancelled or confirmed), keyboard focus goes back to `returnFocus`.
 */
export function ManySheetsDialog({ question, onConfirm, onCancel, returnFocus }: { question: string | null; onConfirm(): void; onCancel(): void; returnFocus: RefObject<HTMLButtonElement | null> }) {
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && question === null) returnFocus.current?.focus();
    wasOpen.current = question !== null;
  }, [question, returnFocus]);
  return (
    <Dialog open={question !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Add this many sheets?</DialogTitle>
          <DialogContent>{question}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Add them
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
