import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../src/resolve/geo/index.js';
import { placeNamed } from './helpers.js';

describe('toponym disambiguation from context', () => {
  it('reads Balochistan as the Pakistani province by default', () => {
    const p = placeNamed('Militants attacked a convoy in Balochistan on Monday.', 'Balochistan');
    expect(p.geo).toMatchObject({ countryCode: 'PK', featureClass: 'admin1' });
    expect(distanceKm(p.geo, { lat: 28.5, lon: 65.5 })).toBeLessThan(200);
  });

  it('tells Punjab in Pakistan from Punjab in India by the country in the text', () => {
    expect(
      placeNamed('Police in Lahore said floods hit Punjab, Pakistan’s most populous province.', 'Punjab').geo
        .countryCode,
    ).toBe('PK');
    expect(
      placeNamed('Farmers in Amritsar and Ludhiana protested across Punjab in northern India.', 'Punjab').geo
        .countryCode,
    ).toBe('IN');
  });

  it('tells Hyderabad in India from Hyderabad in Pakistan', () => {
    expect(placeNamed('The software firm opened an office in Hyderabad.', 'Hyderabad').geo.countryCode).toBe(
      'IN',
    );
    expect(
      placeNamed('Protests spread from Karachi to Hyderabad in Sindh, Pakistan.', 'Hyderabad').geo
        .countryCode,
    ).toBe('PK');
  });

  it('reads Kabul as the city, and as the province after "province"', () => {
    expect(placeNamed('A blast shook Kabul on Tuesday.', 'Kabul').geo).toMatchObject({
      countryCode: 'AF',
      featureClass: 'city',
    });
    expect(placeNamed('Fighting was reported in Kabul province overnight.', 'Kabul').geo).toMatchObject({
      countryCode: 'AF',
      featureClass: 'admin1',
    });
  });

  it('puts Moscow in Russia unless the article is about Idaho', () => {
    expect(
      placeNamed('US officials said the attack near Moscow killed 130 people.', 'Moscow').geo.countryCode,
    ).toBe('RU');
    const idaho = placeNamed(
      'Four students were killed in Moscow, a college town in Idaho, police in Idaho said.',
      'Moscow',
    );
    expect(idaho.geo).toMatchObject({ countryCode: 'US', admin1: 'Idaho' });
  });

  it('reads Georgia as the country or the US state by context', () => {
    expect(placeNamed('Russian troops crossed into Georgia near Tbilisi.', 'Georgia').geo.countryCode).toBe(
      'GE',
    );
    expect(
      placeNamed('Storms hit Atlanta and Savannah in Georgia and Florida.', 'Georgia').geo,
    ).toMatchObject({ countryCode: 'US', featureClass: 'admin1' });
  });

  it('reads Paris, Texas from its hierarchy', () => {
    expect(placeNamed('The shooting happened in Paris, Texas, on Sunday.', 'Paris').geo).toMatchObject({
      countryCode: 'US',
      admin1: 'Texas',
    });
    expect(placeNamed('Diplomats met in Paris on Sunday.', 'Paris').geo.countryCode).toBe('FR');
  });

  it('puts Kunar province in Afghanistan', () => {
    const p = placeNamed('He escaped an operation in Kunar province.', 'Kunar');
    expect(p.geo).toMatchObject({ countryCode: 'AF', featureClass: 'admin1' });
    expect(distanceKm(p.geo, { lat: 34.9, lon: 71.1 })).toBeLessThan(100);
  });

  it('puts South Waziristan in Khyber Pakhtunkhwa, Pakistan', () => {
    const p = placeNamed(
      'Three attacks were carried out in South Waziristan this month.',
      'South Waziristan',
    );
    expect(p.geo).toMatchObject({ countryCode: 'PK', admin1: 'Khyber Pakhtunkhwa', featureClass: 'admin2' });
    expect(distanceKm(p.geo, { lat: 32.3, lon: 69.7 })).toBeLessThan(100);
  });

  it('treats "X-based" as the place X', () => {
    const p = placeNamed('Kabul-based sources warned of attacks.', 'Kabul');
    expect(p.geo).toMatchObject({ countryCode: 'AF', featureClass: 'city' });
  });
});
