import type { DocumentInfo, Extraction, IngestedDocument, Problem, Span } from '../core/index.js';
import { EXTRACTION_SCHEMA, documentId, overlaps } from '../core/index.js';
import { extractFactsOfMany, type FactInput, type Facts } from '../extract/index.js';
import { splitSentences, tokenize } from '../nlp/index.js';
import type { NerMention, Sentence, Token } from '../nlp/index.js';
import { resolveEntities } from '../resolve/entities/index.js';
import { findToponyms, resolveToponyms, type Toponym } from '../resolve/geo/index.js';
import {
  appositiveToponyms,
  compoundToponyms,
  cuedToponyms,
  datelineToponym,
  locativeToponyms,
} from './extra-toponyms.js';
import { datelineAgencyName, datelineContext } from './dateline-agency.js';
import type { PipelineResources } from './resources.js';

/** Languages the English extractors can read; other documents are stored but not extracted. */
const EXTRACTABLE_LANGUAGES = new Set(['en']);

/** Per-call overrides of what ingestion found (the CLI's --published, --title, --url). */
export interface ExtractOptions {
  readonly includeText?: boolean;
}

/**
 * How many documents to extract together when many are waiting (ingest, workers): enough for
 * each stage's tables to stay warm (see extractDocuments), few enough that documents reach the
 * store soon after they are read.
 */
export const BATCH_SIZE = 64;

/** What the language stage found in a document: the input of every later stage. */
interface Analysis {
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly nerMentions: NerMention[];
  /** The dateline's place (see datelineContext): context, not an entity of the first sentence. */
  readonly datelinePlace: Span | null;
}

/** What the resolution stage found: places and the entities they and the names stand for. */
type Resolution = ReturnType<typeof resolveEntities>;

/**
 * Runs every stage on one document: nlp → resolve (places, entities) → extract (events,
 * relations, sources, claims). The only place that knows the order of stages.
 */
export function extractDocument(
  doc: IngestedDocument,
  res: PipelineResources,
  options: ExtractOptions = {},
): Extraction {
  return extractDocuments([doc], res, options)[0] as Extraction;
}

/**
 * `extractDocument` for several documents, in their order, stage by stage: each stage runs over
 * every document before the next stage starts. A stage's tables (the recogniser's weights, a few
 * megabytes read at random; the gazetteer; the rules) then stay in the processor's caches from one
 * document to the next instead of being pushed out by the other stages' in between, which makes
 * a batch of a few dozen articles about a quarter cheaper per article (bench/pipeline.ts). Outputs are
 * the same as one at a time.
 */
export function extractDocuments(
  docs: readonly IngestedDocument[],
  res: PipelineResources,
  options: ExtractOptions = {},
): Extraction[] {
  const analyses = docs.map((d) => analyse(d, res));
  const toponyms = docs.map((d, i) => {
    const a = analyses[i];
    return a ? toponymsOf(d, a, res) : null;
  });
  const places = docs.map((d, i) => {
    const t = toponyms[i];
    return t ? placesOf(d, t, res) : null;
  });
  const resolutions = docs.map((d, i) => {
    const a = analyses[i];
    const p = places[i];
    return a && p ? entitiesOf(d, a, p, res) : null;
  });
  // the extractors, phase by phase over the documents they can read
  const readable = docs.flatMap((d, i) => {
    const a = analyses[i];
    const r = resolutions[i];
    return a && r ? [{ i, input: factInput(d, a, r, res) }] : [];
  });
  const facts = new Map<number, Facts>();
  extractFactsOfMany(readable.map((x) => x.input)).forEach((f, k) => facts.set(readable[k]!.i, f));
  return docs.map((d, i) => assemble(d, resolutions[i] ?? null, facts.get(i) ?? null, options));
}

/** Tokens, sentences and NER mentions of an extractable document (null for other languages). */
function analyse(doc: IngestedDocument, res: PipelineResources): Analysis | null {
  if (!EXTRACTABLE_LANGUAGES.has(doc.language)) return null;
  const { text } = doc;
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  // The dateline's place and date are context; an agency bracketed in it ("(Reuters)") is a name.
  const datelinePlace = datelineContext(text, doc.datelineSpan);
  const nerMentions = withoutSpan(res.ner.recognize(text, tokens, sentences), datelinePlace);
  return { tokens, sentences, nerMentions, datelinePlace };
}

/** The toponyms of an analysed document: the geoparser's, and the dateline's and cued ones. */
function toponymsOf(doc: IngestedDocument, analysis: Analysis, res: PipelineResources): Toponym[] {
  const { text, datelineSpan } = doc;
  const { tokens, sentences, nerMentions } = analysis;
  return withExtraToponyms(
    text,
    findToponyms({ text, tokens, sentences, nerMentions, datelineSpan }, res.gazetteer),
    doc,
    nerMentions,
    res,
  );
}

/** The places the toponyms stand for. */
function placesOf(doc: IngestedDocument, toponyms: readonly Toponym[], res: PipelineResources) {
  return resolveToponyms(
    { text: doc.text, toponyms, dateline: doc.dateline, datelineRegion: doc.datelineRegion ?? null },
    res.gazetteer,
  );
}

/** Entities linked to the KB, places among them. */
function entitiesOf(
  doc: IngestedDocument,
  analysis: Analysis,
  places: ReturnType<typeof resolveToponyms>,
  res: PipelineResources,
): Resolution {
  const { tokens, sentences, nerMentions, datelinePlace } = analysis;
  return resolveEntities(
    { text: doc.text, tokens, sentences, nerMentions, places, datelineSpan: datelinePlace },
    res.kb,
  );
}

/** What the extractors read of a resolved document. */
function factInput(
  doc: IngestedDocument,
  analysis: Analysis,
  resolution: Resolution,
  res: PipelineResources,
): FactInput {
  return {
    text: doc.text,
    tokens: analysis.tokens,
    sentences: analysis.sentences,
    entities: resolution.entities,
    relationHints: resolution.relationHints,
    published: doc.published,
    datelineSpan: doc.datelineSpan,
    outlet: outletOf(doc),
    grader: res.grader,
  };
}

/** The outlet the ingest metadata names, else the agency the dateline brackets ("(Reuters)"). */
function outletOf(doc: IngestedDocument): string | null {
  return doc.outlet ?? datelineAgencyName(doc.text, doc.datelineSpan);
}

/** The extraction document of one document: its facts, or the problem that kept it from them. */
function assemble(
  doc: IngestedDocument,
  resolution: Resolution | null,
  facts: Facts | null,
  options: ExtractOptions,
): Extraction {
  const document = documentInfo(doc, outletOf(doc), options);
  if (!resolution || !facts) {
    const problem: Problem = {
      code: 'language_not_supported',
      message: `language "${doc.language}" is stored but not extracted: the extractors read English only`,
    };
    return emptyExtraction(document, [...doc.problems, problem]);
  }
  return {
    schema: EXTRACTION_SCHEMA,
    document,
    entities: resolution.entities,
    events: facts.events,
    relations: facts.relations,
    sources: facts.sources,
    claims: facts.claims,
    problems: [...doc.problems, ...facts.problems],
  };
}

function documentInfo(doc: IngestedDocument, outlet: string | null, options: ExtractOptions): DocumentInfo {
  return {
    id: documentId(doc.text),
    title: doc.title,
    url: doc.url,
    published: doc.published,
    dateline: doc.dateline,
    language: doc.language,
    outlet,
    author: doc.author,
    ...(options.includeText ? { text: doc.text } : {}),
  };
}

function emptyExtraction(document: DocumentInfo, problems: readonly Problem[]): Extraction {
  return {
    schema: EXTRACTION_SCHEMA,
    document,
    entities: [],
    events: [],
    relations: [],
    sources: [],
    claims: [],
    problems,
  };
}

/** Drops NER mentions inside the dateline: "NEW DELHI:" is context, not an entity of the first sentence. */
function withoutSpan(mentions: readonly NerMention[], skip: Span | null): NerMention[] {
  return skip ? mentions.filter((m) => !overlaps(m, skip)) : [...mentions];
}

/**
 * The body's toponyms plus the dateline's place, places fused into modifiers ("Iran-backed"),
 * names an appositive calls a place and names a locative preposition puts in a place, in text order.
 */
function withExtraToponyms(
  text: string,
  found: readonly Toponym[],
  doc: IngestedDocument,
  nerMentions: readonly NerMention[],
  res: PipelineResources,
): Toponym[] {
  const dateline = datelineToponym(text, doc.dateline, doc.datelineSpan);
  const taken: Span[] = [...found, ...(doc.datelineSpan ? [doc.datelineSpan] : [])];
  const compounds = compoundToponyms(text, res.gazetteer, taken);
  const isActor = (name: string) => res.kb.lookup(name).length > 0;
  const appositive = appositiveToponyms(text, nerMentions, [...taken, ...compounds]);
  const named = [
    ...appositive,
    ...cuedToponyms(text, nerMentions, isActor, [...taken, ...compounds, ...appositive]),
  ];
  const context = [...(dateline ? [dateline] : []), ...found, ...compounds];
  const located = locativeToponyms(
    text,
    nerMentions,
    res.gazetteer,
    isActor,
    [...taken, ...compounds, ...named],
    context,
  );
  return [...(dateline ? [dateline] : []), ...found, ...compounds, ...named, ...located].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
}
