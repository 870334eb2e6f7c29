/**
 * Language identification with ELD (Efficient Language Detector, Apache-2.0, n-gram model shipped
 * in the package, ~0.3 s to load the "small" model, microseconds per document). franc-min needs
 * far more text for a reliable call and tinyld is less accurate on short news text.
 */
import { eld } from 'eld/small';

/** Fewer letters than this and no detector can tell languages apart reliably. */
const MIN_LETTERS = 20;

/** Characters examined: language is settled long before the end of an article. */
const SAMPLE_CHARS = 4000;

/** The ISO 639-1 code of the text's language, or 'und' when it is too short or unclear to tell. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : 'und';
}
