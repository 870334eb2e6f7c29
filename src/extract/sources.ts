/**
 * Source records from attributions: one per person, body or phrase (mentions of one entity
 * merge), with the kind of its most informative mention and the grader's reliability.
 */
import type { Source, SourceKind } from '../core/index.js';
import { squash } from '../core/index.js';
import type { Grader } from './grading.js';
import type { Attribution } from './source-attribution.js';

export interface SourceTable {
  readonly sources: Source[];
  /** Source id of an attribution. */
  readonly idOf: (a: Attribution) => string | null;
}

const SPECIFICITY: Readonly<Record<SourceKind, number>> = {
  perpetrator_claim: 7,
  social_media: 6,
  anonymous: 5,
  witness: 4,
  agency: 3,
  official: 3,
  outlet: 2,
  unknown: 0,
};

/** A role that names a person speaking for a body. */
const ROLE = /\b(?:spokes(?:man|woman|person)|official|commander|leader|minister|governor|chief)\b/i;

/** Groups attributions into sources and grades them. */
export function buildSources(
  text: string,
  attributions: readonly Attribution[],
  grader: Grader,
  outlet: string | null,
): SourceTable {
  const byKey = new Map<
    string,
    { text: string; kind: SourceKind; mentions: { start: number; end: number }[]; atts: Attribution[] }
  >();
  for (const a of attributions) {
    const surface = text.slice(a.span.start, a.span.end);
    // a medium is its own source; a body's spokesman or official is apart from the body's other voices
    const role = ROLE.exec(surface)?.[0].toLowerCase() ?? '';
    const key =
      a.entity && a.entity.type !== 'location' && !a.medium
        ? `e:${a.entity.id}${a.entity.type === 'person' ? '' : `|${role}`}`
        : `t:${squash(surface.toLowerCase().replace(/^(?:the|a|an|one)\s+/, ''))}`;
    const cur = byKey.get(key);
    if (!cur) {
      byKey.set(key, { text: surface, kind: a.kind, mentions: [a.span], atts: [a] });
      continue;
    }
    cur.atts.push(a);
    if (!cur.mentions.some((m) => m.start === a.span.start)) cur.mentions.push(a.span);
    if (
      SPECIFICITY[a.kind] > SPECIFICITY[cur.kind] &&
      !(cur.kind === 'official' && a.kind === 'perpetrator_claim')
    )
      cur.kind = a.kind;
    // a fuller naming of the same speaker ("Bhat" → "SSP Kupwara Rajinder Kumar Bhat"), not another phrase
    if (
      a.span.end - a.span.start > cur.text.length &&
      cur.kind !== 'perpetrator_claim' &&
      surface.includes(cur.text)
    )
      cur.text = surface;
  }
  const ids = new Map<Attribution, string>();
  const sources: Source[] = [];
  for (const s of byKey.values()) {
    const id = `s${sources.length + 1}`;
    for (const a of s.atts) ids.set(a, id);
    sources.push({
      id,
      text: s.text,
      kind: s.kind,
      reliability: grader.sourceReliability(s.kind, s.text, outlet),
      mentions: s.mentions.sort((x, y) => x.start - y.start),
    });
  }
  return { sources, idOf: (a) => ids.get(a) ?? null };
}
