/**
 * Errors shaped like Office.js's `OfficeExtension.Error`: a `code` from
 * `Excel.ErrorCodes`, a message, and `debugInfo` saying where it happened.
 */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

/** The messages Excel gives for the codes the fake raises. */
export const OFFICE_MESSAGES = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The requested operation is invalid.",
  GeneralException: "There was an internal error while processing the request.",
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
} satisfies Record<string, string>;

export type FakeErrorCode = keyof typeof OFFICE_MESSAGES;

/**
 * Builds the error Excel would raise for `code`, with an optional detail and location.
 *
 * @example
 * officeError("ItemNotFound", "No sheet named Q3.").message // "The requested resource doesn't exist. No sheet named Q3."
 */
export function officeError(code: FakeErrorCode, detail?: string, location?: string): FakeOfficeError {
  const message = detail ? `${OFFICE_MESSAGES[code]} ${detail}` : OFFICE_MESSAGES[code];
  return new FakeOfficeError(code, message, location);
}
