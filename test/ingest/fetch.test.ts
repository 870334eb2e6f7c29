import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, isBlockedAddress, safeFetch, type FetchOptions } from '../../src/ingest/index.js';
import { startServer, streamBytes, type TestServer } from './server.js';

let server: TestServer;
let internal: TestServer;
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MB of zeros in ~64 KB

beforeAll(async () => {
  internal = await startServer({
    '/secret': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>internal</p>'),
  });
  server = await startServer({
    '/ok': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          etag: '"v1"',
          'last-modified': 'Fri, 14 Mar 2025 03:30:00 GMT',
        })
        .end('<p>hello</p>');
    },
    '/gzip': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        .end(gzipSync('<p>compressed</p>')),
    '/big': (_q, res) => streamBytes(res, 50 * 1024 * 1024, 'a', 'application/rss+xml'),
    '/big-declared': (_q, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }).end(),
    '/bomb': (_q, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(BOMB),
    '/hang': () => undefined,
    '/trickle': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => res.write('.'), 100);
      res.on('close', () => clearInterval(t));
    },
    '/loop/a': (_q, res) => res.writeHead(302, { location: '/loop/b' }).end(),
    '/loop/b': (_q, res) => res.writeHead(302, { location: '/loop/a' }).end(),
    '/hop/*': (req, res) =>
      res.writeHead(301, { location: `/hop/${Number(req.url!.split('/').pop()) + 1}` }).end(),
    '/to-internal': (_q, res) => res.writeHead(302, { location: `${internal.base}/secret` }).end(),
    '/video': (_q, res) => res.writeHead(200, { 'content-type': 'video/mp4' }).end('x'),
    '/500': (_q, res) => res.writeHead(500).end(),
  });
});
afterAll(async () => {
  await server.close();
  await internal.close();
});

/** The test server is allowed by host:port; every other private address stays blocked. */
function opts(extra: FetchOptions = {}): FetchOptions {
  return { allowHosts: [server.hostPort], timeoutMs: 2000, idleTimeoutMs: 700, ...extra };
}

async function refusal(url: string, o: FetchOptions = opts()): Promise<FetchError> {
  const err: unknown = await safeFetch(url, o).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('safeFetch', () => {
  it('fetches, decompresses, and does conditional GET', async () => {
    const first = await safeFetch(`${server.base}/ok`, opts());
    expect(first.body.toString()).toBe('<p>hello</p>');
    expect(first.etag).toBe('"v1"');
    const again = await safeFetch(`${server.base}/ok`, opts({ etag: first.etag }));
    expect(again.notModified).toBe(true);
    expect((await safeFetch(`${server.base}/gzip`, opts())).body.toString()).toBe('<p>compressed</p>');
  });

  it('refuses a 50 MB body at the 5 MB limit', async () => {
    const t0 = performance.now();
    const err = await refusal(`${server.base}/big`);
    expect([err.reason, err.code]).toEqual(['too_large', 'too_large']);
    expect(err.message).toContain('over the 5.0 MB limit');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect((await refusal(`${server.base}/big-declared`)).message).toContain('50.0 MB declared');
  });

  it('refuses a gzip bomb by counting decompressed bytes', async () => {
    const err = await refusal(`${server.base}/bomb`);
    expect(err.reason).toBe('too_large');
    expect(err.message).toContain('after decompression');
  });

  it('gives up on a server that never answers, and on one that trickles forever', async () => {
    const t0 = performance.now();
    const hang = await refusal(`${server.base}/hang`);
    expect(hang.reason).toBe('timeout');
    expect(hang.message).toMatch(/timed out: no data for 0.7 s/);
    const trickle = await refusal(`${server.base}/trickle`, opts({ timeoutMs: 800 }));
    expect(trickle.message).toMatch(/timed out: total time limit/);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('stops redirect loops and long redirect chains', async () => {
    expect((await refusal(`${server.base}/loop/a`)).reason).toBe('redirect_loop');
    const chain = await refusal(`${server.base}/hop/0`);
    expect(chain.reason).toBe('too_many_redirects');
    expect(chain.message).toContain('more than 5 redirects');
  });

  it('refuses loopback/private targets, including after a redirect, unless allowed', async () => {
    const direct = await refusal(`${internal.base}/secret`);
    expect(direct.reason).toBe('blocked_address');
    expect(direct.message).toMatch(/127\.0\.0\.1.*--allow-private/);
    expect((await refusal(`${server.base}/to-internal`)).reason).toBe('blocked_address');
    const byName = await refusal(`http://localhost:${internal.hostPort.split(':')[1]}/secret`);
    expect(byName.reason).toBe('blocked_address');
    const allowed = await safeFetch(`${internal.base}/secret`, opts({ allowPrivate: true }));
    expect(allowed.body.toString()).toBe('<p>internal</p>');
    expect(internal.hits.get('/secret')).toBe(1);
  });

  it('refuses wrong content types, bad schemes and HTTP errors', async () => {
    expect((await refusal(`${server.base}/video`, opts({ accept: ['text/html'] }))).reason).toBe(
      'bad_content_type',
    );
    expect((await refusal('file:///etc/passwd')).reason).toBe('bad_url');
    expect((await refusal(`${server.base}/500`)).message).toContain('HTTP 500');
  });
});

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['0.0.0.0', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:10.0.0.1', true],
    ['[::1]', true],
    ['not-an-ip', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
    ['::ffff:8.8.8.8', false],
  ])('%s → %s', (ip, blocked) => expect(isBlockedAddress(ip)).toBe(blocked));
});
