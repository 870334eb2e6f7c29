/** The HTTP API and workbench server: routes, validation, errors and security headers in one Hono app. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/index.js';
import { HttpError, handleError } from './errors.js';
import type { Ingester } from './ingest.js';
import { pipelineIngester } from './ingest.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerEntityRoutes } from './routes/entities.js';
import { registerEventRoutes } from './routes/events.js';
import { registerFusionRoutes } from './routes/fusion.js';
import { registerReviewRoutes } from './routes/review.js';
import { registerSearchRoutes } from './routes/search.js';
import type { ReadPool } from './read-pool.js';
import type { ResponseCache } from './response-cache.js';
import { securityHeaders } from './security.js';
import { DEFAULT_WEB_ROOT, mountStatic } from './static-files.js';

/** What the app is built from. */
export interface AppOptions {
  readonly store: Store;
  /** How POSTed documents are read and extracted; default: the ingest readers and the pipeline. */
  readonly ingest?: Ingester;
  /** The built workbench; default web/dist; null for the API alone. */
  readonly webRoot?: string | null;
  /** Reader threads that answer GET /api/* requests in parallel; default none (answered here). */
  readonly readPool?: ReadPool;
  /** Whole GET /api/* answers kept for the current version of the data; default none. */
  readonly cache?: ResponseCache;
}

/** Largest request body: a long article as HTML, with room to spare. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

/** Builds the app; test it in-process with `app.request(path)`. */
export function createApp(options: AppOptions): OpenAPIHono {
  const app = new OpenAPIHono({
    // Validation failures become the same JSON error as every other failure.
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        throw new HttpError(400, 'bad_request', `${where}${issue?.message ?? 'invalid request'}`);
      }
    },
  });
  app.onError(handleError);
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.use('*', securityHeaders());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(413, 'too_large', `request body over ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  if (options.cache) app.use('/api/*', options.cache.middleware());
  const pool = options.readPool;
  if (pool) app.use('/api/*', (c, next) => (c.req.method === 'GET' ? pool.fetch(c.req.raw) : next()));
  const deps = { store: options.store, ingest: options.ingest ?? pipelineIngester() };
  app.get('/api/health', (c) => c.json({ ok: true }));
  registerDocumentRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerEntityRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerFusionRoutes(app, deps);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Sitrep API',
      version: '0.1.0',
      description:
        'Documents, entities, events, relations and corrections extracted from news. Errors: `{error: {code, message}}`.',
    },
  });
  mountStatic(app, options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot);
  return app;
}
