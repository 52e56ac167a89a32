/** Starting a full-length exam-day simulation from the builder's question pool. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorBox } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import { DAY_FORMATS, blockSizes, type DayFormatId } from '../../../shared/examFormats';
import type { QuestionFilters } from '../../../shared/types';
import type { Exam } from '../../../shared/pack';

/** The day of the exam chosen in Settings comes first; the student can still pick the other. */
const formatForExam = (exam: Exam | null): DayFormatId => (DAY_FORMATS.find((f) => f.exam === exam) ?? DAY_FORMATS[0]).id;

export function SimulationSetup({ filters, exam }: { filters: QuestionFilters; exam: Exam | null }) {
  const [formatId, setFormatId] = useState<DayFormatId>(() => formatForExam(exam));
  const format = DAY_FORMATS.find((f) => f.id === formatId)!;
  // The day draws only from its own exam (the core adds it to the filters), so that is the pool counted here.
  const count = useApi('blocks:count', { filters: { ...filters, exams: [format.exam] } }, { placeholderData: (prev) => prev });
  const available = count.data?.available ?? 0;
  const [blocks, setBlocks] = useState<number>(format.blocks);
  const [items, setItems] = useState<number>(format.itemsPerBlock);
  const start = useApiMutation('days:start', ['blocks:list']);
  const navigate = useNavigate();
  // The core's rule: all blocks at full size means the real day's item count (Step 2 CK: 316, blocks of 19–20).
  const needed = blocks === format.blocks && items === format.itemsPerBlock ? format.itemsPerDay : blocks * items;
  const realSizes = blockSizes(format.itemsPerDay, format.blocks);
  const realRange = realSizes[0] === realSizes[realSizes.length - 1] ? `${realSizes[0]}` : `${realSizes[realSizes.length - 1]}–${realSizes[0]}`;
  const clamp = (v: string, max: number) => Math.max(1, Math.min(max, Math.round(Number(v)) || 1));

  const choose = (id: DayFormatId) => {
    const next = DAY_FORMATS.find((f) => f.id === id)!;
    setFormatId(id);
    setBlocks(next.blocks);
    setItems(next.itemsPerBlock);
  };
  const begin = async () => {
    const day = await start.mutateAsync({ formatId, filters, blocks, itemsPerBlock: items });
    navigate(`/blocks/${day.currentBlockId}/run`);
  };

  return (
    <section className="card" aria-labelledby="sim-title" data-testid="simulation">
      <h2 id="sim-title">Full-length simulation</h2>
      <p className="muted">
        Timed blocks back to back, as on exam day: between blocks a break clock counts down from the day&apos;s {format.breakMinutes}-minute budget. Skip a
        break to keep its time for later. Results come per block and for the day.
      </p>
      <div className="segmented" role="group" aria-label="Exam day">
        {DAY_FORMATS.map((f) => (
          <button key={f.id} aria-pressed={f.id === formatId} onClick={() => choose(f.id)} data-testid={`day-${f.id}`}>
            {f.label}
          </button>
        ))}
      </div>
      <div className="form-grid" style={{ marginTop: '1rem' }}>
        <label htmlFor="day-blocks">Blocks</label>
        <div className="row">
          <input id="day-blocks" type="number" min={1} max={format.blocks} value={blocks} onChange={(e) => setBlocks(clamp(e.target.value, format.blocks))} data-testid="day-blocks" />
          <span className="muted">of {format.blocks} on the real day</span>
        </div>
        <label htmlFor="day-items">Questions per block</label>
        <div className="row">
          <input id="day-items" type="number" min={1} max={format.itemsPerBlock} value={items} onChange={(e) => setItems(clamp(e.target.value, format.itemsPerBlock))} data-testid="day-items" />
          <span className="muted">
            full day: {format.itemsPerDay} questions in blocks of {realRange}, {format.minutesPerBlock} min each; a shorter block keeps the pace of{' '}
            {Math.round((format.minutesPerBlock * 60) / format.itemsPerBlock)} s a question
          </span>
        </div>
      </div>
      <p className="muted small">
        Format effective {format.effective}. Source: {format.source}.
      </p>
      <ErrorBox error={start.error} title="The simulation was not started" />
      <div className="row builder-start">
        <span className="muted" data-testid="day-needs">
          Needs {needed} {format.exam === 'step1' ? 'Step 1' : 'Step 2 CK'} questions · {available} available
        </span>
        <button className="primary big" disabled={needed > available || start.isPending} onClick={() => void begin()} data-testid="start-day">
          Start the day
        </button>
      </div>
    </section>
  );
}
