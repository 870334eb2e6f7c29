/** Operational failures: typed errors with a stable code, turned into exit codes / HTTP responses in one place. */

export type ErrorCode =
  | 'empty_input'
  | 'binary_input'
  | 'too_large'
  | 'invalid_encoding'
  | 'unreadable'
  | 'unsupported_type'
  | 'not_found'
  | 'bad_request'
  | 'conflict'
  | 'internal';

/** An error with a code that callers can act on, and the cause that led to it. */
export class SitrepError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SitrepError';
    this.code = code;
  }
}

/** True for errors that mean "this input is unusable" rather than "something broke". */
export function isInputError(err: unknown): err is SitrepError {
  return (
    err instanceof SitrepError &&
    [
      'empty_input',
      'binary_input',
      'too_large',
      'invalid_encoding',
      'unreadable',
      'unsupported_type',
    ].includes(err.code)
  );
}

/** The message of any thrown value, for one-line reports. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
