import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { goldToponym, resolveToponyms } from '../../src/resolve/geo/index.js';
import { resolveSpans } from './resolve-spans.js';
import { placeNamed } from './helpers.js';

/** Toponyms passed grouped by surface, as gold annotations list them. */
const resolveInOrder = (text: string, surfaces: readonly string[]) =>
  resolveSpans(text, surfaces, { inTextOrder: false });

describe('"X, Y": the container decides among namesakes', () => {
  it('reads hierarchies off the text whatever order the toponyms come in', () => {
    // Grouped by name, as gold annotations are: the town comes last though "West Virginia"
    // follows it in the text, and North Carolina's towns pull towards Louisburg, N.C.
    const text =
      'Deputies in Oxford, North Carolina, and in Granville County, North Carolina, said officers ' +
      'from the town of Lewisburg, West Virginia, found the car.';
    const r = resolveInOrder(text, [
      'North Carolina',
      'West Virginia',
      'Oxford',
      'Granville County',
      'Lewisburg',
    ]);
    expect(r.get('Lewisburg')?.name).toBe('Lewisburg');
    expect(r.get('Lewisburg')?.geo.admin1).toBe('West Virginia');
  });

  it('considers a namesake the container holds however far down the priors list it is', () => {
    const r = resolveInOrder('Clinics in San Pedro, Chuquisaca reopened.', ['San Pedro', 'Chuquisaca']);
    expect(r.get('San Pedro')?.geo.countryCode).toBe('BO');
  });

  it('takes a province written as a news abbreviation after the comma', () => {
    expect(
      resolveInOrder('A rally in London, Ont. drew hundreds.', ['London']).get('London')?.geo.countryCode,
    ).toBe('CA');
    const paris = resolveInOrder('A fair in Paris, Tex. drew crowds.', ['Paris']).get('Paris');
    expect(paris?.geo.countryCode).toBe('US');
    expect(paris?.geo.admin1).toBe('Texas');
  });

  it('does not read a word after a comma as a province when it is none', () => {
    const r = resolveInOrder('A rally in London, Thursday drew hundreds.', ['London']);
    expect(r.get('London')?.geo.countryCode).toBe('GB');
  });

  it('reads towns with their states inside a list', () => {
    const text =
      'The chain has stores in Lexington and Cordova, Tennessee, Richmond, Virginia, and Orlando, Florida.';
    const r = resolveInOrder(text, [
      'Lexington',
      'Cordova',
      'Tennessee',
      'Richmond',
      'Virginia',
      'Orlando',
      'Florida',
    ]);
    expect(r.get('Richmond')?.geo.admin1).toBe('Virginia');
  });

  it('keeps a list of states a list of states', () => {
    const text = 'Cases were found in Texas, Utah, Virginia, Washington, West Virginia and Wyoming.';
    const r = resolveInOrder(text, ['Texas', 'Utah', 'Virginia', 'Washington', 'West Virginia', 'Wyoming']);
    expect(r.get('Washington')?.geo.featureClass).toBe('admin1');
  });
});

describe('a longer form of a resolved name', () => {
  it('takes the place of the shorter name when its own reading is dropped', () => {
    // "Karak district" is only a Pakistani district in the gazetteer, a stray in this story: it
    // takes Karak's place, not that of the town named nearest to it.
    const text =
      'Canada mourned a Canadian tourist killed in Karak. Jordan said gunmen fired from Karak Castle. ' +
      'A house burned in Qatraneh in the Karak district, Jordan said. Police in Irbid and Karak were on ' +
      'alert. Canada and Jordan spoke.';
    const toponyms = [
      ...text.matchAll(/Karak district|Karak(?! Castle)|Qatraneh|Irbid|Jordan|Canadian|Canada/g),
    ].map((m) => goldToponym(text, m.index ?? 0, (m.index ?? 0) + m[0].length));
    const resolved = resolveToponyms({ text, toponyms, dateline: null }, loadGazetteer());
    const district = resolved.find((p) => p.surface === 'Karak district');
    expect(district?.geo.countryCode).toBe('JO');
    expect(district?.name).toBe('Karak');
  });
});

describe('a district seat is no stray', () => {
  it('keeps a small town that is the seat of the district of its name', () => {
    const text = 'Doctors from Manila and Quezon City and from Cebu flew to Bundibugyo to help.';
    const r = resolveInOrder(text, ['Manila', 'Quezon City', 'Cebu', 'Bundibugyo']);
    expect(r.get('Bundibugyo')?.geo.countryCode).toBe('UG');
    expect(r.get('Bundibugyo')?.confidence).toBeGreaterThan(0);
  });
});

describe('the province the text puts a place in', () => {
  it.each([
    'Security forces killed 12 Maoists in Bijapur district in Chhattisgarh on Sunday.',
    'Security forces killed 12 Maoists in Bijapur, Chhattisgarh, on Sunday.',
  ])('overrules a namesake in another province of the country: %s', (text) => {
    // the gazetteer knows only the Bijapur of Karnataka
    const p = placeNamed(text, 'Bijapur');
    expect(p.name).toBe('Chhattisgarh');
    expect(p.geo.featureClass).toBe('admin1');
    expect(p.confidence).toBe(0);
  });

  it('keeps the reading that lies in it', () => {
    expect(placeNamed('Protesters marched in Bijapur in Karnataka on Sunday.', 'Bijapur').geo.admin1).toBe(
      'Karnataka',
    );
  });
});
