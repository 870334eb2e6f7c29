/**
 * News outlets and agencies known by name. The NER often reads a one-word title as a person
 * ("told Dawn", "Geo said"); a name on this list, written exactly so, is an organisation. Only
 * titles that are names in the text's own capitalisation are listed: "Dawn" at a sentence's start
 * is rarely tagged as a name at all, and when it is, it is the Karachi daily far more often than
 * the time of day in conflict reporting.
 */
const NAMES = [
  // Agencies
  'Reuters',
  'Agence France-Presse',
  'AFP',
  'Associated Press',
  'Xinhua',
  'Anadolu',
  'Anadolu Agency',
  'Interfax',
  'TASS',
  'Press Trust of India',
  'Asian News International',
  'IANS',
  'Pajhwok',
  'Pajhwok Afghan News',
  'Bakhtar',
  'Amaq',
  // Broadcasters
  'BBC',
  'CNN',
  'Al Jazeera',
  'Al Arabiya',
  'Sky News',
  'Voice of America',
  'VOA',
  'Radio Free Europe',
  'Deutsche Welle',
  'France 24',
  'RFI',
  'Geo News',
  'ARY News',
  'TOLOnews',
  'Ariana News',
  'NDTV',
  // Newspapers and news sites
  'Dawn',
  'The News',
  'Express Tribune',
  'The Express Tribune',
  'The Hindu',
  'Hindustan Times',
  'The Times of India',
  'Daily Nation',
  'The Standard',
  'Premium Times',
  'The Guardian',
  'The New York Times',
  'The Washington Post',
  'Le Monde',
  'El País',
  'Kashmir Observer',
  'Greater Kashmir',
  'Khaama Press',
  'Hasht-e Subh',
] as const;

const KNOWN = new Set<string>(NAMES);

/** True when the name, as written, is a known news outlet or agency. */
export function isKnownOutlet(surface: string): boolean {
  return KNOWN.has(surface.trim());
}
