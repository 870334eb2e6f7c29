import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { distanceKm, goldToponym, resolveToponyms, type ResolvedPlace } from '../../src/resolve/geo/index.js';
import { nameVariants } from '../../src/resolve/geo/name-variants.js';

/** Resolves the given surfaces (first occurrence of each) as gold spans of the text. */
function resolveSpans(text: string, surfaces: readonly string[]): Map<string, ResolvedPlace> {
  const toponyms = surfaces.map((s) => {
    const start = text.indexOf(s);
    if (start < 0) throw new Error(`"${s}" not in text`);
    return goldToponym(text, start, start + s.length);
  });
  const resolved = resolveToponyms({ text, toponyms, dateline: null }, loadGazetteer());
  return new Map(resolved.map((r) => [r.surface, r]));
}

describe('shorter names for names the gazetteer lacks', () => {
  it('drops generic words and part-of-place heads', () => {
    expect(nameVariants('Da Nang International Airport').map((v) => v.name)).toContain('Da Nang');
    expect(nameVariants('Akita Prefecture')).toContainEqual({
      name: 'Akita',
      cue: 'admin1',
      samePlace: true,
    });
    expect(nameVariants('Islington Bay')).toContainEqual({ name: 'Islington', cue: null, samePlace: false });
    // Other languages' compass words come first ("Nord Dallas"), the whole place last.
    expect(
      nameVariants('North Dallas')
        .map((v) => v.name)
        .at(-1),
    ).toBe('Dallas');
    expect(nameVariants('Kabul')).toEqual([]);
  });

  it('resolves "Swat Valley" and "Greater Mumbai" through their shorter names', () => {
    const r = resolveSpans('Floods hit the Swat Valley and Greater Mumbai.', [
      'Swat Valley',
      'Greater Mumbai',
    ]);
    expect(r.get('Swat Valley')?.geo.countryCode).toBe('PK');
    expect(r.get('Greater Mumbai')?.geo.countryCode).toBe('IN');
  });
});

describe('document coherence', () => {
  it('puts an unknown name at the place the story is about, with no confidence', () => {
    const text = 'Patients at Zorblatt Memorial in Peshawar were moved; Peshawar officials said.';
    const r = resolveSpans(text, ['Zorblatt Memorial', 'Peshawar']);
    const unknown = r.get('Zorblatt Memorial');
    expect(unknown?.geo.countryCode).toBe('PK');
    expect(unknown?.confidence).toBe(0);
  });

  it('reads neighbouring small places together (Edmonton and Enfield in north London)', () => {
    const text = 'Pupils from an Edmonton school visited Enfield Town and Tottenham on Monday.';
    const r = resolveSpans(text, ['Edmonton', 'Enfield Town', 'Tottenham']);
    expect(r.get('Edmonton')?.geo.countryCode).toBe('GB');
  });

  it('prefers a national capital to a province of its name', () => {
    const r = resolveSpans('Officials in Washington said talks would resume.', ['Washington']);
    expect(distanceKm(r.get('Washington')!.geo, { lat: 38.9, lon: -77.04 })).toBeLessThan(50);
  });
});

describe('supplement and former provinces', () => {
  it('knows islands, seas, airports and continents by their demonyms', () => {
    const text = 'Flights from Heathrow to Sumatra crossed the Indian Ocean, European officials said.';
    const r = resolveSpans(text, ['Heathrow', 'Sumatra', 'Indian Ocean', 'European']);
    expect(r.get('Heathrow')?.geo).toMatchObject({ countryCode: 'GB', featureClass: 'facility' });
    expect(r.get('Sumatra')?.geo.countryCode).toBe('ID');
    expect(r.get('Indian Ocean')?.geo.featureClass).toBe('region');
    expect(r.get('European')?.geo.featureClass).toBe('continent');
  });

  it("knows Kenya's former provinces", () => {
    const r = resolveSpans('Cholera spread in Nyanza Province, Kenya.', ['Nyanza Province', 'Kenya']);
    expect(r.get('Nyanza Province')?.geo.countryCode).toBe('KE');
  });

  it('gives provinces their English names from Natural Earth', () => {
    const r = resolveSpans('Police in Rhineland-Palatinate and Bavaria said.', [
      'Rhineland-Palatinate',
      'Bavaria',
    ]);
    expect(r.get('Rhineland-Palatinate')?.geo).toMatchObject({ countryCode: 'DE', featureClass: 'admin1' });
    expect(r.get('Bavaria')?.geo).toMatchObject({ countryCode: 'DE', featureClass: 'admin1' });
  });
});
