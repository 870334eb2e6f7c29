/** Name matching: words, transliteration-aware keys, titles and edit distance. */
export { wordsOf, foldWord, isCapitalized, type Word } from './words.js';
export {
  nameSkeleton,
  wordSkeleton,
  wordKey,
  sameName,
  isFillerWord,
  fillerBefore,
  contentWords,
  type WordKey,
} from './skeleton.js';
export { editDistance } from './edit-distance.js';
export {
  isTitleWord,
  isTitleOnly,
  stripTitles,
  titlePrefixLength,
  isNameLikeTitle,
  TITLE_WORDS,
} from './titles.js';
