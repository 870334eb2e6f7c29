/** The workbench (web/dist) and the API docs page (swagger-ui-dist from node_modules), served as files. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';

/** The repository (package) root: two levels above this file in src/serve and in dist/serve alike. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm run build:web` puts the workbench. */
export const DEFAULT_WEB_ROOT = join(PACKAGE_ROOT, 'web', 'dist');

/** The docs page: Swagger UI, loaded from this server only; its start-up code is a file, not an inline script. */
const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sitrep API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

/** Serves the docs page and the workbench; `webRoot` null serves no workbench (API only). */
export function mountStatic(app: OpenAPIHono, webRoot: string | null): void {
  const swaggerRoot = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/init.js', (c) =>
    c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.use(
    '/api/docs/assets/*',
    serveStatic({ root: swaggerRoot, rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, '') }),
  );
  const index = webRoot ? join(webRoot, 'index.html') : null;
  if (!webRoot || !index || !existsSync(index)) {
    app.get('/', (c) =>
      c.text(
        'The workbench is not built: run `npm run build:web`. The API is at /api (docs: /api/docs).',
        503,
      ),
    );
    return;
  }
  app.use('/assets/*', serveStatic({ root: webRoot }));
  app.use('/favicon.svg', serveStatic({ root: webRoot }));
  const html = readFileSync(index, 'utf8');
  // Every other GET outside /api is a workbench route (the app routes by URL hash, so this is just "/").
  app.get('/', (c) => c.html(html));
}
