import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../src/kb/names/index.js';
import { surfaceWords } from '../../src/resolve/entities/words.js';

describe('surfaceWords', () => {
  it('splits as wordsOf does, and hands back the memoised words for a surface seen before', () => {
    for (const s of [
      "Jama'at Nusrat al-Islam wal-Muslimin",
      "the Taliban's",
      'Tehrik-i-Taliban Pakistan',
      '',
    ]) {
      expect(surfaceWords(s)).toEqual(wordsOf(s));
      expect(surfaceWords(s)).toBe(surfaceWords(s));
    }
  });
});
