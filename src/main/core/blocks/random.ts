/** A small seeded PRNG (mulberry32): the same seed over the same pool rebuilds the same block. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks `count` distinct elements in random order: a partial Fisher–Yates, so cost grows with count, not pool size.
 * `inPlace` lets a caller that owns the array skip the copy.
 */
export function samplePartial<T>(pool: T[], count: number, random: () => number, inPlace = false): T[] {
  const a = inPlace ? pool : pool.slice();
  const n = Math.min(count, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (a.length - i));
    const tmp = a[i]!;
    a[i] = a[j]!;
    a[j] = tmp;
  }
  return a.slice(0, n);
}
