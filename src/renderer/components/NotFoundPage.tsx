/** What an address the app does not know shows (a stale bookmark, a typo): the address, and a way home. */
import { Link, useLocation } from 'react-router';
import { EmptyState, PageHeader } from './common';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div data-testid="not-found">
      <PageHeader title="Not found" />
      <EmptyState
        title="There is no screen at this address"
        action={
          <Link className="button primary" to="/">
            Go to Home
          </Link>
        }
      >
        <p>
          Nothing in Vignette lives at <code>{pathname}</code>. The link may be from an older version, or mistyped. Your questions, blocks and notes are
          unaffected.
        </p>
      </EmptyState>
    </div>
  );
}
