/** Shared pieces of route definitions. */
import { z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Store } from '../../store/index.js';
import type { Ingester } from '../ingest.js';
import { ErrorSchema } from '../schemas.js';

/** What the routes need: a store and a way to ingest posted documents. */
export interface RouteDeps {
  readonly store: Store;
  readonly ingest: Ingester;
}

/** The app type every route module registers on. */
export type Api = OpenAPIHono;

/** A JSON response described for the OpenAPI document. */
export function jsonResponse(description: string, schema: z.ZodType = z.any()) {
  return { description, content: { 'application/json': { schema } } };
}

/** The error responses most routes can give. */
export const errorResponses = {
  400: jsonResponse('invalid request', ErrorSchema),
  404: jsonResponse('not found', ErrorSchema),
};

/** Who makes a correction: the body's author, else the X-Sitrep-User header, else "analyst" (there are no accounts yet). */
export function authorOf(bodyAuthor: string | undefined, header: string | undefined): string {
  return (bodyAuthor ?? header ?? 'analyst').trim().slice(0, 100) || 'analyst';
}

/**
 * A 200 answer whose JSON text the store wrote itself (same content type as c.json). Typed as
 * never: the OpenAPI route types expect c.json's typed response, and the text is the same JSON.
 */
export function jsonText(c: Context, text: string): never {
  return c.body(text, 200, { 'content-type': 'application/json' }) as never;
}
