/** The invalidation table: complete, and it refreshes what each action really changes. */
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../src/shared/contract';
import { INVALIDATION, staleAfter } from '../../src/shared/invalidation';

describe('invalidation table', () => {
  it('has exactly one entry per contract method', () => {
    expect(Object.keys(INVALIDATION).sort()).toEqual([...METHODS].sort());
  });

  it('finishing a block refreshes Home (blocks list), the library (statuses) and the facet counts', () => {
    const stale = staleAfter('blocks:end');
    for (const m of ['blocks:list', 'blocks:get', 'questions:search', 'questions:facets', 'blocks:count', 'app:info'] as const) expect(stale).toContain(m);
    expect(stale).not.toContain('settings:get');
    expect(stale).not.toContain('notes:search');
  });

  it('an import refreshes packs, library, facets, notes and the backups list, not the blocks', () => {
    const stale = staleAfter('packs:import');
    for (const m of ['packs:list', 'questions:search', 'questions:facets', 'notes:search', 'backups:list', 'app:info'] as const) expect(stale).toContain(m);
    expect(stale).not.toContain('blocks:list');
  });

  it('a restore refreshes every cached read; a setting only the settings', () => {
    const reads = METHODS.filter((m) => INVALIDATION[m].reads.length > 0);
    expect(staleAfter('backups:restore').sort()).toEqual(reads.sort());
    const afterSetting = staleAfter('settings:set');
    expect(afterSetting).toContain('settings:get');
    expect(afterSetting).toContain('cards:config'); // the SRS settings live in settings
    for (const m of ['blocks:list', 'questions:search', 'questions:facets', 'packs:list', 'notes:search'] as const) expect(afterSetting).not.toContain(m);
  });

  it('reads change nothing', () => {
    for (const m of METHODS.filter((m) => /:(get|list|search|facets|count|info|item)$/.test(m))) expect(staleAfter(m), m).toEqual([]);
  });
});
