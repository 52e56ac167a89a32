/**
 * The command-line door: the same core, from a terminal. `vignette --help` lists the commands.
 * Exit codes: 0 success, 1 user error (one line on stderr), 2 internal error.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createApi, type Api } from './core/api';
import { backupDatabase, restoreDatabase } from './core/db/backup';
import { DatabaseError, openDatabase } from './core/db/open';
import { resolveDbPath, samplesDir } from './paths';
import { AppError, formatProblem } from '../shared/result';
import type { ImportReport } from '../shared/types';
import { version } from '../../package.json';
import { READINESS_FLAGS, READINESS_HELP, runReadinessCommand } from './cliReadiness';
import { CARDS_HELP, CardsUsageError, runCards } from './cliCards';

const HELP = `Vignette ${version} — offline USMLE question bank

Usage: vignette <command> [options]

Commands:
  info                       database path, schema version and counts
  backup <file>              copy the database to <file> (safe while the app runs)
  restore <file>             replace the database with a backup (close the app first)
  import <path…>             import packs, MedQA .jsonl, CSV/TSV, mapped JSON or Markdown notes
      --format <f>           native | medqa | csv | json-map | notes (default: detected)
      --map target=source    field mapping for JSON arrays (repeatable), e.g. --map stem=questionText
      --skip-invalid         import the valid items and list the rejected ones
      --dry-run              check and count without writing anything
  packs                      list imported packs
  search <text>              full-text search over questions
${READINESS_HELP}
${CARDS_HELP}
Options (all commands):
  --db <file>                database file (default: the app's; VIGNETTE_DB also sets it)
  --json                     machine-readable output
  -h, --help                 this help
`;

class UsageError extends Error {}

interface Parsed {
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

function printImport(report: ImportReport): string {
  const lines: string[] = [];
  for (const p of report.packs) {
    lines.push(`${p.title} (${p.format}, ${p.file}): ${p.added} added, ${p.updated} updated, ${p.unchanged} unchanged, ${p.retired} retired`);
  }
  if (report.notes.added + report.notes.updated + report.notes.unchanged > 0) {
    lines.push(`Notes: ${report.notes.added} added, ${report.notes.updated} updated, ${report.notes.unchanged} unchanged`);
  }
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
      const result = await backupDatabase(api.context.db, resolve(target));
      return p.json ? result : `Backed up ${dbPath} to ${result.path}`;
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
    case 'stats':
    case 'assessments':
    case 'readiness':
      return runReadinessCommand(p.command, p.args, p.options, p.json, api);
    case 'cards':
      return runCards(api, p.args, p.json);
    default:
      throw new UsageError(`unknown command ${p.command}; see vignette --help`);
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
    if (parsed.command === 'restore') {
      const source = parsed.args[0];
      if (!source) throw new UsageError('restore needs a file: vignette restore <file>');
      mkdirSync(dirname(dbPath), { recursive: true });
      restoreDatabase(resolve(source), dbPath);
      process.stdout.write(parsed.json ? `${JSON.stringify({ restored: dbPath })}\n` : `Restored ${dbPath} from ${source}\n`);
      return 0;
    }
    mkdirSync(dirname(dbPath), { recursive: true });
    const db = openDatabase(dbPath);
    try {
      const api = createApi(db, { dbPath, samplesDir: samplesDir(), appVersion: version });
      const out = await run(parsed, api, dbPath);
      process.stdout.write(typeof out === 'string' ? `${out}\n` : `${JSON.stringify(out, null, 2)}\n`);
      return 0;
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof CardsUsageError || error instanceof DatabaseError) {
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
