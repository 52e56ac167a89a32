/**
 * The command-line door: the same core, from a terminal. `vignette --help` lists the commands.
 * Exit codes: 0 success, 1 user error (one line on stderr), 2 internal error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApi, type Api } from './core/api';
import { clockFromEnv } from './fileClock';
import { backupPath, copyDatabase, listBackups } from './core/db/backups';
import { SCHEMA_VERSION } from './core/db/migrations';
import { DatabaseError, openDatabase, schemaVersion } from './core/db/open';
import { acquireOwnerLock, currentOwner, OwnerLockError, type OwnerRecord } from './core/db/ownerLock';
import { restoreClosedDatabase } from './core/db/restore';
import { openAsOwner } from './core/owner';
import { resolveDbPath, samplesDir } from './paths';
import { AppError, formatProblem } from '../shared/result';
import type { ImportReport } from '../shared/types';
import { version } from '../../package.json';
import { runNotebook } from './cliNotebook';
import { ankiImportLines, cardsOptimize } from './cliSrs';
import { READINESS_FLAGS, READINESS_HELP, runReadinessCommand } from './cliReadiness';
import { CARDS_HELP, CardsUsageError, runCards } from './cliCards';

const HELP = `Vignette ${version} — offline USMLE question bank

Usage: vignette <command> [options]

Commands:
  info                       database path, schema version and counts
  backup <file>              copy the database to <file> (safe while the app runs)
  backups                    list the automatic and manual backups (newest first)
  restore <file|name>        replace the database with a backup file or a name from
                             \`backups\` (close the app first; the current data is kept
                             as a pre-restore backup)
  import <path…>             import packs, MedQA .jsonl, CSV/TSV, mapped JSON Markdown notes or Anki .apkg/.colpkg
      --format <f>           native | medqa | csv | json-map | notes (default: detected)
      --map target=source    field mapping for JSON or CSV (repeatable), e.g. --map stem=question --map choices=opa,opb,opc
      --skip-invalid         import the valid items and list the rejected ones
      --dry-run              check and count without writing anything
  packs                      list imported packs
  search <text>              full-text search over questions
  notebook export <dir>      write every note as a Markdown file (front matter + question link) into <dir>
  cards optimize             fit the FSRS weights to your review history; prints log loss before/after
      --dry-run              fit and report without saving the weights
${READINESS_HELP}
${CARDS_HELP}
Options (all commands):
  --db <file>                database file (default: the app's; VIGNETTE_DB also sets it)
  --json                     machine-readable output
  -h, --help                 this help
`;

class UsageError extends Error {}

export interface Parsed {
  command: string | undefined;
  args: string[];
  db?: string;
  json: boolean;
  format?: string;
  map: Record<string, string>;
  skipInvalid: boolean;
  dryRun: boolean;
  help: boolean;
  /** Valued options of the readiness commands (--exam, --score, …), keyed without the dashes. */
  options: Record<string, string>;
}

export function parseArgs(argv: string[]): Parsed {
  const out: Parsed = { command: undefined, args: [], json: false, map: {}, skipInvalid: false, dryRun: false, help: false, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--db') out.db = value();
    else if (a === '--json') out.json = true;
    else if (a === '--format') out.format = value();
    else if (a === '--map') {
      const [target, source] = value().split('=');
      if (!target || !source) throw new UsageError('--map takes target=source, e.g. --map stem=questionText');
      out.map[target] = source;
    } else if (a === '--skip-invalid') out.skipInvalid = true;
    else if (a === '--dry-run') out.dryRun = true;
    else if (a === '-h' || a === '--help') out.help = true;
    else if ((READINESS_FLAGS as readonly string[]).includes(a)) out.options[a.slice(2)] = value();
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (out.command === undefined) out.command = a;
    else out.args.push(a);
  }
  return out;
}

/** "1273 of 1273 questions have no explanation; 1273 have no system", or nothing when nothing is missing. */
function missingLine(p: ImportReport['packs'][number]): string {
  const explanation = p.withoutExplanation ? `${p.withoutExplanation} of ${p.total} questions have no explanation` : '';
  if (!p.withoutSystem) return explanation;
  return explanation ? `${explanation}; ${p.withoutSystem} have no system` : `${p.withoutSystem} of ${p.total} questions have no system`;
}

function printImport(report: ImportReport): string {
  const lines: string[] = [];
  for (const p of report.packs) {
    lines.push(`${p.title} (${p.format}, ${p.file}): ${p.added} added, ${p.updated} updated, ${p.unchanged} unchanged, ${p.retired} retired`);
    const missing = missingLine(p);
    if (missing) lines.push(`  ${missing}`);
  }
  if (report.notes.added + report.notes.updated + report.notes.unchanged > 0) {
    lines.push(`Notes: ${report.notes.added} added, ${report.notes.updated} updated, ${report.notes.unchanged} unchanged`);
  }
  lines.push(...ankiImportLines(report));
  for (const w of report.warnings.slice(0, 20)) lines.push(`warning: ${formatProblem(w)}`);
  if (report.warnings.length > 20) lines.push(`… and ${report.warnings.length - 20} more warnings`);
  for (const r of report.rejected) lines.push(`skipped: ${formatProblem(r)}`);
  if (report.dryRun) lines.push('Dry run: nothing was written.');
  lines.push(`Done in ${report.durationMs} ms.`);
  return lines.join('\n');
}

async function run(p: Parsed, api: Api, dbPath: string): Promise<unknown> {
  switch (p.command) {
    case 'info': {
      const info = await api.call('app:info', {});
      if (p.json) return { ...info, cardTotals: await api.call('cards:counts', {}) };
      return [`Database: ${info.dbPath}`, `Schema version: ${info.schemaVersion}`, ...Object.entries(info.counts).map(([k, v]) => `${k}: ${v}`)].join('\n');
    }
    case 'backup': {
      const target = p.args[0];
      if (!target) throw new UsageError('backup needs a file: vignette backup <file>');
      await copyDatabase(api.context.db, resolve(target));
      return p.json ? { path: resolve(target) } : `Backed up ${dbPath} to ${resolve(target)}`;
    }
    case 'import': {
      if (!p.args.length) throw new UsageError('import needs at least one path');
      const report = await api.call('packs:import', {
        paths: p.args.map((a) => resolve(a)),
        ...(p.format ? { format: p.format as 'native' } : {}),
        ...(Object.keys(p.map).length ? { map: p.map } : {}),
        skipInvalid: p.skipInvalid,
        dryRun: p.dryRun,
      });
      return p.json ? report : printImport(report);
    }
    case 'packs': {
      const packs = await api.call('packs:list', {});
      if (p.json) return packs;
      if (!packs.length) return 'No packs yet. Import one: vignette import <file>';
      return packs.map((x) => `${String(x.id).padStart(4)}  ${x.title}  v${x.version}  ${x.questionCount} questions${x.retiredCount ? ` (${x.retiredCount} retired)` : ''}  [${x.sourceFormat}]`).join('\n');
    }
    case 'search': {
      const query = p.args.join(' ');
      if (!query) throw new UsageError('search needs text: vignette search <text>');
      const result = await api.call('questions:search', { query, pageSize: 20 });
      if (p.json) return result;
      const plain = (s: string) => s.replace(/\u0001/g, '[').replace(/\u0002/g, ']');
      return [`${result.total} match${result.total === 1 ? '' : 'es'}`, ...result.items.map((i) => `${String(i.id).padStart(6)}  ${i.packTitle}: ${plain(i.snippet)}`)].join('\n');
    }
    case 'notebook':
      return runNotebook(p, api);
    case 'stats':
    case 'assessments':
    case 'readiness':
      return runReadinessCommand(p.command, p.args, p.options, p.json, api);
    case 'cards':
      if (p.args[0] === 'optimize') return cardsOptimize(api, { json: p.json, dryRun: p.dryRun });
      return runCards(api, p.args, p.json);
    default:
      throw new UsageError(`unknown command ${p.command}; see vignette --help`);
  }
}

/** Commands that write: refused while an owner runs; otherwise run holding the lock, so no app can start meanwhile. */
const WRITING = new Set(['import', 'restore']);
/** Subcommands that write: `assessments add|update|remove`, `cards optimize` unless it is a dry run. */
function isWriting(p: Parsed): boolean {
  if (WRITING.has(p.command!)) return true;
  if (p.command === 'assessments') return ['add', 'update', 'remove'].includes(p.args[0] ?? '');
  if (p.command === 'cards') return p.args[0] === 'optimize' && !p.dryRun;
  return false;
}

const WHAT_TO_DO: Record<string, string> = {
  restore: 'close it or restore from Settings → Backups in the app',
  assessments: 'close it or log the result on the Dashboard in the app',
  cards: 'close it or optimise from Settings → Spaced repetition in the app',
};
const busy = (owner: OwnerRecord, command: string) => new OwnerLockError(owner, WHAT_TO_DO[command] ?? 'close it or import from the app');

/**
 * A reader must not migrate under a running app. With nothing running, a missing or older file is created or
 * upgraded here by briefly becoming its owner (lock, pre-migration backup, migration) — exactly what the app does.
 */
async function bringUpToDate(dbPath: string): Promise<void> {
  const owner = currentOwner(dbPath);
  if (owner) {
    const current = existsSync(dbPath) ? readVersion(dbPath) : null;
    if (current !== null && current < SCHEMA_VERSION) {
      throw new DatabaseError('DB_TOO_NEW', `The running Vignette (pid ${owner.pid}) uses an older schema (${current}) than this command (${SCHEMA_VERSION}); close it, then try again.`);
    }
    return;
  }
  if (existsSync(dbPath) && readVersion(dbPath) >= SCHEMA_VERSION) return;
  const owned = await openAsOwner({ dbPath, samplesDir: samplesDir(), appVersion: version, kind: 'cli', dailyBackup: false, recoverBlocks: false });
  owned.close();
}

function readVersion(dbPath: string): number {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

async function runWriting(p: Parsed, dbPath: string): Promise<number> {
  const owner = currentOwner(dbPath);
  if (owner) throw busy(owner, p.command!);
  if (p.command === 'restore') {
    const source = p.args[0];
    if (!source) throw new UsageError('restore needs a file: vignette restore <file|name>');
    const file = existsSync(resolve(source)) || source.includes('/') || source.includes('\\') ? resolve(source) : backupPath(dbPath, source);
    let lock;
    try {
      lock = acquireOwnerLock(dbPath, 'cli');
    } catch (error) {
      throw error instanceof OwnerLockError ? busy(error.owner, 'restore') : error;
    }
    try {
      const { preRestore: kept } = await restoreClosedDatabase(file, dbPath);
      const lines = [`Restored ${dbPath} from ${source}`, ...(kept ? [`The data it replaced is kept as the backup ${kept.name}`] : [])];
      process.stdout.write(p.json ? `${JSON.stringify({ restored: dbPath, preRestore: kept?.name ?? null })}\n` : `${lines.join('\n')}\n`);
      return 0;
    } finally {
      lock.release();
    }
  }
  let owned;
  try {
    owned = await openAsOwner({ dbPath, samplesDir: samplesDir(), appVersion: version, kind: 'cli', dailyBackup: false, recoverBlocks: false });
  } catch (error) {
    throw error instanceof OwnerLockError ? busy(error.owner, p.command!) : error;
  }
  try {
    const out = await run(p, owned.api, dbPath);
    process.stdout.write(typeof out === 'string' ? `${out}\n` : `${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } finally {
    owned.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`vignette: ${(error as Error).message}\n`);
    return 1;
  }
  if (parsed.help || !parsed.command) {
    process.stdout.write(HELP);
    return parsed.command || parsed.help ? 0 : 1;
  }
  const dbPath = resolveDbPath(parsed.db);
  try {
    if (parsed.command === 'backups') {
      const list = listBackups(dbPath);
      const lines = list.map((b) => `${new Date(b.createdAt).toISOString().replace('T', ' ').slice(0, 19)}  ${(b.bytes / 1e6).toFixed(1).padStart(7)} MB  ${b.reason.padEnd(13)} ${b.name}`);
      process.stdout.write(parsed.json ? `${JSON.stringify(list, null, 2)}\n` : `${lines.join('\n') || 'No backups yet.'}\n`);
      return 0;
    }
    if (isWriting(parsed)) return await runWriting(parsed, dbPath);
    await bringUpToDate(dbPath);
    // A reader: read-only connection, no recovery, no migration, no automatic backup — safe next to a running app.
    const db = openDatabase(dbPath, { readonly: true });
    try {
      // The clock a test can pin (VIGNETTE_CLOCK_FILE), as browser mode reads it: "due" must agree at one moment.
      const api = createApi(db, { dbPath, samplesDir: samplesDir(), appVersion: version, readOnly: true, clock: clockFromEnv() });
      const out = await run(parsed, api, dbPath);
      process.stdout.write(typeof out === 'string' ? `${out}\n` : `${JSON.stringify(out, null, 2)}\n`);
      return 0;
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof CardsUsageError || error instanceof DatabaseError || error instanceof OwnerLockError) {
      process.stderr.write(`vignette: ${error.message}\n`);
      return 1;
    }
    if (error instanceof AppError) {
      const internal = error.code === 'INTERNAL';
      process.stderr.write(`vignette: ${error.message}\n`);
      if (!internal && error.details && error.details.length > 1 && parsed.json) process.stderr.write(`${JSON.stringify(error.details)}\n`);
      else if (!internal && error.details && error.details.length > 1) for (const d of error.details.slice(0, 50)) process.stderr.write(`  ${formatProblem(d)}\n`);
      return internal ? 2 : 1;
    }
    process.stderr.write(`vignette: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
