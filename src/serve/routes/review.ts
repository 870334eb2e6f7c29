/** Review: corrections with their audit trail (contradictions between reports: routes/fusion.ts). */
import { createRoute } from '@hono/zod-openapi';
import type { CorrectionAction } from '../../store/index.js';
import { CorrectionBody, CorrectionIdParam, LimitQuery, RevertBody } from '../schemas.js';
import type { Api, RouteDeps } from './common.js';
import { authorOf, errorResponses, jsonResponse } from './common.js';

const list = createRoute({
  method: 'get',
  path: '/api/corrections',
  tags: ['review'],
  summary: 'The audit trail of corrections, newest first',
  request: { query: LimitQuery },
  responses: { 200: jsonResponse('{ items: Correction[] }'), 400: errorResponses[400] },
});

const apply = createRoute({
  method: 'post',
  path: '/api/corrections',
  tags: ['review'],
  summary: "Correct an entity's type, merge or split entities, or edit an event",
  request: { body: { required: true, content: { 'application/json': { schema: CorrectionBody } } } },
  responses: { 201: jsonResponse('Correction (who, when, before, after)'), ...errorResponses },
});

const revert = createRoute({
  method: 'post',
  path: '/api/corrections/{id}/revert',
  tags: ['review'],
  summary: 'Undo a correction (the audit record stays, marked reverted)',
  request: { params: CorrectionIdParam, body: { content: { 'application/json': { schema: RevertBody } } } },
  responses: { 200: jsonResponse('Correction'), ...errorResponses, 409: jsonResponse('already reverted') },
});

/** Registers the review routes. */
export function registerReviewRoutes(app: Api, { store }: RouteDeps): void {
  app.openapi(list, async (c) => c.json({ items: await store.listCorrections(c.req.valid('query')) }, 200));

  app.openapi(apply, async (c) => {
    const { action, author, note } = c.req.valid('json');
    const meta = { author: authorOf(author, c.req.header('x-sitrep-user')), ...(note ? { note } : {}) };
    return c.json(await store.applyCorrection(action as CorrectionAction, meta), 201);
  });

  app.openapi(revert, async (c) => {
    const { id } = c.req.valid('param');
    const body = (c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {}) as {
      author?: string;
    };
    return c.json(
      await store.revertCorrection(id, { author: authorOf(body.author, c.req.header('x-sitrep-user')) }),
      200,
    );
  });
}
