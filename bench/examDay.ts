/** Bench rows for exam-day simulations (issue 10), on the big bank: start a full Step 1 day, refresh it, start the next block. */
import type { Api } from '../src/main/core/api';

type Record = (name: string, unit: string, samples: number[], budget: number | null) => void;
type Time = (fn: () => unknown | Promise<unknown>) => Promise<number>;

export async function benchExamDay(api: Api, record: Record, time: Time): Promise<void> {
  const start: number[] = [];
  const get: number[] = [];
  const next: number[] = [];
  for (let i = 0; i < 8; i++) {
    let day = { id: 0, currentBlockId: 0 as number | null };
    // A full 14 × 20 day: draws 280 questions from the whole bank and writes block 1.
    start.push(await time(async () => (day = await api.call('days:start', { formatId: 'step1-2026', filters: { exams: ['step1'] } }))));
    await api.call('blocks:end', { blockId: day.currentBlockId! });
    for (let k = 0; k < 3; k++) get.push(await time(() => api.call('days:get', { dayId: day.id })));
    next.push(await time(() => api.call('days:next', { dayId: day.id })));
    const state = await api.call('days:get', { dayId: day.id });
    await api.call('blocks:end', { blockId: state.currentBlockId! });
  }
  record('exam day: start a 14×20 Step 1 day', 'ms', start, 20);
  record('exam day: refresh the day (break screen)', 'ms', get, 20);
  record('exam day: end the break, start the next block', 'ms', next, 20);
}
