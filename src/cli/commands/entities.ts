import type { Command } from 'commander';
import { Option } from 'commander';
import type { EntityType } from '../../core/index.js';
import { out, parseLimit, withDbOption, withStore } from '../context.js';
import { renderCsv, renderJson, renderTable } from '../format.js';

/** `sitrep entities`: entities across stored documents, most seen first. */
export function registerEntities(program: Command): void {
  withDbOption(program.command('entities').description('list entities across documents, most frequent first'))
    .addOption(
      new Option('--type <type>', 'only this type').choices([
        'person',
        'group',
        'organization',
        'location',
        'other',
      ]),
    )
    .option('--name <name>', 'only entities with this name or alias')
    .option('--limit <n>', 'how many', parseLimit, 100)
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .action(
      async (opts: { db?: string; type?: EntityType; name?: string; limit: number; format: string }) => {
        const list = await withStore(opts, (s) =>
          s.listEntities({ type: opts.type, name: opts.name, limit: opts.limit }),
        );
        if (opts.format === 'json') return out(renderJson(list));
        // The key tells apart namesakes the store keeps as different entities (`sitrep entity clusters NAME`).
        const head = ['type', 'name', 'aliases', 'docs', 'mentions', 'kb', 'key'];
        const rows = list.map((e) => [
          e.type,
          e.name,
          e.aliases.slice(0, 6),
          e.documents,
          e.mentions,
          e.kbId,
          e.kbId === e.key ? '' : e.key,
        ]);
        out(
          opts.format === 'csv'
            ? renderCsv(head, rows)
            : list.length
              ? renderTable(head, rows)
              : 'no entities',
        );
      },
    );
}
