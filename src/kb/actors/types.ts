/** The actor knowledge base's records: armed groups, movements, state bodies and persons. */
import type { RelationType } from '../../core/index.js';

export type ActorType = 'group' | 'organization' | 'person';

export const ACTOR_TYPES: readonly ActorType[] = ['group', 'organization', 'person'];

/** A link from one actor to another ("ISKP branch_of Islamic State"). `target` is an actor id. */
export interface Affiliation {
  readonly type: RelationType;
  readonly target: string;
}

/** One actor. `id` is `actor:<slug>` for built-in entries and `list:<list>:<slug>` for imported ones. */
export interface ActorEntry {
  readonly id: string;
  readonly name: string;
  readonly type: ActorType;
  /** Other names, spellings and transliterations; matched transliteration-aware and case-insensitively. */
  readonly aliases: readonly string[];
  /** Short forms; matched exactly and case-sensitively ("ISI" never hits "Isi" or "isi"). */
  readonly acronyms: readonly string[];
  /** ISO 3166-1 alpha-2, or null for transnational actors. */
  readonly country: string | null;
  readonly affiliations: readonly Affiliation[];
  /** Where the facts come from. */
  readonly source: string;
  /** Identifiers in public lists, e.g. `{ un: 'QDe.161' }`. */
  readonly refs?: Readonly<Record<string, string>>;
  /** Names of the lists the entry comes from or appears in: `builtin`, or an imported list's name. */
  readonly lists: readonly string[];
}

/** A name of an actor as the text matcher indexes it. */
export interface ActorName {
  readonly surface: string;
  readonly entryId: string;
  readonly acronym: boolean;
}

/** The loaded knowledge base. */
export interface ActorKb {
  readonly entries: readonly ActorEntry[];
  /** Entries one of whose names is `surface`: acronyms exactly, other names transliteration-aware. */
  lookup(surface: string): readonly ActorEntry[];
  /** The entry with this id (`actor:iskp` or just `iskp`). */
  get(id: string): ActorEntry | undefined;
  /** Every indexed name, for dictionary matching over a text. */
  readonly names: readonly ActorName[];
}
