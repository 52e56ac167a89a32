import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../helpers/db';
import type { QuestionFilters } from '../../src/shared/types';

let t: TestApi;
beforeAll(async () => {
  t = openTestApi();
  await t.api.call('packs:loadSamples', {});
});
afterAll(() => t.close());

const sqlCount = (where: string, ...params: unknown[]) =>
  t.db.prepare(`SELECT count(*) FROM questions q WHERE q.retired = 0 AND ${where}`).pluck().get(...params) as number;

describe('facet counts', () => {
  it('total applies every filter and agrees with the block builder', async () => {
    const cases: QuestionFilters[] = [{}, { exams: ['step1'] }, { systems: ['Cardiovascular', 'Endocrine'] }, { exams: ['step2ck'], disciplines: ['Medicine'] }, { tags: ['lab-values'] }];
    for (const filters of cases) {
      const facets = await t.api.call('questions:facets', { filters });
      const { available } = await t.api.call('blocks:count', { filters });
      expect(facets.total).toBe(available);
    }
    expect((await t.api.call('questions:facets', { filters: { exams: ['step1'] } })).total).toBe(sqlCount("q.exam = 'step1'"));
  });

  it('each dimension counts with the other dimensions applied, not its own', async () => {
    const facets = await t.api.call('questions:facets', { filters: { exams: ['step1'], systems: ['Cardiovascular'] } });
    // Exam counts ignore the exam filter but apply the system filter.
    const step2 = facets.exams.find((e) => e.value === 'step2ck')!;
    expect(step2.count).toBe(sqlCount("q.exam = 'step2ck' AND q.system = 'Cardiovascular'"));
    // System counts apply the exam filter.
    const endo = facets.systems.find((s) => s.value === 'Endocrine')!;
    expect(endo.count).toBe(sqlCount("q.exam = 'step1' AND q.system = 'Endocrine'"));
    expect(facets.total).toBe(sqlCount("q.exam = 'step1' AND q.system = 'Cardiovascular'"));
  });

  it('full-text query narrows every facet', async () => {
    const all = await t.api.call('questions:facets', { query: '', filters: {} });
    const some = await t.api.call('questions:facets', { query: 'potassium', filters: {} });
    expect(some.total).toBeGreaterThan(0);
    expect(some.total).toBeLessThan(all.total);
    const search = await t.api.call('questions:search', { query: 'potassium', filters: {}, pageSize: 200 });
    expect(search.total).toBe(some.total);
    expect(search.items.every((i) => i.snippet.includes('\u0001'))).toBe(true);
  });
});
