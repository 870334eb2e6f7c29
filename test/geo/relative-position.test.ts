/** "X, a town north of Y": the anchor's place picks which namesake X is. */
import { describe, expect, it } from 'vitest';
import { goldToponym } from '../../src/resolve/geo/index.js';
import { fitsRelativePosition, relativePositionOf } from '../../src/resolve/geo/relative-position.js';
import { resolveSpans } from './resolve-spans.js';

function parse(text: string, first: string, second: string) {
  const a = text.indexOf(first);
  const b = text.indexOf(second, a + first.length);
  const toponyms = [goldToponym(text, a, a + first.length), goldToponym(text, b, b + second.length)];
  return relativePositionOf(text, toponyms, 0);
}

describe('reading a relative position', () => {
  it('takes the direction, the distance and its unit, with words between', () => {
    expect(parse('in Kamdesh, about 40 km east of Asadabad.', 'Kamdesh', 'Asadabad')).toEqual({
      anchor: 1,
      bearing: 90,
      km: 40,
    });
    const miles = parse('Mir Ali, 25 miles (40 km) south-west of the town of Bannu', 'Mir Ali', 'Bannu');
    expect(miles?.bearing).toBe(225);
    expect(miles?.km).toBeCloseTo(40.2, 1);
    expect(parse('Villa Rica, a small town north of Caloto', 'Villa Rica', 'Caloto')).toEqual({
      anchor: 1,
      bearing: 0,
      km: null,
    });
    expect(parse('Jamrud, near Peshawar', 'Jamrud', 'Peshawar')).toEqual({
      anchor: 1,
      bearing: null,
      km: null,
    });
  });

  it('reads nothing into a list or a clause between the names', () => {
    expect(parse('Kabul, Kandahar and Herat', 'Kabul', 'Kandahar')).toBeNull();
    expect(parse('in Bannu, where troops moved north of Mir Ali', 'Bannu', 'Mir Ali')).toBeNull();
  });

  it('checks distance and the compass sector from the anchor', () => {
    const anchor = { lat: 33.6, lon: 69.23 };
    const east = { lat: 33.65, lon: 69.78 };
    expect(fitsRelativePosition(east, anchor, { anchor: 1, bearing: 90, km: null })).toBe(true);
    expect(fitsRelativePosition(east, anchor, { anchor: 1, bearing: 270, km: null })).toBe(false);
    expect(fitsRelativePosition(east, anchor, { anchor: 1, bearing: 90, km: 10 })).toBe(false);
  });
});

describe('resolving a place told relative to another', () => {
  it('picks the namesake that lies where the text puts it', () => {
    // Two districts of this name, in Paktia and in Paktika: the anchor decides.
    const paktia = resolveSpans('Fighting was reported in Jani Khel, a district east of Gardez.', [
      'Jani Khel',
      'Gardez',
    ]).get('Jani Khel');
    const paktika = resolveSpans('Fighting was reported in Jani Khel, a district south-west of Sharana.', [
      'Jani Khel',
      'Sharana',
    ]).get('Jani Khel');
    expect(paktia?.geo.lat).toBeCloseTo(33.65, 1);
    expect(paktika?.geo.lat).toBeCloseTo(32.76, 1);
  });

  it('prefers a small seat near the anchor over a larger namesake farther off', () => {
    const r = resolveSpans('A device blew up at a toll station in Villa Rica, a town north of Caloto.', [
      'Villa Rica',
      'Caloto',
    ]).get('Villa Rica');
    expect(r?.geo.lat).toBeCloseTo(3.17, 1);
  });
});
