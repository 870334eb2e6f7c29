import type { Command } from 'commander';
import { Option } from 'commander';
import { SitrepError } from '../../core/index.js';
import { fail, out, withDbOption, withStore } from '../context.js';
import { renderJson, shortId } from '../format.js';
import { renderExtractionText } from '../render-extraction.js';
import { renderFusionSection, reliabilityConfig, withSummaries } from './fused-events.js';
import { documentStatementGrades, renderStatementGrades } from './statement-grades.js';

/** `sitrep show ID`: one stored document with what was extracted from it. */
export function registerShow(program: Command): void {
  withDbOption(
    program
      .command('show')
      .description('show one stored document and its extraction')
      .argument('<id>', 'document id or its first 6+ hex digits (see `sitrep docs`)'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--text', 'also print the full text')
    .action(async (id: string, opts: { db?: string; format: string; text?: boolean }) => {
      try {
        const doc = await withStore(opts, (s) => s.getDocument(id));
        if (!doc) throw new SitrepError('not_found', `no document ${id}: list ids with \`sitrep docs\``);
        if (opts.format === 'json')
          return out(renderJson({ ...doc, text: opts.text ? doc.text : undefined }));
        const header = [`origin ${doc.origin}  outlet ${doc.outlet ?? '-'}  ingested ${doc.ingestedAt}`];
        if (doc.storyMembers.length) {
          // Exact and syndicated copies of the same report: one story, counted once as a source.
          header.push(`story ${doc.storyId}: also reported in ${doc.storyMembers.map(shortId).join(', ')}`);
        }
        if (doc.language !== 'en') {
          header.push(
            `note: this document is in "${doc.language}"; it is stored and searchable but was not run through the English extractors`,
          );
        }
        const config = reliabilityConfig();
        const fused = withSummaries(
          await withStore(opts, (s) => s.listFusedEvents({ docId: doc.id })),
          config,
        );
        const statements = await withStore(opts, (s) =>
          documentStatementGrades(s, doc.id, doc.extraction, config),
        );
        out(
          [
            renderExtractionText(doc.extraction, doc.text),
            renderFusionSection(doc.id, fused),
            renderStatementGrades(statements),
            ...header,
            ...(opts.text ? ['', doc.text] : []),
          ].join('\n'),
        );
      } catch (err) {
        fail(err, id);
      }
    });
}
