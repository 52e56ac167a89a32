/**
 * SRS settings: one JSON value under the settings key 'srs' (desired retention and the exam date stay in the general
 * settings, where they already were). Turns them into the scheduler's parameters for flashcards and question cards.
 */
import type { SrsConfig } from '../../../shared/srs';
import type { Db } from '../db/open';
import { readSettings } from '../settings/settings';
import type { SchedulerParams } from './scheduler';
import { localTimeZone } from './studyDay';

export const DEFAULT_SRS: SrsConfig = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  newPerDay: 20,
  reviewsPerDay: 200,
  rolloverHour: 4,
  weights: null,
  examCap: true,
};

export function readSrsConfig(db: Db): SrsConfig {
  const raw = db.prepare("SELECT value FROM settings WHERE key = 'srs'").pluck().get() as string | undefined;
  const stored = raw ? (JSON.parse(raw) as Partial<SrsConfig>) : {};
  return { ...DEFAULT_SRS, ...stored, desiredRetention: readSettings(db).desiredRetention };
}

/** Writes the SRS part of a patch (retention goes to the general settings); returns the new config. */
export function writeSrsConfig(db: Db, patch: Partial<SrsConfig>): SrsConfig {
  const { desiredRetention, ...rest } = patch;
  const current = readSrsConfig(db);
  const { desiredRetention: _r, ...stored } = { ...current, ...rest };
  db.prepare("INSERT INTO settings (key, value) VALUES ('srs', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(stored));
  if (desiredRetention !== undefined) {
    db.prepare("INSERT INTO settings (key, value) VALUES ('desiredRetention', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify(desiredRetention),
    );
  }
  return readSrsConfig(db);
}

export interface SchedulerSet {
  config: SrsConfig;
  flash: SchedulerParams;
  /** Question cards come back in blocks, days apart: no minute steps. */
  question: SchedulerParams;
}

export function schedulerParams(db: Db, timeZone = localTimeZone()): SchedulerSet {
  const config = readSrsConfig(db);
  const examDate = config.examCap ? readSettings(db).examDate : null;
  const flash: SchedulerParams = {
    desiredRetention: config.desiredRetention,
    maximumIntervalDays: config.maximumIntervalDays,
    weights: config.weights,
    learningSteps: config.learningSteps,
    relearningSteps: config.relearningSteps,
    shortTerm: true,
    examDate,
    timeZone,
    rolloverHour: config.rolloverHour,
  };
  return { config, flash, question: { ...flash, shortTerm: false, learningSteps: [], relearningSteps: [] } };
}
