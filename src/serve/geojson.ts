/** Events as a GeoJSON FeatureCollection, for maps and GIS tools. */
import type { StoredEvent } from '../store/index.js';

/** One GeoJSON point feature. */
export interface EventFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
  readonly properties: Record<string, unknown>;
}

/** A GeoJSON FeatureCollection. */
export interface FeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly EventFeature[];
}

/**
 * Events with coordinates as points. `precision` is the location's feature class: an event known
 * only to the province or country sits at that area's centre and must be drawn as such.
 */
export function eventsToGeoJson(events: readonly StoredEvent[]): FeatureCollection {
  const features = events.flatMap((e): EventFeature[] => {
    if (!e.point) return [];
    const ev = e.event;
    return [
      {
        type: 'Feature',
        id: `${e.docId}#${ev.id}`,
        geometry: { type: 'Point', coordinates: [e.point.lon, e.point.lat] },
        properties: {
          docId: e.docId,
          eventId: ev.id,
          category: ev.category,
          type: ev.type,
          dateStart: ev.date.start,
          dateEnd: ev.date.end,
          datePrecision: ev.date.precision,
          location: e.locationName,
          countryCode: e.countryCode,
          precision: e.point.featureClass,
          perpetrators: e.perpetratorNames,
          targets: e.targetNames,
          fatalities: ev.fatalities?.min ?? null,
          injured: ev.injured?.min ?? null,
          modality: ev.modality,
        },
      },
    ];
  });
  return { type: 'FeatureCollection', features };
}

/** A FeatureCollection's text around features already written as JSON (see listEventFeaturesJson). */
export function featureCollectionText(features: readonly string[]): string {
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}
