/** Review: finished blocks (each opens its results), the review-missed queue and answer changes across all blocks. */
import { Link } from 'react-router';
import { EmptyState, PageHeader } from '../../components/common';
import { useApi } from '../../queries';
import { BlocksTable } from '../blocks/BlocksPage';

export function ReviewListPage() {
  const blocks = useApi('blocks:list', { status: 'finished' });
  const missed = useApi('review:missed', { page: 0, pageSize: 1 });
  return (
    <>
      <PageHeader
        title="Review"
        subtitle="Go back over finished blocks: every answer with its explanation, why you missed it, and what to remember."
        actions={
          <>
            <Link className="button primary" to="/review/missed" data-testid="open-missed">
              Review missed{missed.data ? ` (${missed.data.total})` : ''}
            </Link>
            <Link className="button" to="/review/changes">
              Answer changes
            </Link>
          </>
        }
      />
      {blocks.data && blocks.data.length === 0 && (
        <EmptyState title="Nothing to review yet" action={<Link className="button primary" to="/create">Create a block</Link>}>
          When you end a block, it appears here with your score and every explanation.
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
