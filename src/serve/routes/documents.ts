/** Documents: list, read with extraction, and ingest posted text or HTML. */
import { createRoute } from '@hono/zod-openapi';
import { SitrepError } from '../../core/index.js';
import { HttpError } from '../errors.js';
import { DocIdParam, IngestBody, PageQuery } from '../schemas.js';
import type { Api, RouteDeps } from './common.js';
import { errorResponses, jsonResponse } from './common.js';

const list = createRoute({
  method: 'get',
  path: '/api/documents',
  tags: ['documents'],
  summary: 'Stored documents, newest first',
  request: { query: PageQuery },
  responses: { 200: jsonResponse('{ total, items: DocumentSummary[] }'), 400: errorResponses[400] },
});

const get = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  tags: ['documents'],
  summary: 'One document with its text and extraction (as corrected)',
  request: { params: DocIdParam },
  responses: { 200: jsonResponse('StoredDocument'), ...errorResponses },
});

const post = createRoute({
  method: 'post',
  path: '/api/documents',
  tags: ['documents'],
  summary: 'Ingest an article given as text or HTML; extracts and stores it',
  request: { body: { required: true, content: { 'application/json': { schema: IngestBody } } } },
  responses: {
    201: jsonResponse('stored: { id, created, entities, events }'),
    200: jsonResponse('the same text was stored before and has been updated'),
    400: errorResponses[400],
    501: jsonResponse('fetching a URL is not built yet'),
  },
});

/** Registers the document routes. */
export function registerDocumentRoutes(app: Api, { store, ingest }: RouteDeps): void {
  app.openapi(list, async (c) => {
    const { limit, offset } = c.req.valid('query');
    const [total, items] = await Promise.all([
      store.countDocuments(),
      store.listDocuments({ limit, offset }),
    ]);
    return c.json({ total, items }, 200);
  });

  app.openapi(get, async (c) => {
    const doc = await store.getDocument(c.req.valid('param').id);
    if (!doc) throw new SitrepError('not_found', `no document ${c.req.valid('param').id}`);
    return c.json(doc, 200);
  });

  app.openapi(post, async (c) => {
    const body = c.req.valid('json');
    const content = body.text ?? body.html;
    if (!content) {
      throw new HttpError(
        501,
        'not_implemented',
        'fetching a URL is not built yet: POST the page as `html` (with its `url`) instead',
      );
    }
    const record = await ingest({
      format: body.html ? 'html' : 'text',
      content,
      ...(body.title ? { title: body.title } : {}),
      ...(body.url ? { url: body.url } : {}),
      ...(body.published ? { published: body.published } : {}),
      ...(body.outlet ? { outlet: body.outlet } : {}),
    });
    const saved = await store.saveDocument(record);
    const summary = {
      ...saved,
      entities: record.extraction.entities.length,
      events: record.extraction.events.length,
    };
    return c.json(summary, saved.created ? 201 : 200);
  });
}
