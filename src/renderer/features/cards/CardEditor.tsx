/**
 * Create or edit a flashcard: basic (front/back) or cloze ({{c1::…}}), Markdown with images. Opened from the
 * Flashcards screen, from a review session (E), and by "Make card" on a text selection, prefilled.
 */
import { useEffect, useRef, useState } from 'react';
import { ErrorBox } from '../../components/common';
import { call } from '../../api';
import { useApiMutation } from '../../queries';
import type { FlashcardInput } from '../../../shared/srs';

export interface EditorSeed {
  kind: 'basic' | 'cloze';
  frontMd: string;
  backMd: string;
  questionId?: number | null;
  tags?: string[];
  /** Editing an existing card; absent = a new card. */
  cardId?: number;
}

const INVALIDATES = ['cards:session', 'cards:counts', 'cards:list', 'cards:stats', 'cards:get'] as const;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export function CardEditor({ seed, onClose, onSaved }: { seed: EditorSeed; onClose: () => void; onSaved?: (cardIds: number[]) => void }) {
  const [draft, setDraft] = useState<FlashcardInput>({ kind: seed.kind, frontMd: seed.frontMd, backMd: seed.backMd, questionId: seed.questionId ?? null, tags: seed.tags ?? [] });
  const [tagText, setTagText] = useState((seed.tags ?? []).join(' '));
  const [imageError, setImageError] = useState<unknown>(null);
  const create = useApiMutation('cards:create', [...INVALIDATES]);
  const edit = useApiMutation('cards:edit', [...INVALIDATES]);
  const front = useRef<HTMLTextAreaElement>(null);
  useEffect(() => front.current?.focus(), []);

  /** A refused save (an empty side, no cloze deletion, a lost connection) stays open with its message: never thrown. */
  const save = async () => {
    const input = { ...draft, tags: tagText.split(/[\s,]+/).filter(Boolean) };
    try {
      if (seed.cardId) {
        await edit.mutateAsync({ ...input, cardId: seed.cardId });
        onSaved?.([seed.cardId]);
      } else {
        const { cardIds } = await create.mutateAsync(input);
        onSaved?.(cardIds);
      }
    } catch {
      return; // the mutation's error is shown below the fields
    }
    onClose();
  };
  const makeCloze = () => {
    const el = front.current;
    if (!el) return;
    const { selectionStart: a, selectionEnd: b, value } = el;
    const used = [...value.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]));
    const n = used.length ? Math.max(...used) + 1 : 1;
    const inner = a < b ? value.slice(a, b) : 'answer';
    setDraft({ ...draft, kind: 'cloze', frontMd: `${value.slice(0, a)}{{c${n}::${inner}}}${value.slice(b)}` });
  };
  const addImage = async (file: File, side: 'frontMd' | 'backMd') => {
    setImageError(null);
    try {
      const { name } = await call('cards:addImage', { fileName: file.name, base64: await readBase64(file) });
      setDraft((d) => ({ ...d, [side]: `${d[side]}${d[side] ? '\n\n' : ''}![${file.name.replace(/[[\]]/g, '')}](${name})` }));
    } catch (error) {
      setImageError(error);
    }
  };
  const error = create.error ?? edit.error;
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
    e.stopPropagation();
  };

  return (
    <div className="cards-backdrop" onKeyDown={onKey}>
      <div className="cards-modal card" role="dialog" aria-modal="true" aria-label={seed.cardId ? 'Edit card' : 'New card'} data-testid="card-editor">
        <div className="row">
          <h2 className="spacer">{seed.cardId ? 'Edit card' : 'New card'}</h2>
          <div className="segmented" role="group" aria-label="Card type">
            <button aria-pressed={draft.kind === 'basic'} onClick={() => setDraft({ ...draft, kind: 'basic' })}>
              Basic
            </button>
            <button aria-pressed={draft.kind === 'cloze'} onClick={() => setDraft({ ...draft, kind: 'cloze' })}>
              Cloze
            </button>
          </div>
        </div>
        <label htmlFor="card-front">{draft.kind === 'cloze' ? 'Text (hide parts with {{c1::…}})' : 'Front'}</label>
        <textarea id="card-front" ref={front} rows={4} value={draft.frontMd} onChange={(e) => setDraft({ ...draft, frontMd: e.target.value })} data-testid="card-front" />
        <div className="row small">
          <button className="link" onClick={makeCloze} title="Wrap the selected words in a cloze deletion">
            Hide selection as cloze
          </button>
          <label className="link file-button">
            Add image
            <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" hidden onChange={(e) => e.target.files?.[0] && void addImage(e.target.files[0], 'frontMd')} />
          </label>
        </div>
        <label htmlFor="card-back">{draft.kind === 'cloze' ? 'Extra (shown with the answer)' : 'Back'}</label>
        <textarea id="card-back" rows={4} value={draft.backMd} onChange={(e) => setDraft({ ...draft, backMd: e.target.value })} data-testid="card-back" />
        <label htmlFor="card-tags">Tags</label>
        <input id="card-tags" value={tagText} placeholder="e.g. pharmacology seizures" onChange={(e) => setTagText(e.target.value)} />
        {draft.questionId ? <p className="muted small">Linked to question {draft.questionId}: it counts toward that question&apos;s system.</p> : null}
        <ErrorBox error={error ?? imageError} title="The card was not saved" />
        <div className="row modal-actions">
          <span className="muted small spacer">Markdown · Ctrl+Enter saves · Esc cancels</span>
          <button onClick={onClose}>Cancel</button>
          <button className="primary" onClick={() => void save()} disabled={create.isPending || edit.isPending} data-testid="card-save">
            Save card
          </button>
        </div>
      </div>
    </div>
  );
}
