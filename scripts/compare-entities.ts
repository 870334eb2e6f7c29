// Correctness guard for speed work on the NLP and entity stages: runs tokenize → sentences → NER →
// (geo, as the pipeline does) → resolveEntities over every example article, every shared eval case
// and every sentence fixture, and writes one JSON line per document with what those stages
// produced. Run it before and after a change and compare:
//   npx tsx scripts/compare-entities.ts /tmp/before.jsonl
//   npx tsx scripts/compare-entities.ts /tmp/after.jsonl --against /tmp/before.jsonl
// With --against it exits 1 and names the documents whose output differs. Geo is outside these
// stages and may change meanwhile (other work, gazetteer data): where a document's places differ
// from the earlier run's, entities are resolved from the earlier run's places, so the comparison
// covers the entity stage alone, and the line says so (`placesFromAgainst`).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IngestedDocument } from '../src/core/index.js';
import { overlaps } from '../src/core/index.js';
import { documentFromText, readInput } from '../src/ingest/index.js';
import { splitSentences, tokenize } from '../src/nlp/index.js';
import { loadResources } from '../src/pipeline/index.js';
import { resolveEntities } from '../src/resolve/entities/index.js';
import { findToponyms, resolveToponyms } from '../src/resolve/geo/index.js';
import type { PlaceMention } from '../src/resolve/entities/index.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const out = args[0];
const againstAt = args.indexOf('--against');
const against = againstAt >= 0 ? args[againstAt + 1] : undefined;
if (!out || out.startsWith('--')) {
  console.error('usage: npx tsx scripts/compare-entities.ts OUT.jsonl [--against BEFORE.jsonl]');
  process.exit(2);
}

/** Every document to check, with a stable name. */
async function documents(): Promise<{ name: string; doc: IngestedDocument }[]> {
  const docs: { name: string; doc: IngestedDocument }[] = [];
  const caseDirs = [join(root, 'examples'), resolve(root, '../shared/eval/cases')].filter(existsSync);
  for (const dir of caseDirs) {
    for (const c of readdirSync(dir).sort()) {
      const file = join(dir, c, 'article.txt');
      if (!existsSync(file)) continue;
      const meta = JSON.parse(readFileSync(join(dir, c, 'case.json'), 'utf8')) as {
        args?: { published?: string };
      };
      docs.push({
        name: `${dir.endsWith('examples') ? 'examples' : 'eval'}/${c}`,
        doc: await readInput(file, meta.args ?? {}),
      });
    }
  }
  const sentenceDir = join(root, 'test', 'fixtures', 'sentences');
  for (const f of readdirSync(sentenceDir)
    .filter((x) => x.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(sentenceDir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    for (const l of lines) {
      const c = JSON.parse(l) as { id: string; text: string; published: string };
      docs.push({
        name: `sentences/${f}/${c.id}`,
        doc: documentFromText(c.text, '-', 'text', { published: c.published }),
      });
    }
  }
  return docs;
}

interface Dumped {
  readonly name: string;
  readonly places: PlaceMention[];
  readonly placesFromAgainst?: boolean;
}

const before = new Map<string, string>(
  against
    ? readFileSync(against, 'utf8')
        .split('\n')
        .filter((l) => l)
        .map((l) => [(JSON.parse(l) as Dumped).name, l] as const)
    : [],
);

const res = loadResources();
const lines: string[] = [];
for (const { name, doc } of await documents()) {
  const { text, datelineSpan } = doc;
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const ner = res.ner.recognize(text, tokens, sentences);
  const nerMentions = datelineSpan ? ner.filter((m) => !overlaps(m, datelineSpan)) : ner;
  const toponyms = findToponyms({ text, tokens, sentences, nerMentions, datelineSpan }, res.gazetteer);
  let places = resolveToponyms({ text, toponyms, dateline: doc.dateline }, res.gazetteer);
  const was = before.get(name);
  const earlierPlaces = was === undefined ? undefined : (JSON.parse(was) as Dumped).places;
  const placesFromAgainst =
    earlierPlaces !== undefined && JSON.stringify(earlierPlaces) !== JSON.stringify(places);
  if (placesFromAgainst) places = earlierPlaces;
  const resolution = resolveEntities({ text, tokens, sentences, nerMentions, places, datelineSpan }, res.kb);
  lines.push(
    JSON.stringify({
      name,
      text: createHash('sha1').update(text).digest('hex'),
      tokens: createHash('sha1')
        .update(JSON.stringify(tokens.map((t) => [t.start, t.end])))
        .digest('hex'),
      sentences: sentences.map((s) => [s.start, s.end, s.firstToken, s.endToken]),
      ner,
      places,
      resolution,
      ...(placesFromAgainst ? { placesFromAgainst } : {}),
    }),
  );
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} documents written to ${out}`);

if (against) {
  let differ = 0,
    reused = 0,
    added = 0;
  for (const l of lines) {
    const now = JSON.parse(l) as Record<string, unknown> & Dumped;
    if (now.placesFromAgainst) reused++;
    const was = before.get(now.name);
    if (was === undefined) {
      added++; // a fixture written since: nothing to compare with
      continue;
    }
    const old = JSON.parse(was) as Record<string, unknown>;
    if (old.text !== undefined && old.text !== now.text) {
      added++; // the fixture's text was edited since: nothing to compare with
      continue;
    }
    const fields = Object.keys(now)
      .filter((k) => k !== 'placesFromAgainst')
      .filter((k) => JSON.stringify(now[k]) !== JSON.stringify(old[k]));
    if (fields.length === 0) continue;
    differ++;
    console.log(`${now.name}: differs in ${fields.join(', ')}`);
  }
  if (added)
    console.log(
      `${added} documents not in ${against} or with other text (added or edited since), not compared`,
    );
  if (reused) console.log(`${reused} documents resolved with ${against}'s places (geo output changed since)`);
  const compared = lines.length - added;
  console.log(
    differ ? `${differ} of ${compared} documents differ` : `all ${compared} compared documents identical`,
  );
  process.exitCode = differ ? 1 : 0;
}
