/** Errors as the pane says them. */

/**
 * An error as one plain sentence for the user.
 *
 * @example
 * messageOf(new Error("The sheet is protected.")) // "The sheet is protected."
 */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
