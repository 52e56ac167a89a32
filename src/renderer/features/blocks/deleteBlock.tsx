/**
 * Deleting a block from any screen (blocks list, results, the runner's "discard"): the core removes it and everything
 * it counted in one transaction; the Blocks screen then offers Undo, as the notebook does for a note.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import { invalidateAfter } from '../../queries';

export interface DeletedBlock {
  undoId: number;
  title: string;
  /** Blocks removed with it (the other blocks of its exam day). */
  count: number;
}

/** Router state the Blocks screen reads to show the Undo bar after a delete elsewhere. */
export interface BlocksLocationState {
  deleted?: DeletedBlock;
}

export function useDeleteBlock() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const remove = async (blockId: number, title: string): Promise<DeletedBlock | null> => {
    try {
      const out = await call('blocks:delete', { blockId });
      await invalidateAfter(client, 'blocks:delete');
      return { undoId: out.undoId, title, count: out.blockIds.length };
    } catch (e) {
      setError(e);
      return null;
    }
  };
  /** Deletes, then opens the Blocks screen with its Undo bar. */
  const removeAndLeave = async (blockId: number, title: string) => {
    const deleted = await remove(blockId, title);
    if (deleted) navigate('/blocks', { state: { deleted } satisfies BlocksLocationState });
  };
  return { remove, removeAndLeave, error };
}

export function UndoDeleteBar({ deleted, onDone }: { deleted: DeletedBlock; onDone: () => void }) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const undo = async () => {
    try {
      await call('blocks:undoDelete', { undoId: deleted.undoId });
      await invalidateAfter(client, 'blocks:undoDelete');
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const also = deleted.count > 1 ? ` and the ${deleted.count - 1} other block${deleted.count === 2 ? '' : 's'} of its exam day` : '';
  return (
    <div className="notice row undo-bar" role="status" data-testid="undo-bar">
      <span className="spacer">
        Deleted “{deleted.title}”{also}, with its answers, statistics and the review cards it created.
        {error && <strong> {error}</strong>}
      </span>
      <button className="primary" onClick={() => void undo()} data-testid="undo-delete">
        Undo
      </button>
      <button className="link" onClick={onDone} aria-label="Dismiss">
        Dismiss
      </button>
    </div>
  );
}
