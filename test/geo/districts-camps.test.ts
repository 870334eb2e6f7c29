import { describe, expect, it } from 'vitest';
import { loadGazetteer, type Place } from '../../src/kb/gazetteer/index.js';
import { distanceKm } from '../../src/resolve/geo/distance.js';
import { placeNamed, placesNamed } from './helpers.js';

const gaz = loadGazetteer();

function readings(name: string, cc: string, cls?: Place['featureClass']): Place[] {
  return gaz
    .matches(name)
    .map((m) => m.place)
    .filter((p) => p.countryCode === cc && (!cls || p.featureClass === cls));
}

describe('refugee and displacement camps', () => {
  it.each([
    ['Dadaab', 'KE', 0.06, 40.31],
    ['Kakuma', 'KE', 3.72, 34.86],
    ['Zaatari', 'JO', 32.29, 36.32],
    ['al-Hol', 'SY', 36.38, 41.15],
    ['Kutupalong', 'BD', 21.21, 92.16],
    ['Zamzam', 'SD', 13.49, 25.3],
    ['Kalma', 'SD', 12.0, 24.98],
  ])('knows %s', (name, cc, lat, lon) => {
    const [camp] = readings(name, cc);
    expect(camp).toBeDefined();
    expect(distanceKm(camp ?? { lat: 0, lon: 0 }, { lat, lon })).toBeLessThan(30);
  });

  it('resolves a camp in a story about the country', () => {
    const p = placeNamed('Somali refugees in Dadaab, Kenya, face cuts in food aid.', 'Dadaab');
    expect(p.geo.countryCode).toBe('KE');
    expect(p.confidence).toBeGreaterThan(0);
  });
});

describe('districts of the regions users follow first', () => {
  it('has the Cabo Delgado districts, under the names news uses', () => {
    for (const name of [
      'Macomia',
      'Mocímboa da Praia',
      'Muidumbe',
      'Nangade',
      'Palma',
      'Quissanga',
      'Meluco',
    ]) {
      const districts = readings(name, 'MZ', 'admin2');
      expect(districts.length, name).toBeGreaterThan(0);
      for (const d of districts) expect(d.lat, name).toBeLessThan(-10);
    }
  });

  it('has the departments of Niger and the LGAs of north-east Nigeria', () => {
    for (const name of ['Bosso', "N'Gourti", 'Torodi', 'Ayerou', 'Banibangou', 'Tillia'])
      expect(readings(name, 'NE', 'admin2').length, name).toBeGreaterThan(0);
    for (const name of ['Yola South', 'Bursari'])
      expect(readings(name, 'NG', 'admin2').length, name).toBeGreaterThan(0);
  });

  it('centres a district no town is coded to on the town of its name in its province', () => {
    // GeoNames codes no town of cities500 to Douentza Cercle; Douentza is its seat.
    const [cercle] = readings('Douentza', 'ML', 'admin2');
    const [town] = readings('Douentza', 'ML', 'city');
    expect(cercle && town).toBeTruthy();
    expect(distanceKm(cercle ?? { lat: 0, lon: 0 }, town ?? { lat: 90, lon: 0 })).toBeLessThan(1);
  });

  it('puts Adhamiyah in Baghdad and knows the spelling Adhamiya', () => {
    const baghdad = { lat: 33.34, lon: 44.4 };
    for (const name of ['Adhamiyah', 'Adhamiya']) {
      const [d] = readings(name, 'IQ', 'admin2');
      expect(distanceKm(d ?? { lat: 0, lon: 0 }, baghdad), name).toBeLessThan(20);
    }
  });

  it('reads Zaire, the former name, as the Congo beside Angola’s province of that name', () => {
    expect(readings('Zaire', 'CD', 'country').length).toBe(1);
    expect(readings('Zaire', 'AO', 'admin1').length).toBe(1);
  });
});

describe('little-known districts do not make a word a place on their own', () => {
  it('does not read a given name as a small district known by another of its names', () => {
    // Panama's "Distrito de Olá" is indexed as "Olá" too.
    expect(placesNamed('Relatives said Ola Youness from Cairo died of the virus.', 'Ola')).toHaveLength(0);
  });

  it('does not read a word as a district no town is coded to, unless a cue backs it', () => {
    expect(placesNamed('Taleh Ahmadov, a spokesman, said talks in Baku had stalled.', 'Taleh')).toHaveLength(
      0,
    );
    expect(placeNamed('Fighting was reported in Taleh district, Somalia.', 'Taleh').geo.countryCode).toBe(
      'SO',
    );
  });
});
