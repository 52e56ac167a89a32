/**
 * The student's Markdown note on one question, the same editor in the review and the library. Typing saves after a
 * short pause and on leaving the field, so a note is on disk moments after it is written.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorBox } from '../../components/common';
import { useApi } from '../../queries';
import { call } from '../../api';

const SAVE_AFTER_MS = 400;

export function NoteEditor({ questionId, id = 'question-note' }: { questionId: number; id?: string }) {
  const stored = useApi('notes:question', { questionId });
  const client = useQueryClient();
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | null>(null);

  // A new question: start from its stored note.
  useEffect(() => {
    setText(null);
    setStatus('idle');
  }, [questionId]);

  const save = async (value: string) => {
    pending.current = null;
    setStatus('saving');
    try {
      await call('notes:save', { questionId, text: value });
      setError(null);
      setStatus('saved');
      void client.invalidateQueries({ queryKey: ['notes:search'] });
      void client.invalidateQueries({ queryKey: ['notes:facets'] });
      client.setQueryData(['notes:question', { questionId }], (old: { id: number | null; text: string } | undefined) => ({ id: old?.id ?? null, text: value }));
    } catch (e) {
      setError(e);
      setStatus('idle');
    }
  };
  const flush = () => {
    if (!pending.current) return;
    clearTimeout(pending.current.timer);
    void save(pending.current.text);
  };
  // Leaving the item (or the screen) saves what was typed.
  useEffect(() => () => flush(), [questionId]);

  const value = text ?? stored.data?.text ?? '';
  const onChange = (next: string) => {
    setText(next);
    setStatus('idle');
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { text: next, timer: setTimeout(() => void save(next), SAVE_AFTER_MS) };
  };

  return (
    <div className="note-editor">
      <div className="row">
        <label htmlFor={id} className="spacer">
          <strong>My note</strong> <span className="muted small">Markdown · saved as you type</span>
        </label>
        <span className="muted small" role="status" data-testid="note-status">
          {status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : ''}
        </span>
      </div>
      <textarea
        id={id}
        data-testid="note-editor"
        rows={5}
        value={value}
        disabled={stored.isLoading}
        placeholder="What to remember next time…"
        onChange={(e) => onChange(e.target.value)}
        onBlur={flush}
        onKeyDown={(e) => {
          // Esc leaves the note (saving it) so the review's keys work again.
          if (e.key === 'Escape') {
            e.stopPropagation();
            (e.target as HTMLTextAreaElement).blur();
          }
        }}
      />
      <ErrorBox error={error} title="The note was not saved" />
    </div>
  );
}
