/** Settings: one JSON value per key; defaults fill whatever the user never set. */
import type { Settings } from '../../../shared/types';
import type { Db } from '../db/open';

export const DEFAULT_SETTINGS: Settings = {
  exam: 'step1',
  examDate: null,
  targetScore: null,
  desiredRetention: 0.9,
  theme: 'system',
  fontScale: 1,
  contrast: 'normal',
  samplesOffered: false,
  lastBlock: null,
  planPasses: 1,
};

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) if (row.key in DEFAULT_SETTINGS) stored[row.key] = JSON.parse(row.value);
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export function writeSettings(db: Db, patch: Partial<Settings>): Settings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
  })();
  return readSettings(db);
}
