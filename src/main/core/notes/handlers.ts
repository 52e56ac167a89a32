import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { getNote, noteFacets, searchNotes } from './queries';
import { deleteNote, questionNote, restoreNote, saveQuestionNote, updateNote } from './write';
import { notebookZip } from './export';

type NoteMethods =
  | 'notes:search'
  | 'notes:get'
  | 'notes:facets'
  | 'notes:question'
  | 'notes:save'
  | 'notes:update'
  | 'notes:delete'
  | 'notes:restore'
  | 'notes:export';

export function noteHandlers(ctx: CoreContext) {
  const { db, clock } = ctx;
  return {
    'notes:search': ({ query, limit, system, tag, origin }) => searchNotes(db, query, limit, { system, tag, origin }),
    'notes:get': ({ id }) => getNote(db, id),
    'notes:facets': () => noteFacets(db),
    'notes:question': ({ questionId }) => questionNote(db, questionId),
    'notes:save': ({ questionId, text }) => {
      const t = clock.now();
      const id = db.transaction(() => saveQuestionNote(db, questionId, text, t))();
      return { id, savedAt: t };
    },
    'notes:update': ({ id, text }) => {
      updateNote(db, id, text, clock.now());
      return getNote(db, id);
    },
    'notes:delete': ({ id }) => {
      deleteNote(db, id, clock.now());
      return { id };
    },
    'notes:restore': ({ id }) => {
      restoreNote(db, id);
      return getNote(db, id);
    },
    'notes:export': () => {
      const zip = notebookZip(db);
      const day = new Date(clock.now()).toISOString().slice(0, 10);
      return { fileName: `vignette-notebook-${day}.zip`, count: zip.count, base64: Buffer.from(zip.bytes).toString('base64') };
    },
  } satisfies HandlerMap<NoteMethods>;
}
