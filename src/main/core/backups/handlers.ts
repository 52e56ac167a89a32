/** Backups from the doors: list, Back up now, and the safe restore done by the owner of the database. */
import { AppError } from '../../../shared/result';
import type { RestoreReport } from '../../../shared/types';
import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { backupPath, listBackups, writeBackup } from '../db/backups';
import { openDatabase } from '../db/open';
import { closeCheckpointed, stageRestore, swapIn } from '../db/restore';
import { settingsHandlers } from '../settings/handlers';

/** Restores `file` over the live database of `ctx` (see db/restore.ts for why the steps come in this order). */
export async function restoreInOwner(ctx: CoreContext, file: string): Promise<Omit<RestoreReport, 'restored'>> {
  if (ctx.readOnly) throw new AppError('CONFLICT', 'Restore is done by the Vignette app that has the database open: use Settings → Backups there.');
  const { staged } = await stageRestore(file, ctx.dbPath);
  // No await between the end of this backup and the swap below: no other call can write in between and be lost.
  const preRestore = await writeBackup(ctx.db, ctx.dbPath, 'pre-restore', ctx.clock.now());
  closeCheckpointed(ctx.db);
  swapIn(staged, ctx.dbPath);
  try {
    ctx.replaceDatabase(openDatabase(ctx.dbPath, ctx.openOptions));
  } catch (error) {
    // Cannot happen for a checked backup, but if it does, put the pre-restore copy back rather than leave nothing.
    const { staged: back } = await stageRestore(backupPath(ctx.dbPath, preRestore.name), ctx.dbPath);
    swapIn(back, ctx.dbPath);
    ctx.replaceDatabase(openDatabase(ctx.dbPath, ctx.openOptions));
    throw error;
  }
  const info = settingsHandlers(ctx)['app:info']();
  return { preRestore, schemaVersion: info.schemaVersion, counts: info.counts };
}

export function backupHandlers(ctx: CoreContext) {
  return {
    'backups:list': () => listBackups(ctx.dbPath),
    'backups:create': () => writeBackup(ctx.db, ctx.dbPath, 'manual', ctx.clock.now()),
    'backups:restore': async ({ name }) => {
      const file = backupPath(ctx.dbPath, name);
      const restored = listBackups(ctx.dbPath).find((b) => b.name === name)!;
      return { restored, ...(await restoreInOwner(ctx, file)) };
    },
  } satisfies HandlerMap<'backups:list' | 'backups:create' | 'backups:restore'>;
}
