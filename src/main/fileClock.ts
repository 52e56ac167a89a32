/**
 * A clock tests can move from outside the process: when VIGNETTE_CLOCK_FILE names a file, "now" is the epoch-ms
 * number in it (read on every call, so a test changes the day by rewriting the file); without the variable, or while
 * the file is missing, it is the system clock. VIGNETTE_CLOCK_OFFSET_MS instead shifts the system clock by a fixed
 * amount (a spaced-repetition e2e jumps to "tomorrow"). Read by the core worker, so e2e tests can simulate days.
 */
import { readFileSync } from 'node:fs';
import { systemClock, type Clock } from './core/context';

export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const file = env.VIGNETTE_CLOCK_FILE;
  const offset = Number(env.VIGNETTE_CLOCK_OFFSET_MS ?? 0) || 0;
  if (offset) return { now: () => Date.now() + offset };
  if (!file) return systemClock;
  return {
    now() {
      try {
        const ms = Number(readFileSync(file, 'utf8').trim());
        return Number.isFinite(ms) && ms > 0 ? ms : Date.now();
      } catch {
        return Date.now();
      }
    },
  };
}
