/** Cue words around a toponym: "Kunar province", "the district of X", "X-based", "in X". */
import type { Span } from '../../core/index.js';
import type { ToponymCue } from './types.js';

const AFTER_CUES: ReadonlyArray<readonly [RegExp, ToponymCue]> = [
  [/^[\s-]+(?:province|state|governorate|oblast|region|prefecture)\b/i, 'admin1'],
  [/^[\s-]+(?:district|county|agency|tehsil|parish|municipality)\b/i, 'admin2'],
  [/^[\s-]+(?:city|town|village|township|municipality)\b/i, 'city'],
];

const BEFORE_CUES: ReadonlyArray<readonly [RegExp, ToponymCue]> = [
  [/\b(?:province|state|governorate|region) of\s+$/i, 'admin1'],
  [/\b(?:district|county) of\s+$/i, 'admin2'],
  [/\b(?:city|town|village|township|capital) of\s+$/i, 'city'],
  [/\b(?:villages?|towns?|city) (?:like|such as|including)\s+$/i, 'city'],
];

/** Suffixes that make a place name an adjective without changing the place ("Kabul-based"). */
export const PLACE_SUFFIX_RE =
  /[-‐‑](?:based|born|bred|headquartered|bound|registered|listed|ruled|administered|controlled)$/i;

/** Prepositions that put a capitalised name in a place role ("in X", "near X"). */
const LOCATIVE_BEFORE_RE =
  /\b(?:in|at|near|from|to|outside|across|into|towards?|through|around|throughout|of|across)\s+(?:the\s+)?$/i;

/** The kind of place the surrounding words point to, if any. */
export function cueAround(text: string, span: Span): ToponymCue {
  const after = text.slice(span.end, span.end + 16);
  for (const [re, cue] of AFTER_CUES) if (re.test(after)) return cue;
  const before = text.slice(Math.max(0, span.start - 24), span.start);
  for (const [re, cue] of BEFORE_CUES) if (re.test(before)) return cue;
  return null;
}

/** True when a locative preposition stands right before the span ("in Kabul"). */
export function hasLocativeBefore(text: string, span: Span): boolean {
  return LOCATIVE_BEFORE_RE.test(text.slice(Math.max(0, span.start - 20), span.start));
}

/** The place name inside a surface: without a leading "the" and a trailing "-based"/"'s". */
export function placeNameOf(surface: string): string {
  return surface
    .replace(PLACE_SUFFIX_RE, '')
    .replace(/[’']s$/, '')
    .replace(/^the\s+/i, '');
}
