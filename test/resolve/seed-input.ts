/** The seed article with the NER mentions a reasonable model gives (including typical false positives). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityResolutionInput } from '../../src/resolve/entities/index.js';
import { inputOf } from './helpers.js';

export const SEED_DIR = join(import.meta.dirname, '../../../shared/eval/cases/seed');
export const hasSeed = existsSync(join(SEED_DIR, 'article.txt'));

/** The seed's resolution input, or null when ../shared is absent. */
export function seedInput(): EntityResolutionInput | null {
  if (!hasSeed) return null;
  const text = readFileSync(join(SEED_DIR, 'article.txt'), 'utf8');
  const dateline = { start: 0, end: 'NEW DELHI'.length };
  return inputOf(
    text,
    [
      ['NEW DELHI', 'LOC'],
      ['Islamic State Khorasan Province', 'ORG'],
      ['ISKP', 'ORG'],
      ['ISIS', 'ORG'],
      ['Sources', 'ORG'],
      ['Dismissing', 'PER'],
      ['Apart', 'MISC'],
      ['Inputs', 'ORG'],
      ['Ever', 'PER'],
      ['Sanaullah Ghafari', 'PER'],
      ['Shahab al-Muhajir', 'PER'],
      ['Ghafari', 'PER'],
      ['Ghafri', 'PER'],
      ['Taliban', 'ORG'],
      ['TTP', 'ORG'],
      ['Pakistan Taliban', 'ORG'],
      ['Tehreek-E-Taliban Pakistan', 'ORG'],
      ['ISI', 'ORG'],
      ['US-based', 'MISC'],
    ],
    [
      ['South Asia', 'PK'],
      ['Pakistan', 'PK'],
      ['Afghanistan', 'AF'],
      ['Khyber Pakhtunkhwa', 'PK'],
      ['Balochistan', 'PK'],
      ['South Waziristan', 'PK'],
      ['Kabul', 'AF'],
      ['Kunar', 'AF'],
      ['Moscow', 'RU'],
    ],
    dateline,
  );
}
