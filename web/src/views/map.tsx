/** The map of events, coloured by ACLED category, with the same filters as the table. */
import { useState } from 'preact/hooks';
import { CATEGORY_COLORS, get, href, label, qs } from '../api';
import { useLoad } from '../router';
import { Loaded } from './common';
import { FilterBar } from './filters';
import type { EventFilters } from './filters';
import { WorldMap } from './world-map';

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: {
    docId: string;
    category: string;
    type: string;
    dateStart: string | null;
    location: string | null;
    precision: string | null;
    fatalities: number | null;
  };
}

export function MapPage() {
  const [filters, setFilters] = useState<EventFilters>({});
  const fc = useLoad(
    () => get<{ features: Feature[] }>(`/api/events/geojson${qs({ ...filters, limit: 2000 })}`),
    [JSON.stringify(filters)],
  );
  return (
    <section>
      <h1>Map of events</h1>
      <FilterBar onChange={setFilters} />
      <Loaded {...fc}>
        {(d) => (
          <>
            <p class="muted">
              {d.features.length} events with a place. Dashed rings: known only to a district, province or
              country.
            </p>
            <WorldMap
              points={d.features.map((f) => ({
                lon: f.geometry.coordinates[0],
                lat: f.geometry.coordinates[1],
                precision: f.properties.precision,
                color: CATEGORY_COLORS[f.properties.category] ?? '#444',
                title: `${f.properties.dateStart ?? ''} ${label(f.properties.type)} — ${f.properties.location ?? ''} (${f.properties.fatalities ?? '?'} killed)`,
                onClick: () => {
                  location.hash = href.doc(f.properties.docId);
                },
              }))}
            />
            <p class="legend">
              {Object.entries(CATEGORY_COLORS).map(([c, col]) => (
                <span class="swatch" data-color={col}>
                  <svg width="10" height="10">
                    <circle cx="5" cy="5" r="5" fill={col} />
                  </svg>{' '}
                  {label(c)}{' '}
                </span>
              ))}
            </p>
          </>
        )}
      </Loaded>
    </section>
  );
}
