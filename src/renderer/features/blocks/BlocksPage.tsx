import { PageHeader } from '../../components/common';

export function BlocksPage() {
  return <PageHeader title="BlocksPage" />;
}
