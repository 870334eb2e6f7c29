/** Places the gazetteer lacks or spells otherwise: where they are put, and what is not taken for one. */
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { distanceKm } from '../../src/resolve/geo/distance.js';
import { projectFrom } from '../../src/resolve/geo/relative-position.js';
import { placesNamed } from './helpers.js';
import { resolveSpans } from './resolve-spans.js';

describe('a place told at a distance and direction from another', () => {
  it('projects the point the distance and bearing lead to', () => {
    const kirkuk = { lat: 35.4681, lon: 44.3922 };
    const p = projectFrom(kirkuk, { anchor: 1, bearing: 225, km: 30 });
    expect(p).not.toBeNull();
    expect(distanceKm(kirkuk, p!)).toBeCloseTo(30, 0);
    expect(p!.lat).toBeLessThan(kirkuk.lat);
    expect(p!.lon).toBeLessThan(kirkuk.lon);
    expect(projectFrom(kirkuk, { anchor: 1, bearing: null, km: 30 })).toBeNull();
  });

  it('puts a name the gazetteer lacks there, as a stand-in of no confidence', () => {
    const text =
      'A bomb hit a convoy close to the village of Khirbet Sawda Jadid, roughly 30 kilometres southwest of the city of Kirkuk.';
    const r = resolveSpans(text, ['Khirbet Sawda Jadid', 'Kirkuk']).get('Khirbet Sawda Jadid');
    expect(r?.confidence).toBe(0);
    expect(r?.name).not.toBe('Kirkuk');
    expect(r?.geo.countryCode).toBe('IQ');
    expect(distanceKm(r!.geo, { lat: 35.28, lon: 44.16 })).toBeLessThan(5);
  });

  it('without a told distance, takes the town named nearest in the text as before', () => {
    const text = 'A bomb hit a convoy near the village of Khirbet Sawda Jadid, south-west of Kirkuk.';
    const r = resolveSpans(text, ['Khirbet Sawda Jadid', 'Kirkuk']).get('Khirbet Sawda Jadid');
    expect(r?.geo.lat).toBeCloseTo(35.47, 1);
  });
});

describe('names written apart', () => {
  it('reads no place from an Arabic article alone ("Al Safra" is not Ål, Norway)', () => {
    const text = 'The convoy was hit close to the village of Al Safra in Kirkuk province, Iraq.';
    expect(placesNamed(text, 'Al')).toEqual([]);
  });

  it('finds a province whose transliteration joins the words the gazetteer keeps apart', () => {
    const gaz = loadGazetteer();
    expect(gaz.sameSpelling('Salahuddin').map((p) => p.name)).toContain('Salah ad Din');
    const text = 'Fighters still attack rural areas of Kirkuk, Salahuddin and Diyala in Iraq.';
    const r = resolveSpans(text, ['Kirkuk', 'Salahuddin', 'Diyala', 'Iraq']);
    expect(r.get('Salahuddin')?.geo.featureClass).toBe('admin1');
    expect(r.get('Salahuddin')?.name).toBe('Salah ad Din');
  });
});
