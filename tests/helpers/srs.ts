/** Scheduler parameters for tests: the app's defaults (FSRS default weights, 1m/10m steps, 4 am rollover) in one zone. */
import type { SchedulerParams } from '../../src/main/core/srs/scheduler';

export const schedulerParams = (over: Partial<SchedulerParams> = {}): SchedulerParams => ({
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  weights: null,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  shortTerm: true,
  examDate: null,
  timeZone: 'America/New_York',
  rolloverHour: 4,
  ...over,
});
