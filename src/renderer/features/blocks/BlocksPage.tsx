import { Link, useNavigate } from 'react-router';
import { EmptyState, ErrorBox, PageHeader, formatDate, formatDuration, percent } from '../../components/common';
import { useApi } from '../../queries';
import type { BlockSummary } from '../../../shared/types';

const STATUS: Record<BlockSummary['status'], { label: string; tone: string }> = {
  in_progress: { label: 'In progress', tone: 'warn' },
  suspended: { label: 'Suspended', tone: 'warn' },
  finished: { label: 'Finished', tone: 'accent' },
};

export function BlocksTable({ blocks }: { blocks: BlockSummary[] }) {
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
              <td>{b.correctCount !== null ? `${b.correctCount} / ${b.itemCount} (${percent(b.correctCount, b.itemCount)})` : `${b.answeredCount} / ${b.itemCount} answered`}</td>
              <td>
                {formatDuration(b.elapsedMs)}
                {b.timeLimitMs !== null && <span className="muted"> of {formatDuration(b.timeLimitMs)}</span>}
              </td>
              <td>
                <button className={open ? 'primary' : ''}>{open ? 'Resume' : 'Review'}</button>
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
      <ErrorBox error={blocks.error} />
      {blocks.data && blocks.data.length === 0 && (
        <EmptyState title="No blocks yet" action={<Link className="button primary" to="/create">Create your first block</Link>}>
          A block is a set of questions answered under exam conditions. Its answers, marks, notes and timing are saved as you go.
        </EmptyState>
      )}
      {blocks.data && blocks.data.length > 0 && (
        <section className="card">
          <BlocksTable blocks={blocks.data} />
        </section>
      )}
    </>
  );
}
