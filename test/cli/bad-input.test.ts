import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sitrep, sitrepSpawn } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD =
  'PESHAWAR: Militants attacked a police post in Peshawar on Monday, killing two officers, police said.\n';

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('bad input gets a one-line error naming the file', () => {
  const cases: [string, () => string, RegExp][] = [
    ['empty', () => file('empty.txt', ''), /empty/i],
    ['whitespace only', () => file('blank.txt', ' \n\t\n'), /empty/i],
    [
      'binary',
      () =>
        file(
          'image.txt',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
        ),
      /binary|image, not text/i,
    ],
    [
      'invalid UTF-8',
      () =>
        file(
          'bad-utf8.txt',
          Buffer.concat([
            Buffer.from('Kabul '),
            Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0xfd]),
            Buffer.from(' attack'),
          ]),
        ),
      /UTF-8|encoding/i,
    ],
    ['50 MB', () => file('huge.txt', Buffer.alloc(50 * 1024 * 1024, 'a ')), /too large|MB/i],
    ['missing', () => join(dir, 'nope.txt'), /not found|no such|does not exist/i],
  ];

  it.each(cases)('%s: extract exits 2', (_name, make, reason) => {
    const path = make();
    const r = sitrep(['extract', path, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toMatch(reason);
  });

  it('ingest of a folder with bad files stores the good ones and reports each bad one', () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-good.txt'), GOOD);
    writeFileSync(join(folder, 'b-empty.txt'), '');
    writeFileSync(join(folder, 'c-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0x00]));
    symlinkSync(join(folder, 'missing-target.txt'), join(folder, 'd-unreadable.txt'));
    writeFileSync(join(folder, 'e-good.md'), GOOD.replace('two', 'three'));
    const db = join(dir, 'mixed.db');
    const r = sitrep(['ingest', folder, '--db', db]);
    expect(r.status).toBe(1);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toMatch(/b-empty\.txt.*empty/i);
    expect(errors.join('\n')).toMatch(/c-binary\.txt.*binary/i);
    expect(errors.join('\n')).toMatch(/d-unreadable\.txt/);
    expect(r.stdout).toMatch(/ingested 2 documents/);
  });

  it('ingest with nothing usable exits 2', () => {
    const r = sitrep(['ingest', join(dir, 'empty.txt'), '--db', join(dir, 'none.db')]);
    expect(r.status).toBe(2);
  });
});

describe('a killed ingest leaves no half-written document', () => {
  it('every stored document has all its rows after SIGKILL mid-run', async () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    for (let i = 0; i < 400; i++) {
      writeFileSync(
        join(folder, `doc-${String(i).padStart(4, '0')}.txt`),
        `${GOOD.replace('two', String(i + 2))}A second report number ${i} said the TTP claimed the attack in Peshawar.\n`,
      );
    }
    const db = join(dir, 'killed.db');
    const child = sitrepSpawn(['ingest', folder, '--db', db, '--quiet']);
    // Kill once some documents are committed (WAL has frames), well before all 400 are.
    await new Promise<void>((resolveWait, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        let n = 0;
        try {
          const probe = new Database(db, { readonly: true, fileMustExist: true });
          n = (probe.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
          probe.close();
        } catch {
          n = 0; // not created or not migrated yet
        }
        if (n >= 5) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolveWait();
        } else if (Date.now() - started > 60_000) {
          clearInterval(poll);
          child.kill('SIGKILL');
          reject(new Error('ingest stored nothing within 60 s'));
        }
      }, 20);
    });
    await new Promise((r) => child.on('exit', r));
    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const docs = check.prepare('SELECT id, extraction, entity_count, event_count FROM documents').all() as {
      id: string;
      extraction: string;
      entity_count: number;
      event_count: number;
    }[];
    expect(docs.length).toBeGreaterThanOrEqual(5);
    expect(docs.length).toBeLessThan(400);
    for (const d of docs) {
      const x = JSON.parse(d.extraction) as { entities: unknown[]; events: unknown[] };
      const ents = check.prepare('SELECT count(*) AS n FROM doc_entities WHERE doc_id = ?').get(d.id) as {
        n: number;
      };
      const evs = check.prepare('SELECT count(*) AS n FROM events WHERE doc_id = ?').get(d.id) as {
        n: number;
      };
      expect(ents.n).toBe(x.entities.length);
      expect(evs.n).toBe(x.events.length);
    }
    check.close();
    // The run can simply be repeated: it completes the rest without duplicates.
    const again = sitrep(['ingest', folder, '--db', db, '--quiet']);
    expect(again.status).toBe(0);
    const total = new Database(db, { readonly: true });
    expect((total.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(400);
    total.close();
  });
});
