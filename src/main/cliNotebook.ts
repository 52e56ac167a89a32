/** `vignette notebook export <dir>`: the notebook as a folder of Markdown files, one per note. */
import { resolve } from 'node:path';
import type { Api } from './core/api';
import { exportNotebookToFolder } from './core/notes/export';
import { AppError } from '../shared/result';
import type { Parsed } from './cli';

export function runNotebook(p: Parsed, api: Api): unknown {
  const [sub, dir] = p.args;
  if (sub !== 'export' || !dir) throw new AppError('BAD_INPUT', 'usage: vignette notebook export <dir>');
  const target = resolve(dir);
  const files = exportNotebookToFolder(api.context.db, target);
  if (p.json) return { dir: target, files: files.map((f) => f.name) };
  return `Wrote ${files.length} note${files.length === 1 ? '' : 's'} to ${target}`;
}
