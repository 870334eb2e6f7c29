/** Rendering of fused events (one incident, many reports) for `sitrep events --fused` and `sitrep show`. */
import type { ReliabilityConfig } from '../../grade/reliability.js';
import { loadReliabilityConfig } from '../../grade/reliability.js';
import { summarizeFused } from '../../grade/fusion/index.js';
import type { FusedSummary } from '../../grade/fusion/index.js';
import type { FusedEvent, FusedEventFilter, Store } from '../../store/index.js';
import { out } from '../context.js';
import { renderCsv, renderJson, renderTable, shortId } from '../format.js';

/** The user's outlet/source reliability file: --reliability, else $SITREP_RELIABILITY, else defaults. */
export function reliabilityConfig(path?: string): ReliabilityConfig {
  return loadReliabilityConfig(path ?? process.env.SITREP_RELIABILITY ?? undefined);
}

/** A fused event with its read-time summary (range, best estimate, cross-document grade). */
export type ShownFused = FusedEvent & { readonly summary: FusedSummary };

/** Adds the summary computed with `config` to each fused event. */
export function withSummaries(list: readonly FusedEvent[], config: ReliabilityConfig): ShownFused[] {
  return list.map((f) => ({
    ...f,
    summary: summarizeFused({ reports: f.reports, contradictionKinds: f.contradictionKinds }, config),
  }));
}

/** Prints fused events in the chosen format: one row per incident. */
export async function printFusedEvents(
  store: Store,
  filter: FusedEventFilter,
  format: string,
  config: ReliabilityConfig,
): Promise<void> {
  const list = withSummaries(await store.listFusedEvents(filter), config);
  if (format === 'json') return out(renderJson(list));
  const head = [
    'fused',
    'date',
    'category',
    'place',
    'reports',
    'killed (best)',
    'injured (best)',
    'grade',
    'contradictions',
    'documents',
  ];
  const rows = list.map((f) => [
    f.id.replace(/^fev:/, '').slice(0, 10),
    dateOf(f.summary),
    f.category,
    [...new Set(f.reports.map((r) => r.locationName).filter(Boolean))],
    `${f.reports.length} (${f.independentReports} indep.)`,
    figure(f.summary.fatalities),
    figure(f.summary.injured),
    f.summary.grade,
    f.contradictions,
    f.reports.map((r) => shortId(r.docId)),
  ]);
  if (format === 'csv') return out(renderCsv(head, rows));
  out(list.length ? renderTable(head, rows) : 'no events match');
}

function dateOf(s: FusedSummary): string {
  return s.dateStart === s.dateEnd ? (s.dateStart ?? '') : `${s.dateStart ?? '?'}..${s.dateEnd ?? '?'}`;
}

/** "9–14 (best 14)", or the single figure. */
export function figure(e: FusedSummary['fatalities']): string {
  if (!e) return '';
  return e.min === e.max ? String(e.best) : `${e.min}–${e.max} (best ${e.best})`;
}

/** The "across documents" section of `sitrep show`: each event's fused incident, its reports and grade. */
export function renderFusionSection(docId: string, list: readonly ShownFused[]): string {
  if (!list.length) return '';
  const lines = ['', 'Across documents (fused events; rule: docs/fusion.md)'];
  for (const f of list) {
    const mine = f.reports.find((r) => r.docId === docId);
    const others = f.reports.filter((r) => r.docId !== docId);
    lines.push(
      `  ${mine?.eventId ?? '?'} → ${f.id}: ${f.reports.length} report(s), ${f.independentReports} independent; ` +
        `grade ${f.summary.grade} (${f.summary.reason})`,
    );
    if (f.summary.fatalities) lines.push(`    killed ${figure(f.summary.fatalities)}`);
    if (f.summary.injured) lines.push(`    injured ${figure(f.summary.injured)}`);
    if (mine) lines.push(`    ${mine.reason.startsWith('not fused') ? '' : 'matched: '}${mine.reason}`);
    for (const r of others)
      lines.push(
        `    also reported by ${shortId(r.docId)} ${r.published ?? ''} ${r.docTitle ?? ''} (${r.reason})`.trimEnd(),
      );
    if (f.contradictions)
      lines.push(
        `    ${f.contradictions} contradiction(s): ${[...new Set(f.contradictionKinds)].join(', ')} — see \`sitrep contradictions\``,
      );
  }
  return lines.join('\n');
}
