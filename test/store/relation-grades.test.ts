import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, Modality, Relation } from '../../src/core/index.js';
import { documentId } from '../../src/core/index.js';
import { timelineGrade } from '../../src/grade/fusion/index.js';
import type { ReliabilityConfig } from '../../src/grade/reliability.js';
import type { DocumentRecord, EntityTimelineItem, Store } from '../../src/store/index.js';
import { createApp } from '../../src/serve/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { testIngester } from '../serve/synthetic.js';
import { sampleRecord } from './fixtures.js';

/** The user's reliability file: one reliable outlet, one that cannot be judged. */
const CONFIG: ReliabilityConfig = { outlets: { 'Wire Daily': 'B', 'Rumour Mill': 'F', 'Third Post': 'C' } };
const TTP = 'ttp';

/**
 * A document stating (or denying) that the TTP is a branch of al-Qaeda, in the outlet's own voice,
 * with the outlet's claim about the relation graded 3 (possibly true) in that document.
 */
function relationDoc(outlet: string, modality: Modality = 'asserted', story?: string): DocumentRecord {
  const sentence =
    modality === 'denied'
      ? 'The TTP denied that it is a branch of al-Qaeda.'
      : 'The TTP is a branch of al-Qaeda, officials said.';
  // Each outlet words the same report differently; a syndicated copy shares its story id.
  const text = `${outlet.toUpperCase()}: ${sentence} ${story ? 'Syndicated copy from Quetta.' : `Reported by ${outlet} from Quetta.`}`;
  const base = sampleRecord(text, `${outlet} report`);
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const relation: Relation = {
    id: 'r1',
    type: 'branch_of',
    subject: 'e2',
    object: 'e3',
    modality,
    sources: [],
    evidence: [at(sentence)],
  };
  const claim: Claim = {
    id: 'c1',
    evidence: at(sentence),
    source: null,
    modality,
    credibility: 3,
    about: ['r1', 'e2', 'e3'],
  };
  return {
    doc: { ...base.doc, outlet, url: `https://example.org/${encodeURIComponent(text)}` },
    extraction: {
      ...base.extraction,
      document: { ...base.extraction.document, id: documentId(text) },
      entities: [
        {
          id: 'e2',
          type: 'group',
          name: 'Tehreek-e-Taliban Pakistan',
          aliases: ['TTP'],
          mentions: [at('TTP')],
          kbId: 'ttp',
        },
        {
          id: 'e3',
          type: 'group',
          name: 'al-Qaeda',
          aliases: [],
          mentions: [at('al-Qaeda')],
          kbId: 'alqaeda',
        },
      ],
      events: [],
      relations: [relation],
      claims: [claim],
    },
    ...(story
      ? { story: { storyId: story, fingerprint: { exactKey: text, signature: '', bands: [] } } }
      : {}),
  };
}

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-relgrade-'));
  store = openSqliteStore(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function gradeOf(kind: EntityTimelineItem['kind'], docId: string) {
  const items = await store.entityTimeline(TTP);
  const item = items.find((i) => i.kind === kind && i.docId === docId);
  if (!item)
    throw new Error(`no ${kind} item of ${docId}: ${JSON.stringify(items.map((i) => [i.kind, i.docId]))}`);
  const fused = item.fusedId ? await store.getFusedEvent(item.fusedId) : null;
  return { item, ...timelineGrade(item, fused, CONFIG) };
}

async function save(r: DocumentRecord): Promise<string> {
  return (await store.saveDocument(r)).id;
}

describe('relation credibility across documents', () => {
  it('independent outlets raise the grade: F alone, then B, then a second reliable story', async () => {
    const f = await save(relationDoc('Rumour Mill'));
    expect((await gradeOf('relation', f)).grade).toBe('F3');
    const a = await save(relationDoc('Wire Daily'));
    const alone = await gradeOf('relation', a);
    // B + F: the grade takes the B story's reliability; credibility needs 2 A–C stories to rise.
    expect(alone.grade).toBe('B3');
    expect(alone.reason).toMatch(
      /2 independent stories, fewer than 2 reliable; stated by Rumour Mill \w+ F, Wire Daily \w+ B/,
    );
    await save(relationDoc('Third Post'));
    const three = await gradeOf('relation', a);
    expect(three.grade).toBe('B2');
    expect(three.item.corroboration).toEqual({ independent: 3, contrary: 0 });
    expect(three.reason).toMatch(/2 independent reliable stories agree/);
  });

  it('each story counts at its own reliability, not the reading item’s', async () => {
    await save(relationDoc('Wire Daily'));
    const f = await save(relationDoc('Rumour Mill'));
    await save(relationDoc('Third Post'));
    // Read from the F outlet's document: the B and C stories still count as reliable.
    const g = await gradeOf('relation', f);
    expect(g.grade).toBe('B2');
    expect(g.reason).toMatch(/Rumour Mill \w+ F/);
  });

  it('a syndicated copy does not count twice', async () => {
    const a = await save(relationDoc('Wire Daily', 'asserted', 'story-1'));
    await save(relationDoc('Third Post', 'asserted', 'story-1'));
    const g = await gradeOf('relation', a);
    expect(g.item.corroboration).toEqual({ independent: 1, contrary: 0 });
    expect(g.grade).toBe('B3');
    expect(g.reason).toMatch(/one story; stated by Wire Daily \w+ B \+1 copy/);
  });

  it('a denial counts as a contrary story and lowers the grade', async () => {
    const a = await save(relationDoc('Wire Daily'));
    await save(relationDoc('Third Post'));
    expect((await gradeOf('relation', a)).grade).toBe('B2');
    const d = await save(relationDoc('Rumour Mill', 'denied'));
    const after = await gradeOf('relation', a);
    expect(after.item.corroboration).toEqual({ independent: 2, contrary: 1 });
    expect(after.grade).toBe('B2');
    expect(after.reason).toMatch(/denied by Rumour Mill/);
    await save(relationDoc('Other Gazette', 'denied'));
    const outweighed = await gradeOf('relation', a);
    expect(outweighed.grade).toBe('B4');
    expect(outweighed.reason).toMatch(/^2 contrary vs 2 confirming stories/);
    const denial = await gradeOf('relation', d);
    expect(denial.reason).toMatch(/^denied in this document; 2 contrary vs 2/);
  });
});

describe('claim credibility', () => {
  it('a claim about a fused event shows the fused event grade', async () => {
    const claimed = (outlet: string, text: string): DocumentRecord => {
      const r = sampleRecord(text, outlet);
      const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
      // A second claim about the event, by an entity the event does not involve: it becomes its own item.
      return {
        doc: { ...r.doc, outlet },
        extraction: {
          ...r.extraction,
          entities: [
            ...r.extraction.entities,
            {
              id: 'e9',
              type: 'person',
              name: 'Hafiz Gul',
              aliases: [],
              mentions: [at('Hafiz Gul')],
              kbId: 'gul',
            },
          ],
          claims: [
            {
              id: 'c1',
              evidence: at('The TTP claimed it.'),
              source: null,
              modality: 'claimed',
              credibility: 3,
              about: ['ev1', 'e2'],
            },
            {
              id: 'c2',
              evidence: at('Hafiz Gul'),
              source: null,
              modality: 'asserted',
              credibility: 5,
              about: ['ev1', 'e9'],
            },
          ],
        },
      };
    };
    const a = await save(
      claimed(
        'Wire Daily',
        'QUETTA: A roadside bomb killed three police officers in Quetta on Monday. The TTP claimed it. Hafiz Gul was named.',
      ),
    );
    await save(
      claimed(
        'Third Post',
        'QUETTA: Three policemen died when a roadside bomb hit them in Quetta on Monday. The TTP claimed it. Hafiz Gul was named.',
      ),
    );
    const items = await store.entityTimeline('gul');
    const claim = items.find((i) => i.kind === 'claim' && i.docId === a);
    expect(claim?.fusedId).toBeTruthy();
    expect(claim?.gradeFrom).toBe('event');
    const fused = await store.getFusedEvent(claim!.fusedId!);
    expect(fused?.reports.length).toBe(2);
    const g = timelineGrade(claim!, fused, CONFIG);
    const { summarizeFused } = await import('../../src/grade/fusion/index.js');
    const event = summarizeFused(fused!, CONFIG);
    expect(g.grade).toBe(event.grade);
    expect(g.reason).toMatch(/^the fused event it is about \(2 reports\): /);
    // The claim's own single-document grade (5) is not what is shown.
    expect(g.grade.endsWith('5')).toBe(false);
  });

  it('a claim about entities only stays single-document and says so', async () => {
    const text = 'KARACHI: Hafiz Gul of the TTP is said to be hiding near Quetta.';
    const r = sampleRecord(text, 'Gul');
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const id = await save({
      doc: { ...r.doc, outlet: 'Wire Daily' },
      extraction: {
        ...r.extraction,
        entities: [
          {
            id: 'e9',
            type: 'person',
            name: 'Hafiz Gul',
            aliases: [],
            mentions: [at('Hafiz Gul')],
            kbId: 'gul',
          },
        ],
        events: [],
        relations: [],
        claims: [
          {
            id: 'c1',
            evidence: at(text.slice(9)),
            source: null,
            modality: 'asserted',
            credibility: 4,
            about: ['e9'],
          },
        ],
      },
    });
    const claim = (await store.entityTimeline('gul')).find((i) => i.kind === 'claim' && i.docId === id)!;
    expect(claim.gradeFrom).toBe('claim');
    const g = timelineGrade(claim, null, CONFIG);
    expect(g.grade).toBe('B4');
    expect(g.reason).toMatch(/single document/);
  });
});

describe('shown by the API and `sitrep show`', { timeout: 60_000 }, () => {
  it('the API entity timeline and `sitrep show` give the recomputed grade and its reason', async () => {
    const a = await save(relationDoc('Wire Daily'));
    await save(relationDoc('Third Post'));
    await save(relationDoc('Rumour Mill', 'denied'));
    const file = join(dir, 'reliability.json');
    writeFileSync(file, JSON.stringify(CONFIG));
    const before = process.env.SITREP_RELIABILITY;
    process.env.SITREP_RELIABILITY = file;
    try {
      const app = createApp({ store, ingest: testIngester, webRoot: null });
      const res = await app.request(`/api/entities/${TTP}/timeline`);
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as {
        items: { kind: string; docId: string; fusedGrade: string; fusedReason: string }[];
      };
      const item = items.find((i) => i.kind === 'relation' && i.docId === a);
      expect(item?.fusedGrade).toBe('B2');
      expect(item?.fusedReason).toMatch(
        /stated by Wire Daily \w+ B, Third Post \w+ C; denied by Rumour Mill/,
      );
      expect((await app.request('/api/entities/nobody/timeline')).status).toBe(404);
    } finally {
      if (before === undefined) delete process.env.SITREP_RELIABILITY;
      else process.env.SITREP_RELIABILITY = before;
    }
    const root = resolve(import.meta.dirname, '../..');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'scripts/dev.ts'),
        'show',
        a.slice(7, 19),
        '--db',
        join(dir, 'db.sqlite'),
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, SITREP_RELIABILITY: file, FORCE_COLOR: '0' } },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Relation and claim grades across documents/);
    expect(r.stdout).toMatch(/Tehreek-e-Taliban Pakistan branch_of al-Qaeda \[asserted\]\s*│\s*B2/);
  });
});
