/** The selected question exactly as in a block, with the answer, every explanation, its tags and related notes. */
import { QuestionBody } from '../../components/QuestionBody';
import { MakeCardFromSelection } from '../cards/MakeCardFromSelection';
import { ErrorBox, Loading } from '../../components/common';
import { useApi } from '../../queries';
import { NoteLinks } from '../notebook/NoteLinks';
import { NoteEditor } from '../notebook/NoteEditor';
import { systemLabel } from './systemLabel';

export function QuestionPreview({ id, onClose }: { id: number; onClose: () => void }) {
  const question = useApi('questions:get', { id });
  const q = question.data;
  return (
    <aside className="card question-preview" data-testid="question-preview" aria-label="Question preview">
      <div className="row preview-head">
        <div className="preview-title">
          {q ? (
            <>
              <strong>{q.packTitle}</strong>
              <span className="muted"> · {q.sourceId}</span>
              <div className="result-meta preview-meta">
                {[systemLabel(q), q.discipline, q.topic].filter(Boolean).join(' · ')}
                {q.retired && <span className="badge">Retired</span>}
              </div>
            </>
          ) : (
            <strong>Question</strong>
          )}
        </div>
        <span className="spacer" />
        <button onClick={onClose} aria-label="Close preview">
          Close
        </button>
      </div>
      {question.isLoading && <Loading />}
      <ErrorBox error={question.error} title="Could not open this question" />
      {q && (
        <>
          <MakeCardFromSelection questionId={q.id} stemHtml={q.stemHtml}>
            <QuestionBody question={q} locked />
          </MakeCardFromSelection>
          {q.tags.length > 0 && (
            <div className="preview-section">
              <h3>Tags</h3>
              <div className="chips">
                {q.tags.map((t) => (
                  <span key={t} className="badge">
                    {t}
                  </span>
                ))}
              </div>
            </div>
          )}
          <div className="preview-section">
            <NoteEditor questionId={q.id} id="library-note" />
          </div>
          <div className="preview-section">
            <h3>Related notes</h3>
            {q.notes.length === 0 ? (
              <p className="muted small">No notes link to this question yet. Notes you write during a block appear here.</p>
            ) : (
              <NoteLinks notes={q.notes} />
            )}
          </div>
        </>
      )}
    </aside>
  );
}
