/** Events: filtered listing, GeoJSON, weekly histogram, and editing one event's fields. */
import { createRoute, z } from '@hono/zod-openapi';
import { SitrepError } from '../../core/index.js';
import type { EventEdit, EventFilter, Store } from '../../store/index.js';
import { listEventFeaturesJson, listEventsJson } from '../../store/sqlite/event-filter.js';
import { SqliteStore } from '../../store/sqlite/index.js';
import { eventsToGeoJson, featureCollectionText } from '../geojson.js';
import { EventEditRequest, EventParams, EventsQuery } from '../schemas.js';
import type { Api, RouteDeps } from './common.js';
import { authorOf, errorResponses, jsonResponse, jsonText } from './common.js';

const list = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary: 'Coded events, newest first, filtered by type, actor, entity, place, dates and bounding box',
  request: { query: EventsQuery },
  responses: { 200: jsonResponse('{ items: StoredEvent[] }'), 400: errorResponses[400] },
});

const geojson = createRoute({
  method: 'get',
  path: '/api/events/geojson',
  tags: ['events'],
  summary: 'The same events as a GeoJSON FeatureCollection; properties.precision is the place feature class',
  description:
    'One page of the events the same filters list (newest first), those with coordinates: `limit` ' +
    '(default 200, at most 5000) and `offset` page through the listing, so a page holds fewer features ' +
    'than `limit` (even none) when some of its events have no coordinates; the listing ends where ' +
    '`GET /api/events` with the same query returns fewer than `limit` items. A map should ask for ' +
    'its visible `bbox`: a small box is answered from the index of its 1-degree cells.',
  request: { query: EventsQuery },
  responses: {
    200: { description: 'FeatureCollection', content: { 'application/geo+json': { schema: z.any() } } },
    400: errorResponses[400],
  },
});

const histogram = createRoute({
  method: 'get',
  path: '/api/events/histogram',
  tags: ['events'],
  summary: 'Events per week (Monday) and ACLED category, for the same filters',
  request: { query: EventsQuery },
  responses: { 200: jsonResponse('{ items: WeekCount[] }'), 400: errorResponses[400] },
});

const edit = createRoute({
  method: 'patch',
  path: '/api/events/{docId}/{eventId}',
  tags: ['review'],
  summary: "Edit an event's fields; stored as a reversible correction with an audit record",
  request: {
    params: EventParams,
    body: { required: true, content: { 'application/json': { schema: EventEditRequest } } },
  },
  responses: { 200: jsonResponse('{ correction, event }'), ...errorResponses, 409: errorResponses[400] },
});

/** Registers the event routes. */
export function registerEventRoutes(app: Api, { store }: RouteDeps): void {
  app.openapi(list, async (c) => {
    const filter = toFilter(c.req.valid('query'));
    // The SQLite store writes the listing's JSON itself (records as stored, not parsed and re-encoded).
    if (store instanceof SqliteStore) return jsonText(c, `{"items":${listEventsJson(store.db, filter)}}`);
    return c.json({ items: await store.listEvents(filter) }, 200);
  });

  app.openapi(geojson, async (c) => {
    const text = await geoJsonOf(store, toFilter(c.req.valid('query')));
    // The declared content type is GeoJSON's own, which Hono's typed c.json cannot set.
    return c.body(text, 200, {
      'content-type': 'application/geo+json; charset=utf-8',
    }) as never;
  });

  app.openapi(histogram, async (c) =>
    c.json({ items: await store.eventHistogram(toFilter(c.req.valid('query'))) }, 200),
  );

  app.openapi(edit, async (c) => {
    const { docId, eventId } = c.req.valid('param');
    const { fields, author, note } = c.req.valid('json');
    const doc = await store.getDocument(docId);
    if (!doc) throw new SitrepError('not_found', `no document ${docId}`);
    const meta = { author: authorOf(author, c.req.header('x-sitrep-user')), ...(note ? { note } : {}) };
    const correction = await store.applyCorrection(
      { kind: 'edit_event', docId: doc.id, eventId, fields: fields as EventEdit },
      meta,
    );
    return c.json({ correction, event: correction.after }, 200);
  });
}

function toFilter(q: ReturnType<typeof EventsQuery.parse>): EventFilter {
  const filter: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') filter[k] = v;
  return filter;
}

/**
 * The map's events as GeoJSON text. The SQLite store has a read that yields only what a map shows,
 * written out as text directly (no event records parsed, no feature objects built and encoded: the
 * costliest parts of a 500-event answer); other stores go through listEvents.
 */
async function geoJsonOf(store: Store, filter: EventFilter): Promise<string> {
  if (store instanceof SqliteStore) return featureCollectionText(listEventFeaturesJson(store.db, filter));
  return JSON.stringify(eventsToGeoJson(await store.listEvents(filter)));
}
