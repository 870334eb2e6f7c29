/**
 * The layout of the built gazetteer files in data/gazetteer/ (written by scripts/build-gazetteer.ts).
 *
 * places.tsv — one place per line, its row number is its index:
 *   kbKey, name, lat, lon, countryCode, admin1Row, admin2Row, classLetter, featureCode, population
 *   kbKey is `g<geonameid>` for GeoNames places or `s:<slug>` for the team supplement; admin rows
 *   point at the admin1/admin2 place of the same file (empty when unknown).
 * names.tsv — one normalised name per line, sorted by UTF-16 code units:
 *   key, postings — comma-separated place rows; a trailing `a` marks a match by alternate name.
 * spellings.tsv — one spelling key (normalize.ts `spellingKey`) per line, sorted likewise:
 *   key, comma-separated rows of the countries, regions, provinces, districts and towns of
 *   SPELLING_MIN_POPULATION or more that bear a name with that key.
 */
import type { FeatureClass } from '../../core/index.js';

/** One-letter codes of the contract's feature classes, as stored in places.tsv. */
export const CLASS_LETTERS: Readonly<Record<FeatureClass, string>> = {
  continent: 'C',
  region: 'R',
  country: 'N',
  admin1: '1',
  admin2: '2',
  city: 'P',
  facility: 'F',
};

/** The feature class of a stored one-letter code. */
export const CLASS_OF_LETTER: Readonly<Record<string, FeatureClass>> = Object.fromEntries(
  Object.entries(CLASS_LETTERS).map(([cls, letter]) => [letter, cls as FeatureClass]),
);

export const PLACES_FILE = 'places.tsv';
export const NAMES_FILE = 'names.tsv';
export const SPELLINGS_FILE = 'spellings.tsv';
/** Towns smaller than this are left out of spellings.tsv: a loose match to a hamlet is noise. */
export const SPELLING_MIN_POPULATION = 5_000;
