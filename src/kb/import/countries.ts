/** Country names as lists write them ("Afghanistan", "Democratic Republic of the Congo") → ISO 3166-1 alpha-2. */
import { nameKey } from '../../core/index.js';

let byName: Map<string, string> | null = null;

/** Names that lists use and the runtime's English region names spell differently. */
const EXTRA: Readonly<Record<string, string>> = {
  'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG',
  'syrian arab republic': 'SY',
  'iran islamic republic of': 'IR',
  'russian federation': 'RU',
  'united republic of tanzania': 'TZ',
  'lao peoples democratic republic': 'LA',
  'democratic peoples republic of korea': 'KP',
  'republic of korea': 'KR',
  'viet nam': 'VN',
  turkiye: 'TR',
  'united kingdom of great britain and northern ireland': 'GB',
  'united states of america': 'US',
};

function table(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(EXTRA));
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code) byName.set(nameKey(name), code);
    }
  }
  return byName;
}

/** The ISO code for a country name or code, or null when unknown. */
export function countryCode(name: string | null): string | null {
  if (!name) return null;
  const t = name.trim();
  if (/^[A-Z]{2}$/.test(t)) return t;
  return table().get(nameKey(t)) ?? null;
}
