import type { DocumentInfo, Extraction, IngestedDocument, Problem, Span } from '../core/index.js';
import { EXTRACTION_SCHEMA, documentId, overlaps } from '../core/index.js';
import { extractFacts } from '../extract/index.js';
import { splitSentences, tokenize } from '../nlp/index.js';
import type { NerMention } from '../nlp/index.js';
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
 * Runs every stage on one document: nlp → resolve (places, entities) → extract (events,
 * relations, sources, claims). The only place that knows the order of stages.
 */
export function extractDocument(
  doc: IngestedDocument,
  res: PipelineResources,
  options: ExtractOptions = {},
): Extraction {
  const outlet = doc.outlet ?? datelineAgencyName(doc.text, doc.datelineSpan);
  const document = documentInfo(doc, outlet, options);
  if (!EXTRACTABLE_LANGUAGES.has(doc.language)) {
    const problem: Problem = {
      code: 'language_not_supported',
      message: `language "${doc.language}" is stored but not extracted: the extractors read English only`,
    };
    return emptyExtraction(document, [...doc.problems, problem]);
  }
  const { text, datelineSpan } = doc;
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  // The dateline's place and date are context; an agency bracketed in it ("(Reuters)") is a name.
  const datelinePlace = datelineContext(text, datelineSpan);
  const nerMentions = withoutSpan(res.ner.recognize(text, tokens, sentences), datelinePlace);
  const toponyms = withExtraToponyms(
    text,
    findToponyms({ text, tokens, sentences, nerMentions, datelineSpan }, res.gazetteer),
    doc,
    nerMentions,
    res,
  );
  const places = resolveToponyms(
    { text, toponyms, dateline: doc.dateline, datelineRegion: doc.datelineRegion ?? null },
    res.gazetteer,
  );
  const resolution = resolveEntities(
    { text, tokens, sentences, nerMentions, places, datelineSpan: datelinePlace },
    res.kb,
  );
  const facts = extractFacts({
    text,
    tokens,
    sentences,
    entities: resolution.entities,
    relationHints: resolution.relationHints,
    published: doc.published,
    datelineSpan,
    outlet,
    grader: res.grader,
  });
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
