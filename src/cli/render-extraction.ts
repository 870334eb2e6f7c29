import type { Entity, Extraction } from '../core/index.js';
import { renderTable } from './format.js';

/** A readable summary of one extraction, for people. */
export function renderExtractionText(x: Extraction, text: string): string {
  const d = x.document;
  const byId = new Map<string, Entity>(x.entities.map((e) => [e.id, e]));
  const nameOf = (id: string): string => byId.get(id)?.name ?? id;
  const lines: string[] = [
    `${d.title ?? '(untitled)'}`,
    `id ${d.id}  published ${d.published ?? 'unknown'}  dateline ${d.dateline ?? '-'}  language ${d.language}`,
  ];
  for (const p of x.problems ?? []) lines.push(`note: ${p.message}`);
  if (x.entities.length) {
    lines.push('', `Entities (${x.entities.length})`);
    lines.push(
      renderTable(
        ['type', 'name', 'aliases', 'mentions', 'kb / place'],
        x.entities.map((e) => [e.type, e.name, e.aliases, e.mentions.length, placeOrKb(e)]),
      ),
    );
  }
  if (x.events.length) {
    lines.push('', `Events (${x.events.length})`);
    lines.push(
      renderTable(
        ['type', 'when', 'where', 'who', 'killed', 'injured', 'modality', 'evidence'],
        x.events.map((ev) => [
          `${ev.type}${ev.count > 1 ? ` ×${ev.count}` : ''}`,
          ev.date.text ?? ev.date.start ?? '?',
          ev.location ? nameOf(ev.location) : '',
          [...ev.perpetrators, ...ev.claimedBy.filter((c) => !ev.perpetrators.includes(c))].map(nameOf),
          countText(ev.fatalities),
          countText(ev.injured),
          ev.modality,
          ev.evidence.map((s) => text.slice(s.start, s.end)).join(' … '),
        ]),
      ),
    );
  }
  if (x.relations.length) {
    lines.push('', `Relations (${x.relations.length})`);
    for (const r of x.relations) {
      lines.push(`  ${nameOf(r.subject)} ${r.type} ${nameOf(r.object)} (${r.modality})`);
    }
  }
  if (x.sources.length) {
    lines.push('', `Sources (${x.sources.length})`);
    for (const s of x.sources) lines.push(`  [${s.reliability}] ${s.kind}: ${s.text}`);
  }
  lines.push('', `${x.claims.length} claims`);
  return lines.join('\n');
}

function placeOrKb(e: Entity): string {
  if (e.geo) return [e.geo.admin2, e.geo.admin1, e.geo.countryCode].filter(Boolean).join(', ');
  return e.kbId ?? '';
}

function countText(c: { min: number | null; max: number | null } | null): string {
  if (!c) return '';
  if (c.min !== null && c.max === c.min) return String(c.min);
  return `${c.min ?? '?'}–${c.max ?? ''}`;
}
