import { PageHeader } from '../../components/common';

export function RunnerPage() {
  return <PageHeader title="RunnerPage" />;
}
