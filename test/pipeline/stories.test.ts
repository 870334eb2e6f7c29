import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../src/core/index.js';
import { ingestDocument, loadResources } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-stories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WIRE =
  'QUETTA: A bomb hidden in a motorcycle exploded near a crowded vegetable market in Quetta on Monday, killing nine people and wounding 23, police said. ' +
  'The blast damaged shops and a mosque. Senior police official Ahmed Khan said the device was detonated by remote control as a police patrol passed. ' +
  'No group immediately claimed responsibility. The Balochistan Liberation Army has carried out similar attacks in the province in recent months.';

function doc(text: string, title: string, outlet: string): IngestedDocument {
  return {
    text,
    title,
    url: null,
    published: '2024-05-14',
    dateline: 'QUETTA',
    datelineSpan: { start: 0, end: 7 },
    language: 'en',
    outlet,
    author: null,
    origin: `${outlet}.txt`,
    problems: [],
  };
}

describe('stories: exact and syndicated copies are linked, different reports are not', () => {
  it('links a reprint with another headline and boilerplate, not an unrelated story', async () => {
    const store = openSqliteStore(join(dir, 'stories.db'));
    const res = loadResources();
    const a = await ingestDocument(store, doc(WIRE, 'Nine killed in Quetta blast', 'Wire'), res);
    const reprint = `${WIRE}\nRead more: subscribe to our newsletter for daily updates from Balochistan.`;
    const b = await ingestDocument(
      store,
      doc(reprint, 'Quetta market bombing kills 9', 'Daily Courier'),
      res,
    );
    const other = await ingestDocument(
      store,
      doc(
        'PESHAWAR: Gunmen shot dead two polio workers in Peshawar on Tuesday, officials said. The attackers escaped on a motorcycle.',
        'Polio workers shot',
        'Wire',
      ),
      res,
    );
    const [da, db, dother] = await Promise.all([a, b, other].map((r) => store.getDocument(r.id)));
    expect(da?.storyId).toBeTruthy();
    expect(db?.storyId).toBe(da?.storyId);
    expect(da?.storyMembers).toEqual([b.id]);
    expect(dother?.storyId).not.toBe(da?.storyId);
    expect(dother?.storyMembers).toEqual([]);
    await store.close();
  });
});
