/** "Did you mean …" for misspelled keys, columns and mapping targets. */

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours: "explanaiton"). */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known name closest to a misspelled one, when it is close enough to be a typo: one edit for short names, two
 * for names of six letters or more, or the same name in another case or with _/- instead of camelCase.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === name) return undefined;
    const d = squash(candidate) === squash(name) ? 0 : distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.min(name.length, best?.length ?? 0) >= 6 ? 2 : 1;
  return bestDistance <= allowed ? best : undefined;
}

/** " (did you mean 'explanation'?)" or nothing. */
export function didYouMean(name: string, known: readonly string[]): string {
  const match = closest(name, known);
  return match ? ` (did you mean '${match}'?)` : '';
}
