import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { Extraction, IngestedDocument } from '../../core/index.js';
import type { PipelineResources } from '../../pipeline/index.js';
import { dbPath, out, parseLimit, withDbOption, withStore } from '../context.js';

/** Runs of more files than this get a progress bar (on a terminal). */
const PROGRESS_THRESHOLD = 5;

interface IngestOpts {
  db?: string;
  quiet?: boolean;
  maxBytes?: number;
}

/** `sitrep ingest PATH...`: reads files and folders, extracts, and stores each document atomically. */
export function registerIngest(program: Command): void {
  withDbOption(
    program
      .command('ingest')
      .description('read articles (.txt .md .html .jsonl, folders recurse), extract and store them')
      .argument('<paths...>', 'files or folders'),
  )
    .option('-q, --quiet', 'no progress bar or summary')
    .option('--max-bytes <n>', 'largest file (or JSONL line) accepted, in bytes (default 20 MB)', parseLimit)
    .addHelpText(
      'after',
      '\nRe-ingesting the same text updates its document instead of duplicating it.\n' +
        'Exit status: 0 all read, 1 some inputs failed, 2 nothing usable was given.\n\n' +
        'Example:\n  sitrep ingest examples/ --db sitrep.db',
    )
    .action(async (paths: string[], opts: IngestOpts) => {
      const { ingestDocument } = await import('../../pipeline/index.js');
      const stats = await withStore(opts, (store) =>
        ingestAll(paths, opts, (doc, res, extraction) => ingestDocument(store, doc, res, extraction)),
      );
      if (!opts.quiet) {
        const rate = stats.ms > 0 ? ((stats.created + stats.updated) / (stats.ms / 1000)).toFixed(1) : '-';
        out(
          `ingested ${stats.created + stats.updated} documents into ${dbPath(opts)} ` +
            `(${stats.created} new, ${stats.updated} updated, ${stats.failed} failed, ${stats.skipped} other files skipped) in ${(stats.ms / 1000).toFixed(1)} s, ${rate} docs/s`,
        );
      }
      if (stats.created + stats.updated === 0) process.exitCode = 2;
      else if (stats.failed > 0) process.exitCode = 1;
    });
}

interface IngestStats {
  created: number;
  updated: number;
  failed: number;
  /** Files of other types passed over inside folders (case.json, images…). */
  skipped: number;
  ms: number;
}

type Save = (
  doc: IngestedDocument,
  resources: PipelineResources,
  extraction: Extraction,
) => Promise<{ created: boolean }>;

async function ingestAll(paths: readonly string[], opts: IngestOpts, save: Save): Promise<IngestStats> {
  const t0 = performance.now();
  const stats: IngestStats = { created: 0, updated: 0, failed: 0, skipped: 0, ms: 0 };
  const { countInputs, readInputs } = await import('../../ingest/index.js');
  const { BATCH_SIZE, extractDocuments, loadResources } = await import('../../pipeline/index.js');
  const total = await countInputs(paths);
  const bar =
    !opts.quiet && process.stderr.isTTY && total > PROGRESS_THRESHOLD
      ? new SingleBar({
          format: 'ingest [{bar}] {value}/{total} files | {docs} docs | {eta_formatted} left',
          stream: process.stderr,
        })
      : null;
  bar?.start(total, 0, { docs: 0 });
  const resources = loadResources();
  let lastOrigin = '';
  const pending: IngestedDocument[] = [];
  const flush = async (): Promise<void> => {
    const extractions = extractDocuments(pending, resources);
    for (const [i, doc] of pending.entries()) {
      const saved = await save(doc, resources, extractions[i] as Extraction);
      if (saved.created) stats.created++;
      else stats.updated++;
    }
    pending.length = 0;
  };
  for await (const result of readInputs(paths, opts.maxBytes ? { maxBytes: opts.maxBytes } : {})) {
    if (!result.ok && result.skipped) {
      stats.skipped++;
    } else if (!result.ok) {
      stats.failed++;
      // Ingest's messages already name the file (and the line of a JSONL file).
      process.stderr.write(`${bar ? '\n' : ''}sitrep: ${result.message}\n`);
    } else {
      pending.push(result.doc);
      if (pending.length >= BATCH_SIZE) await flush();
    }
    const origin = result.ok ? result.doc.origin : result.origin;
    if (origin !== lastOrigin) bar?.increment(1, { docs: stats.created + stats.updated + pending.length });
    else bar?.update({ docs: stats.created + stats.updated + pending.length });
    lastOrigin = origin;
  }
  await flush();
  bar?.stop();
  stats.ms = performance.now() - t0;
  return stats;
}
