/**
 * How long a block lasts, as the builder says it: whole minutes stay "30 min", anything else keeps its seconds
 * ("1 min 30 s", "20 s"), so a 2-question block never reads "0 min".
 */
export function blockLength(items: number, secondsPerQuestion: number): string {
  const total = Math.round(items * secondsPerQuestion);
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}
