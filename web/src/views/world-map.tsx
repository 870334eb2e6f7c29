/**
 * An offline map: country shapes from world-atlas (Natural Earth, 1:50m) drawn with d3-geo as SVG.
 * A point known only to a province or country is drawn as a dashed ring, not a pin.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';

/** One marker. */
export interface MapPoint {
  lat: number;
  lon: number;
  precision: string | null;
  title: string;
  color: string;
  onClick?: () => void;
}

const topo = countries50m as unknown as Topology<{ countries: GeometryCollection }>;
const land = feature(topo, topo.objects.countries);

const W = 720;
const H = 420;

/** Radius by precision: a pin for a town, a wider ring for a district, province or country. */
function radius(precision: string | null): number {
  if (precision === 'country') return 18;
  if (precision === 'admin1' || precision === 'region') return 12;
  if (precision === 'admin2') return 8;
  return 4;
}

export function WorldMap({ points }: { points: MapPoint[] }) {
  const projection = geoNaturalEarth1();
  if (points.length) {
    const lons = points.map((p) => p.lon);
    const lats = points.map((p) => p.lat);
    const pad = 4;
    const box: GeoPermissibleObjects = {
      type: 'MultiPoint',
      coordinates: [
        [Math.min(...lons) - pad, Math.min(...lats) - pad],
        [Math.max(...lons) + pad, Math.max(...lats) + pad],
      ],
    };
    projection.fitExtent(
      [
        [10, 10],
        [W - 10, H - 10],
      ],
      box,
    );
  } else {
    projection.fitSize([W, H], land);
  }
  const path = geoPath(projection);
  return (
    <svg class="map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="map of events">
      <rect width={W} height={H} class="sea" />
      <g class="land">
        {land.features.map((f) => (
          <path d={path(f) ?? ''} />
        ))}
      </g>
      <g class="markers">
        {points.map((p) => {
          const xy = projection([p.lon, p.lat]);
          if (!xy) return null;
          const r = radius(p.precision);
          const area = r > 4;
          return (
            <circle
              class={area ? 'marker area' : 'marker'}
              data-precision={p.precision ?? ''}
              cx={xy[0]}
              cy={xy[1]}
              r={r}
              fill={area ? 'none' : p.color}
              stroke={p.color}
              onClick={p.onClick}
            >
              <title>{p.title}</title>
            </circle>
          );
        })}
      </g>
    </svg>
  );
}
