import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve/index.js';
import type { RunningServer } from '../../src/serve/index.js';
import type { Store } from '../../src/store/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { syntheticRecord, testIngester } from '../serve/synthetic.js';

/** Debian's Chromium (`apt-get install -y chromium`); the tests skip without it. */
const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const WEB_DIST = join(ROOT, 'web/dist');
const SHOTS = join(ROOT, 'test-results/screenshots');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM && process.env.CI)
  throw new Error(`CI must run the browser tests, but ${CHROMIUM} is absent: .ci/run installs it`);
if (!HAS_CHROMIUM) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

describe.skipIf(!HAS_CHROMIUM)('workbench in Chromium', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
    }
    dir = mkdtempSync(join(tmpdir(), 'sitrep-browser-'));
    mkdirSync(SHOTS, { recursive: true });
    store = openSqliteStore(join(dir, 'test.db'));
    for (let i = 0; i < 60; i++) await store.saveDocument(syntheticRecord(i));
    server = await startServer({
      store,
      ingest: testIngester,
      port: 0,
      host: '127.0.0.1',
      webRoot: WEB_DIST,
    });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1400, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shot = (name: string): Promise<Buffer> =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('opens the app with a strict CSP and lists documents', async () => {
    const res = await page.goto(`${server.url}/`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('table.docs tbody tr');
    expect(await page.locator('table.docs tbody tr').count()).toBe(50);
    await shot('documents');
  });

  it('searches, opens a document and shows highlighted mentions with their claims on hover', async () => {
    await page.fill('#global-search', 'Quetta');
    await page.press('#global-search', 'Enter');
    await page.waitForSelector('ol.hits li');
    expect(await page.locator('ol.hits mark').count()).toBeGreaterThan(0);
    await shot('search');
    await page.locator('ol.hits li a').first().click();
    await page.waitForSelector('#doc-text .mention');
    expect(await page.locator('#doc-text .mention.t-location').count()).toBeGreaterThan(0);
    expect(await page.locator('#doc-text .mention.t-group').count()).toBeGreaterThan(0);
    await page.locator('#doc-text .mention.t-group').first().hover();
    await expect.poll(() => page.locator('.hover-info .grade').count()).toBeGreaterThan(0);
    await shot('reader');
  });

  it('opens an entity profile from a mention, with claims, timeline and a map of its places', async () => {
    await page.locator('#doc-text .mention.t-group').first().click();
    await page.waitForSelector('section.entity h1');
    expect(await page.locator('section.entity td.grade').count()).toBeGreaterThan(0);
    expect(await page.locator('ol.timeline li').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.map circle.marker').count()).toBeGreaterThan(0);
    await shot('entity');
  });

  it('draws events on the map, province-level ones as rings, and the weekly timeline and graph', async () => {
    await page.goto(`${server.url}/#/map`);
    await page.waitForSelector('svg.map circle.marker');
    expect(await page.locator('svg.map circle.marker').count()).toBeGreaterThan(10);
    expect(await page.locator('svg.map .land path').count()).toBeGreaterThan(100);
    expect(await page.locator('svg.map circle.marker.area[data-precision="admin1"]').count()).toBeGreaterThan(
      0,
    );
    await shot('map');
    await page.goto(`${server.url}/#/timeline`);
    await page.waitForSelector('#timeline-chart');
    await page.waitForTimeout(300);
    await shot('timeline');
    await page.goto(`${server.url}/#/graph`);
    await page.waitForSelector('svg.graph circle.node');
    expect(await page.locator('svg.graph line').count()).toBeGreaterThan(0);
    await shot('graph');
  });

  it('corrects an event, and the correction persists after a reload and shows in the audit trail', async () => {
    await page.goto(`${server.url}/#/events`);
    await page.waitForSelector('table.events tbody tr');
    const row = page.locator('table.events tbody tr').first();
    const id = await row.getAttribute('data-event');
    await row.locator('button.edit').click();
    await page.fill('input[name="edit-killed"]', '77');
    await page.fill('input[name="note"]', 'recount from hospital');
    await page.locator('button.save').click();
    await expect.poll(() => page.locator(`tr[data-event="${id}"] td.killed`).textContent()).toBe('77');
    await shot('events');
    await page.reload();
    await page.waitForSelector(`tr[data-event="${id}"]`);
    expect(await page.locator(`tr[data-event="${id}"] td.killed`).textContent()).toBe('77');
    await page.goto(`${server.url}/#/review`);
    await page.waitForSelector('table.corrections tbody tr');
    expect(await page.locator('table.corrections tbody tr').first().textContent()).toContain(
      'recount from hospital',
    );
    await shot('review');
  });

  it('renders hostile article text as text: no script runs, no dialog opens', async () => {
    const hostile =
      'QUETTA: Officials in Quetta said <script>window.__pwned = 1; alert(1)</script> nothing. ' +
      '<img src=x onerror="window.__pwned = 2; alert(2)"> A <a href="javascript:window.__pwned=3;alert(3)">link</a> ' +
      'and javascript:alert(4) were in the text. <svg onload="alert(5)"></svg>';
    const post = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: hostile, title: '<img src=x onerror=alert(6)>' }),
    });
    expect(post.status).toBe(201);
    expect(post.headers.get('content-security-policy')).toContain("default-src 'self'");
    const { id } = (await post.json()) as { id: string };
    const htmlPost = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        html: `<html><body><article><p>${hostile}</p><p>Residents of Quetta described the scene at length to reporters on the day.</p></article></body></html>`,
      }),
    });
    expect(htmlPost.status).toBe(201);
    await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}`);
    await page.waitForSelector('#doc-text .mention');
    await page.locator('#doc-text .mention').first().hover();
    const text = await page.locator('#doc-text').textContent();
    expect(text).toContain('<script>window.__pwned = 1');
    expect(text).toContain('<img src=x onerror=');
    expect(await page.locator('h1').first().textContent()).toContain('<img src=x onerror=alert(6)>');
    expect(
      await page
        .locator('#doc-text script, #doc-text img, #doc-text svg, #doc-text a[href^="javascript"], h1 img')
        .count(),
    ).toBe(0);
    await page.goto(`${server.url}/#/search?q=pwned`);
    await page.waitForSelector('ol.hits li');
    await shot('safety');
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('serves the API docs page under the same CSP, and nothing violated the policy', async () => {
    const res = await page.goto(`${server.url}/api/docs`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 20_000 });
    await shot('api-docs');
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
