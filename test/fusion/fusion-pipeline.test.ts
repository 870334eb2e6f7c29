import { afterEach, describe, expect, it } from 'vitest';
import { summarizeFused } from '../../src/grade/fusion/index.js';
import type { FusedEvent } from '../../src/store/index.js';
import { BANNU, JALALABAD, PESHAWAR, PESHAWAR_COPY, QUETTA_GRENADES, ZADRAN } from './articles.js';
import { exampleArticle, tempStore } from './helpers.js';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

function open(): ReturnType<typeof tempStore> {
  const t = tempStore();
  cleanup = t.done;
  return t;
}

/** The fused events that have a report of this category. */
async function ofCategory(list: Promise<FusedEvent[]>, category: string): Promise<FusedEvent[]> {
  return (await list).filter((f) => f.category === category);
}

describe('event fusion through the pipeline', { timeout: 60_000 }, () => {
  it('fuses one incident told in different words by three outlets into one event with three reports', async () => {
    const { store, ingest } = open();
    const ids = await ingest(...PESHAWAR);
    const fused = await ofCategory(store.listFusedEvents(), 'explosions_remote_violence');
    expect(fused).toHaveLength(1);
    const [f] = fused;
    expect(f?.reports.map((r) => r.docId).sort()).toEqual([...ids].sort());
    expect(f?.independentReports).toBe(3);
    expect(f?.contradictions).toBe(0);
    // Three independent stories from reliable sources and no contradiction: confirmed.
    const summary = summarizeFused({
      reports: f?.reports ?? [],
      contradictionKinds: f?.contradictionKinds ?? [],
    });
    expect(summary.credibility).toBe(1);
    expect(summary.fatalities).toMatchObject({ min: 12, max: 12, best: 12 });
  });

  it('counts a syndicated copy (same story) as one report', async () => {
    const { store, ingest } = open();
    const [first, copy] = await ingest(PESHAWAR[0], PESHAWAR_COPY, PESHAWAR[1]);
    const [f] = await ofCategory(store.listFusedEvents(), 'explosions_remote_violence');
    expect(f?.reports).toHaveLength(3);
    expect(f?.independentReports).toBe(2);
    const stories = new Set(
      f?.reports.filter((r) => r.docId === first || r.docId === copy).map((r) => r.storyId),
    );
    expect(stories.size).toBe(1);
    const summary = summarizeFused({ reports: f?.reports ?? [] });
    expect(summary.independentReports).toBe(2);
    expect(summary.credibility).toBe(2);
  });

  it('keeps two incidents at the same place a day apart apart', async () => {
    const { store, ingest } = open();
    await ingest(...QUETTA_GRENADES);
    const fused = await ofCategory(store.listFusedEvents(), 'explosions_remote_violence');
    expect(fused).toHaveLength(2);
    expect(fused.every((f) => f.reports.length === 1)).toBe(true);
    expect(new Set(fused.map((f) => f.reports[0]?.event.date.start)).size).toBe(2);
  });

  it('records differing tolls published the same day as a fatalities contradiction, both sides with evidence', async () => {
    const { store, ingest } = open();
    const [a, b] = await ingest(...JALALABAD);
    const [f] = await ofCategory(store.listFusedEvents(), 'explosions_remote_violence');
    expect(f?.reports).toHaveLength(2);
    const records = await store.listContradictionRecords();
    expect(records).toHaveLength(1);
    const [c] = records;
    expect(c).toMatchObject({
      kind: 'fatalities',
      fusedId: f?.id,
      a: { docId: a, value: '30' },
      b: { docId: b, value: '45' },
    });
    expect(c?.a.evidence[0]?.text).toContain('30 people were killed');
    expect(c?.b.evidence[0]?.text).toContain('killing 45 people');
    // Conservative best estimate: the lowest credible figure; both figures kept.
    const summary = summarizeFused({
      reports: f?.reports ?? [],
      contradictionKinds: f?.contradictionKinds ?? [],
    });
    expect(summary.fatalities).toMatchObject({ min: 30, max: 45, best: 30 });
    // Each report keeps its own figure: nothing overwritten.
    expect(f?.reports.map((r) => r.event.fatalities?.min).sort()).toEqual([30, 45]);
  });

  it('puts a denial into the same event as a contrary report, not a second event', async () => {
    const { store, ingest } = open();
    await ingest(...BANNU);
    const fused = await ofCategory(store.listFusedEvents(), 'explosions_remote_violence');
    expect(fused).toHaveLength(1);
    const [f] = fused;
    expect(f?.reports).toHaveLength(2);
    const summary = summarizeFused({ reports: f?.reports ?? [] });
    expect(summary.reason).toMatch(/contrary/);
    expect(summary.credibility).toBeGreaterThanOrEqual(4);
  });

  it('records a person reported killed in one document and alive in another', async () => {
    const { store, ingest } = open();
    const [dead, alive] = await ingest(...ZADRAN);
    const records = await store.listContradictionRecords({ kind: 'status' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: 'status',
      a: { docId: dead, value: 'dead' },
      b: { docId: alive, value: 'alive' },
    });
    expect(records[0]?.subject?.name).toMatch(/Zadran/);
    expect(records[0]?.b.evidence[0]?.text).toContain('is alive');
  });

  it('does not fuse an undated event, and says why', async () => {
    const { store, ingest } = open();
    await ingest(ZADRAN[1]);
    const all = await store.listFusedEvents();
    const undated = all.flatMap((f) => f.reports).filter((r) => !r.event.date.start);
    expect(undated.length).toBeGreaterThan(0);
    for (const r of undated) expect(r.reason).toMatch(/^not fused: no date/);
  });

  it('is idempotent: re-ingesting a report does not add a report or a contradiction', async () => {
    const { store, ingest } = open();
    await ingest(...JALALABAD);
    await ingest(JALALABAD[1]);
    const [f] = await ofCategory(store.listFusedEvents(), 'explosions_remote_violence');
    expect(f?.reports).toHaveLength(2);
    expect(await store.listContradictionRecords()).toHaveLength(1);
  });

  it('fuses the Quetta first report and the next-day toll rise: range 9–14, a revision, no contradiction', async () => {
    const { store, ingest } = open();
    await ingest(
      exampleArticle('quetta-sariab-blast-first-report'),
      exampleArticle('quetta-sariab-blast-toll-rises'),
    );
    const [f] = await ofCategory(store.listFusedEvents(), 'explosions_remote_violence');
    expect(f?.reports).toHaveLength(2);
    expect(f?.independentReports).toBe(2);
    expect(f?.contradictions).toBe(0);
    expect(await store.listContradictionRecords()).toEqual([]);
    const revisions = await store.listContradictionRecords({ includeRevisions: true });
    expect(revisions.map((r) => [r.kind, r.a.value, r.b.value])).toEqual([['revision', '9', '14']]);
    const summary = summarizeFused({ reports: f?.reports ?? [] });
    expect(summary.fatalities).toMatchObject({ min: 9, max: 14, best: 14, superseded: [9] });
  });
});
