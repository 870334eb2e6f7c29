import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { openSqliteStore } from '../../store/sqlite/index.js';
import { dbPath, out, withDbOption } from '../context.js';

interface ServeOpts {
  db?: string;
  port: number;
  host: string;
  readers?: number;
}

/** `sitrep serve`: the HTTP API and the workbench, on 127.0.0.1 unless told otherwise. */
export function registerServe(program: Command): void {
  withDbOption(program.command('serve').description('serve the HTTP API and the analyst workbench'))
    .option('--port <n>', 'TCP port (0 picks a free one)', parsePort, 8080)
    .option('--host <address>', 'address to listen on; 0.0.0.0 exposes it to the network', '127.0.0.1')
    .option(
      '--readers <n>',
      'reader threads answering GET /api/* (default: one per core, at most 4; 0 answers on the main thread)',
      parseReaders,
    )
    .addHelpText(
      'after',
      '\nThe API is under /api (OpenAPI: /api/openapi.json, docs: /api/docs).\n\nExample:\n  sitrep serve --port 8080 --db sitrep.db',
    )
    .action(async (opts: ServeOpts) => {
      const store = openSqliteStore(dbPath(opts));
      const { defaultReaders, startServer } = await import('../../serve/index.js');
      const readers = opts.readers ?? defaultReaders();
      const server = await startServer({ store, port: opts.port, host: opts.host, readers });
      out(
        `Sitrep workbench: ${server.url}/  (API docs: ${server.url}/api/docs; database ${dbPath(opts)}; Ctrl-C stops)`,
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void server
            .close()
            .then(() => store.close())
            .then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function parseReaders(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new InvalidArgumentError(`"${value}" is not a number of reader threads (0-64)`);
  return n;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`"${value}" is not a port number (0-65535)`);
  return n;
}
