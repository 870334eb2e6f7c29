/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- response bodies are untyped JSON; the assertions check their shape */
/** The API's view across documents: fused incidents with their reports and grade, and contradiction records. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/index.js';
import { PESHAWAR, ZADRAN } from '../fusion/articles.js';
import { tempStore } from '../fusion/helpers.js';
import { testIngester } from './synthetic.js';

const t = tempStore();
let app: ReturnType<typeof createApp>;
let ids: string[] = [];

beforeAll(async () => {
  ids = await t.ingest(...PESHAWAR, ...ZADRAN);
  app = createApp({ store: t.store, ingest: testIngester, webRoot: null });
});
afterAll(() => t.done());

const get = async (path: string): Promise<{ status: number; body: any }> => {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
};

describe('fusion over HTTP', () => {
  it('lists one incident for three reports of the Peshawar bombing, with its summary', async () => {
    const { status, body } = await get(`/api/fused-events?doc=${encodeURIComponent(ids[0]!)}`);
    expect(status).toBe(200);
    const bombing = body.items.find((f: any) => f.reports.length === 3);
    expect(bombing).toBeDefined();
    expect(bombing.summary.fatalities).toMatchObject({ best: 12 });
    expect(bombing.summary.grade).toMatch(/^[A-F][1-6]$/);
    const one = await get(`/api/fused-events/${encodeURIComponent(bombing.id)}`);
    expect(one.body.reports).toHaveLength(3);
    expect((await get('/api/fused-events/fev:nope')).status).toBe(404);
    expect((await get('/api/fused-events?doc=ffffffffffff')).body.error.code).toBe('not_found');
  });

  it('serves the alive-vs-dead contradiction with both sides and their evidence', async () => {
    const { status, body } = await get('/api/contradictions');
    expect(status).toBe(200);
    const status_ = body.items.find((c: any) => c.kind === 'status');
    expect(status_.subject.name).toMatch(/Zadran/);
    expect(new Set([status_.a.docId, status_.b.docId])).toEqual(new Set([ids[3], ids[4]]));
    expect(status_.a.evidence[0].text.length).toBeGreaterThan(0);
    const onlyFigures = await get('/api/contradictions?kind=fatalities');
    expect(onlyFigures.body.items.every((c: any) => c.kind === 'fatalities')).toBe(true);
    expect((await get('/api/contradictions?kind=weather')).status).toBe(400);
  });
});
