import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { distanceKm } from '../../src/resolve/geo/index.js';
import { resolveSpans } from './resolve-spans.js';

describe('countries the document names', () => {
  it('reads a bare capital name as the capital of a country the text names, even beside a US state', () => {
    const text =
      'The virus was found in pigs in Italy. Researchers in New York and Rome compared samples, ' +
      'and officials in NY said the strain matched the one seen in Rome.';
    const r = resolveSpans(text, ['Italy', 'New York', 'Rome', 'NY']);
    expect(r.get('Rome')?.geo.countryCode).toBe('IT');
  });

  it('keeps Paris in France when a Kentucky town of the same region is named too', () => {
    const text =
      'GEORGETOWN, Ky. — A student from Georgetown studying in France was hurt in Paris. ' +
      'Her family in Kentucky said Paris police called them.';
    const r = resolveSpans(text, ['GEORGETOWN', 'Ky.', 'Georgetown', 'France', 'Paris', 'Kentucky']);
    expect(r.get('Paris')?.geo.countryCode).toBe('FR');
  });
});

describe('names the gazetteer lacks', () => {
  it('does not take a namesake town far from the story for a bay or an island named after one', () => {
    const text = 'Ferries left Auckland for Islington Bay on Rangitoto, near Auckland harbour.';
    const r = resolveSpans(text, ['Auckland', 'Islington Bay', 'Rangitoto']);
    const bay = r.get('Islington Bay');
    expect(bay?.geo.countryCode).toBe('NZ');
    expect(bay?.confidence).toBe(0);
    expect(r.get('Rangitoto')?.geo.countryCode).toBe('NZ');
  });

  it('still reads a valley through its town when the town fits the story', () => {
    const r = resolveSpans('Floods in Mingora swept through the Swat Valley.', ['Mingora', 'Swat Valley']);
    expect(r.get('Swat Valley')?.geo.countryCode).toBe('PK');
  });

  it('puts an unknown name at the town named nearest to it in the text', () => {
    const text =
      'Two people died in clashes in Karachi on Friday, Karachi police said; Karachi schools shut. ' +
      'On Saturday, crowds gathered in Qorvelabad, a neighbourhood of Lahore.';
    const r = resolveSpans(text, ['Karachi', 'Qorvelabad', 'Lahore']);
    const unknown = r.get('Qorvelabad');
    expect(unknown?.confidence).toBe(0);
    expect(distanceKm(unknown!.geo, { lat: 31.55, lon: 74.34 })).toBeLessThan(50);
  });
});

describe("GeoNames' points for large areas", () => {
  const gaz = loadGazetteer();
  const point = (name: string, cc: string | null): { lat: number; lon: number } => {
    const p = gaz.candidates(name).find((c) => c.countryCode === cc && c.featureClass !== 'city');
    if (!p) throw new Error(`no area ${name} (${cc})`);
    return p;
  };

  it('puts provinces where GeoNames does, not at a label point far from it', () => {
    // GeoNames: England 52.16 N 0.70 W; Queensland 20 S 145 E; Alberta 52.28 N 117.47 W.
    expect(distanceKm(point('England', 'GB'), { lat: 52.16, lon: -0.7 })).toBeLessThan(30);
    expect(distanceKm(point('Queensland', 'AU'), { lat: -20, lon: 145 })).toBeLessThan(30);
    expect(distanceKm(point('Alberta', 'CA'), { lat: 52.28, lon: -117.47 })).toBeLessThan(30);
  });

  it('puts Australia within reach of both the GeoNames and the encyclopaedia centres', () => {
    const au = point('Australia', 'AU');
    expect(distanceKm(au, { lat: -25, lon: 135 })).toBeLessThan(161);
    expect(distanceKm(au, { lat: -25, lon: 133 })).toBeLessThan(161);
  });

  it('keeps hamlets of a few hundred people, so rare names are not guessed', () => {
    expect(gaz.candidates('Dugway').some((p) => p.countryCode === 'US')).toBe(true);
  });
});
