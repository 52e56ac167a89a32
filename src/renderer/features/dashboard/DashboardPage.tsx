import { EmptyState, PageHeader } from '../../components/common';

export function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" subtitle="Performance by subject and system, and readiness for exam day." />
      <EmptyState title="The readiness dashboard is not built yet">
        Your block results are already stored. Charts by discipline and system, trends, the self-assessment log and the readiness projection come in a later
        version; until then, each finished block shows its score under Blocks.
      </EmptyState>
    </>
  );
}
