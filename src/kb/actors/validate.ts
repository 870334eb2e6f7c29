/** Checks the shape of actor records read from JSON, with messages that say what to fix. */
import { RELATION_TYPES, SitrepError, type RelationType } from '../../core/index.js';
import { ACTOR_TYPES, type ActorType, type Affiliation } from './types.js';

/** An actor as stored in a JSON file: the id is a bare slug; `lists` is filled in when loading. */
export interface StoredActor {
  readonly id: string;
  readonly name: string;
  readonly type: ActorType;
  readonly aliases: readonly string[];
  readonly acronyms: readonly string[];
  readonly country: string | null;
  readonly affiliations: readonly Affiliation[];
  readonly source: string;
  readonly refs?: Readonly<Record<string, string>>;
  readonly sameAs?: string | null;
}

function fail(where: string, what: string): never {
  throw new SitrepError('bad_request', `${where}: ${what}`);
}

function stringList(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail(where, 'expected a list of strings');
  return v;
}

function affiliations(v: unknown, where: string): Affiliation[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(where, 'affiliations must be a list');
  return v.map((a: unknown) => {
    const rec = a as { type?: unknown; target?: unknown };
    if (!RELATION_TYPES.includes(rec.type as RelationType) || typeof rec.target !== 'string') {
      fail(where, `bad affiliation ${JSON.stringify(a)} (type must be one of ${RELATION_TYPES.join(', ')})`);
    }
    return { type: rec.type as RelationType, target: rec.target };
  });
}

/** Validates one stored actor; `where` names the file and index for the error message. */
export function validateActor(raw: unknown, where: string): StoredActor {
  const r = raw as Record<string, unknown>;
  if (typeof r !== 'object' || r === null) fail(where, 'expected an object');
  if (typeof r.id !== 'string' || !r.id) fail(where, 'missing id');
  if (typeof r.name !== 'string' || !r.name.trim()) fail(where, `actor ${r.id} has no name`);
  if (!ACTOR_TYPES.includes(r.type as ActorType))
    fail(where, `actor ${r.id}: type must be group, organization or person`);
  const country = r.country ?? null;
  if (country !== null && (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country))) {
    fail(where, `actor ${r.id}: country must be an ISO 3166-1 alpha-2 code or null`);
  }
  return {
    id: r.id,
    name: r.name,
    type: r.type as ActorType,
    aliases: stringList(r.aliases, `${where} (${r.id}.aliases)`),
    acronyms: stringList(r.acronyms, `${where} (${r.id}.acronyms)`),
    country: country,
    affiliations: affiliations(r.affiliations, `${where} (${r.id})`),
    source: typeof r.source === 'string' ? r.source : '',
    ...(r.refs && typeof r.refs === 'object' ? { refs: r.refs as Record<string, string> } : {}),
    ...(typeof r.sameAs === 'string' ? { sameAs: r.sameAs } : {}),
  };
}

/** Validates a file's content: `{ actors: [...] }`. */
export function validateActorFile(raw: unknown, where: string): StoredActor[] {
  const actors = (raw as { actors?: unknown } | null)?.actors;
  if (!Array.isArray(actors)) fail(where, 'expected an object with an "actors" list');
  return actors.map((a, i) => validateActor(a, `${where} [${i}]`));
}
