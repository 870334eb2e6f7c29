import type { Command } from 'commander';
import { Option } from 'commander';
import type { ContradictionKind, ContradictionRecord } from '../../store/index.js';
import { out, parseLimit, withDbOption, withStore } from '../context.js';
import { renderJson, renderTable, shortId } from '../format.js';

const KINDS: readonly ContradictionKind[] = [
  'fatalities',
  'injured',
  'perpetrator',
  'claimant',
  'place',
  'date',
  'status',
  'revision',
];

interface ContradictionsOpts {
  db?: string;
  kind?: ContradictionKind;
  revisions?: boolean;
  limit: number;
  format: string;
}

/** `sitrep contradictions`: disagreements between independent reports, both sides with their evidence. */
export function registerContradictions(program: Command): void {
  withDbOption(
    program
      .command('contradictions')
      .description(
        'list disagreements between documents (figures, perpetrators, claimants, place, date, alive vs dead)',
      ),
  )
    .addOption(new Option('--kind <kind>', 'only this kind').choices([...KINDS]))
    .option(
      '--revisions',
      'also list revisions (a later report raising a toll), which are not contradictions',
    )
    .option('--limit <n>', 'how many', parseLimit, 100)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExample:\n  sitrep contradictions --kind fatalities --format json')
    .action(async (opts: ContradictionsOpts) => {
      const list = await withStore(opts, (s) =>
        s.listContradictionRecords({
          ...(opts.kind ? { kind: opts.kind } : {}),
          includeRevisions: opts.revisions ?? false,
          limit: opts.limit,
        }),
      );
      if (opts.format === 'json') return out(renderJson(list));
      out(
        list.length
          ? renderTable(['#', 'kind', 'about', 'A says', 'B says', 'note'], list.map(toRow))
          : 'no contradictions recorded',
      );
    });
}

function toRow(c: ContradictionRecord): unknown[] {
  const side = (s: ContradictionRecord['a']): string =>
    `${s.value}\n${shortId(s.docId)} ${s.published ?? ''} ${s.ref}\n“${clip(s.evidence.map((e) => e.text).join(' … '))}”`;
  return [
    c.id,
    c.kind,
    c.subject?.name ?? c.fusedId?.replace(/^fev:/, 'event ').slice(0, 16) ?? '',
    side(c.a),
    side(c.b),
    c.note,
  ];
}

function clip(s: string): string {
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}
