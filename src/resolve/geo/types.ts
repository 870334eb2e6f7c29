import type { Geo, Span } from '../../core/index.js';

/** What the words around a toponym say about its kind ("Kunar province", "the town of X"). */
export type ToponymCue = 'admin1' | 'admin2' | 'city' | null;

/** A place name found in a text, before disambiguation. */
export interface Toponym extends Span {
  /** `text.slice(start, end)`. */
  readonly surface: string;
  /** The name to look up: the surface without suffixes such as "-based". */
  readonly name: string;
  readonly cue: ToponymCue;
  /** Where it was found: the NER, the gazetteer, or both. */
  readonly source: 'ner' | 'gazetteer' | 'both' | 'gold';
}

/** A toponym resolved to a gazetteer place. */
export interface ResolvedPlace extends Span {
  readonly surface: string;
  /** Canonical name of the place. */
  readonly name: string;
  readonly geo: Geo;
  /** `geonames:<id>` or `sitrep-geo:<slug>`. */
  readonly kbId: string;
  /** Confidence in [0, 1] that this reading is the right one. */
  readonly confidence: number;
}
