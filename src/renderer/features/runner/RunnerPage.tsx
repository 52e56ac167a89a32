/** The exam runner: a full-window interface modelled on the USMLE test driver. */
import { useEffect, useLayoutEffect, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { QuestionBody } from '../../components/QuestionBody';
import { ErrorBox, Loading } from '../../components/common';
import { useBlockRunner } from './useBlockRunner';
import { Navigator } from './Navigator';
import { LabPanel } from './LabPanel';
import { Calculator } from './Calculator';
import { NotePanel } from './NotePanel';
import { EndDialog, HelpOverlay, PauseOverlay, TimeUpDialog } from './Dialogs';
import { BlockClock } from './BlockClock';
import { useRunnerKeys } from './useRunnerKeys';
import { ExamSettingsPanel, useExamSettings } from './ExamSettings';
import { TwoMinuteWarning } from './TwoMinuteWarning';
import './runner.css';
import { invalidateAfter } from '../../queries';
import { useDeleteBlock } from '../blocks/deleteBlock';

export type Panel = 'labs' | 'calc' | 'note' | 'help' | 'end' | 'settings' | null;

export function RunnerPage() {
  const blockId = Number(useParams().blockId);
  const navigate = useNavigate();
  const client = useQueryClient();
  const { state, item, loading, error, tickAt, actions } = useBlockRunner(blockId);
  const deletion = useDeleteBlock();
  const [panel, setPanel] = useState<Panel>(null);
  const [paused, setPaused] = useState(false);
  useExamSettings();

  const finished = state?.status === 'finished';
  const position = state?.currentPosition ?? 0;
  const view = item && item.item.position === position ? item : undefined;
  const tutor = state?.mode === 'tutor';

  // "Next question shown" is measured from the click to the new item's first paint (read by the e2e test and bench).
  useLayoutEffect(() => {
    if (!view || performance.getEntriesByName('vignette:navigate', 'mark').length === 0) return;
    performance.measure('vignette:next-item', 'vignette:navigate');
    performance.clearMarks('vignette:navigate');
  }, [view]);

  useEffect(() => {
    // Finishing changes Home, the blocks list, statuses in the library and the facet counts: the table knows which.
    if (finished) void invalidateAfter(client, 'blocks:end');
  }, [finished, client]);

  useRunnerKeys({ state, view, panel, setPanel, actions, disabled: paused || finished });

  if (loading && !state) return <Loading label="Opening block…" />;
  if (!state) return <ErrorBox error={error} title="This block cannot be opened" />;
  // A finished block opens in review, or its exam day (break or results); a block that just timed out first says so.
  const after = state.day ? `/days/${state.day.id}` : `/blocks/${blockId}/review`;
  if (finished && state.endReason !== 'time_up') return <Navigate to={after} replace />;
  const it = view?.item;

  return (
    <div className="runner" data-testid="runner">
      <header className="exam-bar top">
        <div className="exam-bar-left">
          <span className="item-count" data-testid="item-count">
            Item {position + 1} of {state.itemCount}
          </span>
          <span className="block-id" data-testid="block-label">
            {state.day ? `Block ${state.day.index + 1} of ${state.day.count} · exam day` : `Block ${state.id}`}
          </span>
          <label className="mark-box">
            <input type="checkbox" checked={it?.marked ?? false} onChange={(e) => void actions.mark(e.target.checked)} data-testid="mark" /> Mark
          </label>
        </div>
        <div className="exam-bar-center">
          <button onClick={() => void actions.goto(position - 1)} disabled={position === 0} data-testid="prev">
            ◀ Previous
          </button>
          <button onClick={() => void actions.goto(position + 1)} disabled={position >= state.itemCount - 1} data-testid="next">
            Next ▶
          </button>
        </div>
        <div className="exam-bar-right">
          <button onClick={() => setPanel(panel === 'labs' ? null : 'labs')} aria-pressed={panel === 'labs'} data-testid="open-labs">
            Lab values
          </button>
          <button onClick={() => setPanel(panel === 'calc' ? null : 'calc')} aria-pressed={panel === 'calc'} data-testid="open-calc">
            Calculator
          </button>
          <button onClick={() => setPanel(panel === 'note' ? null : 'note')} aria-pressed={panel === 'note'} data-testid="open-note">
            Notes
          </button>
          <button onClick={() => setPanel(panel === 'settings' ? null : 'settings')} aria-pressed={panel === 'settings'} data-testid="open-settings">
            Settings
          </button>
        </div>
      </header>

      <div className="runner-body">
        <Navigator items={state.items} current={position} onGoto={(p) => void actions.goto(p)} reveal={false} />
        <main className="runner-main">
          <ErrorBox error={error ?? deletion.error} title="That action was not saved" />
          {!view && <Loading />}
          {view && (
            <div className="runner-question" key={view.item.position}>
              <QuestionBody
                question={view.question}
                selected={view.item.selected}
                struck={view.item.struck}
                highlights={view.item.highlights}
                locked={view.item.submitted || finished}
                outcomeBanner
                onSelect={(c) => void actions.select(c)}
                onStrike={(c, s) => void actions.strike(c, s)}
                onHighlightsChange={(h) => void actions.highlight(h)}
              />
              {tutor && !view.item.submitted && (
                <button className="primary" disabled={view.item.selected === null} onClick={() => void actions.submit()} data-testid="submit">
                  Submit
                </button>
              )}
            </div>
          )}
        </main>
        {panel === 'labs' && <LabPanel onClose={() => setPanel(null)} />}
        {panel === 'note' && view && (
          <NotePanel
            key={view.item.position}
            initial={view.note}
            onSave={async (text) => {
              await actions.note(text);
              client.setQueryData(['runner:item', blockId, position], { ...view, note: text });
            }}
            onClose={() => setPanel(null)}
          />
        )}
      </div>
      {panel === 'calc' && <Calculator onClose={() => setPanel(null)} />}
      {panel === 'settings' && <ExamSettingsPanel onClose={() => setPanel(null)} />}
      {!finished && <TwoMinuteWarning state={state} />}

      <footer className="exam-bar bottom">
        <div className="row">
          <button
            onClick={() => {
              setPaused(true);
              void actions.pause();
            }}
            data-testid="pause"
          >
            Pause
          </button>
          <button
            onClick={async () => {
              await actions.suspend();
              navigate('/');
            }}
            data-testid="suspend"
          >
            Suspend
          </button>
          <button onClick={() => setPanel('help')} title="Keyboard shortcuts (?)">
            Help
          </button>
        </div>
        <BlockClock state={state} item={it} tickAt={tickAt} />
        <button className="end-button" onClick={() => setPanel('end')} data-testid="end-block">
          End block
        </button>
      </footer>

      {panel === 'help' && <HelpOverlay onClose={() => setPanel(null)} />}
      {panel === 'end' && (
        <EndDialog
          state={state}
          onCancel={() => setPanel(null)}
          onConfirm={async () => {
            await actions.end();
            navigate(after);
          }}
          onKeep={async () => {
            await actions.end(true);
            navigate(after);
          }}
          onDiscard={async () => {
            // A day's block ends uncounted (the day goes on); any other block is deleted, with Undo on the Blocks screen.
            if (state.day) {
              await actions.end();
              navigate(after);
            } else await deletion.removeAndLeave(blockId, state.title);
          }}
        />
      )}
      {paused && !finished && (
        <PauseOverlay
          state={state}
          onResume={() => {
            setPaused(false);
            void actions.resume();
          }}
        />
      )}
      {finished && state.endReason === 'time_up' && <TimeUpDialog onReview={() => navigate(after)} nextLabel={state.day ? 'Continue the exam day' : undefined} counted={state.counted} />}
    </div>
  );
}
