/**
 * What a custom function returns, whatever the host: numbers, text, or a cell
 * error carrying a message. Excel turns a cell error into `CustomFunctions.Error`
 * (`#VALUE!` or `#N/A`, the only two codes whose message Excel shows); Google
 * Sheets throws `Error(message)`, which it shows as `#ERROR!` with the message.
 */

/**
 * Which error a cell shows: `value` for input the function cannot use (text
 * where a number belongs, target equal to start); `na` for a value that is not
 * there to use (an error cell among the arguments, ranges of different sizes).
 */
export type CellErrorKind = "value" | "na";

/** A cell error and the message the host shows beside it. */
export interface CellError {
  error: CellErrorKind;
  message: string;
}

/** One cell of a result. */
export type Cell = number | string | CellError;

/** A result as rows of cells; a single result is one row of one cell. */
export type Grid = Cell[][];

/**
 * A `#VALUE!`-kind error: the input cannot be used.
 *
 * @example
 * valueError("Target equals start.") // { error: "value", message: "Target equals start." }
 */
export function valueError(message: string): CellError {
  return { error: "value", message };
}

/**
 * A `#N/A`-kind error: a value the function needs is not available.
 *
 * @example
 * naError("Current holds #N/A.") // { error: "na", message: "Current holds #N/A." }
 */
export function naError(message: string): CellError {
  return { error: "na", message };
}

/**
 * Whether a result cell is an error.
 *
 * @example
 * isCellError(valueError("Bad")) // true
 * isCellError(0.5) // false
 */
export function isCellError(cell: unknown): cell is CellError {
  return typeof cell === "object" && cell !== null && "error" in cell && "message" in cell;
}
