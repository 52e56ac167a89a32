import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { readSettings, writeSettings } from './settings';
import { schemaVersion } from '../db/open';
import { schedulerParams } from '../srs/config';
import { enforceExamCap } from '../srs/examCap';

export function settingsHandlers(ctx: CoreContext) {
  return {
    'app:info': () => {
      const count = (table: string) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return {
        appVersion: ctx.appVersion,
        dbPath: ctx.dbPath,
        schemaVersion: schemaVersion(ctx.db),
        counts: {
          packs: (ctx.db.prepare('SELECT count(*) AS n FROM packs WHERE removed_at IS NULL').get() as { n: number }).n,
          questions: (ctx.db.prepare('SELECT count(*) AS n FROM questions WHERE retired = 0').get() as { n: number }).n,
          notes: count('notes'),
          blocks: count('blocks'),
          cards: (ctx.db.prepare('SELECT count(*) AS n FROM cards WHERE deleted_at IS NULL').get() as { n: number }).n,
          answers: (ctx.db.prepare('SELECT count(*) AS n FROM block_items WHERE outcome IS NOT NULL').get() as { n: number }).n,
        },
      };
    },
    'settings:get': () => readSettings(ctx.db),
    'settings:set': (patch) =>
      ctx.db.transaction(() => {
        const settings = writeSettings(ctx.db, patch);
        // A new or moved exam date: no card may stay due after it (exam-date mode, srs/examCap.ts).
        if (patch.examDate !== undefined) enforceExamCap(ctx.db, schedulerParams(ctx.db).flash, ctx.clock.now());
        return settings;
      })(),
  } satisfies HandlerMap<'app:info' | 'settings:get' | 'settings:set'>;
}
