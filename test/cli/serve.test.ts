import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sitrep, sitrepSpawn } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
const db = join(dir, 'serve.db');
/** The example corpus's articles: what `ingest examples` stores. */
const exampleCount = readdirSync(join(ROOT, 'examples')).filter((d) =>
  existsSync(join(ROOT, 'examples', d, 'article.txt')),
).length;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  const r = sitrep(['ingest', join(ROOT, 'examples'), '--db', db]);
  expect(r.status).toBe(0);
});

/** Starts `sitrep serve` and resolves with its URL (read from the line it prints) and a stop function. */
function serve(args: readonly string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = sitrepSpawn(['serve', '--db', db, '--port', '0', ...args]);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /Sitrep workbench: (http:\/\/\S+?)\/ /.exec(stdout);
      if (m)
        resolve({
          url: m[1]!,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${stderr}`)));
  });
}

describe('sitrep serve', { timeout: 60_000 }, () => {
  it('answers the API from reader threads (--readers 2) as from the main thread (--readers 0)', async () => {
    const paths = ['/api/documents?limit=5', '/api/search?q=killed', '/api/events?limit=20'];
    const bodies: string[][] = [];
    for (const readers of ['2', '0']) {
      const s = await serve(['--readers', readers]);
      try {
        const got: string[] = [];
        for (const p of paths) {
          const res = await fetch(s.url + p);
          expect(res.status, p).toBe(200);
          got.push(await res.text());
        }
        bodies.push(got);
      } finally {
        await s.stop();
      }
    }
    expect(bodies[0]).toEqual(bodies[1]);
    expect(JSON.parse(bodies[0]![0]!)).toMatchObject({ total: exampleCount });
  });

  it('refuses a --readers value that is not a count', () => {
    const r = sitrep(['serve', '--db', db, '--readers', 'many']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/not a number of reader threads/);
  });
});
