/** Starts the app on a port (`sitrep serve`, `npm start`, the browser tests and the bench). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AppOptions } from './app.js';
import { createApp } from './app.js';

/** A running server and how to stop it. */
export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one) and resolves once it accepts connections. */
export function startServer(options: AppOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        const host = info.address.includes(':') ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      },
    );
    server.once('error', reject);
  });
}
