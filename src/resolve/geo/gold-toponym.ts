import { cueAround, placeNameOf } from './cues.js';
import type { Toponym } from './types.js';

/** A toponym for a given span (gold annotations, user input), with its cue read from the text. */
export function goldToponym(text: string, start: number, end: number): Toponym {
  const surface = text.slice(start, end);
  return {
    start,
    end,
    surface,
    name: placeNameOf(surface),
    cue: cueAround(text, { start, end }),
    source: 'gold',
  };
}
