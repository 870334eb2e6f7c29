/** Training loop of the averaged perceptron over CoNLL documents, with model selection on a dev set. */
import { spansFromTags, type ConllDocument } from './conll.js';
import { evaluateDocuments, type NerScore } from './evaluate.js';
import { extractFeatures } from './features.js';
import { rng } from './hash.js';
import { NUM_LABELS, bilouFromSpans } from './labels.js';
import type { Lexicon } from './lexicon.js';
import { PerceptronTrainer, type LinearWeights } from './perceptron.js';
import { LinearRecognizer } from './recognizer.js';

/** Training settings. */
export interface TrainOptions {
  readonly bits: number;
  readonly epochs: number;
  readonly seed: number;
  /** Stop after this many epochs without a better dev score. */
  readonly patience?: number;
  readonly log?: (msg: string) => void;
  /** Scores candidate weights on dev (default: the weights alone, without the consistency pass). */
  readonly score?: (weights: LinearWeights) => NerScore;
}

/** A training document; for the stacked pass it carries first-pass labels (see FeatureInput.prior). */
export type TrainDocument = ConllDocument & { readonly prior?: Uint8Array };

/** The chosen weights and how they scored. */
export interface TrainResult {
  readonly weights: LinearWeights;
  readonly epoch: number;
  readonly devScore: NerScore | null;
}

interface Prepared {
  readonly feats: Uint32Array;
  readonly gold: Uint8Array;
  readonly sentences: readonly [number, number][];
}

/** Features and BILOU gold labels of a document. */
function prepare(doc: TrainDocument, lexicon: Lexicon): Prepared {
  const gold = new Uint8Array(doc.words.length);
  for (const [a, b] of doc.sentences) {
    const spans = spansFromTags(doc.tags, a, b).map((s) => ({ ...s, start: s.start - a, end: s.end - a }));
    gold.set(bilouFromSpans(spans, b - a), a);
  }
  return { feats: extractFeatures(doc, lexicon), gold, sentences: doc.sentences };
}

function shuffle<T>(a: T[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = a[i] as T;
    a[i] = a[j] as T;
    a[j] = tmp;
  }
}

/** Scores weights on dev documents (without the consistency pass, which is scored separately). */
export function scoreWeights(
  weights: LinearWeights,
  lexicon: Lexicon,
  dev: readonly ConllDocument[],
  consistency = false,
): NerScore {
  const rec = new LinearRecognizer(weights, lexicon, { consistency });
  return evaluateDocuments(dev, (doc) => rec.labelDocument(doc));
}

/** Trains on `train`, keeping the epoch that scores best on `dev` (the last epoch when dev is empty). */
export function trainPerceptron(
  train: readonly TrainDocument[],
  dev: readonly ConllDocument[],
  lexicon: Lexicon,
  opts: TrainOptions,
): TrainResult {
  const prepared = train.map((d) => prepare(d, lexicon));
  const longest = Math.max(1, ...prepared.flatMap((d) => d.sentences.map(([a, b]) => b - a)));
  const trainer = new PerceptronTrainer(opts.bits);
  const score = opts.score ?? ((w: LinearWeights): NerScore => scoreWeights(w, lexicon, dev));
  const order = prepared.flatMap((d, di) => d.sentences.map((_, si) => [di, si] as const));
  const random = rng(opts.seed);
  const scratch = new Float32Array(longest * NUM_LABELS);
  const pred = new Uint8Array(longest);
  let best: TrainResult | null = null;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, random);
    let errors = 0;
    for (const [di, si] of order) {
      const d = prepared[di];
      const sent = d?.sentences[si];
      if (d && sent && trainer.step(d.feats, sent[0], sent[1], d.gold, pred, scratch)) errors++;
    }
    const weights = trainer.averaged();
    const devScore = dev.length > 0 ? score(weights) : null;
    opts.log?.(
      `epoch ${epoch}: ${errors} sentences wrong${devScore ? `; dev F1 ${devScore.f1.toFixed(2)} (P ${devScore.p.toFixed(2)} R ${devScore.r.toFixed(2)})` : ''}`,
    );
    if (!best || !devScore || !best.devScore || devScore.f1 > best.devScore.f1)
      best = { weights, epoch, devScore };
    else if (epoch - best.epoch >= (opts.patience ?? 3)) break;
  }
  if (!best) throw new Error('no training epochs were run');
  return best;
}
