/** Flashcards through the contract: create, review session with previews, undo several steps, flags, limits, stats. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetting_curve, default_w } from 'ts-fsrs';
import { openTestApi, type TestApi } from '../../helpers/db';

let t: TestApi;
beforeEach(() => {
  t = openTestApi();
});
afterEach(() => t.close());

const MIN = 60_000;
const DAY = 86_400_000;
const row = (id: number) => t.db.prepare('SELECT * FROM cards WHERE id = ?').get(id);

describe('flashcards', () => {
  it('a review session shows previews, commits exactly the previewed outcome, and undo restores each step', async () => {
    const { cardIds } = await t.api.call('cards:create', { kind: 'basic', frontMd: 'Drug of choice for **absence** seizures?', backMd: 'Ethosuximide' });
    expect(cardIds).toHaveLength(1);
    let s = await t.api.call('cards:session', {});
    expect(s.next!.card.frontHtml).toContain('<strong>absence</strong>');
    expect(s.next!.previews.map((p) => p.label)).toEqual(['1m', '6m', '10m', expect.stringMatching(/d$/)]);
    const shown = s.next!;
    const snapshots = [row(cardIds[0]!)];
    t.clock.advance(8000);
    s = await t.api.call('cards:answer', { cardId: shown.card.id, rating: 3, shownAt: shown.shownAt });
    expect((row(cardIds[0]!) as { due: number }).due).toBe(shown.previews[2]!.due);
    expect(t.db.prepare('SELECT duration_ms FROM review_log').pluck().get()).toBe(8000);
    snapshots.push(row(cardIds[0]!));
    expect(s.counts).toMatchObject({ learning: 1, learningNow: 0, reviewsDue: 0, newAvailable: 0 });
    // Learning card due in 10 minutes: shown ahead (learn-ahead), answer Good again.
    t.clock.advance(10 * MIN);
    s = await t.api.call('cards:session', {});
    expect(s.counts).toMatchObject({ learning: 1, learningNow: 1, dueNow: 1 });
    expect(s.next!.card.id).toBe(cardIds[0]);
    await t.api.call('cards:answer', { cardId: cardIds[0]!, rating: 3, shownAt: s.next!.shownAt });
    s = await t.api.call('cards:session', {});
    expect(s.next).toBeNull();
    expect(s.undo).toMatchObject({ action: 'answer', cardId: cardIds[0] });
    // Undo twice: back to new, field by field.
    let u = await t.api.call('cards:undo', {});
    expect(row(cardIds[0]!)).toEqual(snapshots[1]);
    u = await t.api.call('cards:undo', {});
    expect(u.undone!.action).toBe('answer');
    expect(row(cardIds[0]!)).toEqual(snapshots[0]);
    expect(t.db.prepare('SELECT count(*) FROM review_log').pluck().get()).toBe(0);
    expect(u.next!.card.id).toBe(cardIds[0]);
  });

  it('cloze text makes one card per deletion, hidden on the front and revealed on the back', async () => {
    const { cardIds } = await t.api.call('cards:create', { kind: 'cloze', frontMd: '{{c1::Ethosuximide}} treats {{c2::absence::seizure type}} seizures', backMd: 'T-type Ca²⁺ channels' });
    expect(cardIds).toHaveLength(2);
    const c1 = await t.api.call('cards:get', { cardId: cardIds[0]! });
    expect(c1.frontHtml).toContain('[…]');
    expect(c1.frontHtml).toContain('absence');
    expect(c1.backHtml).toContain('<strong>Ethosuximide</strong>');
    const c2 = await t.api.call('cards:get', { cardId: cardIds[1]! });
    expect(c2.frontHtml).toContain('[seizure type]');
    const bad = await t.api.invoke('cards:create', { kind: 'cloze', frontMd: 'no deletion here', backMd: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.details?.[0]?.field).toBe('frontMd');
    expect(t.db.prepare('SELECT count(*) FROM flashcards').pluck().get()).toBe(1);
  });

  it('lists a card with inline tags (as Anki text has) by its plain text', async () => {
    await t.api.call('cards:create', { kind: 'basic', frontMd: '<b>Korrelation</b> nach Pearson<b>:</b><br>H<sub>2</sub>O &lt;tag> 1\\. Schritt', backMd: 'x' });
    const list = await t.api.call('cards:list', {});
    expect(list.items[0]!.front).toBe('Korrelation nach Pearson: H2O <tag> 1. Schritt');
  });

  it('suspend, bury until tomorrow, delete — each undoable; the daily new-card limit holds', async () => {
    await t.api.call('cards:setConfig', { patch: { newPerDay: 2 } });
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push(...(await t.api.call('cards:create', { kind: 'basic', frontMd: `Q${i}`, backMd: `A${i}` })).cardIds);
    let s = await t.api.call('cards:session', {});
    expect(s.counts.dueNow).toBe(2);
    await t.api.call('cards:act', { cardId: ids[0]!, action: 'suspend' });
    await t.api.call('cards:act', { cardId: ids[1]!, action: 'bury' });
    s = await t.api.call('cards:act', { cardId: ids[2]!, action: 'delete' });
    expect(s.next!.card.id).toBe(ids[3]);
    const list = await t.api.call('cards:list', {});
    expect(list.items.map((i) => i.id)).not.toContain(ids[2]);
    // Tomorrow the buried card is back.
    t.clock.advance(DAY);
    expect((await t.api.call('cards:list', { status: 'suspended' })).items.map((i) => i.id)).toEqual([ids[0]]);
    s = await t.api.call('cards:session', {});
    expect(s.next!.card.id).toBe(ids[1]);
    t.clock.advance(-DAY);
    await t.api.call('cards:undo', {});
    expect((await t.api.call('cards:list', {})).items.map((i) => i.id)).toContain(ids[2]);
    await t.api.call('cards:undo', {});
    await t.api.call('cards:undo', {});
    expect(t.db.prepare('SELECT sum(suspended), count(buried_until), count(deleted_at) FROM cards').raw().get()).toEqual([0, 0, 0]);
  });

  it('refuses an image that is not one and stores a real PNG by content', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e40000000049454e44ae426082', 'hex');
    const { name } = await t.api.call('cards:addImage', { fileName: 'dot.png', base64: png.toString('base64') });
    expect(name).toMatch(/^[0-9a-f]{16}\.png$/);
    const { cardIds } = await t.api.call('cards:create', { kind: 'basic', frontMd: `What is this? ![dot](${name})`, backMd: 'A dot' });
    const view = await t.api.call('cards:get', { cardId: cardIds[0]! });
    expect(view.frontHtml).toBe(`<p>What is this? <img src="data:image/png;base64,${png.toString('base64')}" alt="dot"></p>\n`);
    const bad = await t.api.invoke('cards:addImage', { fileName: 'evil.png', base64: Buffer.from('<script>').toString('base64') });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('evil.png is not a PNG, JPEG, GIF or WebP image.');
  });

  it('memory statistics: true retention, R from SQL equal to ts-fsrs, total knowledge, forecast', async () => {
    const { cardIds } = await t.api.call('cards:create', { kind: 'basic', frontMd: 'Q', backMd: 'A' });
    const id = cardIds[0]!;
    const answer = async (rating: 1 | 2 | 3 | 4) => {
      const s = await t.api.call('cards:session', {});
      expect(s.next?.card.id).toBe(id);
      await t.api.call('cards:answer', { cardId: id, rating, shownAt: s.next!.shownAt });
    };
    await answer(4); // new → review (Easy skips the steps)
    const c = row(id) as { due: number; stability: number; last_review: number };
    t.clock.set(c.due + 60_000);
    await answer(3); // a review passed
    const c2 = row(id) as { due: number; stability: number; last_review: number };
    t.clock.set(c2.due + 60_000);
    await answer(1); // a review failed
    const stats = await t.api.call('cards:stats', {});
    const year = stats.retention.find((r) => r.period === 'year')!;
    expect(year.total).toEqual({ passed: 1, failed: 1, retention: 0.5 });
    const today = stats.retention.find((r) => r.period === 'today')!;
    expect(today.total.failed).toBe(1);
    const now = t.clock.now();
    const c3 = row(id) as { stability: number; last_review: number };
    const expected = forgetting_curve(default_w, (now - c3.last_review) / DAY, c3.stability);
    expect(stats.retrievability.average!).toBeCloseTo(expected, 6);
    expect(stats.totalKnowledge).toBeCloseTo(expected, 6);
    expect(stats.forecast).toHaveLength(30);
    expect(stats.forecast.reduce((a, f) => a + f.count, 0)).toBe(1);
    expect(stats.heatmap.reduce((a, h) => a + h.count, 0)).toBe(3);
  });

  it('changing retention estimates workload and can reschedule review cards (logged)', async () => {
    const { cardIds } = await t.api.call('cards:create', { kind: 'basic', frontMd: 'Q', backMd: 'A' });
    const s = await t.api.call('cards:session', {});
    await t.api.call('cards:answer', { cardId: cardIds[0]!, rating: 4, shownAt: s.next!.shownAt });
    const w = await t.api.call('cards:workload', { retentions: [0.8, 0.9, 0.97] });
    expect(w.reviewCards).toBe(1);
    expect(w.estimates[0]!.perDay).toBeLessThan(w.estimates[1]!.perDay);
    expect(w.estimates[1]!.perDay).toBeLessThan(w.estimates[2]!.perDay);
    const before = (row(cardIds[0]!) as { due: number }).due;
    const r = await t.api.call('cards:setConfig', { patch: { desiredRetention: 0.97 }, reschedule: true });
    expect(r.rescheduled).toBe(1);
    expect(r.config.desiredRetention).toBe(0.97);
    expect((row(cardIds[0]!) as { due: number }).due).toBeLessThan(before);
    expect(t.db.prepare("SELECT count(*) FROM review_log WHERE kind = 'reschedule'").pluck().get()).toBe(1);
    const bad = await t.api.invoke('cards:setConfig', { patch: { learningSteps: ['ten minutes'] } });
    expect(bad.ok).toBe(false);
  });
});
