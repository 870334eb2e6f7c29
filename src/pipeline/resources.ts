import { loadActorKb } from '../kb/actors/index.js';
import type { ActorKb } from '../kb/actors/index.js';
import { loadGazetteer } from '../kb/gazetteer/index.js';
import type { Gazetteer } from '../kb/gazetteer/index.js';
import { loadNerModel } from '../nlp/index.js';
import type { NerModel } from '../nlp/index.js';
import type { Grader } from '../extract/index.js';
import { createGrader, loadReliabilityConfig } from '../grade/index.js';

/** The models and reference data the pipeline needs, loaded once and shared across documents. */
export interface PipelineResources {
  readonly ner: NerModel;
  readonly gazetteer: Gazetteer;
  readonly kb: ActorKb;
  /** Source reliability and claim credibility rules (outlet reliabilities from the user's file). */
  readonly grader: Grader;
}

/** Where user-editable data lives; every field optional (defaults: built-in data only). */
export interface ResourceOptions {
  /** Folder of imported watch lists (`sitrep kb import`). */
  readonly kbDir?: string;
  /** JSON file of outlet reliabilities. */
  readonly reliabilityFile?: string;
}

/** Loads every resource; each loader caches, so calling this twice is cheap. */
export function loadResources(options: ResourceOptions = {}): PipelineResources {
  return {
    ner: loadNerModel(),
    gazetteer: loadGazetteer(),
    kb: loadActorKb(options.kbDir ? { userDir: options.kbDir } : {}),
    grader: createGrader(loadReliabilityConfig(options.reliabilityFile)),
  };
}
