/** Entities: listing with filters, and the profile of one. */
import { createRoute } from '@hono/zod-openapi';
import { SitrepError } from '../../core/index.js';
import { EntitiesQuery, EntityKeyParam } from '../schemas.js';
import type { Api, RouteDeps } from './common.js';
import { errorResponses, jsonResponse } from './common.js';

const list = createRoute({
  method: 'get',
  path: '/api/entities',
  tags: ['entities'],
  summary: 'Entities across documents, most documents first',
  request: { query: EntitiesQuery },
  responses: { 200: jsonResponse('{ items: EntitySummary[] }'), 400: errorResponses[400] },
});

const profile = createRoute({
  method: 'get',
  path: '/api/entities/{key}',
  tags: ['entities'],
  summary: 'Profile: aliases, KB id, affiliations, relations, graded claims, timeline, linked places',
  request: { params: EntityKeyParam },
  responses: { 200: jsonResponse('EntityProfile'), ...errorResponses },
});

/** Registers the entity routes. */
export function registerEntityRoutes(app: Api, { store }: RouteDeps): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    return c.json({ items: await store.listEntities(q) }, 200);
  });

  app.openapi(profile, async (c) => {
    const { key } = c.req.valid('param');
    const found = await store.getEntityProfile(key);
    if (!found) throw new SitrepError('not_found', `no entity ${key}`);
    return c.json(found, 200);
  });
}
