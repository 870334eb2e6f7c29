import type { Command } from 'commander';
import { Option } from 'commander';
import { fail, out, parseIsoDate, parseLimit } from '../context.js';
import { renderJson } from '../format.js';
import { renderExtractionText } from '../render-extraction.js';

interface ExtractOpts {
  format: 'json' | 'text';
  includeText?: boolean;
  published?: string;
  title?: string;
  url?: string;
  maxBytes?: number;
}

/** `sitrep extract PATH`: the stateless form of ingest — prints the extraction, stores nothing. */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract entities, events, relations and claims from one article; writes nothing')
    .argument('<path>', 'a .txt, .md or .html file, or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']).default('text'))
    .option('--include-text', 'include the normalised text (document.text) in JSON output')
    .option('--published <date>', 'publication date YYYY-MM-DD; anchors relative dates', parseIsoDate)
    .option('--title <title>', 'document title')
    .option('--url <url>', 'document URL')
    .option('--max-bytes <n>', 'largest input accepted, in bytes (default 20 MB)', parseLimit)
    .addHelpText(
      'after',
      '\nExample:\n  sitrep extract examples/quetta-ied/article.txt --published 2024-05-14 --format json',
    )
    .action(async (path: string, opts: ExtractOpts) => {
      try {
        // The pipeline (models, gazetteer, HTML reader) loads only for the commands that run it.
        const { readInput } = await import('../../ingest/index.js');
        const { extractDocument, loadResources } = await import('../../pipeline/index.js');
        const doc = await readInput(path, {
          title: opts.title,
          url: opts.url,
          published: opts.published,
          maxBytes: opts.maxBytes,
        });
        const extraction = extractDocument(doc, loadResources(), { includeText: opts.includeText ?? false });
        out(opts.format === 'json' ? renderJson(extraction) : renderExtractionText(extraction, doc.text));
      } catch (err) {
        fail(err, path);
      }
    });
}
