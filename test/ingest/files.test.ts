import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SitrepError } from '../../src/core/index.js';
import { countInputs, readInput, readInputs, type InputResult } from '../../src/ingest/index.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-ingest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

async function rejection(p: Promise<unknown>): Promise<SitrepError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SitrepError);
  return err as SitrepError;
}

async function collect(paths: string[]): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of readInputs(paths)) out.push(r);
  return out;
}

const ARTICLE =
  'QUETTA: Gunmen killed two policemen at a checkpoint on Monday, officials said.\nThe attackers fled.';

describe('readInput: bad files give one-line errors naming the file', () => {
  it('empty and whitespace-only files → empty_input', async () => {
    for (const [name, content] of [
      ['empty.txt', ''],
      ['blank.txt', ' \n\t\n '],
    ] as const) {
      const err = await rejection(readInput(await file(name, content)));
      expect(err.code).toBe('empty_input');
      expect(err.message).toContain(name);
      expect(err.message).not.toContain('\n');
    }
  });

  it('binary files (NUL bytes, control characters, magic numbers) → binary_input', async () => {
    const nul = Buffer.from('some text\u0000\u0000\u0001more', 'latin1');
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    for (const [name, bytes, reason] of [
      ['nul.txt', nul, 'NUL'],
      ['ctrl.txt', controls, 'control characters'],
      ['doc.txt', pdf, 'PDF'],
      ['img.html', png, 'PNG'],
    ] as const) {
      const err = await rejection(readInput(await file(name, bytes)));
      expect(err.code).toBe('binary_input');
      expect(err.message).toContain(name);
      expect(err.message).toContain(reason);
    }
  });

  it('a 50 MB file → too_large before it is read', async () => {
    const path = join(dir, 'big.txt');
    execFileSync('truncate', ['-s', String(50 * 1024 * 1024), path]);
    const t0 = performance.now();
    const err = await rejection(readInput(path));
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/big\.txt: 50\.0 MB is over the 20\.0 MB limit/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('invalid UTF-8 that is not another charset → invalid_encoding with the byte offset', async () => {
    // A UTF-8 em dash with its last byte cut off, as a truncated copy-paste produces.
    const bytes = Buffer.concat([
      Buffer.from('Kabul '),
      Buffer.from([0xe2, 0x80]),
      Buffer.from(' five people were killed.'),
    ]);
    const err = await rejection(readInput(await file('broken.txt', bytes)));
    expect(err.code).toBe('invalid_encoding');
    expect(err.message).toMatch(/broken\.txt: invalid UTF-8 at byte 6/);
  });

  it('a folder given to readInput → unsupported_type; a missing file → unreadable', async () => {
    expect((await rejection(readInput(dir))).code).toBe('unsupported_type');
    expect((await rejection(readInput(join(dir, 'nope.txt')))).code).toBe('unreadable');
  });
});

describe('readInput: encodings and normalisation', () => {
  it('windows-1252 keeps curly quotes, dashes and accents', async () => {
    const bytes = Buffer.from([
      ...Buffer.from('PESHAWAR: The minister said the attack was '),
      0x93,
      ...Buffer.from('cowardly'),
      0x94,
      0x20,
      0x96,
      ...Buffer.from(' a caf'),
      0xe9,
      ...Buffer.from(' was hit.'),
    ]);
    const doc = await readInput(await file('cp1252.txt', bytes));
    expect(doc.text).toBe('PESHAWAR: The minister said the attack was “cowardly” – a café was hit.');
    expect(doc.dateline).toBe('PESHAWAR');
  });

  it('UTF-16 LE and BE with BOM decode', async () => {
    const text = 'KABUL: Gunmen attacked a clinic — “three” staff were hurt.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect((await readInput(await file('le.txt', le))).text).toBe(text);
    expect((await readInput(await file('be.txt', be))).text).toBe(text);
  });

  it('text is NFC, CRLF becomes LF, a UTF-8 BOM is dropped', async () => {
    const doc = await readInput(
      await file('nfd.txt', '\ufeffCafe\u0301 attack in Que\u0301bec\r\nSecond line here.'),
    );
    expect(doc.text).toBe('Café attack in Québec\nSecond line here.');
    expect(doc.text.normalize('NFC')).toBe(doc.text);
  });

  it('an HTML page with a windows-1252 <meta charset> decodes as declared', async () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>T</title></head><body><p>'),
      Buffer.from([0x93]),
      Buffer.from('Militants'),
      Buffer.from([0x94]),
      Buffer.from(' struck a convoy near the border on Sunday, killing four soldiers.</p></body></html>'),
    ]);
    expect((await readInput(await file('page.htm', html))).text).toContain('“Militants” struck');
  });

  it('a title line and the dateline after it are read from plain text', async () => {
    const doc = await readInput(await file('titled.txt', `Two policemen killed in Quetta\n\n${ARTICLE}`), {
      outlet: 'Dawn',
    });
    expect(doc.title).toBe('Two policemen killed in Quetta');
    expect(doc.dateline).toBe('QUETTA');
    expect(doc.text.slice(doc.datelineSpan!.start, doc.datelineSpan!.end)).toBe('QUETTA:');
    expect(doc.outlet).toBe('Dawn');
    expect(doc.language).toBe('en');
  });

  it('Markdown front matter and heading give metadata; the text loses the markup', async () => {
    const md =
      '---\ntitle: "Blast in Kabul"\npublished: 2025-01-02\noutlet: TOLOnews\n---\n# Blast in Kabul\n\nKABUL: A **blast** near a [mosque](https://x.example) killed\nsix people on Friday.\n\n- first item\n- second item\n';
    const doc = await readInput(await file('a.md', md));
    expect(doc.title).toBe('Blast in Kabul');
    expect(doc.published).toBe('2025-01-02');
    expect(doc.outlet).toBe('TOLOnews');
    expect(doc.text).toBe(
      'Blast in Kabul\nKABUL: A blast near a mosque killed six people on Friday.\nfirst item\nsecond item',
    );
    expect(doc.dateline).toBe('KABUL');
  });

  it('CLI overrides win over what the file says', async () => {
    const doc = await readInput(await file('o.txt', ARTICLE), {
      title: 'T',
      url: 'https://x.example/a',
      published: '2025-02-03',
    });
    expect([doc.title, doc.url, doc.published]).toEqual(['T', 'https://x.example/a', '2025-02-03']);
  });
});

describe('readInputs: folders, JSONL, skipped and unreadable entries', () => {
  let root: string;
  beforeAll(async () => {
    root = join(dir, 'corpus');
    await file('corpus/b.txt', ARTICLE);
    await file(
      'corpus/a/one.html',
      '<html><body><article><p>NEW DELHI: Police arrested four suspects in connection with the bombing of a market, officials said on Tuesday. The suspects were produced before a court.</p></article></body></html>',
    );
    await file('corpus/a/notes.csv', 'a,b\n1,2\n');
    await file('corpus/.hidden.txt', 'ignored');
    await file('corpus/empty.txt', '');
    await file(
      'corpus/bulk.jsonl',
      [
        JSON.stringify({
          text: 'MOGADISHU, Somalia (Reuters) - A car bomb killed at least seven people on Saturday.',
          title: 'Car bomb',
          published: '2025-03-01T09:00:00Z',
          outlet: 'Reuters',
          url: 'https://r.example/1',
        }),
        '{"text": "unterminated',
        '',
        JSON.stringify({
          html: '<p>QUETTA: Four people were killed when a bomb exploded in a crowded market on Friday evening.</p>',
          title: 'Market blast',
        }),
        JSON.stringify({ title: 'no body' }),
        '[1,2]',
      ].join('\n'),
    );
    // Unreadable entries. Tests run as root, where chmod 000 does not block reads, so the
    // unreadable file is simulated with a dangling symlink (ENOENT on open) and a FIFO
    // (not a regular file; reading it would block). chmod 000 is also applied for non-root runs.
    await symlink(join(root, 'gone.txt'), join(root, 'a', 'dangling.txt'));
    execFileSync('mkfifo', [join(root, 'a', 'pipe.txt')]);
    await chmod(await file('corpus/a/locked.txt', ARTICLE), 0o000);
  });

  it('reads every usable input in sorted order and reports each bad one with a reason', async () => {
    const results = await collect([root]);
    const summary = results.map((r) =>
      r.ok
        ? `ok ${r.doc.origin.slice(root.length + 1)}`
        : `${r.code} ${r.origin.slice(root.length + 1)}${r.line ? `:${r.line}` : ''}`,
    );
    const locked = process.getuid?.() === 0 ? 'ok a/locked.txt' : 'unreadable a/locked.txt';
    expect(summary).toEqual([
      'unreadable a/dangling.txt',
      locked,
      'unsupported_type a/notes.csv',
      'ok a/one.html',
      'unreadable a/pipe.txt',
      'ok b.txt',
      'ok bulk.jsonl:1',
      'bad_request bulk.jsonl:2',
      'ok bulk.jsonl:4',
      'empty_input bulk.jsonl:5',
      'bad_request bulk.jsonl:6',
      'empty_input empty.txt',
    ]);
    for (const r of results) if (!r.ok) expect(r.message).toMatch(/^\S.*: .+/);
    const bad = results.find((r) => !r.ok && r.line === 2);
    expect(bad && !bad.ok && bad.message).toMatch(/bulk\.jsonl line 2: not valid JSON/);
    const pipe = results.find((r) => !r.ok && r.origin.endsWith('pipe.txt'));
    expect(pipe && !pipe.ok && pipe.message).toContain('not a regular file');
  });

  it('JSONL metadata is kept per line', async () => {
    const docs = (await collect([join(root, 'bulk.jsonl')])).flatMap((r) => (r.ok ? [r.doc] : []));
    expect(docs.map((d) => [d.title, d.published, d.outlet, d.dateline])).toEqual([
      ['Car bomb', '2025-03-01', 'Reuters', 'MOGADISHU'],
      ['Market blast', null, null, 'QUETTA'],
    ]);
  });

  it('countInputs counts the files readInputs will open', async () => {
    // 7 files with readable extensions (the .csv is skipped unopened, dot-files are left out).
    expect(await countInputs([root])).toBe(7);
  });
});
