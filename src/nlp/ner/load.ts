import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NerModel } from './model.js';
import { fallbackModel } from './fallback.js';
import { readModel } from './model-file.js';
import { LinearRecognizer } from './recognizer.js';

/** Where the shipped model lives: src/nlp/ner/ and dist/src/nlp/ner/ both resolve to the repo's data/. */
export function modelDir(): string {
  const fromSrc = fileURLToPath(new URL('../../../data/models/ner/', import.meta.url));
  const fromDist = fileURLToPath(new URL('../../../../data/models/ner/', import.meta.url));
  return existsSync(join(fromSrc, 'model.json')) ? fromSrc : fromDist;
}

let cached: NerModel | undefined;

/** The shipped NER model, loaded once. Falls back to a rule-based recogniser (low scores) when no model file is present. */
export function loadNerModel(): NerModel {
  if (cached) return cached;
  const dir = modelDir();
  if (!existsSync(join(dir, 'model.json'))) return (cached = fallbackModel);
  const { weights, stacked, lexicon } = readModel(dir);
  return (cached = new LinearRecognizer(weights, lexicon, { stacked }));
}

/** Loads the trained recogniser from a directory (not cached); throws when absent. */
export function loadRecognizer(dir = modelDir()): LinearRecognizer {
  const { weights, stacked, lexicon } = readModel(dir);
  return new LinearRecognizer(weights, lexicon, { stacked });
}
