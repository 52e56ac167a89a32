/**
 * Where the dashboard's time goes: each aggregate of `stats:dashboard` timed alone on a MedQA bank with 500,000
 * answers and 200,000 cards on 50,000 questions. `npx tsx bench/profileDashboard.ts` (a diagnostic; `npm run bench`
 * prints the total).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApi } from '../src/main/core/api';
import { openDatabase, type Db } from '../src/main/core/db/open';
import { readSettings } from '../src/main/core/settings/settings';
import { listAssessments } from '../src/main/core/assessments/store';
import { buildPlan, readinessFor } from '../src/main/core/analytics/dashboard';
import { localDay } from '../src/main/core/analytics/maths';
import { blockPoints, dailyPoints, memorySummary, performanceBy, timeSummary, totals } from '../src/main/core/analytics/queries';
import { reasonSummary } from '../src/main/core/analytics/reasons';
import { seedHistory } from './history';
import { medqaFile } from './dataset';


/** Prints each aggregate's median time on `db` (also called by the bench row, so its total can be explained). */
export function profileAggregates(db: Db, now = Date.now()): void {
  const today = localDay(now);
  const settings = readSettings(db);
  // Wall time and CPU time: on a shared machine the wall time includes waiting for a core; the CPU time is the work.
  const time = (name: string, fn: () => unknown) => {
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      fn();
      const c = process.cpuUsage(c0);
      samples.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
    }
    samples.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(`    ${name.padEnd(28)} median ${samples[2]!.toFixed(1)} ms (CPU ${cpu[2]!.toFixed(1)} ms)`);
  };
  time('totals', () => totals(db));
  for (const dim of ['system', 'discipline', 'pack', 'exam'] as const) time(`performance by ${dim}`, () => performanceBy(db, dim, today));
  time('block points', () => blockPoints(db));
  time('daily points', () => dailyPoints(db, today));
  time('time summary', () => timeSummary(db));
  time('memory summary', () => memorySummary(db, now, now + 60 * 86_400_000));
  time('reasons', () => reasonSummary(db, today));
  time('readiness', () => db.transaction(() => readinessFor(db, settings.exam, settings.examDate, now))());
  time('plan', () => buildPlan(db, settings, listAssessments(db), now));
}

if (require.main === module) {
  const dir = mkdtempSync(join(tmpdir(), 'vignette-prof-dash-'));
  const file = join(dir, 'dash.db');
  const db = openDatabase(file);
  const api = createApi(db, { dbPath: file, samplesDir: resolve(__dirname, '../question-packs') });
  void (async () => {
    // 50,000 questions like the bench bank: MedQA copied with a tag per copy (`BANK=small` keeps one copy).
    const medqa = readFileSync(medqaFile(), 'utf8').trim().split('\n');
    const copies = process.env.BANK === 'small' ? 1 : 40;
    const rows = Array.from({ length: copies }, (_, c) => medqa.map((l) => JSON.stringify({ ...JSON.parse(l), question: `${JSON.parse(l).question} (copy ${c})` }))).flat();
    for (let part = 0; part * 10_000 < rows.length; part++) {
      const path = join(dir, `part-${part}.jsonl`);
      writeFileSync(path, rows.slice(part * 10_000, (part + 1) * 10_000).join('\n'));
      await api.call('packs:import', { paths: [path] });
    }
    seedHistory(db, { answers: 500_000, cards: 200_000, now: Date.now() });
    // Reasons as the review bench seeds them: one on every third incorrect answer.
    db.prepare("UPDATE block_items SET reason = json_extract('[\"knowledge\",\"misread\",\"reasoning\",\"time\",\"guessed\",\"careless\"]', '$[' || (question_id % 6) || ']') WHERE outcome = 'incorrect' AND (block_id + position) % 3 = 0").run();
    db.prepare("UPDATE questions SET system = 'System ' || (id % 18), discipline = 'Discipline ' || (id % 12)").run();
    await api.call('settings:set', { exam: 'step1', examDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10) });
    profileAggregates(db);
    const t0 = performance.now();
    await api.call('stats:dashboard', {});
    console.log(`    stats:dashboard (whole, once)  ${(performance.now() - t0).toFixed(1)} ms`);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  })();
}
