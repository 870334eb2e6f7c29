/**
 * The safe fetcher: every fetch has limits on size (also after decompression), total time,
 * connect/idle time, redirects (each hop re-checked) and content type, and never connects to
 * loopback, private, link-local or unspecified addresses unless allowed. The check runs on the
 * address the socket actually connects to (custom DNS lookup), so DNS rebinding cannot slip past.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { SitrepError, type ErrorCode } from '../core/index.js';
import { isBlockedAddress } from './address.js';
import {
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_FETCH_BYTES,
  DEFAULT_MAX_REDIRECTS,
} from './limits.js';

/** Why a fetch was refused or failed. */
export type FetchFailure =
  | 'bad_url'
  | 'blocked_address'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'bad_content_type'
  | 'http_status'
  | 'decompression'
  | 'network';

/** A refused or failed fetch: `reason` says why, `url` is the hop that failed. */
export class FetchError extends SitrepError {
  readonly reason: FetchFailure;
  readonly url: string;

  constructor(reason: FetchFailure, url: string, message: string, options?: { cause?: unknown }) {
    const code: ErrorCode =
      reason === 'too_large'
        ? 'too_large'
        : reason === 'bad_content_type'
          ? 'unsupported_type'
          : reason === 'bad_url'
            ? 'bad_request'
            : 'unreadable';
    super(code, `${url}: ${message}`, options);
    this.name = 'FetchError';
    this.reason = reason;
    this.url = url;
  }
}

/** Limits and conditions for one fetch; every field has a safe default. */
export interface FetchOptions {
  /** Allow loopback/private/link-local targets (tests, intranets). Default false. */
  readonly allowPrivate?: boolean;
  /** `host:port` pairs allowed even when private (e.g. one local feed server). */
  readonly allowHosts?: readonly string[];
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  readonly idleTimeoutMs?: number;
  readonly maxRedirects?: number;
  /** Accepted media types (`text/html`, `application/rss+xml`…; `xml` matches any *xml type); default any. */
  readonly accept?: readonly string[];
  /** Conditional GET validators from the previous fetch. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly userAgent?: string;
  /** DNS lookup, replaceable in tests. */
  readonly lookup?: typeof dnsLookup;
}

/** A completed fetch. `notModified` is true for 304, with an empty body. */
export interface FetchResponse {
  /** The final URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly notModified: boolean;
  readonly body: Buffer;
  readonly contentType: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Every URL visited before the final one. */
  readonly redirects: readonly string[];
}

/** A fetch function with the safe fetcher's contract (injectable for tests and the poller). */
export type SafeFetch = (url: string, opts?: FetchOptions) => Promise<FetchResponse>;

const USER_AGENT = 'sitrep/0.1 (+https://github.com/sitrep; feed reader)';

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Parses and checks a URL: http(s) only, no credentials, no literal blocked address. */
function checkUrl(raw: string, opts: FetchOptions): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('bad_url', raw, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('bad_url', raw, `${url.protocol} URLs are not fetched; only http and https`);
  }
  if (url.username || url.password)
    throw new FetchError('bad_url', raw, 'URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isBlockedAddress(host) && !privateAllowed(url, opts)) throw blocked(url.href, host);
  return url;
}

function privateAllowed(url: URL, opts: FetchOptions): boolean {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return opts.allowPrivate === true || (opts.allowHosts ?? []).includes(`${url.hostname}:${port}`);
}

function blocked(url: string, address: string): FetchError {
  return new FetchError(
    'blocked_address',
    url,
    `refused: resolves to ${address}, a loopback/private/link-local address (use --allow-private to allow)`,
  );
}

/** A DNS lookup that fails when any resolved address is blocked, so the socket never reaches one. */
function guardedLookup(url: URL, opts: FetchOptions): LookupFunction {
  const resolve = opts.lookup ?? dnsLookup;
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const bad = privateAllowed(url, opts) ? undefined : addresses.find((a) => isBlockedAddress(a.address));
      if (bad) return callback(blocked(url.href, bad.address), '', 4);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

function mediaTypeOk(contentType: string | null, accept: readonly string[] | undefined): boolean {
  if (!accept || accept.length === 0 || !contentType) return true;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return accept.some((a) => (a === 'xml' ? /[/+]xml$/.test(type) : type === a));
}

function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createInflate();
  if (e === 'br') return zlib.createBrotliDecompress();
  return null;
}

/** One HTTP hop's outcome: a response to read, or a redirect target. */
interface Hop {
  readonly res: http.IncomingMessage;
  readonly req: http.ClientRequest;
  /** Why our timers destroyed the request, if they did (the stream then only says "aborted"). */
  readonly abort: { reason: FetchError | null };
}

function header(res: http.IncomingMessage, name: string): string | null {
  const v = res.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** Sends one request; resolves on response headers. The deadline and idle timers destroy it. */
function request(url: URL, opts: FetchOptions, deadline: number): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent ?? USER_AGENT,
      'accept-encoding': 'gzip, deflate, br',
      accept: (opts.accept ?? []).filter((a) => a !== 'xml').join(', ') || '*/*',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, { method: 'GET', headers, agent: false, lookup: guardedLookup(url, opts) });
    const abort: Hop['abort'] = { reason: null };
    const kill = (why: string): void => {
      abort.reason = timeout(url, why);
      req.destroy(abort.reason);
    };
    const idle = opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    const left = deadline - Date.now();
    const total = setTimeout(() => kill('total time limit reached'), Math.max(0, left));
    req.setTimeout(idle, () => kill(`no data for ${idle / 1000} s`));
    req.on('socket', (socket) => {
      const connect = setTimeout(() => kill(`could not connect within ${idle / 1000} s`), idle);
      socket.once('connect', () => clearTimeout(connect));
      socket.once('close', () => clearTimeout(connect));
    });
    req.on('close', () => clearTimeout(total));
    req.on('error', (err) =>
      reject(
        err instanceof FetchError ? err : new FetchError('network', url.href, err.message, { cause: err }),
      ),
    );
    req.on('response', (res) => resolve({ res, req, abort }));
    req.end();
  });
}

function timeout(url: URL, why: string): FetchError {
  return new FetchError('timeout', url.href, `timed out: ${why}`);
}

/** Reads a body through the decoder, counting decompressed bytes and aborting past the limit. */
function readBody({ res, req, abort }: Hop, url: URL, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(header(res, 'content-length') ?? NaN);
    if (declared > max) {
      req.destroy();
      return reject(
        new FetchError('too_large', url.href, `refused: ${mb(declared)} declared, over the ${mb(max)} limit`),
      );
    }
    const decode = decoder(header(res, 'content-encoding') ?? undefined);
    const stream: Readable = decode ? res.pipe(decode) : res;
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (err: FetchError): void => {
      req.destroy();
      decode?.destroy();
      reject(err);
    };
    const failWith = (err: Error, reason: FetchFailure, why: string): void =>
      fail(abort.reason ?? (err instanceof FetchError ? err : new FetchError(reason, url.href, why)));
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max)
        fail(
          new FetchError(
            'too_large',
            url.href,
            `refused: body over the ${mb(max)} limit${decode ? ' after decompression' : ''}`,
          ),
        );
      else chunks.push(chunk);
    });
    let ended = false;
    stream.on('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks));
    });
    // A connection dropped mid-body may close without an error event; never leave the promise hanging.
    res.on('close', () => {
      if (!ended && !res.complete)
        failWith(new Error('closed'), 'network', 'connection closed before the body was complete');
    });
    res.on('error', (err: Error) => failWith(err, 'network', err.message));
    if (decode)
      decode.on('error', (err: Error) =>
        failWith(err, 'decompression', `bad compressed body: ${err.message}`),
      );
  });
}

/** Fetches a URL within the limits of `opts`, following up to `maxRedirects` redirects, each re-checked. */
export async function safeFetch(rawUrl: string, opts: FetchOptions = {}): Promise<FetchResponse> {
  const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const visited: string[] = [];
  let url = checkUrl(rawUrl, opts);
  for (;;) {
    const hop = await request(url, opts, deadline);
    const { res, req } = hop;
    const status = res.statusCode ?? 0;
    const location = header(res, 'location');
    if (status >= 300 && status < 400 && status !== 304 && location) {
      res.resume();
      req.destroy();
      visited.push(url.href);
      const next = new URL(location, url).href;
      if (visited.includes(next))
        throw new FetchError(
          'redirect_loop',
          rawUrl,
          `refused: redirect loop (${visited.length} hops back to ${next})`,
        );
      if (visited.length > maxRedirects)
        throw new FetchError('too_many_redirects', rawUrl, `refused: more than ${maxRedirects} redirects`);
      url = checkUrl(next, opts);
      continue;
    }
    const meta = {
      url: url.href,
      status,
      contentType: header(res, 'content-type'),
      etag: header(res, 'etag'),
      lastModified: header(res, 'last-modified'),
      redirects: visited,
    };
    if (status === 304) {
      res.resume();
      return { ...meta, notModified: true, body: Buffer.alloc(0) };
    }
    if (status < 200 || status >= 300) {
      res.resume();
      req.destroy();
      throw new FetchError('http_status', url.href, `HTTP ${status} ${res.statusMessage ?? ''}`.trim());
    }
    if (!mediaTypeOk(meta.contentType, opts.accept)) {
      req.destroy();
      throw new FetchError(
        'bad_content_type',
        url.href,
        `refused: content type ${meta.contentType} is not one of ${opts.accept?.join(', ')}`,
      );
    }
    const body = await readBody(hop, url, opts.maxBytes ?? DEFAULT_MAX_FETCH_BYTES);
    return { ...meta, notModified: false, body };
  }
}

/** A SafeFetch with defaults (e.g. `allowPrivate` from the CLI) merged under each call's options. */
export function createSafeFetch(defaults: FetchOptions = {}): SafeFetch {
  return (url, opts = {}) => safeFetch(url, { ...defaults, ...opts });
}
