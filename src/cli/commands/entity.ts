import type { Command } from 'commander';
import { Option } from 'commander';
import { SitrepError } from '../../core/index.js';
import type { ReliabilityConfig } from '../../grade/reliability.js';
import { timelineGrade } from '../../grade/fusion/index.js';
import type { EntityProfile, EntitySummary, EntityTimelineItem, Store } from '../../store/index.js';
import { fail, out, parseLimit, withDbOption, withStore } from '../context.js';
import { renderJson, renderTable, shortId } from '../format.js';
import { reliabilityConfig } from './fused-events.js';

interface EntityOpts {
  db?: string;
  timeline?: boolean;
  format: string;
  limit: number;
  reliability?: string;
}

/** `sitrep entity NAME`: one entity's profile or timeline; `merge`, `split`, `revert`, `corrections` edit identities, audited and reversible. */
export function registerEntity(program: Command): void {
  const entity = program
    .command('entity')
    .description('one entity across documents: profile, timeline, merge/split (audited, reversible)');
  withDbOption(
    entity
      .command('show', { isDefault: true })
      .description(
        'profile of an entity (name, alias or key); --timeline for its dated events, relations and claims',
      )
      .argument('<name...>', 'name, alias or entity key'),
  )
    .option(
      '--timeline',
      'every dated event, relation and claim about it, oldest first, with source and grade',
    )
    .option('--reliability <file>', 'outlet/source reliability JSON (default $SITREP_RELIABILITY)')
    .option('--limit <n>', 'how many items', parseLimit, 200)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nExamples:\n  sitrep entity Ghafari --timeline\n  sitrep entity "Islamic State Khorasan Province" --format json',
    )
    .action(async (words: string[], opts: EntityOpts) => {
      const name = words.join(' ');
      try {
        await withStore(opts, async (s) => {
          const found = await resolveEntity(s, name);
          if (opts.timeline) return showTimeline(s, found, opts, reliabilityConfig(opts.reliability));
          const profile = await s.getEntityProfile(found.key, { limit: opts.limit });
          if (!profile) throw new SitrepError('not_found', `no entity ${name}`);
          out(opts.format === 'json' ? renderJson(profile) : renderProfile(profile));
        });
      } catch (err) {
        fail(err, name);
      }
    });
  registerEdits(entity);
}

/** The entity a name, alias or key stands for: the one seen in most documents; an exact key wins. */
export async function resolveEntity(s: Store, name: string): Promise<EntitySummary> {
  const byKey = await s.getEntityProfile(name, { limit: 1 });
  if (byKey) return byKey;
  const exact = await s.listEntities({ name, limit: 5 });
  const found = exact.length ? exact : await s.listEntities({ prefix: name, limit: 5 });
  const first = found[0];
  if (!first)
    throw new SitrepError('not_found', `no entity named ${name}: list them with \`sitrep entities --name\``);
  if (found.length > 1)
    process.stderr.write(
      `sitrep: "${name}" also names ${found
        .slice(1)
        .map((e) => `${e.name} (${e.type}, ${e.key})`)
        .join('; ')}\n`,
    );
  return first;
}

function renderProfile(p: EntityProfile): string {
  const lines = [
    `${p.name}  [${p.type}]  key ${p.key}${p.kbId ? `  kb ${p.kbId}` : ''}`,
    `aliases: ${p.aliases.join(', ') || '-'}`,
    `documents: ${p.documents}  mentions: ${p.mentions}`,
  ];
  if (p.affiliations.length) lines.push('affiliations:', ...p.affiliations.map(relLine));
  const others = p.relations.filter((r) => !p.affiliations.includes(r));
  if (others.length) lines.push('relations:', ...others.map(relLine));
  if (p.recentDocuments.length)
    lines.push(
      'documents:',
      ...p.recentDocuments.map((d) => `  ${shortId(d.id)} ${d.published ?? '          '} ${d.title ?? ''}`),
    );
  lines.push('', `timeline: sitrep entity ${JSON.stringify(p.key)} --timeline`);
  return lines.join('\n');
}

function relLine(r: EntityProfile['relations'][number]): string {
  return `  ${r.direction === 'out' ? '' : '← '}${r.type} ${r.other.name} (${r.count}×, ${r.modalities.join('/')})`;
}

/** A timeline item with its cross-document grade. */
type GradedItem = EntityTimelineItem & { readonly fusedGrade: string; readonly fusedReason: string };

async function showTimeline(
  s: Store,
  e: EntitySummary,
  opts: EntityOpts,
  config: ReliabilityConfig,
): Promise<void> {
  const items = await datedFromText(await s.entityTimeline(e.key, { limit: opts.limit }));
  const graded: GradedItem[] = [];
  for (const item of items) graded.push(await gradeItem(s, item, config));
  if (opts.format === 'json') return out(renderJson({ entity: e, timeline: graded }));
  const head = ['date', 'what', 'text', 'source', 'grade', 'doc'];
  const rows = graded.map((i) => [
    `${i.date ?? 'undated'}${i.dateEnd && i.dateEnd !== i.date ? `..${i.dateEnd}` : ''}${i.dateKind === 'reported' ? ' (reported)' : i.dateKind === 'text' ? ' (stated)' : ''}`,
    `${i.kind}: ${i.label} [${i.modality}]`,
    i.text.length > 200 ? `${i.text.slice(0, 197)}…` : i.text,
    i.source
      ? `${i.source.text} (${i.source.kind}, ${i.source.reliability})`
      : `${i.outlet ?? 'outlet'} (own voice)`,
    `${i.fusedGrade} — ${i.fusedReason}`,
    `${shortId(i.docId)} ${i.docTitle ?? ''}`,
  ]);
  out(
    [
      `${e.name} [${e.type}] — ${items.length} items (${items.filter((i) => i.date).length} dated), oldest first, undated last`,
      items.length ? renderTable(head, rows) : 'nothing dated',
    ].join('\n'),
  );
}

/**
 * Items dated only by their publication get the date their sentence states ("last year", "in March
 * 2024"), resolved against the publication date; then everything is sorted again, undated last.
 */
async function datedFromText(items: readonly EntityTimelineItem[]): Promise<EntityTimelineItem[]> {
  // The time rules (chrono-node) load only for timelines.
  const { findTimeExpressions } = await import('../../nlp/time/index.js');
  const dated = items
    .map((item): EntityTimelineItem => {
      if (item.dateKind !== 'reported') return item;
      const sentence = { start: 0, end: item.text.length, firstToken: 0, endToken: 0 };
      const found = findTimeExpressions(item.text, [sentence], item.published).find(
        (t) => t.range.start && t.range.precision !== 'unknown',
      );
      return found ? { ...item, date: found.range.start, dateEnd: found.range.end, dateKind: 'text' } : item;
    })
    .filter((item) => item.kind !== 'mention' || item.dateKind === 'text');
  return dated.sort(
    (a, b) =>
      (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? ''),
  );
}

/** Cross-document grade of a timeline item (see `timelineGrade`); fused events are read once per id. */
async function gradeItem(s: Store, item: EntityTimelineItem, config: ReliabilityConfig): Promise<GradedItem> {
  const fused = item.fusedId ? await s.getFusedEvent(item.fusedId) : null;
  const { grade, reason } = timelineGrade(item, fused, config);
  return { ...item, fusedGrade: grade, fusedReason: reason };
}

interface EditOpts {
  db?: string;
  reason: string;
  author?: string;
  format: string;
}

/** merge / split / revert / corrections: the analyst's identity edits, each with a reason, audited and reversible. */
function registerEdits(entity: Command): void {
  const author = (o: EditOpts): string => o.author ?? process.env.USER ?? 'analyst';
  const print = (o: EditOpts, c: unknown): void =>
    out(o.format === 'json' ? renderJson(c) : `recorded correction ${(c as { id: number }).id}`);
  withDbOption(
    entity
      .command('merge')
      .description('merge entity A into B (names, aliases or keys); undo with `entity revert ID`')
      .argument('<a>')
      .argument('<b>'),
  )
    .requiredOption('--reason <text>', 'why they are one entity (kept in the audit trail)')
    .option('--author <name>', 'who decides (default $USER)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (a: string, b: string, o: EditOpts) => {
      try {
        await withStore(o, async (s) => {
          const [from, into] = [await resolveEntity(s, a), await resolveEntity(s, b)];
          print(
            o,
            await s.applyCorrection(
              { kind: 'merge_entities', from: from.key, into: into.key },
              { author: author(o), note: o.reason },
            ),
          );
        });
      } catch (err) {
        fail(err, `${a} + ${b}`);
      }
    });
  withDbOption(
    entity
      .command('split')
      .description("move an entity's mentions in some documents to a new entity")
      .argument('<name>')
      .argument('<docIds...>', 'documents (ids or 6+ hex prefixes) whose mentions leave'),
  )
    .requiredOption('--reason <text>', 'why they are different entities')
    .option('--author <name>', 'who decides (default $USER)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (name: string, docIds: string[], o: EditOpts) => {
      try {
        await withStore(o, async (s) => {
          const e = await resolveEntity(s, name);
          const ids: string[] = [];
          for (const d of docIds) {
            const doc = await s.getDocument(d);
            if (!doc) throw new SitrepError('not_found', `no document ${d}`);
            ids.push(doc.id);
          }
          print(
            o,
            await s.applyCorrection(
              { kind: 'split_entity', key: e.key, docIds: ids },
              { author: author(o), note: o.reason },
            ),
          );
        });
      } catch (err) {
        fail(err, name);
      }
    });
  withDbOption(
    entity
      .command('revert')
      .description('undo a correction (merge, split, retype) by its id')
      .argument('<id>'),
  )
    .requiredOption('--reason <text>', 'why it is undone')
    .option('--author <name>', 'who decides (default $USER)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string, o: EditOpts) => {
      try {
        await withStore(o, async (s) =>
          print(o, await s.revertCorrection(Number(id), { author: author(o), note: o.reason })),
        );
      } catch (err) {
        fail(err, id);
      }
    });
  withDbOption(
    entity
      .command('clusters')
      .description(
        'why documents naming an unknown entity were kept together or apart (co-occurring actors, names, places)',
      )
      .argument('<name...>', 'name, alias or entity key'),
  )
    .option('--limit <n>', 'how many decisions', parseLimit, 100)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText(
      'after',
      '\nA wrong decision is undone with `sitrep entity merge A B` or `sitrep entity split NAME DOC…`.',
    )
    .action(async (words: string[], o: { db?: string; format: string; limit: number }) => {
      const name = words.join(' ');
      try {
        await withStore(o, async (s) => {
          const e = await resolveEntity(s, name);
          const list = await s.entityClusterDecisions(e.key, { limit: o.limit });
          if (o.format === 'json') return out(renderJson(list));
          if (!list.length)
            return out(
              `${e.name}: no clustering decisions (a knowledge-base entity, or a place, is one entity by its id)`,
            );
          const rows = list.map((d) => [
            shortId(d.docId),
            d.decidedAt.slice(0, 19),
            d.clusterKey,
            d.clusterKey === e.key ? '*' : '',
            d.reason,
          ]);
          out(
            `${e.name} [${e.type}]: ${list[0]!.clustersOfName} cluster(s) of this name; * = ${e.key}\n` +
              renderTable(['doc', 'decided', 'cluster', '', 'reason'], rows),
          );
        });
      } catch (err) {
        fail(err, name);
      }
    });
  withDbOption(
    entity.command('corrections').description('the audit trail of merges, splits and edits, newest first'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (o: { db?: string; format: string }) => {
      const list = await withStore(o, (s) => s.listCorrections());
      if (o.format === 'json') return out(renderJson(list));
      const rows = list.map((c) => [
        c.id,
        c.at.slice(0, 19),
        c.author,
        c.action.kind,
        JSON.stringify(c.action),
        c.note ?? '',
        c.revertedAt ? `reverted ${c.revertedAt.slice(0, 10)} by ${c.revertedBy ?? '?'}` : '',
      ]);
      out(
        list.length
          ? renderTable(['#', 'at', 'author', 'kind', 'action', 'reason', 'status'], rows)
          : 'no corrections',
      );
    });
}
