/**
 * Which pack a CSV, MedQA or mapped-JSON file updates. Those files carry no pack id, so the key starts from the file
 * name; but two different files called questions.csv must not replace each other's questions (the second import
 * would retire every question of the first). A file is the same source as the pack holding its key when at least one
 * of its questions is already in that pack, unchanged or with the same stem; otherwise it becomes a new pack
 * (questions-2, "questions (2)") and the report says so.
 */
import type { Problem } from '../../../shared/result';
import type { Db } from '../db/open';
import type { ParsedSource, ValidQuestion } from './draft';
import { htmlToText, isPlainText, markdownToSafeHtml } from './sanitize';
import { questionHash } from './writer';

/** Overlap is looked for among this many of the file's questions that share an id with the pack: enough to be sure. */
const SAMPLE = 200;

interface PackRow {
  id: number;
  format: string;
}

function sameSource(db: Db, pack: PackRow, source: ParsedSource, valid: ValidQuestion[]): boolean {
  if (pack.format !== source.format) return false;
  const find = db.prepare('SELECT q.id, q.hash, f.stem FROM questions q LEFT JOIN questions_fts f ON f.rowid = q.id WHERE q.pack_id = ? AND q.source_id = ?');
  let compared = 0;
  for (const { question } of valid) {
    const row = find.get(pack.id, question.id) as { id: number; hash: string; stem: string | null } | undefined;
    if (!row) continue;
    if (row.hash === questionHash(question, new Map())) return true;
    const stem = isPlainText(question.stem) ? question.stem.trim() : htmlToText(markdownToSafeHtml(question.stem));
    if (row.stem === stem) return true;
    if (++compared >= SAMPLE) break;
  }
  // A pack whose questions were all removed is no one else's: the file may take it over.
  return (db.prepare('SELECT count(*) FROM questions WHERE pack_id = ?').pluck().get(pack.id) as number) === 0;
}

/**
 * Gives a file-named pack a key of its own when its name is taken by a different source (in the database, or by
 * another file of the same import), and returns the warning that tells the user. Native packs name themselves.
 */
export function resolvePackKey(db: Db, source: ParsedSource, valid: ValidQuestion[], claimed: ReadonlySet<string>): Problem | undefined {
  if (source.format === 'native' || source.format === 'notes') return undefined;
  const base = source.pack.id;
  const findPack = db.prepare('SELECT id, source_format AS format FROM packs WHERE key = ?');
  let reason = '';
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base.slice(0, 95)}-${n}`;
    if (claimed.has(key)) {
      reason ||= 'has the same name as another file in this import';
      continue;
    }
    const pack = findPack.get(key) as PackRow | undefined;
    if (pack && !sameSource(db, pack, source, valid)) {
      reason ||= `has the same name as the pack '${source.pack.title}' imported before, but no question in common`;
      continue;
    }
    if (n === 1) return undefined;
    const firstTitle = source.pack.title;
    source.pack = { ...source.pack, id: key, title: `${firstTitle} (${n})` };
    // Re-importing the second file into its own pack is routine; the first time is worth a sentence.
    if (pack) return { file: source.file, message: `updates the pack '${source.pack.title}', not '${firstTitle}' (a different file of the same name)` };
    return { file: source.file, message: `${reason}, so it becomes a new pack '${source.pack.title}' instead of replacing it` };
  }
}
