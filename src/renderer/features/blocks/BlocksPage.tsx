import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { EmptyState, ErrorBox, PageHeader, formatDate, formatDuration, percent } from '../../components/common';
import { useApi } from '../../queries';
import type { BlockSummary } from '../../../shared/types';
import { UndoDeleteBar, useDeleteBlock, type BlocksLocationState, type DeletedBlock } from './deleteBlock';

const STATUS: Record<BlockSummary['status'], { label: string; tone: string }> = {
  in_progress: { label: 'In progress', tone: 'warn' },
  suspended: { label: 'Suspended', tone: 'warn' },
  finished: { label: 'Finished', tone: 'accent' },
};

function score(b: BlockSummary): string {
  if (!b.counted) return 'Not counted (no answer)';
  return b.correctCount !== null ? `${b.correctCount} / ${b.itemCount} (${percent(b.correctCount, b.itemCount)})` : `${b.answeredCount} / ${b.itemCount} answered`;
}

export function BlocksTable({ blocks, onDelete }: { blocks: BlockSummary[]; onDelete?: (block: BlockSummary) => void }) {
  const navigate = useNavigate();
  return (
    <table className="data" data-testid="blocks-table">
      <thead>
        <tr>
          <th>Date</th>
          <th>Block</th>
          <th>Status</th>
          <th>Score</th>
          <th>Time used</th>
          <th>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {blocks.map((b) => {
          const open = b.status !== 'finished';
          return (
            <tr key={b.id} className="clickable" onClick={() => navigate(open ? `/blocks/${b.id}/run` : `/blocks/${b.id}/review`)}>
              <td>{formatDate(b.createdAt)}</td>
              <td>{b.title}</td>
              <td>
                <span className={`badge ${STATUS[b.status].tone}`}>{STATUS[b.status].label}</span>
                {b.endReason === 'time_up' && <span className="badge"> time ran out</span>}
              </td>
              <td>{score(b)}</td>
              <td>
                {formatDuration(b.elapsedMs)}
                {b.timeLimitMs !== null && <span className="muted"> of {formatDuration(b.timeLimitMs)}</span>}
              </td>
              <td>
                <div className="row">
                  <button className={open ? 'primary' : ''}>{open ? 'Resume' : 'Review'}</button>
                  {onDelete && (
                    <button
                      className="link"
                      onClick={(e) => {
                        e.stopPropagation();
                        onDelete(b);
                      }}
                      aria-label={`Delete ${b.title}`}
                      data-testid={`delete-block-${b.id}`}
                    >
                      Delete
                    </button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function BlocksPage() {
  const blocks = useApi('blocks:list', { status: 'all' });
  const sent = (useLocation().state as BlocksLocationState | null)?.deleted ?? null;
  const [deleted, setDeleted] = useState<DeletedBlock | null>(sent);
  const { remove, error } = useDeleteBlock();
  const onDelete = async (b: BlockSummary) => {
    const d = await remove(b.id, b.title);
    if (d) setDeleted(d);
  };
  return (
    <>
      <PageHeader
        title="Blocks"
        subtitle="Every block you have started, newest first."
        actions={
          <Link className="button primary" to="/create">
            Create a block
          </Link>
        }
      />
      <ErrorBox error={blocks.error ?? error} />
      {deleted && <UndoDeleteBar deleted={deleted} onDone={() => setDeleted(null)} />}
      {blocks.data && blocks.data.length === 0 && (
        <EmptyState title="No blocks yet" action={<Link className="button primary" to="/create">Create your first block</Link>}>
          A block is a set of questions answered under exam conditions. Its answers, marks, notes and timing are saved as you go.
        </EmptyState>
      )}
      {blocks.data && blocks.data.length > 0 && (
        <section className="card">
          <BlocksTable blocks={blocks.data} onDelete={(b) => void onDelete(b)} />
        </section>
      )}
    </>
  );
}
