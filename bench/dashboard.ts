/**
 * Bench row "dashboard (all aggregates)": `stats:dashboard` on the big bank (500,000 answers, 200,000 cards), beside a
 * baseline computing only the performance tables straight from block_items (what the dashboard would cost without
 * the trigger-kept rollup). The bank's questions get 18 systems and 12 disciplines first, so the rollup has realistic
 * cardinality (MedQA carries no such tags).
 *
 * Standalone: `npx tsx bench/dashboard.ts` builds a smaller bank (MedQA once) with the same history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApi, type Api } from '../src/main/core/api';
import { MIGRATIONS } from '../src/main/core/db/migrations';
import { openDatabase, type Db } from '../src/main/core/db/open';
import { seedHistory } from './history';
import { medqaFile } from './dataset';
import { profileAggregates } from './profileDashboard';

type Record = (name: string, unit: string, samples: number[], budget: number | null, baseline?: number[]) => void;

/** Re-tags the questions and rebuilds the rollup with the migration's own backfill statement. */
function tagBank(db: Db): void {
  const migration = MIGRATIONS.find((m) => m.includes('CREATE TABLE answer_rollup'))!;
  const backfill = migration.slice(migration.indexOf('-- Answers scored before this migration.'));
  db.transaction(() => {
    db.prepare("UPDATE questions SET system = 'System ' || (id % 18), discipline = 'Discipline ' || (id % 12)").run();
    db.prepare('DELETE FROM answer_rollup').run();
    db.exec(backfill);
  })();
}

export async function benchDashboard(db: Db, api: Api, record: Record): Promise<void> {
  tagBank(db);
  await api.call('settings:set', { exam: 'step1', examDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10) });
  const rollupRows = db.prepare('SELECT count(*) FROM answer_rollup').pluck().get() as number;
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await api.call('stats:dashboard', {});
    const c = process.cpuUsage(c0);
    samples.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const raw = db.prepare(
    `SELECT q.system, count(*), sum(i.outcome = 'correct') FROM block_items i JOIN questions q ON q.id = i.question_id
     WHERE i.outcome IS NOT NULL GROUP BY q.system`,
  );
  const rawDiscipline = db.prepare(
    `SELECT q.discipline, count(*), sum(i.outcome = 'correct') FROM block_items i JOIN questions q ON q.id = i.question_id
     WHERE i.outcome IS NOT NULL GROUP BY q.discipline`,
  );
  const baseline: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    raw.all();
    rawDiscipline.all();
    baseline.push(performance.now() - t0);
  }
  console.log(`  (answer_rollup: ${rollupRows} rows; baseline = system + discipline tables straight from block_items)`);
  record('dashboard (all aggregates)', 'ms', samples, 150, baseline);
  profileAggregates(db);
  // On a shared machine wall time includes waiting for a core; CPU time is the work itself.
  record('dashboard (all aggregates), CPU time', 'ms', cpu, 150);
}

if (require.main === module) {
  const dir = mkdtempSync(join(tmpdir(), 'vignette-bench-dash-'));
  const file = join(dir, 'dash.db');
  const db = openDatabase(file);
  const api = createApi(db, { dbPath: file, samplesDir: resolve(__dirname, '../question-packs') });
  void (async () => {
    await api.call('packs:import', { paths: [medqaFile()] });
    const t0 = performance.now();
    const h = seedHistory(db, { answers: 500_000, cards: 200_000, now: Date.now() });
    console.log(`seeded ${h.answers} answers, ${h.cards} cards in ${Math.round(performance.now() - t0)} ms`);
    await benchDashboard(db, api, (name, unit, s, budget, base) => {
      const sorted = [...s].sort((a, b) => a - b);
      console.log(`${name}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ${unit} (budget ${budget}); baseline ${base ? [...base].sort((a, b) => a - b)[Math.floor(base.length / 2)]!.toFixed(1) : '—'}`);
    });
    db.close();
    rmSync(dir, { recursive: true, force: true });
  })();
}
