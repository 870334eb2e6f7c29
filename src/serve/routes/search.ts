/** Global search over documents and entity names, and the relation graph. */
import { createRoute } from '@hono/zod-openapi';
import { GraphQuery, SearchQuery } from '../schemas.js';
import type { Api, RouteDeps } from './common.js';
import { errorResponses, jsonResponse } from './common.js';

const search = createRoute({
  method: 'get',
  path: '/api/search',
  tags: ['search'],
  summary: 'Ranked full-text search over documents, and entities whose names start with the query',
  description:
    'Ranks (bm25, titles weighted) the 2,000 most recently stored matching documents. ' +
    'Snippets mark matched words with \\u0002 … \\u0003; clients render them as text, never as HTML.',
  request: { query: SearchQuery },
  responses: {
    200: jsonResponse('{ documents: SearchHit[], entities: EntitySummary[] }'),
    400: errorResponses[400],
  },
});

const graph = createRoute({
  method: 'get',
  path: '/api/graph',
  tags: ['relations'],
  summary: 'Relations between entities as a graph: nodes and edges aggregated across documents',
  request: { query: GraphQuery },
  responses: { 200: jsonResponse('{ nodes, edges }'), 400: errorResponses[400] },
});

/** Registers the search and graph routes. */
export function registerSearchRoutes(app: Api, { store }: RouteDeps): void {
  app.openapi(search, async (c) => {
    const { q, limit } = c.req.valid('query');
    const [documents, entities] = await Promise.all([
      store.search(q, { limit }),
      store.listEntities({ prefix: q, limit: 10 }),
    ]);
    return c.json({ documents, entities }, 200);
  });

  app.openapi(graph, async (c) => c.json(await store.relationGraph(c.req.valid('query')), 200));
}
