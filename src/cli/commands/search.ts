import type { Command } from 'commander';
import { Option } from 'commander';
import { out, parseLimit, withDbOption, withStore } from '../context.js';
import { MARK_END, MARK_START, highlight, renderJson, shortId } from '../format.js';

/** `sitrep search QUERY`: ranked full-text search with highlighted snippets. */
export function registerSearch(program: Command): void {
  withDbOption(
    program
      .command('search')
      .description('full-text search over stored documents, best first')
      .argument('<query>', 'words to find (all must occur)'),
  )
    .option('--limit <n>', 'how many hits', parseLimit, 20)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (query: string, opts: { db?: string; limit: number; format: string }) => {
      const hits = await withStore(opts, (s) => s.search(query, { limit: opts.limit }));
      if (opts.format === 'json') {
        return out(
          renderJson(
            hits.map((h) => ({
              ...h,
              snippet: h.snippet.replaceAll(MARK_START, '«').replaceAll(MARK_END, '»'),
            })),
          ),
        );
      }
      if (!hits.length) return out(`no match for "${query}"`);
      const tty = Boolean(process.stdout.isTTY);
      out(
        hits
          .map(
            (h, i) =>
              `${i + 1}. ${shortId(h.docId)}  ${h.published ?? ''}  ${h.title ?? '(untitled)'}\n   ${highlight(h.snippet.replace(/\s+/g, ' '), tty)}`,
          )
          .join('\n'),
      );
    });
}
