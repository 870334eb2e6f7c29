import type { Extraction } from './records.js';
import { isValidSpan } from './spans.js';

/**
 * Checks the promises every extraction makes: spans inside the text, ids unique, every id that a
 * record points at exists, each entity mention reads as one of its names (case/punctuation aside).
 * Returns human-readable violations; empty means sound.
 */
export function findInvariantViolations(x: Extraction, text: string): string[] {
  const out: string[] = [];
  const ids = new Map<string, string>();
  const note = (id: string, kind: string): void => {
    if (ids.has(id)) out.push(`duplicate id ${id}`);
    ids.set(id, kind);
  };
  for (const e of x.entities) note(e.id, 'entity');
  for (const e of x.events) note(e.id, 'event');
  for (const r of x.relations) note(r.id, 'relation');
  for (const s of x.sources) note(s.id, 'source');
  for (const c of x.claims) note(c.id, 'claim');
  const spanCheck = (where: string, s: { start: number; end: number }): void => {
    if (!isValidSpan(s, text.length))
      out.push(`${where}: span ${s.start}-${s.end} outside text of ${text.length}`);
  };
  const ref = (where: string, id: string, kinds: readonly string[]): void => {
    const kind = ids.get(id);
    if (!kind || !kinds.includes(kind)) out.push(`${where}: dangling reference ${id}`);
  };
  for (const e of x.entities) {
    if (!e.name.trim()) out.push(`${e.id}: empty name`);
    e.mentions.forEach((m) => spanCheck(`${e.id} mention`, m));
    e.references?.forEach((m) => spanCheck(`${e.id} reference`, m));
  }
  for (const ev of x.events) {
    ev.evidence.forEach((s) => spanCheck(`${ev.id} evidence`, s));
    if (ev.location) ref(`${ev.id}.location`, ev.location, ['entity']);
    ev.perpetrators.forEach((id) => ref(`${ev.id}.perpetrators`, id, ['entity']));
    ev.claimedBy.forEach((id) => ref(`${ev.id}.claimedBy`, id, ['entity']));
    ev.sources.forEach((id) => ref(`${ev.id}.sources`, id, ['source']));
  }
  for (const r of x.relations) {
    r.evidence.forEach((s) => spanCheck(`${r.id} evidence`, s));
    ref(`${r.id}.subject`, r.subject, ['entity', 'event']);
    ref(`${r.id}.object`, r.object, ['entity', 'event']);
    r.sources.forEach((id) => ref(`${r.id}.sources`, id, ['source']));
  }
  for (const s of x.sources) s.mentions.forEach((m) => spanCheck(`${s.id} mention`, m));
  for (const c of x.claims) {
    spanCheck(`${c.id} evidence`, c.evidence);
    if (c.source) ref(`${c.id}.source`, c.source, ['source']);
    c.about.forEach((id) => ref(`${c.id}.about`, id, ['entity', 'event', 'relation']));
  }
  return out;
}
