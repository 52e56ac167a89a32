import { PageHeader } from '../../components/common';

export function BuilderPage() {
  return <PageHeader title="BuilderPage" />;
}
