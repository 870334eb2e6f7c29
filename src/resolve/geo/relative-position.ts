/**
 * Places told by where they lie from another: "Villa Rica, a town north of Caloto", "Kamdesh,
 * about 40 km east of Asadabad", "Mir Ali, near Miranshah". News writes this for small towns its
 * readers do not know, and those are the names most likely to have namesakes far away: the
 * anchor's place says which namesake is meant.
 */
import { distanceKm, EARTH_RADIUS_KM } from './distance.js';
import type { Toponym } from './types.js';

/** A toponym placed relative to the toponym that follows it in the text. */
export interface RelativePosition {
  /** Index of the anchor toponym ("Caloto"). */
  readonly anchor: number;
  /** Compass bearing in degrees from the anchor to the place, or null ("near", "outside"). */
  readonly bearing: number | null;
  /** Distance told in km, or null. */
  readonly km: number | null;
}

const BEARINGS: Readonly<Record<string, number>> = {
  north: 0,
  northeast: 45,
  east: 90,
  southeast: 135,
  south: 180,
  southwest: 225,
  west: 270,
  northwest: 315,
};

/**
 * The words between a place and its anchor: an optional apposition head ("a town", "a remote
 * village"), an optional distance ("about 40 km", "25 miles (40 km)") and a direction ("north
 * of", "north-east of", "near", "outside"), with an optional "the town of" before the anchor.
 */
const RELATIVE_RE = new RegExp(
  String.raw`^,?\s+(?:(?:a|an|the)\s+)?(?:(?:small|remote|tiny|border|frontier|nearby|neighbou?ring|coastal|mountain|mountainous|farming|fishing|market|rural|dusty|garrison|key|strategic|major|main|district|provincial)\s+)*` +
    String.raw`(?:(?:town|village|city|hamlet|settlement|locality|area|suburb|neighbou?rhood|commune|municipality|district|camp|region|base|outpost)\s+)?` +
    String.raw`(?:(?:located|situated|lying|some|about|around|roughly|nearly|approximately|almost|just|only|barely|over|more than|less than|fewer than)\s+)*` +
    String.raw`(?:(\d+(?:[.,]\d+)?)\s*(km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\b\.?\s*(?:\([^)]{1,20}\)\s*)?)?` +
    String.raw`(?:(north|south|east|west|north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west)(?:ern|erly)?\s+of|(near|outside|close to|on the outskirts of|just outside))\s+` +
    String.raw`(?:the\s+(?:(?:provincial|regional|district|national)\s+)?(?:city|town|village|capital|port|district headquarters)\s+(?:of\s+)?)?$`,
  'i',
);

const MILES_KM = 1.609;
/** How far a place told "near" or by a bare direction may lie from its anchor. */
const UNTOLD_REACH_KM = 80;
/** Slack on a told distance: reports round, and gazetteer points are town centres. */
const DISTANCE_SLACK = 1.5;
const DISTANCE_PAD_KM = 15;
/** Half-width of the sector a compass word covers, with slack for rough reporting. */
const BEARING_SLACK_DEG = 67.5;

/** The relative position told right after toponym i, if its anchor is the next toponym. */
export function relativePositionOf(
  text: string,
  toponyms: readonly Toponym[],
  i: number,
): RelativePosition | null {
  const t = toponyms[i];
  const next = toponyms[i + 1];
  if (!t || !next || next.start - t.end > 120) return null;
  const m = RELATIVE_RE.exec(text.slice(t.end, next.start));
  if (!m) return null;
  const [, amount, unit, compass] = m;
  let km: number | null = null;
  if (amount) {
    const n = Number(amount.replace(',', '.'));
    km = /^mi/i.test(unit ?? '') ? n * MILES_KM : n;
  }
  const bearing = compass ? (BEARINGS[compass.toLowerCase().replace(/[- ]/g, '')] ?? null) : null;
  return { anchor: i + 1, bearing, km };
}

/** Initial compass bearing in degrees from a to b. */
function bearingDeg(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const y = Math.sin((b.lon - a.lon) * rad) * Math.cos(b.lat * rad);
  const x =
    Math.cos(a.lat * rad) * Math.sin(b.lat * rad) -
    Math.sin(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  return (Math.atan2(y, x) / rad + 360) % 360;
}

/** True when a place lies where the relative position puts it from the anchor's place. */
export function fitsRelativePosition(
  place: { lat: number; lon: number },
  anchor: { lat: number; lon: number },
  rel: RelativePosition,
): boolean {
  const d = distanceKm(anchor, place);
  const reach = rel.km !== null ? rel.km * DISTANCE_SLACK + DISTANCE_PAD_KM : UNTOLD_REACH_KM;
  if (d > reach) return false;
  // Within a few km the centres say nothing about direction.
  if (rel.bearing === null || d < 5) return true;
  const off = Math.abs(((bearingDeg(anchor, place) - rel.bearing + 540) % 360) - 180);
  return off <= BEARING_SLACK_DEG;
}

/**
 * The point a told distance and direction lead to from the anchor ("roughly 30 kilometres
 * southwest of the city of Kirkuk"): where to put a place the gazetteer lacks. Null when the text
 * tells no distance or no direction.
 */
export function projectFrom(
  anchor: { lat: number; lon: number },
  rel: RelativePosition,
): { lat: number; lon: number } | null {
  if (rel.km === null || rel.bearing === null) return null;
  const rad = Math.PI / 180;
  const d = rel.km / EARTH_RADIUS_KM;
  const b = rel.bearing * rad;
  const lat1 = anchor.lat * rad;
  const lon1 = anchor.lon * rad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lon2 =
    lon1 +
    Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return { lat: round(lat2 / rad), lon: round(((lon2 / rad + 540) % 360) - 180) };
}
