/**
 * The study day: a day starts at a local rollover hour (Anki: 4 am), not at UTC midnight. ts-fsrs counts whole UTC
 * calendar days, so we hand it "study time" — real time shifted by (local offset − rollover) — and shift back after.
 * Every "due today", statistic, replay and the optimiser use these same functions.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface DayClock {
  /** IANA zone, e.g. "America/New_York"; the machine's own zone by default. */
  timeZone: string;
  rolloverHour: number;
}

export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local offset from UTC at instant t, in ms (New York in winter: −5 h). */
export function offsetMs(t: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(t)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - (t - (((t % 1000) + 1000) % 1000));
}

/** Real time → study time: a study day is exactly one UTC day of study time. */
export function toStudyTime(t: number, clock: DayClock): number {
  return t + offsetMs(t, clock.timeZone) - clock.rolloverHour * HOUR;
}

/** Study time → real time (the inverse, exact except inside a DST gap, where no local time exists). */
export function fromStudyTime(s: number, clock: DayClock): number {
  let t = s + clock.rolloverHour * HOUR - offsetMs(s, clock.timeZone);
  for (let i = 0; i < 2; i++) {
    const next = s + clock.rolloverHour * HOUR - offsetMs(t, clock.timeZone);
    if (next === t) break;
    t = next;
  }
  return t;
}

/** Index of the study day holding instant t (days since 1970-01-01 in study time). */
export function studyDay(t: number, clock: DayClock): number {
  return Math.floor(toStudyTime(t, clock) / DAY);
}

/** The instant a study day begins (the rollover hour, local time). */
export function studyDayStart(day: number, clock: DayClock): number {
  return fromStudyTime(day * DAY, clock);
}

/** ISO date (YYYY-MM-DD) a study day is named after. */
export function studyDayDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The study day a calendar date (YYYY-MM-DD) names. */
export function dayOfDate(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY);
}

export { DAY, HOUR };
