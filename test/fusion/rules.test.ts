import { describe, expect, it } from 'vitest';
import { corroboratedCredibility, estimateFigure } from '../../src/grade/fusion/index.js';
import type { FigureReport } from '../../src/grade/fusion/index.js';
import { compareReports, matchReports, unfusableReason } from '../../src/store/sqlite/fusion-rules.js';
import type { FusionView, PlaceView } from '../../src/store/sqlite/fusion-rules.js';

const CITY: PlaceView = {
  key: 'quetta',
  featureClass: 'city',
  countryCode: 'PK',
  admin1: 'balochistan',
  admin2: 'quetta district',
};
const OTHER_CITY: PlaceView = {
  key: 'turbat',
  featureClass: 'city',
  countryCode: 'PK',
  admin1: 'balochistan',
  admin2: 'kech',
};
const PROVINCE: PlaceView = {
  key: 'balochistan',
  featureClass: 'admin1',
  countryCode: 'PK',
  admin1: 'balochistan',
  admin2: null,
};
const DISTRICT: PlaceView = {
  key: 'quetta-d',
  featureClass: 'admin2',
  countryCode: 'PK',
  admin1: 'balochistan',
  admin2: 'quetta district',
};

function view(over: Partial<FusionView> = {}): FusionView {
  return {
    category: 'explosions_remote_violence',
    type: 'remote_explosive_landmine_ied',
    start: '2025-11-18',
    end: '2025-11-18',
    precision: 'day',
    modality: 'asserted',
    place: CITY,
    perpetrators: [],
    claimants: [],
    fatalities: null,
    injured: null,
    published: '2025-11-18',
    ...over,
  };
}

describe('matching rules', () => {
  it('matches the same place and day fully, a district lower, a province lower still', () => {
    expect(matchReports(view(), view())?.score).toBe(1);
    const district = matchReports(view(), view({ place: DISTRICT }))?.score ?? 0;
    const province = matchReports(view(), view({ place: PROVINCE }))?.score ?? 0;
    expect(district).toBeLessThan(1);
    expect(province).toBeLessThan(district);
    expect(province).toBeGreaterThanOrEqual(0.5);
  });

  it('keeps different categories, countries and non-overlapping days apart', () => {
    expect(matchReports(view(), view({ category: 'battles', type: 'armed_clash' }))).toBeNull();
    expect(
      matchReports(view(), view({ place: { ...CITY, key: 'kabul', countryCode: 'AF', admin1: 'kabul' } })),
    ).toBeNull();
    expect(matchReports(view(), view({ start: '2025-11-19', end: '2025-11-19' }))).toBeNull();
  });

  it('keeps two precise places of one province apart unless a shared actor ties them (then a place conflict)', () => {
    expect((matchReports(view(), view({ place: OTHER_CITY }))?.score ?? 0) < 0.5).toBe(true);
    const tied = matchReports(
      view({ perpetrators: ['bla'] }),
      view({ place: OTHER_CITY, perpetrators: ['bla'] }),
    );
    expect(tied?.score).toBeGreaterThanOrEqual(0.5);
    expect(tied?.placeConflict).toBe(true);
  });

  it('fuses reports a day apart only with same place, type and actor, as a date conflict', () => {
    const a = view({ perpetrators: ['ttp'] });
    const b = view({ start: '2025-11-19', end: '2025-11-19', perpetrators: ['ttp'] });
    expect(matchReports(a, b)?.dateConflict).toBe(true);
    expect(matchReports(view(), view({ start: '2025-11-19', end: '2025-11-19' }))).toBeNull();
  });

  it('lets a month-precise report match a day inside it at lower confidence', () => {
    const month = view({ start: '2025-11-01', end: '2025-11-30', precision: 'month' });
    const m = matchReports(view(), month);
    expect(m?.score).toBeGreaterThanOrEqual(0.5);
    expect(m?.score).toBeLessThan(1);
  });

  it('says why an event is not fused', () => {
    expect(unfusableReason(view({ start: null, end: null, precision: 'unknown' }))).toMatch(/no date/);
    expect(unfusableReason(view({ place: null }))).toMatch(/no place/);
    expect(unfusableReason(view({ start: '2025-01-01', end: '2025-12-31', precision: 'year' }))).toMatch(
      /year/,
    );
    expect(unfusableReason(view({ place: { ...CITY, featureClass: 'country' } }))).toMatch(/country/);
    expect(unfusableReason(view())).toBeNull();
  });
});

describe('contradiction rules', () => {
  it('treats a later, higher toll as a revision and a same-day difference as a contradiction', () => {
    const early = view({ fatalities: 9, published: '2025-11-18' });
    const later = view({ fatalities: 14, published: '2025-11-19' });
    expect(compareReports(early, later).map((c) => c.kind)).toEqual(['revision']);
    expect(compareReports(view({ fatalities: 130 }), view({ fatalities: 145 })).map((c) => c.kind)).toEqual([
      'fatalities',
    ]);
    // A later, lower toll contradicts.
    expect(
      compareReports(later, view({ fatalities: 9, published: '2025-11-20' })).map((c) => c.kind),
    ).toEqual(['fatalities']);
  });

  it('ignores figures within the tolerance', () => {
    expect(compareReports(view({ fatalities: 100 }), view({ fatalities: 105 }))).toEqual([]);
    expect(compareReports(view({ fatalities: 3 }), view({ fatalities: 4 }))).toEqual([]);
  });

  it('flags different perpetrators and claimants', () => {
    const kinds = compareReports(
      view({ perpetrators: ['ttp'], claimants: ['ttp'] }),
      view({ perpetrators: ['bla'], claimants: ['bla'] }),
    ).map((c) => c.kind);
    expect(kinds).toEqual(['perpetrator', 'claimant']);
  });
});

describe('estimates and grades', () => {
  const r = (
    docId: string,
    figure: number,
    published: string,
    over: Partial<FigureReport> = {},
  ): FigureReport => ({
    docId,
    storyId: docId,
    published,
    figure,
    reliability: 'B',
    perpetratorClaim: false,
    ...over,
  });

  it('takes the lowest credible figure, after dropping tolls superseded by later higher ones', () => {
    expect(estimateFigure([r('a', 130, '2024-03-23'), r('b', 145, '2024-03-23')])).toMatchObject({
      min: 130,
      max: 145,
      best: 130,
    });
    expect(estimateFigure([r('a', 9, '2025-11-18'), r('b', 14, '2025-11-19')])).toMatchObject({
      best: 14,
      superseded: [9],
    });
    // A perpetrator's inflated claim does not set the estimate.
    expect(
      estimateFigure([r('a', 7, '2025-01-01'), r('b', 40, '2025-01-01', { perpetratorClaim: true })])?.best,
    ).toBe(7);
    // Syndicated copies are one story.
    expect(
      estimateFigure([r('a', 5, '2025-01-01', { storyId: 's' }), r('b', 5, '2025-01-01', { storyId: 's' })])
        ?.bestFrom,
    ).toHaveLength(1);
    expect(estimateFigure([])).toBeNull();
  });

  it('grades by independent reliable confirmation, contrary reports and contradictions', () => {
    expect(
      corroboratedCredibility({ base: 3, confirming: ['B', 'B', 'C'], contrary: 0, contradictionKinds: [] })
        .credibility,
    ).toBe(1);
    expect(
      corroboratedCredibility({ base: 3, confirming: ['B', 'C'], contrary: 0, contradictionKinds: [] })
        .credibility,
    ).toBe(2);
    expect(
      corroboratedCredibility({
        base: 3,
        confirming: ['B', 'B', 'B'],
        contrary: 0,
        contradictionKinds: ['perpetrator'],
      }).credibility,
    ).toBe(3);
    expect(
      corroboratedCredibility({
        base: 3,
        confirming: ['B', 'B', 'B'],
        contrary: 0,
        contradictionKinds: ['fatalities'],
      }).credibility,
    ).toBe(2);
    expect(
      corroboratedCredibility({ base: 2, confirming: ['B'], contrary: 1, contradictionKinds: [] })
        .credibility,
    ).toBe(4);
    expect(
      corroboratedCredibility({ base: 3, confirming: ['E', 'E', 'E'], contrary: 0, contradictionKinds: [] })
        .credibility,
    ).toBe(3);
  });
});
