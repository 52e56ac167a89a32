/** Create a block: choose the pool with live counts, the size and pace, the mode and the order. */
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorBox, PageHeader } from '../../components/common';
import { useApi, useApiMutation } from '../../queries';
import type { BlockSpecInput, FacetCount, QuestionFilters } from '../../../shared/types';
import type { Exam } from '../../../shared/pack';
import { FilterChips } from './FilterChips';
import { BlockPresets, presetFor, presetSpec, type PresetChoice } from './BlockPresets';
import { SimulationSetup } from '../days/SimulationSetup';
import { DEFAULT_BLOCK_PRESET, MAX_BLOCK_ITEMS } from '../../../shared/examFormats';
import { PoolBanner, withPool } from './PoolBanner';
import { poolFromState } from './pool';
import { blockLength } from '../../../shared/blockLength';
import { DuePoolToggle } from '../cards/DuePoolToggle';

const DEFAULT_SPEC: BlockSpecInput = { filters: {}, ...presetSpec(DEFAULT_BLOCK_PRESET), mode: 'timed', order: 'random', pauseStopsClock: false };

export function BuilderPage() {
  const settings = useApi('settings:get', {});
  const [spec, setSpec] = useState<BlockSpecInput | null>(null);
  const [preset, setPreset] = useState<PresetChoice>(DEFAULT_BLOCK_PRESET);
  const [tutorTimer, setTutorTimer] = useState(false);
  const navigate = useNavigate();
  const pool = poolFromState(useLocation().state);
  const client = useQueryClient();
  // The dashboard opens the builder with a pool preset (a weak system's unused and incorrect questions).
  const presetFilters = (useLocation().state as { filters?: QuestionFilters } | null)?.filters;
  const create = useApiMutation('blocks:create', ['blocks:list', 'settings:get']);

  // Start from the last block's settings, as UWorld and AMBOSS do, but always from the exam chosen in Settings (a
  // change of exam in Settings must not be undone by the last block's filters), unless another screen sent its own
  // pool (review missed, a dashboard row). The student can still choose other exams for this block.
  const [examDefault, setExamDefault] = useState<Exam | null>(null);
  useEffect(() => {
    if (spec || !settings.data) return;
    const last = settings.data.lastBlock;
    const base = last ? { ...DEFAULT_SPEC, ...last } : DEFAULT_SPEC;
    const sent = presetFilters || pool;
    const exam = !sent ? settings.data.exam : null;
    const own = exam ? { ...base, filters: { ...base.filters, exams: [exam] } } : base;
    const start = withPool(presetFilters ? { ...base, filters: presetFilters } : own, pool);
    setExamDefault(exam);
    setSpec(start);
    setPreset(presetFor(start.size, start.secondsPerQuestion));
    setTutorTimer(start.mode === 'tutor' && start.secondsPerQuestion !== null);
  }, [settings.data, spec, pool, presetFilters]);

  const filters = spec?.filters ?? {};
  const facets = useApi('questions:facets', { query: '', filters }, { placeholderData: (prev) => prev });
  const available = facets.data?.total ?? 0;
  const dims = useMemo(
    () =>
      facets.data
        ? ([
            ['packIds', 'Packs', facets.data.packs],
            ['exams', 'Exam', facets.data.exams],
            ['statuses', 'Status', facets.data.statuses],
            ['systems', 'Systems', facets.data.systems],
            ['disciplines', 'Disciplines', facets.data.disciplines],
            ['tags', 'Tags', facets.data.tags.slice(0, 24)],
          ] as [keyof QuestionFilters, string, FacetCount[]][])
        : [],
    [facets.data],
  );
  // A bank with no question of the Settings exam (untagged imports) starts from the whole bank instead of from nothing.
  useEffect(() => {
    if (!examDefault || !facets.data || facets.isPlaceholderData) return;
    setExamDefault(null);
    if (!facets.data.exams.some((e) => e.value === examDefault && e.count > 0)) {
      setSpec((s) => (s && s.filters.exams?.length === 1 && s.filters.exams[0] === examDefault ? { ...s, filters: { ...s.filters, exams: undefined } } : s));
    }
  }, [examDefault, facets.data, facets.isPlaceholderData]);
  if (!spec) return <PageHeader title="Create block" />;

  const update = (patch: Partial<BlockSpecInput>) => setSpec({ ...spec, ...patch });
  // The due pool counts every due card: turning it on drops the exam only the Settings default put there (a student's
  // own exam choice stays), so "Due for review (N)" and the available count agree.
  const dueFromEveryExam = (f: QuestionFilters): QuestionFilters => {
    const untouched = settings.data && f.exams?.length === 1 && f.exams[0] === settings.data.exam;
    return f.dueForReview && !filters.dueForReview && untouched ? { ...f, exams: undefined } : f;
  };
  const toggle = (dim: keyof QuestionFilters, value: string) => {
    const current = ((filters[dim] as (string | number)[] | undefined) ?? []).map(String);
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    const typed = dim === 'packIds' ? next.map(Number) : next;
    update({ filters: { ...filters, [dim]: typed.length ? typed : undefined } });
  };
  const choosePreset = (id: PresetChoice) => {
    setPreset(id);
    if (id === 'custom' || id === 'simulation') return;
    const p = presetSpec(id);
    update({ size: p.size, secondsPerQuestion: spec.mode === 'untimed' ? null : p.secondsPerQuestion });
  };
  const setMode = (mode: BlockSpecInput['mode']) => {
    const seconds = mode === 'untimed' || (mode === 'tutor' && !tutorTimer) ? null : (spec.secondsPerQuestion ?? 90);
    update({ mode, secondsPerQuestion: seconds });
  };
  const tooMany = spec.size > available;
  const length = spec.secondsPerQuestion ? blockLength(spec.size, spec.secondsPerQuestion) : null;

  const start = async () => {
    const state = await create.mutateAsync(spec);
    client.setQueryData(['runner:block', state.id], state);
    navigate(`/blocks/${state.id}/run`);
  };

  return (
    <>
      <PageHeader title="Create block" subtitle="Choose what to practise; the count updates as you filter." />
      <div className="builder">
        <section className="card">
          <div className="row">
            <h2 className="spacer">Question pool</h2>
            <span className="pool-count" data-testid="available">
              <strong>{available}</strong> question{available === 1 ? '' : 's'} available
            </span>
            <button className="link" onClick={() => update({ filters: { questionIds: filters.questionIds } })}>
              Clear filters
            </button>
          </div>
          {filters.questionIds && <PoolBanner label={pool?.label ?? `${filters.questionIds.length} chosen questions`} onClear={() => update({ filters: { ...filters, questionIds: undefined } })} />}
          <DuePoolToggle filters={filters} onChange={(f) => update({ filters: dueFromEveryExam(f) })} />
          {dims.map(([dim, label, values]) => (
            <FilterChips key={dim} label={label} values={values} selected={((filters[dim] as (string | number)[] | undefined) ?? []).map(String)} onToggle={(v) => toggle(dim, v)} />
          ))}
        </section>
        <section className="card">
          <h2>Size and pace</h2>
          <BlockPresets selected={preset} onChoose={choosePreset} />
          {preset !== 'simulation' && (
          <div className="form-grid" style={{ marginTop: '1rem' }}>
            <label htmlFor="size">Questions</label>
            <div className="row">
              <input id="size" type="number" min={1} max={MAX_BLOCK_ITEMS} value={spec.size} data-testid="size" onChange={(e) => { setPreset('custom'); update({ size: Math.max(1, Math.min(MAX_BLOCK_ITEMS, Number(e.target.value) || 1)) }); }} />
              {tooMany && (
                <span className="badge bad" data-testid="too-many">
                  Only {available} match these filters
                </span>
              )}
            </div>
            {spec.secondsPerQuestion !== null && (
              <>
                <label htmlFor="pace">Seconds per question</label>
                <div className="row">
                  <input id="pace" type="number" min={10} max={600} value={spec.secondsPerQuestion} data-testid="pace" onChange={(e) => { setPreset('custom'); update({ secondsPerQuestion: Math.max(10, Math.min(600, Number(e.target.value) || 90)) }); }} />
                  <span className="muted" data-testid="block-length">{length} for the block</span>
                </div>
              </>
            )}
          </div>
          )}
        </section>
        {preset === 'simulation' && <SimulationSetup filters={filters} exam={settings.data?.exam ?? null} />}
        {preset !== 'simulation' && (<>
        <section className="card">
          <h2>Mode</h2>
          <div className="segmented" role="group" aria-label="Mode">
            {(['timed', 'tutor', 'untimed'] as const).map((m) => (
              <button key={m} aria-pressed={spec.mode === m} onClick={() => setMode(m)} data-testid={`mode-${m}`}>
                {m[0]!.toUpperCase() + m.slice(1)}
              </button>
            ))}
          </div>
          <p className="muted" style={{ marginTop: '0.6rem' }}>
            {spec.mode === 'timed' && 'Like the exam: one clock for the block, explanations after you end it.'}
            {spec.mode === 'tutor' && 'Submit each answer to see its explanation at once.'}
            {spec.mode === 'untimed' && 'No block clock; time on each item is still recorded. Explanations after the block.'}
          </p>
          {spec.mode === 'tutor' && (
            <label className="row">
              <input type="checkbox" checked={tutorTimer} onChange={(e) => { setTutorTimer(e.target.checked); update({ secondsPerQuestion: e.target.checked ? 90 : null }); }} /> Use a block timer
            </label>
          )}
          {spec.mode === 'timed' && (
            <label className="row">
              <input type="checkbox" checked={spec.pauseStopsClock ?? false} onChange={(e) => update({ pauseStopsClock: e.target.checked })} /> Pausing stops the clock (the real exam does not)
            </label>
          )}
          <h2 style={{ marginTop: '1rem' }}>Order</h2>
          <div className="segmented" role="group" aria-label="Order">
            <button aria-pressed={spec.order === 'random'} onClick={() => update({ order: 'random' })}>
              Random
            </button>
            <button aria-pressed={spec.order === 'system'} onClick={() => update({ order: 'system' })}>
              Grouped by system
            </button>
          </div>
        </section>
        <ErrorBox error={create.error} title="The block was not created" />
        <div className="row builder-start">
          <span className="muted">
            {spec.size} question{spec.size === 1 ? '' : 's'} · {spec.mode}
            {length !== null ? ` · ${length}` : ''}
          </span>
          <button className="primary big" disabled={tooMany || available === 0 || create.isPending} onClick={() => void start()} data-testid="start-block">
            Start block
          </button>
        </div>
        </>)}
      </div>
    </>
  );
}
