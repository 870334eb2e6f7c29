/**
 * Across documents: fused events (one incident, every report of it, with the range, the best
 * estimate and the cross-document grade computed at read time) and the contradiction records
 * between reports. Grades use the user's reliability file ($SITREP_RELIABILITY), read when the
 * server starts, the same rules as `sitrep events --fused` and `sitrep contradictions`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { SitrepError } from '../../core/index.js';
import { summarizeFused } from '../../grade/fusion/index.js';
import { loadReliabilityConfig } from '../../grade/reliability.js';
import type { ReliabilityConfig } from '../../grade/reliability.js';
import type { ContradictionKind, FusedEvent } from '../../store/index.js';
import { EventsQuery } from '../schemas.js';
import type { Api, RouteDeps } from './common.js';
import { errorResponses, jsonResponse } from './common.js';

const KINDS = [
  'fatalities',
  'injured',
  'perpetrator',
  'claimant',
  'place',
  'date',
  'status',
  'revision',
] as const satisfies readonly ContradictionKind[];

const ContradictionsQuery = z.object({
  kind: z.enum(KINDS).optional().openapi({ description: 'only this kind of disagreement' }),
  revisions: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: 'include later, higher tolls (revisions, not contradictions)' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const FusedQuery = EventsQuery.extend({
  doc: z.string().min(6).max(80).optional().openapi({ description: 'only incidents this document reports' }),
});

const FusedIdParam = z.object({ id: z.string().min(4).max(80) });

const contradictions = createRoute({
  method: 'get',
  path: '/api/contradictions',
  tags: ['review'],
  summary:
    'Recorded disagreements between independent reports: figures, perpetrators, claimants, place, date, alive vs dead',
  description:
    'Each record keeps both values and both reports with their evidence; nothing is overwritten. Newest first.',
  request: { query: ContradictionsQuery },
  responses: { 200: jsonResponse('{ items: ContradictionRecord[] }'), 400: errorResponses[400] },
});

const fusedList = createRoute({
  method: 'get',
  path: '/api/fused-events',
  tags: ['events'],
  summary: 'Incidents fused across documents, each once with its reports, range, best estimate and grade',
  request: { query: FusedQuery },
  responses: { 200: jsonResponse('{ items: (FusedEvent & { summary })[] }'), 400: errorResponses[400] },
});

const fusedOne = createRoute({
  method: 'get',
  path: '/api/fused-events/{id}',
  tags: ['events'],
  summary: 'One fused incident with every report and its summary',
  request: { params: FusedIdParam },
  responses: { 200: jsonResponse('FusedEvent & { summary }'), ...errorResponses },
});

/** Registers the fusion routes. */
export function registerFusionRoutes(app: Api, { store }: RouteDeps): void {
  const config: ReliabilityConfig = loadReliabilityConfig(process.env.SITREP_RELIABILITY || undefined);
  const shown = (f: FusedEvent) => ({
    ...f,
    summary: summarizeFused({ reports: f.reports, contradictionKinds: f.contradictionKinds }, config),
  });

  app.openapi(contradictions, async (c) => {
    const q = c.req.valid('query');
    const items = await store.listContradictionRecords({
      ...(q.kind ? { kind: q.kind } : {}),
      includeRevisions: q.revisions === 'true',
      limit: q.limit,
    });
    return c.json({ items }, 200);
  });

  app.openapi(fusedList, async (c) => {
    const { doc, ...q } = c.req.valid('query');
    const filter: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') filter[k] = v;
    if (doc) {
      const found = await store.getDocument(doc);
      if (!found) throw new SitrepError('not_found', `no document ${doc}`);
      filter.docId = found.id;
    }
    const items = await store.listFusedEvents(filter);
    return c.json({ items: items.map(shown) }, 200);
  });

  app.openapi(fusedOne, async (c) => {
    const { id } = c.req.valid('param');
    const f = await store.getFusedEvent(id);
    if (!f) throw new SitrepError('not_found', `no fused event ${id}`);
    return c.json(shown(f), 200);
  });
}
