/** HTTP errors: every failure becomes `{ error: { code, message } }` with a status, mapped here and only here. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SitrepError } from '../core/index.js';
import type { ErrorCode } from '../core/index.js';

/** An error the API answers with a code of its own (the core codes do not cover everything HTTP needs). */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  empty_input: 422,
  binary_input: 422,
  too_large: 413,
  invalid_encoding: 422,
  unreadable: 422,
  unsupported_type: 415,
  not_found: 404,
  bad_request: 400,
  conflict: 409,
  internal: 500,
};

/** Status and body for any thrown value; unknown errors become a 500 whose message hides internals. */
export function toErrorResponse(err: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (err instanceof HttpError)
    return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  // Hono's own (malformed JSON body and the like): keep its status, give it a code.
  if (err instanceof HTTPException) {
    const status = err.status;
    return {
      status,
      body: { error: { code: status === 400 ? 'bad_request' : `http_${status}`, message: err.message } },
    };
  }
  if (err instanceof SitrepError)
    return { status: STATUS[err.code], body: { error: { code: err.code, message: err.message } } };
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'internal error; the server log has the details' } },
  };
}

/** Hono's onError handler: logs server faults and answers with the JSON error body. */
export function handleError(err: Error, c: Context): Response {
  const { status, body } = toErrorResponse(err);
  if (status >= 500) console.error(err);
  return c.json(body, status);
}
