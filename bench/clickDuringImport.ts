/**
 * "A click during a 10,000-question import": the app's own arrangement (core and jobs worker threads behind the door,
 * as `npm run serve` runs it) answers `blocks:select` while a 10,000-question pack imports. Returns the latencies of
 * the clicks made while the import ran, and of the same clicks with nothing else going on.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCoreWorker } from '../src/main/coreWorker/host';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function clickDuringImport(root: string, work: string, jsonl: string): Promise<{ during: number[]; idle: number[]; importMs: number }> {
  const dbPath = join(work, 'click-during-import.db');
  const host = await startCoreWorker(join(root, 'src/main/coreWorker/worker.ts'), { dbPath, samplesDir: join(root, 'question-packs'), appVersion: 'bench' });
  try {
    const must = async (method: string, input: unknown) => {
      const r = await host.invokeUnknown(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    await must('packs:loadSamples', {});
    const block = (await must('blocks:create', { filters: {}, size: 40, mode: 'timed', secondsPerQuestion: 90, order: 'random' })) as { id: number };
    const click = async (i: number) => {
      const t0 = performance.now();
      await must('blocks:select', { blockId: block.id, position: i % 40, choice: i % 4 });
      return performance.now() - t0;
    };
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) {
      idle.push(await click(i));
      await sleep(5);
    }
    const file = join(work, 'click-import-10k.jsonl');
    writeFileSync(file, jsonl);
    const during: number[] = [];
    let done = false;
    const t0 = performance.now();
    const importing = must('packs:import', { paths: [file] }).finally(() => (done = true));
    // A student clicking every ~20 ms (far faster than anyone does) for as long as the import runs.
    for (let i = 0; !done; i++) {
      during.push(await click(i));
      await sleep(20);
    }
    await importing;
    return { during, idle, importMs: performance.now() - t0 };
  } finally {
    await host.close();
  }
}
