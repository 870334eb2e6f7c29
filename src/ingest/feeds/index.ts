/** Feeds: parsing RSS/Atom/RDF, polling with conditional GET and back-off, and the registry interface the store implements. */
export type {
  FeedState,
  FeedRegistry,
  FeedPollResult,
  PollDeps,
  PollProblem,
  MaybePromise,
} from './types.js';
export { parseFeedXml, type FeedItem, type ParsedFeed } from './parse.js';
export { pollFeed, newFeedState, FEED_TYPES, PAGE_TYPES } from './poll.js';
export { parseInterval, formatInterval, backoffSeconds, isDue } from './schedule.js';
