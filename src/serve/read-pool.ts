/**
 * Read requests off the event loop: a few worker threads, each running the same app on its own
 * read-only connection to the database file (WAL lets readers run beside the writer). The main
 * thread forwards GET /api/* requests and gets back the finished body, so querying and JSON
 * encoding of concurrent reads happen in parallel; writes stay on the main thread's connection.
 */
import { extname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A request as the main thread passes it to a worker. */
export interface ForwardedRequest {
  readonly id: number;
  readonly url: string;
  readonly headers: [string, string][];
}

/** A worker's answer: the whole response, its body as bytes. */
export interface ForwardedResponse {
  readonly id: number;
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: ArrayBuffer;
}

/** What each worker opens: the database file and the workbench's web root (for the same app). */
export interface ReadWorkerData {
  readonly dbPath: string;
}

interface Slot {
  readonly worker: Worker;
  busy: number;
  /** Requests sent and not answered yet. */
  readonly pending: Set<number>;
  dead: boolean;
}

/** A pool of reader threads; `fetch` answers a GET request on the least busy one. */
export class ReadPool {
  private readonly slots: Slot[];
  private readonly waiting = new Map<number, (r: ForwardedResponse) => void>();
  private nextId = 1;

  constructor(dbPath: string, size: number) {
    const workerData: ReadWorkerData = { dbPath };
    this.slots = Array.from({ length: size }, () => {
      const worker = startWorker(workerData);
      const slot: Slot = { worker, busy: 0, pending: new Set(), dead: false };
      worker.on('message', (r: ForwardedResponse) => {
        slot.busy--;
        slot.pending.delete(r.id);
        // An idle reader does not keep the process alive; one with work does.
        if (!slot.pending.size) worker.unref();
        this.settle(r);
      });
      // A reader that dies answers its open requests with an error and takes no more.
      const fail = (why: string): void => {
        if (!slot.dead) process.stderr.write(`sitrep: reader thread stopped: ${why}\n`);
        slot.dead = true;
        for (const id of slot.pending) this.settle(failure(id, why));
        slot.pending.clear();
      };
      worker.on('error', (err) => fail(err.message));
      worker.on('exit', (code) => fail(`reader thread exited with code ${code}`));
      slot.worker.unref();
      return slot;
    });
  }

  /** Answers the request in a worker. */
  async fetch(req: Request): Promise<Response> {
    const live = this.slots.filter((s) => !s.dead);
    const slot = live.reduce<Slot | undefined>((a, b) => (a && a.busy <= b.busy ? a : b), undefined);
    const id = this.nextId++;
    if (!slot) return toResponse(failure(id, 'no reader thread is running'));
    const answer = new Promise<ForwardedResponse>((resolve) => this.waiting.set(id, resolve));
    slot.busy++;
    slot.pending.add(id);
    slot.worker.ref();
    const message: ForwardedRequest = { id, url: req.url, headers: [...req.headers.entries()] };
    slot.worker.postMessage(message);
    return toResponse(await answer);
  }

  private settle(r: ForwardedResponse): void {
    this.waiting.get(r.id)?.(r);
    this.waiting.delete(r.id);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    for (const s of this.slots) s.dead = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** Starts a reader; from TypeScript sources (tsx, vitest) it first registers tsx's loader in the thread. */
function startWorker(workerData: ReadWorkerData): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const script = new URL(`./read-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(script, { workerData });
  // require.resolve finds tsx's CommonJS entry; its ES module build sits beside it.
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(api).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

function toResponse(r: ForwardedResponse): Response {
  // Bytes as a Uint8Array and headers as a plain object: @hono/node-server writes such a response
  // straight to the socket, where an ArrayBuffer body would be read back through a web stream.
  return new Response(r.status === 204 || r.status === 304 ? null : new Uint8Array(r.body), {
    status: r.status,
    headers: Object.fromEntries(r.headers),
  });
}

/** A JSON error in the API's shape, for a request no reader could answer. */
function failure(id: number, message: string): ForwardedResponse {
  const body = new TextEncoder().encode(JSON.stringify({ error: { code: 'internal', message } }));
  return {
    id,
    status: 500,
    headers: [['content-type', 'application/json; charset=utf-8']],
    body: body.buffer,
  };
}
