/**
 * createApi: the one object implementing the contract. Every door (IPC, HTTP, CLI, tests) calls `invoke`,
 * which validates the input against the contract, runs the handler, and returns the result envelope.
 */
import { z } from 'zod';
import { contract, METHODS, type Input, type Method, type Output, type ProgressEvent } from '../../shared/contract';
import { AppError, type Result } from '../../shared/result';
import type { Clock, CoreContext } from './context';
import { systemClock } from './context';
import { DatabaseError, type Db, type OpenOptions } from './db/open';
import type { Handlers } from './handler';
import { settingsHandlers } from './settings/handlers';
import { bankHandlers } from './bank/handlers';
import { blockHandlers } from './blocks/handlers';
import { dayHandlers } from './days/handlers';
import { recoverInterruptedBlocks } from './blocks/clock';
import { backupHandlers } from './backups/handlers';
import { reviewHandlers } from './review/handlers';
import { noteHandlers } from './notes/handlers';
import { analyticsHandlers } from './analytics/handlers';
import { srsHandlers } from './srs/handlers';
import { optimizerHandlers } from './srs/optimizeHandlers';

export interface ApiOptions {
  dbPath: string;
  samplesDir: string;
  appVersion?: string;
  clock?: Clock;
  onEvent?: (event: ProgressEvent) => void;
  /** A reader (CLI next to a running app): no block recovery, no automatic backups, no restore. */
  readOnly?: boolean;
  openOptions?: OpenOptions;
  /** Suspend blocks left running by a crash (default: unless readOnly). Only the interactive owner does. */
  recoverBlocks?: boolean;
  /** See CoreContext.stagedImports. */
  stagedImports?: CoreContext['stagedImports'];
}

export interface Api {
  invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  /** Same as invoke, for doors that receive an untyped method name (HTTP, IPC). */
  invokeUnknown(method: string, input: unknown): Promise<Result<unknown>>;
  /** Calls a method and throws its error: for the CLI and tests. */
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  readonly context: CoreContext;
}

/** Merges domain handler maps; a method defined twice, or missing, fails at start-up. */
function mergeHandlers(...maps: Partial<Handlers>[]): Handlers {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, fn] of Object.entries(map)) {
      if (name in merged) throw new Error(`Handler ${name} is defined twice`);
      merged[name] = fn;
    }
  }
  const missing = METHODS.filter((m) => !(m in merged));
  if (missing.length) throw new Error(`No handler for ${missing.join(', ')}`);
  return merged as Handlers;
}

export function toErrorShape(error: unknown): Result<never> {
  if (error instanceof AppError) return { ok: false, error: error.toShape() };
  if (error instanceof DatabaseError) return { ok: false, error: { code: error.code, message: error.message } };
  if (error instanceof z.ZodError) {
    return {
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
        details: error.issues.map((i) => ({ field: i.path.join('.') || 'input', message: i.message })),
      },
    };
  }
  // A reader (the CLI next to a running app) that tried to write: say so rather than fail as an internal error.
  if ((error as { code?: string }).code === 'SQLITE_READONLY') {
    return { ok: false, error: { code: 'CONFLICT', message: 'The database is open read-only here (another Vignette owns it); do this in the app.' } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'INTERNAL', message } };
}

export function createApi(db: Db, options: ApiOptions): Api {
  const context: CoreContext = {
    db,
    clock: options.clock ?? systemClock,
    dbPath: options.dbPath,
    samplesDir: options.samplesDir,
    appVersion: options.appVersion ?? '0.1.0',
    emit: (event) => options.onEvent?.(event),
    readOnly: options.readOnly ?? false,
    stagedImports: options.stagedImports ?? false,
    openOptions: options.openOptions ?? {},
    replaceDatabase(next) {
      context.db = next;
      handlers = build();
    },
  };
  const build = () =>
    mergeHandlers(
      settingsHandlers(context),
      bankHandlers(context),
      blockHandlers(context),
      dayHandlers(context),
      backupHandlers(context),
      reviewHandlers(context),
      noteHandlers(context),
      srsHandlers(context),
      optimizerHandlers(context),
      analyticsHandlers(context),
    );
  let handlers = build();
  if (options.recoverBlocks ?? !context.readOnly) recoverInterruptedBlocks(db);

  async function invokeUnknown(method: string, input: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method ${method}` } };
    }
    const m = method as Method;
    try {
      const parsed = contract[m].input.parse(input ?? {});
      const handler = handlers[m] as (i: unknown) => unknown;
      const value = await handler(parsed);
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof AppError) && !(error instanceof z.ZodError) && !(error instanceof DatabaseError) && (error as { code?: string }).code !== 'SQLITE_READONLY') {
        console.error(`[vignette] ${method} failed:`, error);
      }
      return toErrorShape(error);
    }
  }

  return {
    context,
    invokeUnknown,
    invoke: (method, input) => invokeUnknown(method, input) as never,
    async call(method, input) {
      const result = await invokeUnknown(method, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as never;
    },
  };
}
