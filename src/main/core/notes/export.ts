/**
 * Export the notebook as Markdown files, one per live note: YAML front matter (note id, question id and its link,
 * pack, system, tags), the question's stem quoted, then the note's own Markdown. The same files go to a folder (CLI)
 * or into a .zip (the app).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Db } from '../db/open';
import { htmlToText } from '../bank/sanitize';

export interface NotebookFile {
  name: string;
  content: string;
}

/** How the app opens a question from outside: the item review's route. */
export const questionLink = (questionId: number) => `vignette://question/${questionId}`;

interface Row {
  id: number;
  origin: string;
  title: string;
  body_md: string;
  system: string | null;
  source_key: string | null;
  question_id: number | null;
  pack_title: string | null;
  stem_html: string | null;
  tags: string | null;
  updated_at: number;
}

const yaml = (value: string) => JSON.stringify(value); // a JSON string is a valid YAML double-quoted scalar
const slug = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'note';

export function notebookFiles(db: Db): NotebookFile[] {
  const rows = db
    .prepare(
      `SELECT n.id, n.origin, n.title, n.body_md, n.system, n.source_key, n.question_id, n.updated_at, p.title AS pack_title, q.stem_html,
         (SELECT group_concat(t.name, char(31)) FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id) AS tags
       FROM notes n LEFT JOIN questions q ON q.id = n.question_id LEFT JOIN packs p ON p.id = q.pack_id
       WHERE n.deleted_at IS NULL ORDER BY n.id`,
    )
    .all() as Row[];
  return rows.map((r) => {
    const tags = r.tags ? r.tags.split('\u001f') : [];
    const front = [
      '---',
      `id: ${r.id}`,
      `title: ${yaml(r.title)}`,
      `origin: ${r.origin}`,
      ...(r.question_id !== null ? [`question: ${r.question_id}`, `link: ${yaml(questionLink(r.question_id))}`] : []),
      ...(r.pack_title !== null ? [`pack: ${yaml(r.pack_title)}`] : []),
      ...(r.system !== null ? [`system: ${yaml(r.system)}`] : []),
      `tags: [${tags.map(yaml).join(', ')}]`,
      ...(r.source_key !== null ? [`source: ${yaml(r.source_key)}`] : []),
      `updated: ${new Date(r.updated_at).toISOString()}`,
      '---',
      '',
    ];
    const stem = r.stem_html
      ? htmlToText(r.stem_html)
          .trim()
          .split('\n')
          .map((line) => `> ${line}`.trimEnd())
          .join('\n') + '\n\n'
      : '';
    return { name: `${String(r.id).padStart(5, '0')}-${slug(r.title)}.md`, content: `${front.join('\n')}${stem}${r.body_md.trimEnd()}\n` };
  });
}

/** Writes the notebook into `dir` (created if missing); returns the files written. */
export function exportNotebookToFolder(db: Db, dir: string): NotebookFile[] {
  const files = notebookFiles(db);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.content);
  return files;
}

/** The notebook as one .zip (a `notebook/` folder inside), for the app's Export button. */
export function notebookZip(db: Db): { count: number; bytes: Uint8Array } {
  const files = notebookFiles(db);
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[`notebook/${f.name}`] = strToU8(f.content);
  return { count: files.length, bytes: zipSync(entries, { level: 6 }) };
}
