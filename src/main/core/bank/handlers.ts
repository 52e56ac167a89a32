import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { runImport } from './import';
import { inferPackSystems } from './packSystems';
import { facetCounts } from './facets';
import { getMedia, getQuestion, listPacks, removePack, searchQuestions } from './queries';
import { relatedNotes } from '../notes/queries';
import { writeSettings } from '../settings/settings';

type BankMethods =
  | 'packs:list'
  | 'packs:remove'
  | 'packs:import'
  | 'packs:loadSamples'
  | 'packs:inferSystems'
  | 'questions:search'
  | 'questions:facets'
  | 'questions:get'
  | 'media:get';

export function bankHandlers(ctx: CoreContext) {
  return {
    'packs:list': () => listPacks(ctx.db),
    'packs:remove': ({ packId }) => removePack(ctx.db, packId, ctx.clock.now()),
    'packs:import': (input) => runImport(ctx, input),
    'packs:loadSamples': async () => {
      const paths = readdirSync(ctx.samplesDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(ctx.samplesDir, e.name));
      const report = await runImport(ctx, { paths, format: 'native', skipInvalid: false, dryRun: false });
      writeSettings(ctx.db, { samplesOffered: true });
      return report;
    },
    'packs:inferSystems': ({ packId, action }) => inferPackSystems(ctx.db, packId, action, ctx.clock.now()),
    'questions:search': ({ query, filters, page, pageSize }) => searchQuestions(ctx.db, query, filters, page, pageSize),
    'questions:facets': ({ query, filters }) => facetCounts(ctx.db, query, filters),
    'questions:get': ({ id }) => ({ ...getQuestion(ctx.db, id, true), notes: relatedNotes(ctx.db, id) }),
    'media:get': ({ id }) => getMedia(ctx.db, id),
  } satisfies HandlerMap<BankMethods>;
}
