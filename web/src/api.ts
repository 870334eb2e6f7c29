/** The workbench talks to the API only, through these helpers. */

/** An error the API answered with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json()) as T & { error?: { code: string; message: string } };
  if (!res.ok)
    throw new ApiError(res.status, data.error?.code ?? 'error', data.error?.message ?? res.statusText);
  return data;
}

/** GET a JSON resource. */
export const get = <T>(path: string): Promise<T> => call<T>('GET', path);
/** POST JSON. */
export const post = <T>(path: string, body: unknown): Promise<T> => call<T>('POST', path, body);
/** PATCH JSON. */
export const patch = <T>(path: string, body: unknown): Promise<T> => call<T>('PATCH', path, body);

/** A query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type EntityType = 'person' | 'group' | 'organization' | 'location' | 'other';
export interface Span {
  start: number;
  end: number;
}
export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: Span[];
  kbId: string | null;
  key?: string;
}
export interface EventRecord {
  id: string;
  category: string;
  type: string;
  count: number;
  date: { start: string | null; end: string | null; precision: string; text: string | null };
  location: string | null;
  perpetrators: string[];
  targets: string[];
  claimedBy: string[];
  fatalities: { min: number | null } | null;
  injured: { min: number | null } | null;
  modality: string;
  evidence: Span[];
}
export interface Source {
  id: string;
  text: string;
  kind: string;
  reliability: string;
}
export interface Claim {
  id: string;
  evidence: Span;
  source: string | null;
  modality: string;
  credibility: number;
  about: string[];
}
export interface StoredDocument {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  outlet: string | null;
  text: string;
  extraction: {
    entities: Entity[];
    events: EventRecord[];
    sources: Source[];
    claims: Claim[];
    relations: { id: string; type: string; subject: string; object: string }[];
  };
}
export interface DocumentSummary {
  id: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  entityCount: number;
  eventCount: number;
}
export interface EntitySummary {
  key: string;
  name: string;
  type: EntityType;
  kbId: string | null;
  aliases: string[];
  documents: number;
  mentions: number;
}
export interface StoredEvent {
  docId: string;
  event: EventRecord;
  locationName: string | null;
  countryCode: string | null;
  perpetratorNames: string[];
  targetNames: string[];
  claimedByNames: string[];
  evidenceText: string;
  point: { lat: number; lon: number; featureClass: string | null } | null;
}
export interface EntityRelation {
  type: string;
  direction: 'out' | 'in';
  other: { key: string; name: string; type: EntityType };
  count: number;
  modalities: string[];
}
export interface EntityProfile extends EntitySummary {
  affiliations: EntityRelation[];
  relations: EntityRelation[];
  claims: {
    docId: string;
    docTitle: string | null;
    published: string | null;
    text: string;
    modality: string;
    grade: string;
    source: Source | null;
  }[];
  timeline: {
    docId: string;
    eventId: string;
    role: string;
    date: { start: string | null };
    category: string;
    type: string;
    locationName: string | null;
    fatalities: number | null;
  }[];
  places: {
    key: string;
    name: string;
    lat: number;
    lon: number;
    featureClass: string | null;
    link: string;
    count: number;
  }[];
  recentDocuments: { id: string; title: string | null; published: string | null }[];
}
export interface Correction {
  id: number;
  at: string;
  author: string;
  note: string | null;
  action: { kind: string } & Record<string, unknown>;
  before: unknown;
  after: unknown;
  revertedAt: string | null;
  revertedBy: string | null;
}

/** ACLED categories and their sub-event types (mirrors src/core/records.ts). */
export const EVENT_TYPES: Record<string, string[]> = {
  battles: ['armed_clash', 'government_regains_territory', 'non_state_actor_overtakes_territory'],
  explosions_remote_violence: [
    'chemical_weapon',
    'air_drone_strike',
    'suicide_bomb',
    'shelling_artillery_missile_attack',
    'remote_explosive_landmine_ied',
    'grenade',
  ],
  violence_against_civilians: ['sexual_violence', 'attack', 'abduction_forced_disappearance'],
  protests: ['peaceful_protest', 'protest_with_intervention', 'excessive_force_against_protesters'],
  riots: ['violent_demonstration', 'mob_violence'],
  strategic_developments: [
    'agreement',
    'arrests',
    'change_to_group_activity',
    'disrupted_weapons_use',
    'headquarters_or_base_established',
    'looting_property_destruction',
    'non_violent_transfer_of_territory',
    'other',
  ],
};

/** Colours per ACLED category, shared by the map, the timeline and the table. */
export const CATEGORY_COLORS: Record<string, string> = {
  battles: '#d62728',
  explosions_remote_violence: '#ff7f0e',
  violence_against_civilians: '#9467bd',
  protests: '#2ca02c',
  riots: '#8c564b',
  strategic_developments: '#1f77b4',
};

/** "remote_explosive_landmine_ied" → "remote explosive landmine ied". */
export const label = (s: string): string => s.replace(/_/g, ' ');

/** Link targets inside the workbench (hash routes). */
export const href = {
  doc: (id: string) => `#/doc/${encodeURIComponent(id)}`,
  entity: (key: string) => `#/entity/${encodeURIComponent(key)}`,
};
