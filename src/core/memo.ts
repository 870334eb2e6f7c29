/**
 * Bounded memoisation of pure functions of one string. Stages ask for the keys, folds and ids of
 * the same few thousand names and words in document after document; a map answers at the cost of
 * one look-up. The map starts afresh when full, so a long run's memory stays bounded (an answer is
 * then computed again, never wrong).
 */
export function memoize<V>(compute: (key: string) => V, max: number): (key: string) => V {
  const memo = new Map<string, V>();
  return (key: string): V => {
    let v = memo.get(key);
    if (v === undefined) {
      if (memo.size >= max) memo.clear();
      v = compute(key);
      memo.set(key, v);
    }
    return v;
  };
}
