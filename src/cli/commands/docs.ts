import type { Command } from 'commander';
import { Option } from 'commander';
import { out, parseLimit, withDbOption, withStore } from '../context.js';
import { renderCsv, renderJson, renderTable, shortId } from '../format.js';

/** `sitrep docs`: lists stored documents, newest first. */
export function registerDocs(program: Command): void {
  withDbOption(program.command('docs').description('list stored documents, newest first'))
    .option('--limit <n>', 'how many', parseLimit, 50)
    .option('--offset <n>', 'skip this many', (v) => parseLimit(String(Number(v) + 1)) - 1, 0)
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .action(async (opts: { db?: string; limit: number; offset: number; format: string }) => {
      const docs = await withStore(opts, (s) => s.listDocuments({ limit: opts.limit, offset: opts.offset }));
      if (opts.format === 'json') return out(renderJson(docs));
      const head = ['id', 'published', 'title', 'lang', 'entities', 'events', 'origin'];
      const rows = docs.map((d) => [
        shortId(d.id),
        d.published,
        d.title,
        d.language,
        d.entityCount,
        d.eventCount,
        d.origin,
      ]);
      out(
        opts.format === 'csv'
          ? renderCsv(head, rows)
          : docs.length
            ? renderTable(head, rows)
            : 'no documents yet: run `sitrep ingest PATH`',
      );
    });
}
