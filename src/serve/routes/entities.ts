/**
 * Entities: listing with filters, the profile of one, and its timeline with each item's
 * cross-document grade (the user's reliability file, $SITREP_RELIABILITY, read at start).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { SitrepError } from '../../core/index.js';
import { timelineGrade } from '../../grade/fusion/index.js';
import { loadReliabilityConfig } from '../../grade/reliability.js';
import type { EntityTimelineItem, Store } from '../../store/index.js';
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

const timeline = createRoute({
  method: 'get',
  path: '/api/entities/{key}/timeline',
  tags: ['entities'],
  summary:
    'Dated events, relations and claims about an entity, oldest first, each with its cross-document grade',
  description:
    'fusedGrade/fusedReason: events and claims about them take the fused event grade; relations and claims about them the grade from every independent story stating or denying the relation.',
  request: {
    params: EntityKeyParam,
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
  },
  responses: {
    200: jsonResponse('{ items: (EntityTimelineItem & { fusedGrade, fusedReason })[] }'),
    ...errorResponses,
  },
});

/** Registers the entity routes. */
export function registerEntityRoutes(app: Api, { store }: RouteDeps): void {
  const config = loadReliabilityConfig(process.env.SITREP_RELIABILITY || undefined);
  const graded = async (item: EntityTimelineItem) => {
    const fused = item.fusedId ? await store.getFusedEvent(item.fusedId) : null;
    const { grade, reason } = timelineGrade(item, fused, config);
    return { ...item, fusedGrade: grade, fusedReason: reason };
  };
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

  app.openapi(timeline, async (c) => {
    const { key } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    if (!(await known(store, key))) throw new SitrepError('not_found', `no entity ${key}`);
    const items = await store.entityTimeline(key, { limit });
    const out = [];
    for (const item of items) out.push(await graded(item));
    return c.json({ items: out }, 200);
  });
}

async function known(store: Store, key: string): Promise<boolean> {
  return (await store.getEntityProfile(key, { limit: 1 })) !== null;
}
