import type { Command } from 'commander';
import { Option } from 'commander';
import type { StoredEvent } from '../../store/index.js';
import { out, parseIsoDate, parseLimit, withDbOption, withStore } from '../context.js';
import { renderCsv, renderJson, renderTable, shortId } from '../format.js';
import { printFusedEvents, reliabilityConfig } from './fused-events.js';

interface EventsOpts {
  db?: string;
  type?: string;
  actor?: string;
  place?: string;
  since?: string;
  until?: string;
  limit: number;
  format: string;
  fused?: boolean;
  reliability?: string;
}

/** `sitrep events`: coded events across documents, with filters. */
export function registerEvents(program: Command): void {
  withDbOption(program.command('events').description('list coded events (ACLED types), newest first'))
    .option('--type <type>', 'ACLED category or sub-event type, e.g. battles, suicide_bomb')
    .option('--actor <name>', 'perpetrator, target or claimant name or alias')
    .option('--place <name>', 'location name, its province/district, or a country code')
    .option('--since <date>', 'events ending on or after YYYY-MM-DD', parseIsoDate)
    .option('--until <date>', 'events starting on or before YYYY-MM-DD', parseIsoDate)
    .option('--limit <n>', 'how many', parseLimit, 200)
    .option(
      '--fused',
      'one row per incident: reports of one event from several documents fused, with range, best estimate and grade',
    )
    .option(
      '--reliability <file>',
      'with --fused: outlet/source reliability JSON (default $SITREP_RELIABILITY)',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .addHelpText(
      'after',
      '\nExample:\n  sitrep events --type explosions_remote_violence --place Balochistan --since 2024-01-01 --format csv',
    )
    .action(async (opts: EventsOpts) => {
      const { db, limit, format, fused, reliability, ...filter } = opts;
      if (fused)
        return withStore({ db }, (s) =>
          printFusedEvents(s, { ...filter, limit }, format, reliabilityConfig(reliability)),
        );
      const events = await withStore({ db }, (s) => s.listEvents({ ...filter, limit }));
      if (format === 'json') return out(renderJson(events));
      const head = [
        'doc',
        'date',
        'category',
        'type',
        'count',
        'location',
        'country',
        'perpetrators',
        'targets',
        'claimed by',
        'killed',
        'injured',
        'modality',
      ];
      const rows = events.map(toRow);
      if (format === 'csv')
        return out(
          renderCsv(
            [...head, 'evidence'],
            events.map((e, i) => [...rows[i]!, e.evidenceText]),
          ),
        );
      out(events.length ? renderTable(head, rows) : 'no events match');
    });
}

function toRow(e: StoredEvent): unknown[] {
  const ev = e.event;
  const date =
    ev.date.start === ev.date.end ? ev.date.start : `${ev.date.start ?? '?'}..${ev.date.end ?? '?'}`;
  return [
    shortId(e.docId),
    date,
    ev.category,
    ev.type,
    ev.count,
    e.locationName,
    e.countryCode,
    e.perpetratorNames,
    e.targetNames,
    e.claimedByNames,
    ev.fatalities?.min ?? '',
    ev.injured?.min ?? '',
    ev.modality,
  ];
}
