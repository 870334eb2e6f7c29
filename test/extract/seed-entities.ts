/** Hand-built entities for the seed article, standing in for the resolver in tests. */
import type { EntitySpec } from './helpers.js';

export const SEED_ENTITIES: readonly EntitySpec[] = [
  { type: 'group', names: ['Islamic State Khorasan Province', 'ISKP'] },
  { type: 'group', names: ['ISIS'] },
  { type: 'group', names: ['Tehreek-E-Taliban Pakistan', 'TTP', 'Pakistan Taliban'] },
  { type: 'group', names: ['Taliban'] },
  { type: 'organization', names: ['ISI'] },
  { type: 'organization', names: ['Pakistan’s military', 'Pakistan military'] },
  { type: 'person', names: ['Sanaullah Ghafari', 'Shahab al-Muhajir', 'Ghafari', 'Ghafri'] },
  {
    type: 'location',
    names: ['South Waziristan'],
    geo: { lat: 32.3, lon: 69.7, featureClass: 'admin2', countryCode: 'PK', admin1: 'Khyber Pakhtunkhwa' },
  },
  {
    type: 'location',
    names: ['Khyber Pakhtunkhwa'],
    geo: { lat: 34.5, lon: 72.0, featureClass: 'admin1', countryCode: 'PK', admin1: 'Khyber Pakhtunkhwa' },
  },
  {
    type: 'location',
    names: ['Balochistan'],
    geo: { lat: 28.5, lon: 65.5, featureClass: 'admin1', countryCode: 'PK', admin1: 'Balochistan' },
  },
  {
    type: 'location',
    names: ['Kunar province', 'Kunar'],
    geo: { lat: 34.9, lon: 71.1, featureClass: 'admin1', countryCode: 'AF', admin1: 'Kunar' },
  },
  {
    type: 'location',
    names: ['Moscow'],
    geo: { lat: 55.75, lon: 37.62, featureClass: 'city', countryCode: 'RU' },
  },
  {
    type: 'location',
    names: ['Kabul'],
    geo: { lat: 34.53, lon: 69.17, featureClass: 'city', countryCode: 'AF' },
  },
  {
    type: 'location',
    names: ['Pakistan'],
    geo: { lat: 30, lon: 70, featureClass: 'country', countryCode: 'PK' },
  },
  {
    type: 'location',
    names: ['Afghanistan'],
    geo: { lat: 33, lon: 66, featureClass: 'country', countryCode: 'AF' },
  },
  { type: 'location', names: ['South Asia'], geo: { lat: 25, lon: 75, featureClass: 'region' } },
  {
    type: 'location',
    names: ['NEW DELHI'],
    geo: { lat: 28.6, lon: 77.2, featureClass: 'city', countryCode: 'IN' },
  },
  { type: 'location', names: ['US'], geo: { lat: 39, lon: -98, featureClass: 'country', countryCode: 'US' } },
];
