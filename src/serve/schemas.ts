/** Request schemas (zod): they validate requests and generate the OpenAPI description. */
import { z } from '@hono/zod-openapi';
import { EVENT_TYPES, MODALITIES } from '../core/index.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** ACLED categories and sub-event types, for validation. */
const CATEGORIES = Object.keys(EVENT_TYPES) as [keyof typeof EVENT_TYPES, ...(keyof typeof EVENT_TYPES)[]];
const SUB_TYPES = Object.values(EVENT_TYPES).flat() as [string, ...string[]];
const ENTITY_TYPES = ['person', 'group', 'organization', 'location', 'other'] as const;

/** `west,south,east,north` in degrees. */
export const BBoxParam = z
  .string()
  .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'four numbers: west,south,east,north')
  .transform((s) => s.split(',').map(Number) as [number, number, number, number])
  .refine(
    ([w, s, e, n]) =>
      s <= n && [w, e].every((x) => x >= -180 && x <= 180) && [s, n].every((y) => y >= -90 && y <= 90),
    {
      message: 'longitudes within ±180, latitudes within ±90, south ≤ north',
    },
  );

export const PageQuery = z.object({
  limit: limit(500, 50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const DocIdParam = z.object({
  id: z.string().min(6).max(80).openapi({ description: 'document id or its first 6+ hex digits' }),
});

export const IngestBody = z
  .object({
    text: z.string().min(1).max(5_000_000).optional().openapi({ description: 'plain text of the article' }),
    html: z
      .string()
      .min(1)
      .max(5_000_000)
      .optional()
      .openapi({ description: 'an HTML page; the article body is extracted' }),
    url: z.url().optional().openapi({
      description: "the article's address; alone, asks the server to fetch it (not built yet: 501)",
    }),
    title: z.string().max(1000).optional(),
    published: isoDate.optional(),
    outlet: z.string().max(200).optional(),
  })
  .refine((b) => !(b.text && b.html), { message: 'give text or html, not both' })
  .refine((b) => b.text || b.html || b.url, { message: 'give text, html or url' })
  .openapi('IngestRequest');

export const SearchQuery = z.object({ q: z.string().min(1).max(500), limit: limit(100, 20) });

export const EntitiesQuery = z.object({
  type: z.enum(ENTITY_TYPES).optional(),
  name: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'exact name or alias (case- and accent-insensitive)' }),
  prefix: z.string().max(200).optional().openapi({ description: 'names or aliases starting with this' }),
  limit: limit(1000, 100),
});

export const EntityKeyParam = z.object({
  key: z.string().min(1).max(200).openapi({ description: 'cross-document entity key' }),
});

export const EventsQuery = z.object({
  type: z.string().max(60).optional().openapi({ description: 'ACLED category or sub-event type' }),
  actor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'perpetrator, target or claimant name or alias' }),
  entity: z.string().max(200).optional().openapi({ description: 'entity key, in any role' }),
  place: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'location name, province/district, or country code' }),
  since: isoDate.optional(),
  until: isoDate.optional(),
  bbox: BBoxParam.optional().openapi({ description: 'west,south,east,north', example: '60,24,78,37' }),
  limit: limit(5000, 200).openapi({
    description: 'events per page (default 200, at most 5000); the next page starts at offset + limit',
  }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .openapi({ description: 'events to skip, in the listing order (newest first)' }),
});

export const GraphQuery = z.object({
  entity: z.string().max(200).optional(),
  type: z.string().max(60).optional(),
  limit: limit(2000, 300),
});

export const LimitQuery = z.object({ limit: limit(1000, 100) });

const Author = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .openapi({ description: 'who makes it (default: the X-Sitrep-User header, else "analyst")' });
const Note = z.string().max(2000).optional();

export const EventEditBody = z
  .object({
    category: z.enum(CATEGORIES).optional(),
    type: z.enum(SUB_TYPES).optional(),
    date: z
      .object({
        start: isoDate.nullable(),
        end: isoDate.nullable(),
        precision: z.enum(['day', 'month', 'year', 'range', 'unknown']),
      })
      .optional(),
    fatalities: z.number().int().min(0).nullable().optional(),
    injured: z.number().int().min(0).nullable().optional(),
    modality: z.enum(MODALITIES as [string, ...string[]]).optional(),
    count: z.number().int().min(1).optional(),
  })
  .strict()
  .openapi('EventEdit');

export const EventEditRequest = z
  .object({ fields: EventEditBody, author: Author, note: Note })
  .openapi('EventEditRequest');

export const EventParams = z.object({ docId: z.string().min(6).max(80), eventId: z.string().min(1).max(80) });

export const CorrectionBody = z
  .object({
    action: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('entity_type'), key: z.string().min(1), type: z.enum(ENTITY_TYPES) }),
      z.object({ kind: z.literal('merge_entities'), from: z.string().min(1), into: z.string().min(1) }),
      z.object({
        kind: z.literal('split_entity'),
        key: z.string().min(1),
        docIds: z.array(z.string().min(6)).min(1).max(10_000),
      }),
      z.object({
        kind: z.literal('edit_event'),
        docId: z.string().min(6),
        eventId: z.string().min(1),
        fields: EventEditBody,
      }),
    ]),
    author: Author,
    note: Note,
  })
  .openapi('CorrectionRequest');

export const CorrectionIdParam = z.object({ id: z.coerce.number().int().min(1) });

export const RevertBody = z.object({ author: Author, note: Note }).openapi('RevertRequest');

/** The error body every failure carries. */
export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');
